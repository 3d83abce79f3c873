import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES, MIGRATIONS } from './schema';

export interface DataSourceOptions {
  readonly url: string;
  readonly poolSize?: number;
  readonly applicationName?: string;
}

/** One TypeORM data source per process; its pg pool also serves the event store and projections. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    extra: {
      max: options.poolSize ?? 20,
      application_name: options.applicationName ?? 'tally',
      connectionTimeoutMillis: 5_000,
    },
  });
}

/** Applies pending migrations; a transaction-scoped advisory lock lets several processes start at once. */
export async function migrate(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query(`SELECT pg_advisory_lock(7317001)`);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(7317001)`);
    }
  } finally {
    await runner.release();
  }
}

/** The pg pool TypeORM opened, for raw, batched SQL on hot paths. */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}
