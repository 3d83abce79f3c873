import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startTally, Tally } from '../../src/bootstrap';
import { databaseUrl } from '../support/test-database';
import {
  PostgresProcess,
  sleep,
  startPostgresProcess,
  startTallyProcess,
  TallyProcess,
  TcpRelay,
} from '../support/processes';
import { logSink } from '../support/log-sink';
import { startTestApp, TestApp } from '../support/test-app';

const ADMIN = 'tally_outage_admin_token_0123456789';

interface Traffic {
  acknowledged: Set<string>;
  attempted: Set<string>;
  statuses: Map<number, number>;
  /** Slowest answer that was not a success, in ms. */
  slowestFailure: number;
  failuresWithoutProblem: number;
}

/**
 * PostgreSQL stops (a fast shutdown, as for a restart or a failover) while clients ingest, and comes
 * back on the same data a few seconds later. Meanwhile Tally answers fast — 503 with Retry-After,
 * never a hang, never another 5xx — and /readyz says the database is down. Then Tally recovers by
 * itself, without a restart: ready again, ingesting again, projections caught up, and every
 * acknowledged event stored and counted once; what was refused can be sent again safely.
 */
describe('PostgreSQL stopped during ingestion', () => {
  const clusterDir = join(mkdtempSync(join(tmpdir(), 'tally-outage-')), 'pg');
  let postgres: PostgresProcess;
  let relay: TcpRelay;
  let tally: TallyProcess | undefined;

  beforeAll(async () => {
    postgres = await startPostgresProcess(clusterDir);
    await withClient(postgres.url, (client) => client.query('CREATE DATABASE tally'));
    relay = new TcpRelay(postgres.port);
    await relay.start();
    const proxied = new URL(postgres.url);
    proxied.port = String(relay.port);
    tally = await startTallyProcess({
      databaseUrl: databaseUrl(proxied.toString(), 'tally'),
      adminToken: ADMIN,
    });
  }, 120_000);
  afterAll(async () => {
    await tally?.kill();
    await relay?.close();
    await postgres?.stop();
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(tally!.url + path, {
      ...init,
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', ...init.headers },
      signal: AbortSignal.timeout(10_000),
    });
  const event = (id: string) => ({
    specversion: '1.0',
    id,
    source: 'outage',
    type: 'outage_call',
    subject: 'victim',
  });

  it('answers 503 fast while it is down, reports it, and recovers by itself with nothing lost', async () => {
    expect(
      (
        await api('/api/v1/meters', {
          method: 'POST',
          body: JSON.stringify({ slug: 'calls', eventType: 'outage_call', aggregation: 'COUNT' }),
        })
      ).status,
    ).toBe(201);
    const traffic: Traffic = {
      acknowledged: new Set(),
      attempted: new Set(),
      statuses: new Map(),
      slowestFailure: 0,
      failuresWithoutProblem: 0,
    };
    let stopping = false;
    const client = async (worker: number) => {
      for (let n = 0; !stopping; n++) {
        const ids = Array.from({ length: n % 3 === 0 ? 10 : 1 }, (_, k) => `w${worker}-${n}-${k}`);
        ids.forEach((id) => traffic.attempted.add(id));
        const started = Date.now();
        const answer = await api('/api/v1/events', {
          method: 'POST',
          body: JSON.stringify(ids.length === 1 ? event(ids[0]) : ids.map(event)),
        });
        await answer.arrayBuffer();
        traffic.statuses.set(answer.status, (traffic.statuses.get(answer.status) ?? 0) + 1);
        if (answer.status === 204) {
          ids.forEach((id) => traffic.acknowledged.add(id));
        } else {
          traffic.slowestFailure = Math.max(traffic.slowestFailure, Date.now() - started);
          if (
            answer.headers.get('content-type') !== 'application/problem+json' ||
            !answer.headers.get('retry-after')
          )
            traffic.failuresWithoutProblem += 1;
          await sleep(100);
        }
      }
    };
    const clients = Array.from({ length: 4 }, (_, worker) => client(worker));
    await sleep(1_500);
    const beforeOutage = traffic.acknowledged.size;

    await postgres.stop();
    const down = Date.now();
    let readyDown: { status: number; body: { checks: { database: { status: string } } } } | undefined;
    type Readiness = NonNullable<typeof readyDown>['body'];
    while (Date.now() - down < 5_000) {
      const ready = await fetch(`${tally!.url}/readyz`, { signal: AbortSignal.timeout(10_000) });
      if (ready.status === 503) readyDown = { status: 503, body: (await ready.json()) as Readiness };
      else await ready.arrayBuffer();
      await sleep(250);
    }
    const duringOutage = new Map(traffic.statuses);

    postgres = await startPostgresProcess(clusterDir);
    relay.retarget(postgres.port);
    const back = Date.now();
    let recoveredAfter = -1;
    while (Date.now() - back < 60_000) {
      const ready = await fetch(`${tally!.url}/readyz`).then(
        (r) => r.status,
        () => 0,
      );
      if (ready === 200) {
        recoveredAfter = Date.now() - back;
        break;
      }
      await sleep(200);
    }
    const acknowledgedAtRecovery = traffic.acknowledged.size;
    await sleep(1_500);
    stopping = true;
    await Promise.all(clients);

    console.log(
      `outage: ${traffic.attempted.size} events attempted, ${traffic.acknowledged.size} acknowledged ` +
        `(${beforeOutage} before the stop), answers ${JSON.stringify([...traffic.statuses])}, ` +
        `slowest refusal ${traffic.slowestFailure} ms, ready again ${recoveredAfter} ms after PostgreSQL returned`,
    );
    expect(duringOutage.get(503)).toBeGreaterThan(0);
    expect([...traffic.statuses.keys()].sort()).toEqual([204, 503]);
    expect(traffic.failuresWithoutProblem).toBe(0);
    expect(traffic.slowestFailure).toBeLessThan(3_000);
    // Down, and no more: the driver's error text is for a system token.
    expect(readyDown?.body.checks.database).toEqual({ status: 'down', reason: 'unavailable' });
    expect(recoveredAfter).toBeGreaterThanOrEqual(0);
    expect(traffic.acknowledged.size).toBeGreaterThan(acknowledgedAtRecovery);

    const stored = await storedIds(postgres.url);
    expect([...traffic.acknowledged].filter((id) => stored.get(id) !== 1)).toEqual([]);
    expect([...stored.values()].every((copies) => copies === 1)).toBe(true);
    expect(await counted()).toBe(stored.size);

    const retries = [...traffic.attempted];
    for (let at = 0; at < retries.length; at += 500) {
      expect(
        (
          await api('/api/v1/events', {
            method: 'POST',
            body: JSON.stringify(retries.slice(at, at + 500).map(event)),
          })
        ).status,
      ).toBe(204);
    }
    const afterRetries = await storedIds(postgres.url);
    expect(afterRetries.size).toBe(traffic.attempted.size);
    expect(await counted()).toBe(traffic.attempted.size);
  }, 180_000);

  /**
   * Nobody writes: no event arrives to wake the projections. They meet the outage on their own (an
   * idle projection still looks at the log) and must find their own way back — a load balancer that
   * sees 503 sends nothing, so a recovery waiting for traffic never comes.
   */
  it('is ready again after an outage with no traffic at all, without a new event', async () => {
    const readiness = async () => {
      const answer = await fetch(`${tally!.url}/readyz`, { signal: AbortSignal.timeout(10_000) }).catch(
        () => undefined,
      );
      return { status: answer?.status ?? 0, body: (await answer?.json().catch(() => undefined)) as any };
    };
    const eventsInLog = () =>
      withClient(databaseUrl(postgres.url, 'tally'), async (client) =>
        Number((await client.query(`SELECT count(*) AS n FROM tally_events`)).rows[0].n),
      );
    for (let waited = 0; (await readiness()).status !== 200 && waited < 30_000; waited += 200)
      await sleep(200);
    expect((await readiness()).status).toBe(200);
    const before = await eventsInLog();

    await postgres.stop();
    // Idle projections look at the log every 100 ms: long enough for each of them to fail.
    await sleep(3_000);
    expect((await readiness()).status).toBe(503);
    postgres = await startPostgresProcess(clusterDir);
    relay.retarget(postgres.port);
    const back = Date.now();

    let ready = await readiness();
    while (ready.status !== 200 && Date.now() - back < 60_000) {
      await sleep(250);
      ready = await readiness();
    }
    console.log(`outage without traffic: ready again ${Date.now() - back} ms after PostgreSQL returned`);
    expect({ status: ready.status, checks: ready.body?.checks }).toEqual({
      status: 200,
      checks: { database: { status: 'up' }, eventStore: { status: 'up' }, projections: { status: 'up' } },
    });
    expect(await eventsInLog()).toBe(before);
  }, 120_000);

  async function counted(): Promise<number> {
    const answer = await api('/api/v1/meters/calls/query');
    expect(answer.status).toBe(200);
    return ((await answer.json()) as { data: { value: number }[] }).data[0].value;
  }
});

/**
 * A worker's connection is cut in the middle of a batch (a proxy restarting, an idle-connection
 * killer) while PostgreSQL stays up. The batch rolls back and is retried; the failure is recorded
 * for every process to see — and so must its recovery be: an API process that runs no projections
 * reads the projections' state from the database, and must report ready again once they are.
 */
describe('a projection worker losing its connection mid-batch', () => {
  let app: TestApp;
  let worker: Tally | undefined;

  beforeAll(async () => {
    app = await startTestApp({ config: { runProjections: false } });
  });
  afterAll(async () => {
    await worker?.close();
    await app.close();
  });

  it('fails the batch, retries it, and every process reports ready again', async () => {
    const ready = async () => (await app.request('GET', '/readyz', { token: null })).status;
    expect(await ready()).toBe(200);
    let batches = 0;
    const ingestBatch = async () => {
      const batch = batches++;
      const events = Array.from({ length: 1_000 }, (_, i) => ({
        specversion: '1.0',
        id: `${batch}-${i}`,
        source: 'cut',
        type: 'cut',
        subject: `s${i % 50}`,
        data: { user: `u${i}` },
      }));
      expect((await app.request('POST', '/api/v1/events', { body: events })).status).toBe(204);
    };
    for (let batch = 0; batch < 20; batch++) await ingestBatch();
    const log = logSink();
    worker = await startTally(app.tally.config, { mode: 'worker', logDestination: log.destination });
    const failed = () => log.lines.some((line) => line.includes('failed'));
    // What the cut saw is printed beside the verdict, so a failure says why (the verdict is `failed`).
    expect(await cutWorkerMidBatch(app, failed, ingestBatch, log.lines)).toEqual(
      expect.objectContaining({ failed: true }),
    );
    const deadline = Date.now() + 30_000;
    // The worker retries (backoff from 250 ms) and catches up…
    const caughtUp = async () => (await app.tally.projections.status()).every((s) => s.lag === 0);
    while (!(await caughtUp()) && Date.now() < deadline) await sleep(100);
    // …and the process that runs no projection itself says so too.
    while ((await ready()) !== 200 && Date.now() < deadline) await sleep(100);
    expect(await ready()).toBe(200);
    const statuses = (await app.request('GET', '/api/v1/admin/projections')).body;
    expect(statuses.filter((s: { state: string }) => s.state !== 'running')).toEqual([]);
  }, 90_000);
});

/**
 * One failure of a worker's read while the database stays up (here a lock that times out; a cancelled
 * statement or a cut connection does the same) is written to the projection's checkpoint row, where an
 * API process that runs no projections reads it. With no traffic afterwards, the worker must clear it
 * on its own: else that API process reports itself unready for good.
 */
describe('a projection worker failing once while nobody writes', () => {
  let app: TestApp;
  let worker: Tally | undefined;

  beforeAll(async () => {
    app = await startTestApp({ config: { runProjections: false } });
  });
  afterAll(async () => {
    await worker?.close();
    await app.close();
  });

  it('clears the failure from the checkpoint row, and the API beside it is ready again', async () => {
    const ready = async () => (await app.request('GET', '/readyz', { token: null })).status;
    const db = app.db.dataSource;
    const [{ name }] = await db.query(`SELECT current_database() AS name`);
    // Sessions the worker opens from now on give up on a lock after 200 ms.
    await db.query(`ALTER DATABASE ${name} SET lock_timeout = '200ms'`);
    worker = await startTally(app.tally.config, { mode: 'worker' });
    const body = { slug: 'quiet', eventType: 'quiet', aggregation: 'COUNT' };
    expect((await app.request('POST', '/api/v1/meters', { body })).status).toBe(201);
    const deadline = Date.now() + 30_000;
    while (!(await app.tally.projections.status()).every((s) => s.lag === 0) && Date.now() < deadline)
      await sleep(100);
    await sleep(500); // every projection idle, caught up with the log

    const failedRows = async () =>
      Number(
        (await db.query(`SELECT count(*) AS n FROM tally_projection_checkpoints WHERE state = 'failed'`))[0]
          .n,
      );
    const lock = db.createQueryRunner();
    await lock.connect();
    try {
      await lock.startTransaction();
      await lock.query(`SET LOCAL lock_timeout = '30s'`);
      await lock.query(`LOCK TABLE tally_events IN ACCESS EXCLUSIVE MODE`);
      while ((await failedRows()) === 0 && Date.now() < deadline) await sleep(50);
      expect(await failedRows()).toBeGreaterThan(0);
      await lock.commitTransaction();
    } finally {
      if (lock.isTransactionActive) await lock.rollbackTransaction();
      await lock.release();
    }
    const events = Number((await db.query(`SELECT count(*) AS n FROM tally_events`))[0].n);

    while ((await ready()) !== 200 && Date.now() < deadline) await sleep(100);
    expect(await ready()).toBe(200);
    expect(await failedRows()).toBe(0);
    expect(Number((await db.query(`SELECT count(*) AS n FROM tally_events`))[0].n)).toBe(events);
  }, 60_000);
});

/**
 * Terminates the worker's backend while it holds an uncommitted batch (it has written, not yet
 * committed) — again if the batch committed in between, until the worker reports the failure. A fast
 * worker can clear the whole backlog between two looks, so the backlog is topped up whenever the
 * worker has caught up. Says whether the worker reported the failure, and what it saw on the way.
 */
async function cutWorkerMidBatch(
  app: TestApp,
  failed: () => boolean,
  ingestBatch: () => Promise<void>,
  workerLog: readonly string[],
) {
  const deadline = Date.now() + 20_000;
  let terminated = 0;
  let toppedUp = 0;
  while (Date.now() < deadline && !failed()) {
    const [row] = await app.db.dataSource.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tally-worker' AND backend_xid IS NOT NULL LIMIT 1`,
    );
    if (row) {
      await app.db.dataSource.query(`SELECT pg_terminate_backend($1)`, [row.pid]);
      terminated += 1;
      for (let waited = 0; waited < 500 && !failed(); waited += 20) await sleep(20);
    } else if ((await app.tally.projections.status()).every((s) => s.lag === 0)) {
      await ingestBatch();
      toppedUp += 1;
    } else {
      await sleep(5);
    }
  }
  if (failed()) return { failed: true };
  // Log readers stop below the oldest transaction running anywhere on the cluster.
  const [oldest] = await app.db.dataSource.query(
    `SELECT datname, application_name, extract(epoch FROM now() - xact_start)::int AS seconds
     FROM pg_stat_activity WHERE xact_start IS NOT NULL AND pid <> pg_backend_pid() ORDER BY xact_start LIMIT 1`,
  );
  return {
    failed: false,
    terminated,
    toppedUp,
    lags: (await app.tally.projections.status()).map((s) => `${s.name}: ${s.lag}`),
    oldestTransaction: oldest ?? null,
    workerLog: workerLog.slice(-10),
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function storedIds(serverUrl: string): Promise<Map<string, number>> {
  return withClient(databaseUrl(serverUrl, 'tally'), async (client) => {
    const { rows } = await client.query<{ id: string; copies: number }>(
      `SELECT data->'event'->>'id' AS id, count(*)::int AS copies FROM tally_events WHERE type = 'UsageRecorded' GROUP BY 1`,
    );
    return new Map(rows.map((row) => [row.id, row.copies]));
  });
}
