import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DatabaseLocale, readDatabaseLocale } from '../../src/database/database-locale';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { parentOf } from './processes';

/** The PostgreSQL server the whole run uses: `DATABASE_URL` when set, else an embedded one of its own. */
export interface Server {
  readonly url: string;
  readonly embedded: boolean;
  readonly version: string;
  /** Settings that change what the figures mean (durability, memory). */
  readonly settings: Record<string, string>;
  /** Its encoding and collation: a libc language collation costs PostgreSQL up to 2× per event. */
  readonly locale: DatabaseLocale;
  /** The postmaster's pid when the server runs on this machine (its CPU time can then be read). */
  readonly postmasterPid?: number;
  /** A fresh, empty database on the server; dropped by `stop()` if not before. */
  createDatabase(name: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const SETTINGS = [
  'synchronous_commit',
  'fsync',
  'wal_level',
  'shared_buffers',
  'max_wal_size',
  'max_connections',
];

export async function startServer(log: (line: string) => void): Promise<Server> {
  const external = process.env.DATABASE_URL?.trim();
  let url: string;
  let stopServer: () => Promise<void> = async () => undefined;
  if (external) {
    url = external;
  } else {
    // On disk, like a real deployment: the system temp dir is not a RAM disk here.
    const dir = mkdtempSync(join(tmpdir(), 'tally-bench-'));
    const embedded = await startEmbeddedPostgres({ clusterDir: join(dir, 'pg'), persistent: false });
    url = embedded.url;
    stopServer = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const created = new Set<string>();
  const admin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  try {
    const { version, settings, locale, postmasterPid } = await admin(async (client) => {
      const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]
        .server_version;
      const backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      const rows = (
        await client.query<{ name: string; setting: string; unit: string | null }>(
          `SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1)`,
          [SETTINGS],
        )
      ).rows;
      return {
        version,
        settings: Object.fromEntries(
          rows.map((r) => [r.name, r.unit ? `${r.setting} × ${r.unit}` : r.setting]),
        ),
        // The benchmark's databases are made from the server's template, as this one was.
        locale: await readDatabaseLocale({
          query: async <Rows>(sql: string) => (await client.query(sql)).rows as Rows,
        }),
        postmasterPid: postmasterOf(backend),
      };
    });
    const { encoding, provider, collation } = locale;
    log(
      `PostgreSQL ${version} (${external ? 'DATABASE_URL' : 'embedded, temporary cluster'}), ${encoding}, ${provider} collation ${collation}`,
    );
    const server: Server = {
      url,
      embedded: !external,
      version,
      settings,
      locale,
      postmasterPid,
      async createDatabase(name) {
        await admin(async (client) => {
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await client.query(`CREATE DATABASE ${name}`);
        });
        created.add(name);
        return databaseUrl(url, name);
      },
      async dropDatabase(name) {
        await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        created.delete(name);
      },
      async stop() {
        if (external) for (const name of [...created]) await server.dropDatabase(name).catch(() => undefined);
        await stopServer();
      },
    };
    return server;
  } catch (error) {
    await stopServer();
    throw error;
  }
}

/** A backend's parent, if it is a PostgreSQL process on this machine (the server may be remote). */
function postmasterOf(backend: number): number | undefined {
  const parent = parentOf(backend);
  try {
    return parent !== undefined && readFileSync(`/proc/${parent}/comm`, 'utf8').startsWith('postgres')
      ? parent
      : undefined;
  } catch {
    return undefined;
  }
}

function databaseUrl(serverUrl: string, database: string): string {
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Asks for a checkpoint so one figure's dirty pages are not written during the next; needs a superuser. */
export async function settle(client: { query(sql: string): Promise<unknown> }): Promise<void> {
  await client.query('CHECKPOINT').catch(() => undefined);
}
