import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { createDataSource, poolOf } from '../database/data-source';
import { ExpectedVersion, RecordedEvent } from '../event-store/event-store.port';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { Projection, ProjectionTransaction } from './projection';
import { ProjectionRunner } from './projection-runner';

/** Writes one row per applied event, with no unique constraint: a double application would show. */
function tallyProjection(options: { failOn?: () => number | undefined } = {}): Projection {
  return {
    name: 'applied_events@v1',
    handles: ['Counted'],
    tables: ['applied_events'],
    async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction) {
      for (const event of events) {
        const n = (event.data as { n: number }).n;
        if (n === options.failOn?.()) throw new Error(`cannot apply event ${n}`);
      }
      await tx.query(`INSERT INTO ${tx.table('applied_events')} (n) SELECT unnest($1::int[])`, [
        events.map((e) => (e.data as { n: number }).n),
      ]);
    },
  };
}

describe('projection runner', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let next = 0;

  beforeEach(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(poolOf(db.dataSource));
    await db.dataSource.query(`CREATE TABLE applied_events (n int NOT NULL)`);
  });
  afterEach(() => db.drop());

  async function appendCounted(count: number): Promise<number[]> {
    const ns = Array.from({ length: count }, () => ++next);
    await store.append(
      `counted-${ns[0]}`,
      ns.map((n) => ({
        type: 'Counted',
        data: { n },
        metadata: { namespace: 'default', correlationId: `c${n}` },
      })),
      ExpectedVersion.noStream,
    );
    await store.append(
      `other-${ns[0]}`,
      [{ type: 'Ignored', data: {}, metadata: { namespace: 'default', correlationId: 'x' } }],
      ExpectedVersion.noStream,
    );
    return ns;
  }

  const applied = async () =>
    (await db.dataSource.query<{ n: number }[]>(`SELECT n FROM applied_events ORDER BY n`)).map((r) => r.n);

  it('applies every event of the types it handles once and moves its checkpoint to the head', async () => {
    const ns = [...(await appendCounted(5)), ...(await appendCounted(3))];
    const runner = new ProjectionRunner(store, db.dataSource, [tallyProjection()], { batchSize: 3 });
    await runner.catchUp();
    expect(await applied()).toEqual(ns);
    expect(await runner.waitFor(runner.projectionNames, await store.headPosition(), 0)).toBe(true);
    const [status] = await runner.status();
    expect(status).toMatchObject({ name: 'applied_events@v1', version: 1, lag: 0 });
  });

  it('stops at a failing event, says so, applies nothing of its batch, and resumes once it can', async () => {
    const ns = await appendCounted(6);
    let failOn: number | undefined = ns[3];
    const errors: string[] = [];
    const runner = new ProjectionRunner(store, db.dataSource, [tallyProjection({ failOn: () => failOn })], {
      batchSize: 2,
      pollIntervalMs: 10,
      maxBackoffMs: 20,
      logger: { info: () => undefined, error: (m) => errors.push(m) },
    });
    await runner.start();
    try {
      await waitUntil(async () => (await runner.status())[0].state === 'failed');
      const [status] = await runner.status();
      expect(status.lastError).toContain(`cannot apply event ${ns[3]}`);
      expect(status.lag).toBeGreaterThan(0);
      expect(await applied()).toEqual(ns.slice(0, 2)); // the batch holding the bad event left no trace
      expect(errors.join('\n')).toContain('failed');

      failOn = undefined;
      expect(await runner.waitFor(runner.projectionNames, await store.headPosition(), 5_000)).toBe(true);
      expect(await applied()).toEqual(ns);
      expect((await runner.status())[0].state).toBe('running');
    } finally {
      await runner.stop();
    }
  });

  it('never lets two runners, in separate connections pools, both apply an event', async () => {
    const other = createDataSource({ url: db.url, poolSize: 5 });
    await other.initialize();
    const first = new ProjectionRunner(store, db.dataSource, [tallyProjection()], {
      batchSize: 7,
      pollIntervalMs: 1,
    });
    const second = new ProjectionRunner(new PostgresEventStore(poolOf(other)), other, [tallyProjection()], {
      batchSize: 5,
      pollIntervalMs: 1,
    });
    const written: number[] = [];
    try {
      await Promise.all([first.start(), second.start()]);
      for (let i = 0; i < 30; i++) written.push(...(await appendCounted(1 + (i % 4))));
      const head = await store.headPosition();
      expect(await first.waitFor(first.projectionNames, head, 10_000)).toBe(true);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
      await other.destroy();
    }
    expect(await applied()).toEqual(written);
  });

  it('leaves the log alone while nothing is appended, and still applies what another process appends', async () => {
    let reads = 0;
    const readAllMatching = store.readAllMatching.bind(store);
    store.readAllMatching = (...args) => {
      reads += 1;
      return readAllMatching(...args);
    };
    const runner = new ProjectionRunner(store, db.dataSource, [tallyProjection()], { pollIntervalMs: 10 });
    const first = await appendCounted(2);
    await runner.start();
    try {
      expect(await runner.waitFor(runner.projectionNames, await store.headPosition(), 10_000)).toBe(true);
      await sleep(50); // the lane's next poll finds it caught up
      reads = 0;
      await sleep(300); // thirty polls
      expect(reads).toBe(0);
      // Appended through another pool, so nothing nudges this runner: only the head it polls moved.
      const elsewhere = createDataSource({ url: db.url, poolSize: 2 });
      await elsewhere.initialize();
      try {
        const other = new PostgresEventStore(poolOf(elsewhere));
        await other.append(
          'counted-elsewhere',
          [{ type: 'Counted', data: { n: 1000 }, metadata: { namespace: 'default', correlationId: 'e' } }],
          ExpectedVersion.noStream,
        );
      } finally {
        await elsewhere.destroy();
      }
      await waitUntil(async () => (await applied()).includes(1000));
      expect(await applied()).toEqual([...first, 1000]);
      expect(reads).toBeGreaterThan(0);
    } finally {
      await runner.stop();
    }
  });

  it('makes a reader wait for the head it saw, and only as long as it allows', async () => {
    await appendCounted(4);
    const runner = new ProjectionRunner(store, db.dataSource, [tallyProjection()]);
    const head = await store.headPosition();
    expect(await runner.waitFor(runner.projectionNames, head, 30)).toBe(false); // nothing runs it
    await runner.start();
    try {
      expect(await runner.waitFor(runner.projectionNames, head, 5_000)).toBe(true);
    } finally {
      await runner.stop();
    }
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Generous: the specs share one PostgreSQL cluster, and another spec's open transaction holds every
// database's log readers back while it lasts.
async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('projection rebuild', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let next = 0;

  beforeEach(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(poolOf(db.dataSource));
    await db.dataSource.query(`CREATE TABLE applied_events (n int NOT NULL)`);
  });
  afterEach(() => db.drop());

  async function appendCounted(count: number): Promise<number[]> {
    const ns = Array.from({ length: count }, () => ++next);
    await store.append(
      `counted-${ns[0]}`,
      ns.map((n) => ({
        type: 'Counted',
        data: { n },
        metadata: { namespace: 'default', correlationId: `c${n}` },
      })),
      ExpectedVersion.noStream,
    );
    return ns;
  }

  /** Version 2 of the projection stores each number times ten: a logic change that needs a rebuild. */
  function timesTen(): Projection {
    return {
      ...tallyProjection(),
      name: 'applied_events@v2',
      async apply(events, tx) {
        await tx.query(`INSERT INTO ${tx.table('applied_events')} (n) SELECT unnest($1::int[]) * 10`, [
          events.map((e) => (e.data as { n: number }).n),
        ]);
      },
    };
  }

  const applied = async () =>
    (await db.dataSource.query<{ n: number }[]>(`SELECT n FROM applied_events ORDER BY n`)).map((r) => r.n);

  it('rebuilds into shadow tables while the live table keeps answering, then swaps in the same content', async () => {
    const written = await appendCounted(500);
    const runner = new ProjectionRunner(store, db.dataSource, [tallyProjection()], {
      batchSize: 50,
      pollIntervalMs: 5,
    });
    await runner.start();
    try {
      expect(await runner.waitFor(runner.projectionNames, await store.headPosition(), 5_000)).toBe(true);
      const sizes: number[] = [];
      let rebuilding = true;
      const reader = (async () => {
        while (rebuilding) {
          sizes.push((await applied()).length);
          await new Promise((r) => setTimeout(r, 1));
        }
      })();
      const progress: number[] = [];
      const rebuild = runner.rebuild('applied_events@v1', (p) => progress.push(p.processed));
      await expect(runner.rebuild('applied_events@v1')).rejects.toMatchObject({
        code: 'PROJECTIONS.ALREADY_REBUILDING',
      });
      written.push(...(await appendCounted(100))); // writes keep arriving during the rebuild
      await rebuild;
      rebuilding = false;
      await reader;
      expect(await runner.waitFor(runner.projectionNames, await store.headPosition(), 5_000)).toBe(true);

      expect(await applied()).toEqual(written);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(500); // never empty, never partial while rebuilding
      expect(progress[progress.length - 1]).toBeGreaterThanOrEqual(500);
      const tables = await db.dataSource.query(
        `SELECT tablename FROM pg_tables WHERE tablename LIKE 'applied_events%'`,
      );
      expect(tables).toEqual([{ tablename: 'applied_events' }]);
    } finally {
      await runner.stop();
    }
  });

  it('answers a second rebuild with a refusal, not a logged failure, and logs a rebuild that fails later', async () => {
    await appendCounted(40);
    const errors: string[] = [];
    let failAfterBatches: number | undefined;
    const slow: Projection = {
      ...tallyProjection(),
      async apply(events, tx) {
        await sleep(20);
        if (failAfterBatches !== undefined && failAfterBatches-- === 0) throw new Error('broken mid-rebuild');
        await tallyProjection().apply(events, tx);
      },
    };
    const runner = new ProjectionRunner(store, db.dataSource, [slow], {
      batchSize: 5,
      pollIntervalMs: 5,
      logger: { info: () => undefined, error: (m) => errors.push(m) },
    });
    await runner.start();
    try {
      expect(await runner.waitFor(runner.projectionNames, await store.headPosition(), 5_000)).toBe(true);
      const rebuilding = async () => (await runner.status())[0].state === 'rebuilding';
      await runner.startRebuild('applied_events@v1');
      await expect(runner.startRebuild('applied_events@v1')).rejects.toMatchObject({
        code: 'PROJECTIONS.ALREADY_REBUILDING',
      });
      await waitUntil(async () => !(await rebuilding()));
      expect(errors).toEqual([]);

      failAfterBatches = 4; // past the moment startRebuild waits for
      await runner.startRebuild('applied_events@v1');
      await waitUntil(async () => errors.length > 0);
      expect(errors).toEqual(['rebuild of applied_events@v1 failed: broken mid-rebuild']);
    } finally {
      await runner.stop();
    }
  });

  it('rebuilds a projection whose version changed when it starts, serving the old table meanwhile', async () => {
    const written = await appendCounted(300);
    const v1 = new ProjectionRunner(store, db.dataSource, [tallyProjection()]);
    await v1.catchUp();
    expect(await applied()).toEqual(written);

    const v2 = new ProjectionRunner(store, db.dataSource, [timesTen()], { batchSize: 20, pollIntervalMs: 5 });
    await v2.start();
    try {
      const [during] = await v2.status();
      expect(during).toMatchObject({ name: 'applied_events@v2', version: 2, state: 'rebuilding' });
      expect((await applied()).length).toBe(300); // v1's rows answer until the swap
      await waitUntil(async () => (await v2.status())[0].state === 'running');
      expect(await v2.waitFor(v2.projectionNames, await store.headPosition(), 5_000)).toBe(true);
      expect(await applied()).toEqual(written.map((n) => n * 10));
      const checkpoints = await db.dataSource.query(
        `SELECT name FROM tally_projection_checkpoints ORDER BY name`,
      );
      expect(checkpoints).toEqual([{ name: 'applied_events@v2' }]);
    } finally {
      await v2.stop();
    }
  });
});
