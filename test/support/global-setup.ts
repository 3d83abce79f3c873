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
  // Specs that run Tally as a process get one build, made before any starts, copied to a folder of
  // this run's own (inside the project, so node_modules resolves): a build no process uses may be
  // pruned when another version of the sources is built.
  const root = join(__dirname, '..', '..');
  const built = launch(root, '--build');
  mkdirSync(join(root, '.test-builds'), { recursive: true });
  const build = mkdtempSync(join(root, '.test-builds', 'run-'));
  cpSync(built, build, { recursive: true });
  process.env.TALLY_TEST_BUILD = build;
  // The console the test apps serve, copied beside it for the same reason.
  const console = join(build, '.console');
  cpSync(launch(root, '--build-console'), console, { recursive: true });
  process.env.TALLY_CONSOLE_DIR = console;
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

/** Makes a build with scripts/launch.js if needed, and answers its folder. */
function launch(root: string, command: '--build' | '--build-console'): string {
  return execFileSync(process.execPath, [join(root, 'scripts', 'launch.js'), command], {
    cwd: root,
    encoding: 'utf8',
  }).trim();
}
