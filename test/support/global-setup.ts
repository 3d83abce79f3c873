import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

/**
 * One PostgreSQL server per test run: `DATABASE_URL` when set, otherwise an embedded server in a
 * temporary directory. Each suite then makes its own database on it (see `test-database.ts`).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TALLY_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const server = await startEmbeddedPostgres({
    clusterDir: join(mkdtempSync(join(tmpdir(), 'tally-test-')), 'pg'),
    persistent: false,
  });
  process.env.TALLY_TEST_SERVER_URL = server.url;
  (globalThis as { __TALLY_TEST_SERVER__?: { stop(): Promise<void> } }).__TALLY_TEST_SERVER__ = server;
}
