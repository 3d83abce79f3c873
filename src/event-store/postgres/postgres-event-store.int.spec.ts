import type { Pool, PoolClient } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { poolOf } from '../../database/data-source';
import { describeEventStoreContract, readEverything } from '../event-store.contract';
import { LOG_START, RecordedEvent } from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';

let database: TestDatabase;

describeEventStoreContract('PostgreSQL', async () => {
  database = await createTestDatabase();
  return {
    store: new PostgresEventStore(poolOf(database.dataSource), { pollIntervalMs: 20 }),
    close: () => database.drop(),
  };
});

describe('PostgreSQL event store global order under out-of-order commits', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = poolOf(db.dataSource);
    store = new PostgresEventStore(pool, { pollIntervalMs: 10 });
  });
  afterAll(() => db.drop());

  /** Inserts one event inside an open transaction: it takes its sequence number now, commits later. */
  async function openWrite(client: PoolClient, tag: string): Promise<void> {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO tally_events (stream_id, stream_version, type, data, metadata)
       VALUES ($1, 1, 'Tagged', '{}', $2)`,
      [`tagged-${tag}`, JSON.stringify({ namespace: 'default', correlationId: tag })],
    );
  }

  /** The reader this design forbids: it trusts sequence numbers alone. */
  async function naiveReadAfter(position: bigint): Promise<{ position: bigint; tag: string }[]> {
    const { rows } = await pool.query<{ global_position: string; tag: string }>(
      `SELECT global_position, metadata->>'correlationId' AS tag FROM tally_events
       WHERE global_position > $1 ORDER BY global_position`,
      [position.toString()],
    );
    return rows.map((r) => ({ position: BigInt(r.global_position), tag: r.tag }));
  }

  it('never lets a subscriber skip an event that commits after a later-numbered one', async () => {
    const slow = await pool.connect();
    const fast = await pool.connect();
    try {
      await openWrite(slow, 'slow'); // takes the lower sequence number
      await openWrite(fast, 'fast');
      await fast.query('COMMIT'); // commits first

      const naiveSeen = (await naiveReadAfter(0n)).map((r) => r.tag);
      expect(naiveSeen).toEqual(['fast']); // a naive reader's checkpoint now passes 'slow'...
      expect(await store.readAll(LOG_START, 100)).toEqual([]); // ...ours waits for the older transaction.

      await slow.query('COMMIT');
      const naiveCheckpoint = (await naiveReadAfter(0n)).find((r) => r.tag === 'fast')!.position;
      expect((await naiveReadAfter(naiveCheckpoint)).map((r) => r.tag)).toEqual([]); // 'slow' is lost to it
      // Eventually, and in this order: a transaction open in another database of the cluster (another
      // spec) may hold every reader back for a while — never make it skip.
      const head = await store.headPosition();
      const seen = (await readEverything(store, head)).map((e) => e.metadata.correlationId);
      expect(seen).toEqual(['slow', 'fast']);
    } finally {
      slow.release();
      fast.release();
    }
  });

  it('delivers every committed event exactly once to a subscriber racing many writers that commit late or roll back', async () => {
    const start = await store.headPosition();
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribe(start, async (e) => {
      seen.push(e);
    });
    const committed: string[] = [];
    const writers = Array.from({ length: 16 }, async (_, w) => {
      const client = await pool.connect();
      try {
        for (let i = 0; i < 25; i++) {
          const tag = `w${w}-${i}`;
          await openWrite(client, tag);
          await new Promise((r) => setTimeout(r, (w * 7 + i * 3) % 11)); // hold the transaction open a while
          if ((w + i) % 5 === 0) {
            await client.query('ROLLBACK');
          } else {
            await client.query('COMMIT');
            committed.push(tag);
          }
        }
      } finally {
        client.release();
      }
    });
    // A naive reader polling alongside, to show the hazard is real under this load.
    let naivePosition = 0n;
    const naiveSeen = new Set<string>();
    let writing = true;
    const naive = (async () => {
      while (writing) {
        for (const row of await naiveReadAfter(naivePosition)) {
          naiveSeen.add(row.tag);
          naivePosition = row.position;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    await Promise.all(writers);
    writing = false;
    await naive;
    for (const row of await naiveReadAfter(naivePosition)) naiveSeen.add(row.tag);
    const naiveMissed = committed.filter((t) => !naiveSeen.has(t)).length;

    const deadline = Date.now() + 10_000;
    while (seen.length < committed.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await subscription.stop();

    const tags = seen.map((e) => e.metadata.correlationId);
    expect(tags).toHaveLength(committed.length);
    expect(new Set(tags)).toEqual(new Set(committed));
    expect(naiveMissed).toBeGreaterThan(0);
    // Every reader sees the same single order.
    const again = (await readEverything(store)).filter(
      (e) => e.type === 'Tagged' && tags.includes(e.metadata.correlationId),
    );
    expect(again.map((e) => e.metadata.correlationId)).toEqual(tags);
  });
});

describe('PostgreSQL usage batches of a client size', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(poolOf(db.dataSource));
  });
  afterAll(() => db.drop());

  const HOUR = Date.UTC(2026, 10, 25, 9);
  const record = (n: number) => ({
    dedupKey: `copy/${n}`,
    data: { event: { id: String(n), note: 'tab\there, back\\slash, newline\nand \\N' } },
    metadata: { namespace: 'copying', correlationId: `c${n}` },
    // Two hours, so the counters are checked per hour.
    occurredAt: new Date(HOUR + (n % 2) * 3_600_000 + n),
  });
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  const storedIds = async () =>
    (
      await db.dataSource.query<{ id: string }[]>(
        `SELECT data->'event'->>'id' AS id FROM tally_events WHERE dedup_key LIKE 'copy/%' ORDER BY global_position`,
      )
    ).map((row) => Number(row.id));
  const counters = async () =>
    db.dataSource.query<{ hour: Date; accepted: number; stored: number }[]>(
      `SELECT hour, sum(accepted)::int AS accepted, sum(stored)::int AS stored
       FROM reconciliation_intake WHERE namespace = 'copying' GROUP BY hour ORDER BY hour`,
    );

  it('stores a new batch whole, then only the new keys of a retry, and counts intake either way', async () => {
    const first = await store.recordUsage('usage-copying', range(0, 150).map(record));
    expect(first.storedKeys.size).toBe(150);
    // A client retrying with more: the keys stored before are skipped.
    const retried = await store.recordUsage('usage-copying', range(100, 250).map(record));
    expect([...retried.storedKeys].sort()).toEqual(
      range(150, 250)
        .map((n) => `copy/${n}`)
        .sort(),
    );
    // A repeat inside one batch: stored once, the first of it.
    const repeating = range(250, 400).map(record);
    repeating.push({ ...record(300), data: { event: { id: 'second 300', note: '' } } });
    expect((await store.recordUsage('usage-copying', repeating)).storedKeys.size).toBe(150);

    expect(await storedIds()).toEqual(range(0, 400));
    const [{ data }] = await db.dataSource.query(`SELECT data FROM tally_events WHERE dedup_key = 'copy/7'`);
    expect(data).toEqual(record(7).data);
    expect(await counters()).toEqual([
      { hour: new Date(HOUR), accepted: 75 + 75 + 76, stored: 200 },
      { hour: new Date(HOUR + 3_600_000), accepted: 75 + 75 + 75, stored: 200 },
    ]);
  });

  it('stores each key once when concurrent batches share keys', async () => {
    const batches = range(0, 8).map((b) =>
      [...range(1000, 1050), ...range(2000 + b * 100, 2100 + b * 100)].map(record),
    );
    const results = await Promise.all(batches.map((batch) => store.recordUsage('usage-copying', batch)));
    const stored = results.flatMap((result) => [...result.storedKeys]);
    expect(stored).toHaveLength(50 + 8 * 100);
    expect(new Set(stored).size).toBe(stored.length);
    const ids = await storedIds();
    expect(ids.filter((id) => id >= 1000).sort((a, b) => a - b)).toEqual([
      ...range(1000, 1050),
      ...range(2000, 2800),
    ]);
  });

  it('stores each key once, and counts it once, when concurrent batches share keys in opposite orders', async () => {
    // Each batch claims the shared keys as it goes: in opposite orders two batches can each wait for
    // the other, and PostgreSQL aborts one of them, which must go again and skip what the other stored.
    const shared = range(3000, 3200);
    const batches = range(0, 8).map((b) =>
      [...(b % 2 === 0 ? shared : [...shared].reverse()), ...range(4000 + b * 10, 4010 + b * 10)].map(record),
    );
    const totals = async () =>
      (await counters()).reduce(
        (sum, row) => ({ accepted: sum.accepted + row.accepted, stored: sum.stored + row.stored }),
        { accepted: 0, stored: 0 },
      );
    const before = await totals();
    const results = await Promise.all(batches.map((batch) => store.recordUsage('usage-copying', batch)));
    const stored = results.flatMap((result) => [...result.storedKeys]);
    expect(stored.sort()).toEqual([...shared, ...range(4000, 4080)].map((n) => `copy/${n}`).sort());
    const ids = await storedIds();
    expect(ids.filter((id) => id >= 3000).sort((a, b) => a - b)).toEqual([...shared, ...range(4000, 4080)]);
    const after = await totals();
    expect(after.stored - before.stored).toBe(shared.length + 80);
    expect(after.accepted - before.accepted).toBe(8 * (shared.length + 10));
  });
});
