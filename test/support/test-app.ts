import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import type { Role } from '../../src/auth/request-context';
import { startTally, Tally } from '../../src/bootstrap';
import { loadConfig, TallyConfig } from '../../src/config/config';
import type { Clock } from '../../src/shared/clock';
import { PostgresProcess, startPostgresProcess } from './processes';
import { createTestDatabase, TestDatabase } from './test-database';

export interface HttpAnswer<Body = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Body;
  readonly text: string;
}

export interface RequestOptions {
  readonly body?: unknown;
  /** A raw body, sent as is (for malformed input). */
  readonly rawBody?: string | Buffer;
  /** Defaults to the admin token; `null` sends no Authorization header. */
  readonly token?: string | null;
  readonly headers?: Record<string, string>;
}

export interface TestApp {
  readonly url: string;
  /** The first admin token (`ADMIN_TOKEN`): the system role, its namespace's admin and the operator. */
  readonly adminToken: string;
  readonly tally: Tally;
  readonly db: TestDatabase;
  request<Body = any>(method: string, path: string, options?: RequestOptions): Promise<HttpAnswer<Body>>;
  /** Creates a token of a role (with the system token `adminToken`) and returns its secret. */
  token(role: Role, name?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly clock?: Clock;
  readonly config?: Partial<TallyConfig>;
  readonly logDestination?: DestinationStream;
  /**
   * Runs on a PostgreSQL cluster of its own rather than the run's shared one. For specs that hold a
   * transaction open on purpose (a lock, a slow writer): the log is read below the cluster's oldest
   * running transaction, so on the shared cluster theirs would hold back every other spec's reads.
   */
  readonly ownCluster?: boolean;
  /** Options of its database's CREATE DATABASE (see createTestDatabase). */
  readonly databaseOptions?: string;
}

/** The real service — Fastify on a free port, projections running — over a fresh database. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  let cluster: { dir: string; postgres: PostgresProcess } | undefined;
  if (options.ownCluster) {
    const dir = mkdtempSync(join(tmpdir(), 'tally-cluster-'));
    cluster = { dir, postgres: await startPostgresProcess(join(dir, 'pg')) };
  }
  const stopCluster = async () => {
    if (!cluster) return;
    await cluster.postgres.stop();
    rmSync(cluster.dir, { recursive: true, force: true });
  };
  let db: TestDatabase;
  try {
    db = await createTestDatabase(cluster?.postgres.url, options.databaseOptions);
  } catch (error) {
    await stopCluster();
    throw error;
  }
  const adminToken = `tally_test_${randomBytes(16).toString('hex')}`;
  // Holds the admin token file Tally writes when given none; removed with the database.
  const dataDir = mkdtempSync(join(tmpdir(), 'tally-app-'));
  const config: TallyConfig = {
    ...loadConfig({}),
    databaseUrl: db.url,
    adminToken,
    host: '127.0.0.1',
    port: 0,
    logLevel: 'warn',
    dataDir,
    // The specs share one PostgreSQL cluster, whose oldest open transaction (a spec holding a lock, a
    // deadlock being detected) holds every database's projections back; a busy machine adds to it.
    // Specs of the 503 itself set their own bound.
    readYourWritesTimeoutMs: 20_000,
    ...options.config,
  };
  let tally: Tally;
  try {
    tally = await startTally(config, { clock: options.clock, logDestination: options.logDestination });
  } catch (error) {
    await db.drop();
    await stopCluster();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const url = tally.url!;
  const request = async <Body>(
    method: string,
    path: string,
    opts: RequestOptions = {},
  ): Promise<HttpAnswer<Body>> => {
    const headers: Record<string, string> = { ...opts.headers };
    const token = opts.token === undefined ? adminToken : opts.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let body: string | Buffer | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(url + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if (/json/.test(response.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as Body, text };
  };
  return {
    url,
    adminToken,
    tally,
    db,
    request,
    async token(role, name = `${role} token`) {
      const answer = await request<{ secret: string }>('POST', '/api/v1/tokens', { body: { name, role } });
      if (answer.status !== 201) throw new Error(`could not create a ${role} token: ${answer.text}`);
      return answer.body.secret;
    },
    async close() {
      await tally.close();
      await db.drop();
      await stopCluster();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
