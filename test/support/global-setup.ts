import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

/**
 * One PostgreSQL server per test run: `DATABASE_URL` when set, otherwise an embedded server in a
 * temporary directory. Each suite then makes its own database on it (see `test-database.ts`).
 */
export default async function globalSetup(): Promise<void> {
  // Specs that run Tally as a process get one build, made before any starts, in a folder of its own
  // (inside the project, so node_modules resolves): `npm start` in the lifecycle spec rebuilds
  // `dist/`, and must not do so under another spec's running service.
  const root = join(__dirname, '..', '..');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  mkdirSync(join(root, '.test-builds'), { recursive: true });
  const build = mkdtempSync(join(root, '.test-builds', 'run-'));
  cpSync(join(root, 'dist'), build, { recursive: true });
  process.env.TALLY_TEST_BUILD = build;
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
