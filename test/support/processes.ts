import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, Server, Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Tally and PostgreSQL as real processes, for the specs that kill or stop them. Tally runs from the
 * build the global setup made (`TALLY_TEST_BUILD`).
 */

const ROOT = resolve(__dirname, '../..');
export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export interface TallyProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Resolves when the process has exited, however. */
  readonly exited: Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface TallyProcessOptions {
  readonly databaseUrl: string;
  readonly adminToken: string;
  readonly mode?: 'api' | 'worker';
  readonly env?: Record<string, string>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts `node main.js` (or `main.js --worker`); an API process is returned once `/healthz` answers. */
export async function startTallyProcess(options: TallyProcessOptions): Promise<TallyProcess> {
  const build = process.env.TALLY_TEST_BUILD;
  if (!build) throw new Error('TALLY_TEST_BUILD is not set: run the tests through jest');
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(build, 'main.js'), ...(options.mode === 'worker' ? ['--worker'] : [])],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        HOST: '127.0.0.1',
        PORT: String(port),
        ADMIN_TOKEN: options.adminToken,
        LOG_LEVEL: 'error',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'tally-process-')),
        ...options.env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const tally: TallyProcess = {
    child,
    url,
    exited,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  if (options.mode === 'worker') return tally;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Tally exited with ${child.exitCode} while starting`);
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return tally;
    await sleep(100);
  }
  await tally.kill();
  throw new Error('Tally did not start within 60 s');
}

export interface PostgresProcess {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL server of its own, in a child process (the embedded server's package cannot load
 * inside Jest), so that it can be stopped for real — a fast shutdown, as an operator or a failover
 * does — and started again on the same data.
 */
export async function startPostgresProcess(clusterDir: string): Promise<PostgresProcess> {
  const build = process.env.TALLY_TEST_BUILD;
  if (!build) throw new Error('TALLY_TEST_BUILD is not set: run the tests through jest');
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(join(build, 'database', 'embedded-postgres.js'))});
    startEmbeddedPostgres({ clusterDir: ${JSON.stringify(clusterDir)}, persistent: true }).then((db) => {
      process.stdout.write(db.url + '\\n');
      process.on('SIGTERM', () => db.stop().then(() => process.exit(0)));
    }, (error) => { console.error(error); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) done(out.trim());
    });
    child.once('exit', (code) => fail(new Error(`PostgreSQL did not start (exit ${code})`)));
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    url,
    port: Number(new URL(url).port),
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * A TCP relay with a fixed address in front of a server whose port may change (a PostgreSQL started
 * again). While the server is down, each connection it relays fails as a dead server's would.
 */
export class TcpRelay {
  private readonly sockets = new Set<Socket>();
  private server?: Server;
  port = 0;

  constructor(private targetPort: number) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  retarget(port: number): void {
    this.targetPort = port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((done) => this.server?.close(() => done()) ?? done());
  }
}
