import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '../../src/database/data-source';

export interface TestDatabase {
  readonly url: string;
  readonly dataSource: DataSource;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database on the run's PostgreSQL server (see global-setup.ts), or on the one given.
 * `options` go to its CREATE DATABASE (an encoding or collation of its own).
 */
export async function createTestDatabase(
  serverUrl = process.env.TALLY_TEST_SERVER_URL,
  options = '',
): Promise<TestDatabase> {
  if (!serverUrl) throw new Error('TALLY_TEST_SERVER_URL is not set: run the tests through jest');
  const name = `tally_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name} ${options}`));
  const url = databaseUrl(serverUrl, name);
  const dataSource = createDataSource({ url, poolSize: 30, applicationName: 'tally-test' });
  await dataSource.initialize();
  await migrate(dataSource);
  return {
    url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
