import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DatabaseLocale, readDatabaseLocale } from '../../src/database/database-locale';

/**
 * The service as a user runs it: `npm start` on the embedded default, stopped by Ctrl-C (SIGINT to
 * the whole process group), by SIGTERM to Tally alone, or by SIGTERM to npm alone — every time with
 * its PostgreSQL gone too, and its data kept for the next start.
 */
/** Generous: other specs keep both cores busy while this one runs. */
const READY_WITHIN_MS = 60_000;

describe('Tally as a process', () => {
  jest.setTimeout(READY_WITHIN_MS + 60_000);
  const root = join(__dirname, '..', '..');
  const dataDir = mkdtempSync(join(tmpdir(), 'tally-lifecycle-'));
  let port: number;

  beforeAll(async () => {
    port = await freePort();
  });

  // Each test stops the service it started; its PostgreSQL's data directory (40 MB) goes afterwards.
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function start(command: 'npm' | 'node'): ChildProcess {
    const args =
      command === 'npm'
        ? ['start']
        : ['--enable-source-maps', join(process.env.TALLY_TEST_BUILD!, 'main.js')];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    delete env.ADMIN_TOKEN;
    // As in most containers: no locale at all, which once gave the embedded cluster SQL_ASCII.
    for (const name of ['LANG', 'LC_ALL', 'LC_CTYPE', 'LC_COLLATE']) delete env[name];
    return spawn(command, args, { cwd: root, env, detached: true, stdio: 'ignore' });
  }

  async function waitReady(deadlineMs: number): Promise<void> {
    const started = Date.now();
    while (Date.now() - started < deadlineMs) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`not ready within ${deadlineMs} ms`);
  }

  /** postmaster.pid's first line is the server's pid, its fourth the port. */
  const postmasterLine = (index: number) =>
    Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[index]);
  const postgresPid = () => postmasterLine(0);

  async function databaseLocale(): Promise<DatabaseLocale> {
    const client = new Client({
      host: '127.0.0.1',
      port: postmasterLine(3),
      user: 'tally',
      password: 'tally',
      database: 'postgres',
    });
    await client.connect();
    try {
      return await readDatabaseLocale({
        query: async <Rows>(sql: string) => (await client.query(sql)).rows as Rows,
      });
    } finally {
      await client.end();
    }
  }

  async function expectGone(pids: number[], withinMs = 30_000): Promise<void> {
    const deadline = Date.now() + withinMs;
    while (pids.some(isAlive) && Date.now() < deadline) await sleep(50);
    expect(pids.filter(isAlive)).toEqual([]);
  }

  const api = (path: string, token?: string) =>
    fetch(`http://127.0.0.1:${port}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  // How fast it starts is a benchmark's question (no timings in tests); here it must start at all.
  it('starts with npm start, serves docs openly, guards the API, and stops on Ctrl-C', async () => {
    const npm = start('npm');
    await waitReady(READY_WITHIN_MS);
    expect((await api('/docs')).status).toBe(200);
    const refused = await api('/api/v1/tokens');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    const admin = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    expect((await api('/api/v1/tokens', admin)).status).toBe(200);
    const locale = await databaseLocale();

    const pg = postgresPid();
    process.kill(-npm.pid!, 'SIGINT'); // what a terminal does on Ctrl-C
    await expectGone([npm.pid!, pg]);
    // UTF-8 and code-point order whatever the host's locale.
    expect(locale).toEqual({
      database: 'postgres',
      encoding: 'UTF8',
      provider: 'builtin',
      collation: 'C.UTF-8',
    });
  });

  it('keeps its data across restarts and stops when SIGTERM reaches Tally alone', async () => {
    const tally = start('node');
    await waitReady(READY_WITHIN_MS);
    const admin = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    const tokens = (await (await api('/api/v1/tokens', admin)).json()) as unknown[];
    expect(tokens.length).toBeGreaterThan(0); // the admin token made by the first start is still there

    const pg = postgresPid();
    process.kill(tally.pid!, 'SIGTERM');
    await expectGone([tally.pid!, pg]);
  });

  it('stops when SIGTERM reaches only npm, which does not pass it on', async () => {
    const npm = start('npm');
    await waitReady(READY_WITHIN_MS);
    const pg = postgresPid();
    const children = execFileSync('ps', ['-o', 'pid=', '-g', String(npm.pid)], { encoding: 'utf8' })
      .split('\n')
      .map(Number)
      .filter((pid) => pid > 0);
    process.kill(npm.pid!, 'SIGTERM');
    await expectGone([...children, pg]);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
