import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ulid } from 'ulid';
import { poolOf } from '../../src/database/data-source';
import { ExpectedVersion } from '../../src/event-store/event-store.port';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { streamName, StreamCategory } from '../../src/event-store/stream-names';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const ROOT = resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Tally is killed with SIGKILL while clients ingest (single events and batches, concurrently).
 * After a restart every acknowledged event is in the log and counted, none twice, and the clients'
 * retries of everything they had sent store nothing twice either.
 */
describe('ingestion killed mid-stream (kill -9)', () => {
  let db: TestDatabase;
  let tally: ChildProcess | undefined;
  let port: number;
  let url: string;
  const adminToken = `tally_crash_${randomBytes(16).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const meter = ulid();
    await new PostgresEventStore(poolOf(db.dataSource)).append(
      streamName(StreamCategory.meter, meter),
      [
        {
          type: 'MeterCreated',
          data: {
            id: meter,
            namespace: 'default',
            slug: 'crash_calls',
            name: 'crash_calls',
            eventType: 'crash_call',
            aggregation: 'COUNT',
            groupBy: {},
            metadata: {},
            at: new Date().toISOString(),
          },
          metadata: { namespace: 'default', correlationId: ulid() },
        },
      ],
      ExpectedVersion.noStream,
    );
  }, 180_000);

  afterAll(async () => {
    tally?.kill('SIGKILL');
    await db?.drop();
  });

  const start = async (): Promise<void> => {
    tally = spawn(process.execPath, [resolve(process.env.TALLY_TEST_BUILD!, 'main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        HOST: '127.0.0.1',
        PORT: String(port),
        ADMIN_TOKEN: adminToken,
        LOG_LEVEL: 'error',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'tally-crash-')),
      },
      stdio: 'ignore',
    });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const ready = await fetch(`${url}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) return;
      await sleep(100);
    }
    throw new Error('Tally did not become ready');
  };

  const post = (events: object[]) =>
    fetch(`${url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(events.length === 1 ? events[0] : events),
    });

  const lockWaiters = async (): Promise<number> =>
    (
      await db.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )
    )[0].n;

  it('keeps every acknowledged event exactly once', async () => {
    await start();
    const event = (id: string) => ({
      specversion: '1.0',
      id,
      source: 'crash-spec',
      type: 'crash_call',
      subject: 'victim',
      data: {},
    });
    const acknowledged = new Set<string>();
    const attempted = new Set<string>();
    let killed = false;
    const client = async (worker: number) => {
      for (let n = 0; !killed; n++) {
        const size = n % 3 === 0 ? 25 : 1;
        const ids = Array.from({ length: size }, (_, k) => `w${worker}-${n}-${k}`);
        ids.forEach((id) => attempted.add(id));
        try {
          const answer = await post(ids.map(event));
          if (answer.status === 204) ids.forEach((id) => acknowledged.add(id));
        } catch {
          // The connection died with the server: not acknowledged, so the client will retry.
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, worker) => client(worker));
    await sleep(1_500);
    // Requests must be in flight when the process dies: left to timing, every request under way was
    // sometimes answered first. Holding the log makes the next writes wait inside PostgreSQL.
    const holder = db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('LOCK TABLE tally_events IN EXCLUSIVE MODE');
    await waitFor(async () => (await lockWaiters()) > 0);
    tally!.kill('SIGKILL');
    killed = true;
    await Promise.all(clients);
    // The dead process's waiting writes end with it, as they would have had it died mid-statement
    // (left waiting, they would commit once the lock is gone, after this test has looked).
    await db.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    await waitFor(async () => (await lockWaiters()) === 0);
    await holder.rollbackTransaction();
    await holder.release();
    expect(acknowledged.size).toBeGreaterThan(100);
    expect(attempted.size).toBeGreaterThan(acknowledged.size);

    const stored = async () =>
      (
        await db.dataSource.query(
          `SELECT data->'event'->>'id' AS id, count(*)::int AS copies FROM tally_events WHERE type = 'UsageRecorded' GROUP BY 1`,
        )
      ).map((row: { id: string; copies: number }) => [row.id, row.copies] as const);
    const afterCrash = new Map(await stored());
    expect([...acknowledged].filter((id) => afterCrash.get(id) !== 1)).toEqual([]);
    expect([...afterCrash.values()].every((copies) => copies === 1)).toBe(true);

    await start();
    const counted = async () => {
      const answer = await fetch(`${url}/api/v1/meters/crash_calls/query`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      expect(answer.status).toBe(200);
      return ((await answer.json()) as { data: { value: number }[] }).data[0].value;
    };
    expect(await counted()).toBe(afterCrash.size);

    const retries = [...attempted];
    for (let at = 0; at < retries.length; at += 500) {
      expect((await post(retries.slice(at, at + 500).map(event))).status).toBe(204);
    }
    const afterRetries = new Map(await stored());
    expect(afterRetries.size).toBe(attempted.size);
    expect([...afterRetries.values()].every((copies) => copies === 1)).toBe(true);
    expect(await counted()).toBe(attempted.size);
  }, 120_000);
});

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitFor(condition: () => Promise<boolean>, withinMs = 20_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${withinMs} ms`);
    await sleep(20);
  }
}
