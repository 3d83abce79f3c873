import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, sleep } from '../support/processes';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sourceDigest } = require('../../scripts/launch.js') as { sourceDigest(root: string): string };

/**
 * The README's operator commands, run as a user runs them beside a live service on the embedded
 * default and the same `DATA_DIR`: `npm run replay -- --all`, `npm run worker`, and a mistaken second
 * `npm start` that fails on the taken port. The service keeps serving reads and writes throughout,
 * on the same PostgreSQL server, from the same build.
 */
const READY_WITHIN_MS = 60_000;

describe('operations beside a live node', () => {
  jest.setTimeout(4 * READY_WITHIN_MS);
  const root = join(__dirname, '..', '..');
  const dataDir = mkdtempSync(join(tmpdir(), 'tally-beside-'));
  let port: number;
  let service: ChildProcess | undefined;

  beforeAll(async () => {
    port = await freePort();
  });

  afterAll(async () => {
    if (service?.pid && service.exitCode === null) {
      process.kill(-service.pid, 'SIGINT');
      await exited(service);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  function npm(args: string[], env: Record<string, string> = {}): ChildProcess {
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    };
    delete childEnv.DATABASE_URL;
    delete childEnv.ADMIN_TOKEN;
    return spawn('npm', args, { cwd: root, env: childEnv, detached: true, stdio: 'ignore' });
  }

  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  const postmaster = () => readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');

  async function waitReady(): Promise<void> {
    const deadline = Date.now() + READY_WITHIN_MS;
    while (Date.now() < deadline) {
      const status = await fetch(url('/readyz')).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return;
      await sleep(100);
    }
    throw new Error('the service did not become ready');
  }

  it('keeps serving while replay, a worker and a second start run beside it', async () => {
    service = npm(['start']);
    await waitReady();
    const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const postgresPid = postmaster()[0];
    // The build the service runs: the one of the current sources (scripts/launch.js).
    const mainFile = join(root, 'dist', sourceDigest(root), 'main.js');
    const builtAt = statSync(mainFile).mtimeMs;

    const meter = await fetch(url('/api/v1/meters'), {
      method: 'POST',
      headers,
      body: JSON.stringify({ slug: 'calls', name: 'Calls', eventType: 'call', aggregation: 'COUNT' }),
    });
    expect(meter.status).toBe(201);

    // Reads and writes, one after another, for as long as the operator commands run.
    const failures: string[] = [];
    let acknowledged = 0;
    let running = true;
    const traffic = (async () => {
      for (let n = 0; running; n++) {
        const ingest = await fetch(url('/api/v1/events'), {
          method: 'POST',
          headers,
          body: JSON.stringify({
            specversion: '1.0',
            id: `e${n}`,
            source: 'beside',
            type: 'call',
            subject: 's',
          }),
        }).catch((error: Error) => ({ status: `${error.message}` }));
        if (ingest.status === 204) acknowledged++;
        else failures.push(`ingest ${n}: ${ingest.status}`);
        const ready = await fetch(url('/readyz')).catch((error: Error) => ({ status: error.message }));
        if (ready.status !== 200) failures.push(`readyz ${n}: ${ready.status}`);
        await sleep(50);
      }
    })();

    const replay = npm(['run', 'replay', '--', '--all']);
    expect(await exited(replay)).toBe(0);

    const worker = npm(['run', 'worker']);
    await waitForSession('tally-worker');
    process.kill(-worker.pid!, 'SIGTERM');
    await exited(worker);

    const second = npm(['start']);
    expect(await exited(second)).not.toBe(0); // the port is taken

    await sleep(500);
    running = false;
    await traffic;
    expect(failures).toEqual([]);
    expect(acknowledged).toBeGreaterThan(0);
    expect(postmaster()[0]).toBe(postgresPid);
    expect(statSync(mainFile).mtimeMs).toBe(builtAt);

    const query = await fetch(url('/api/v1/meters/calls/query'), { headers });
    expect(query.status).toBe(200);
    const { data } = (await query.json()) as { data: { value: number }[] };
    expect(data.reduce((sum, row) => sum + row.value, 0)).toBe(acknowledged);
  });

  /** Waits until a connection named `applicationName` is open on the embedded server. */
  async function waitForSession(applicationName: string): Promise<void> {
    const client = new Client({
      host: '127.0.0.1',
      port: Number(postmaster()[3]),
      user: 'tally',
      password: 'tally',
      database: 'postgres',
    });
    await client.connect();
    try {
      const deadline = Date.now() + READY_WITHIN_MS;
      while (Date.now() < deadline) {
        const { rows } = await client.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = $1`, [
          applicationName,
        ]);
        if (rows.length > 0) return;
        await sleep(100);
      }
      throw new Error(`no ${applicationName} connected`);
    } finally {
      await client.end();
    }
  }
});

function exited(child: ChildProcess, withinMs = READY_WITHIN_MS): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`${child.spawnargs.join(' ')} did not exit`)), withinMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done(code);
    });
  });
}
