import type { MeterCreatedData } from '../../catalog';
import type { RecordedEvent } from '../../event-store/event-store.port';
import type { UsageRecordedData } from '../../ingestion';
import { transactionOf } from '../../projections/projection-runner';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { UsageProjection } from './usage.projection';

let position = 0n;

function usage(
  id: string,
  user: string,
  options: { source?: string; time?: string; subject?: string } = {},
): RecordedEvent {
  position += 1n;
  const data: UsageRecordedData = {
    event: {
      specversion: '1.0',
      id,
      source: options.source ?? 'app',
      type: 'login',
      subject: options.subject ?? 'acme',
      time: options.time ?? '2024-01-01T10:00:00Z',
      data: { user },
    },
    ingestedAt: '2024-01-01T10:00:01.000Z',
  };
  return {
    streamId: 'usage-default',
    streamVersion: 0,
    position: { commit: position, prepare: position },
    type: 'UsageRecorded',
    data,
    metadata: { namespace: 'default', correlationId: 'test' },
    recordedAt: new Date('2024-01-01T10:00:02Z'),
  };
}

function meterCreated(
  id: string,
  slug: string,
  aggregation: 'UNIQUE_COUNT' | 'COUNT',
  extra: Partial<MeterCreatedData> = {},
): RecordedEvent {
  position += 1n;
  const data: MeterCreatedData = {
    id,
    namespace: 'default',
    slug,
    name: slug,
    eventType: 'login',
    aggregation,
    ...(aggregation === 'COUNT' ? {} : { valueProperty: '$.user' }),
    groupBy: {},
    metadata: {},
    at: '2024-01-01T00:00:00.000Z',
    ...extra,
  };
  return {
    streamId: `meter-${id}`,
    streamVersion: 1,
    position: { commit: position, prepare: position },
    type: 'MeterCreated',
    data,
    metadata: { namespace: 'default', correlationId: 'test' },
    recordedAt: new Date(),
  };
}

/**
 * The projection applied directly, batch by batch, as the runner would (one transaction per batch),
 * including what only the EventStoreDB adapter can deliver: the same usage identity stored twice.
 */
describe('usage@v3', () => {
  let db: TestDatabase;
  const projection = new UsageProjection();

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());
  beforeEach(async () => {
    await db.dataSource.query(`TRUNCATE usage_meters, usage_events, usage_buckets, usage_distinct_values`);
  });

  const apply = async (events: readonly RecordedEvent[]) => {
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await projection.apply(
        events,
        transactionOf(runner, (name) => name),
      );
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
  };
  const snapshot = async () => ({
    events: await db.dataSource.query(
      `SELECT namespace, source, id, event FROM usage_events ORDER BY source, id`,
    ),
    buckets: await db.dataSource.query(
      `SELECT meter_id, subject, minute, group_key, count FROM usage_buckets ORDER BY 1, 2, 3, 4`,
    ),
    distinct: await db.dataSource.query(
      `SELECT meter_id, subject, minute, value FROM usage_distinct_values ORDER BY 1, 2, 3, 4`,
    ),
  });
  const distinctUsers = async () =>
    (await db.dataSource.query(`SELECT value FROM usage_distinct_values ORDER BY value`)).map(
      (r: { value: string }) => r.value,
    );
  const loginCount = async (meterId: string) =>
    Number(
      (
        await db.dataSource.query(
          `SELECT coalesce(sum(count), 0) AS n FROM usage_buckets WHERE meter_id = $1`,
          [meterId],
        )
      )[0].n,
    );

  it('counts a usage identity once, however often the log holds it (within and across batches)', async () => {
    await apply([meterCreated('m-count', 'logins', 'COUNT')]);
    const first = usage('e1', 'alice');
    await apply([
      first,
      usage('e2', 'bob'),
      { ...usage('e1', 'mallory'), position: { commit: 100n, prepare: 100n } },
    ]);
    await apply([usage('e1', 'eve'), usage('e1', 'eve', { source: 'other-app' })]);
    expect(await loginCount('m-count')).toBe(3);
    const [kept] = await db.dataSource.query(
      `SELECT event FROM usage_events WHERE source = 'app' AND id = 'e1'`,
    );
    expect(kept.event.data).toEqual({ user: 'alice' });
  });

  it('counts each identity once when a long run repeats one of its own and one stored before, far into it', async () => {
    await apply([
      meterCreated('m-run-count', 'run_logins', 'COUNT'),
      meterCreated('m-run-users', 'run_users', 'UNIQUE_COUNT'),
    ]);
    await apply([usage('stored-before', 'u-before')]);
    const at = (i: number) =>
      `2024-01-01T${String(8 + Math.floor((i % 600) / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`;
    const run = Array.from({ length: 2_600 }, (_, i) => usage(`r${i}`, `u${i % 1_500}`, { time: at(i) }));
    run.splice(1_500, 0, usage('stored-before', 'u-repeat'));
    run.splice(2_500, 0, usage('r10', 'u-repeat'));
    await apply(run);

    expect(await loginCount('m-run-count')).toBe(2_601);
    const [{ users }] = await db.dataSource.query(
      `SELECT count(DISTINCT value)::int AS users FROM usage_distinct_values WHERE meter_id = 'm-run-users'`,
    );
    expect(users).toBe(1_501);
    const rollups = await db.dataSource.query(
      `SELECT (SELECT values_seen::int FROM usage_distinct_counts
               WHERE meter_id = 'm-run-users' AND scope = '' AND unit = 'all') AS distinct_all,
              (SELECT count::int FROM usage_unit_totals
               WHERE meter_id = 'm-run-count' AND scope = '' AND unit = 'all') AS count_all`,
    );
    expect(rollups).toEqual([{ distinct_all: 1_501, count_all: 2_601 }]);
    const [{ stored }] = await db.dataSource.query(`SELECT count(*)::int AS stored FROM usage_events`);
    expect(stored).toBe(2_601);
    expect(await distinctUsers()).not.toContain('u-repeat');
  });

  it('stores each event as it came, whatever characters its text holds', async () => {
    const awkward = { source: 'app\\x\tz', subject: 'a\tb\nc\r\\N\\.\u00e9\u{1F600}' };
    const sent = usage('id\\.\n\\', 'us\ter', awkward);
    await apply([meterCreated('m-odd', 'odd', 'UNIQUE_COUNT'), sent]);
    const rows = await db.dataSource.query(
      `SELECT namespace, source, id, type, subject, time, event, ingested_at, stored_at, position_commit
       FROM usage_events`,
    );
    const { event, ingestedAt } = sent.data as UsageRecordedData;
    expect(rows).toEqual([
      {
        namespace: 'default',
        source: awkward.source,
        id: 'id\\.\n\\',
        type: 'login',
        subject: awkward.subject,
        time: new Date(event.time!),
        event,
        ingested_at: new Date(ingestedAt),
        stored_at: sent.recordedAt,
        position_commit: sent.position.commit.toString(),
      },
    ]);
    expect(await distinctUsers()).toEqual(['us\ter']);
  });

  it('leaves its read models unchanged when a batch is delivered twice', async () => {
    const batch = [meterCreated('m-unique', 'users', 'UNIQUE_COUNT'), usage('a', 'alice'), usage('b', 'bob')];
    await apply(batch);
    const once = await snapshot();
    await apply(batch);
    expect(await snapshot()).toEqual(once);
  });

  it('fills a meter created after its usage from the stored events, from eventFrom, in log order within a batch', async () => {
    await apply([usage('early', 'alice', { time: '2023-12-31T23:59:59Z' }), usage('x', 'bob')]);
    await apply([
      usage('y', 'carol'),
      meterCreated('m-late', 'late_users', 'UNIQUE_COUNT', { eventFrom: '2024-01-01T00:00:00.000Z' }),
      usage('z', 'dave'),
    ]);
    expect(await distinctUsers()).toEqual(['bob', 'carol', 'dave']);
  });

  it('forgets a deleted meter and ignores usage after it', async () => {
    await apply([meterCreated('m-gone', 'gone', 'COUNT'), usage('g1', 'alice')]);
    position += 1n;
    await apply([
      {
        streamId: 'meter-m-gone',
        streamVersion: 2,
        position: { commit: position, prepare: position },
        type: 'MeterDeleted',
        data: { id: 'm-gone', namespace: 'default', slug: 'gone', at: '2024-01-02T00:00:00.000Z' },
        metadata: { namespace: 'default', correlationId: 'test' },
        recordedAt: new Date(),
      },
      usage('g2', 'bob'),
    ]);
    expect(await loginCount('m-gone')).toBe(0);
    expect((await snapshot()).events).toHaveLength(2);
  });
});
