import type {
  MeterCreatedData,
  MeterDeletedData,
  MeterUpdatedData,
} from '../../catalog/meters/meter.decider';
import type { ProjectionsService } from '../../projections/projections.service';
import { claimedKeysOf, CustomerEvent } from '../../customers/customers/customer.decider';
import { epochMsOf, timestampFromEpochMs } from '../../database/epoch-ms';
import { sqlStateOf, UNIQUE_VIOLATION } from '../../database/pg-errors';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { usageDedupKey } from '../../event-store/stream-names';
import { usageTimeMs, USAGE_RECORDED, UsageRecordedData } from '../../ingestion/usage-recorded';
import type { Projection, ProjectionTransaction } from '../../projections/projection';
import type { MeterDefinition, UsageFact } from '../measurement';
import { MeteringErrorCode } from '../metering-errors';
import { UsageAggregator } from '../usage-aggregator';
import { DistinctCounters } from './distinct-counters';
import { UnitTotals } from './unit-totals';
import { meterFromRow, MeterRow, METER_COLUMNS, UsageTable } from './usage-tables';

export const USAGE_PROJECTION = 'usage@v2';

const USAGE_BEHIND = {
  code: MeteringErrorCode.NOT_CAUGHT_UP,
  message: 'Usage is still being counted and the answer would be stale; retry shortly',
};

/**
 * Read-your-writes for every usage read: waits (bounded) until `usage@v2`, and the other projections
 * the read joins (`customers@v1` for attribution), have applied everything in the log when the read
 * began; answers 503 rather than a silently stale number.
 */
export function usageCaughtUp(
  projections: ProjectionsService,
  alsoReading: readonly string[] = [],
): Promise<void> {
  return projections.readYourWrites([USAGE_PROJECTION, ...alsoReading], USAGE_BEHIND);
}

const METER_EVENTS = ['MeterCreated', 'MeterUpdated', 'MeterDeleted'] as const;
const CUSTOMER_EVENTS = ['CustomerCreated', 'CustomerUpdated', 'CustomerDeleted'] as const;
type MeterEvent =
  | { readonly type: 'MeterCreated'; readonly data: MeterCreatedData }
  | { readonly type: 'MeterUpdated'; readonly data: MeterUpdatedData }
  | { readonly type: 'MeterDeleted'; readonly data: MeterDeletedData };

/** Backfills read the raw usage table in pages of this many events. */
const BACKFILL_PAGE = 5_000;

interface StoredUsage extends UsageFact {
  readonly namespace: string;
  readonly source: string;
  readonly id: string;
  readonly type: string;
  readonly event: UsageRecordedData['event'];
  readonly ingestedAt: string;
  readonly storedAt: Date;
}

/**
 * `usage@v2`: every usage event once (the raw table, whose primary key (namespace, source, id) is
 * the dedup guarantee when the log itself does not deduplicate), and for each live meter its minute
 * buckets and distinct values. It keeps its own copy of the meters from the catalog's events, so a
 * meter created after usage was stored is filled from the raw table when `MeterCreated` is applied
 * (a new meter is a projection over the log), and refilled when an update changes what it measures.
 *
 * Each statement covers a whole run of usage events (arrays through `unnest`, the raw copies through
 * COPY), not one event. Where an INSERT carries the events themselves they travel as one JSON array
 * (an array literal escaped every quote of every event, twice over); smaller JSON as text[], cast row
 * by row: PostgreSQL parses a jsonb[] literal about half as fast.
 */
export class UsageProjection implements Projection {
  readonly name = USAGE_PROJECTION;
  readonly handles = [USAGE_RECORDED, ...METER_EVENTS, ...CUSTOMER_EVENTS];
  readonly tables = Object.values(UsageTable);

  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    // Meter events are rare; usage between two of them is applied as one run, in log order.
    let run: RecordedEvent[] = [];
    for (const event of events) {
      if (event.type === USAGE_RECORDED) {
        run.push(event);
        continue;
      }
      if (run.length > 0) await this.recordUsage(run, tx);
      run = [];
      if ((CUSTOMER_EVENTS as readonly string[]).includes(event.type)) await applyCustomerEvent(event, tx);
      else await this.applyMeterEvent(event as unknown as MeterEvent, tx);
    }
    if (run.length > 0) await this.recordUsage(run, tx);
  }

  /**
   * Stores a run of usage events and counts them. The log nearly always holds each identity once
   * already, so the run is first written as all new, under a savepoint; should an identity be stored
   * already (EventStoreDB delivering a client's retry, say), the COPY of the raw copies fails on the
   * raw table's primary key, nothing after it runs, and the run is rolled back to the savepoint and
   * stored again skipping repeats.
   */
  private async recordUsage(run: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    const usages = run.map(storedUsage);
    const meters = await this.liveMeters(tx, usages);
    const owners = meters.length > 0 ? await customersOf(tx, usages) : new Map<string, string>();
    const namespaceOf = new Map(meters.map((meter) => [meter.id, meter.namespace]));
    const ownerOf = (m: { meterId: string; subject: string }) =>
      owners.get(subjectKey(namespaceOf.get(m.meterId)!, m.subject));
    await tx.query('SAVEPOINT usage_run');
    if (await recordAllNew(usages, meters, ownerOf, tx)) {
      await tx.query('RELEASE SAVEPOINT usage_run');
      return;
    }
    await tx.query('ROLLBACK TO SAVEPOINT usage_run');
    await tx.query('RELEASE SAVEPOINT usage_run');
    const inserted = await storeSkippingRepeats(usages, tx);
    if (meters.length === 0) return;
    // Of repeats inside the run, the insert kept the first; so does this.
    const fresh = new Set(inserted.map((row) => usageDedupKey(row.namespace, row.source, row.id)));
    const counted = usages.filter((u) => fresh.delete(usageDedupKey(u.namespace, u.source, u.id)));
    const pipeline = new StatementPipeline();
    const aggregator = aggregate(counted, meters);
    await writeAggregates(aggregator, tx, pipeline);
    await writeRollups(aggregator, ownerOf, tx, pipeline);
    await pipeline.settled();
  }

  private async liveMeters(
    tx: ProjectionTransaction,
    usages: readonly StoredUsage[],
  ): Promise<MeterDefinition[]> {
    const rows = await tx.query<MeterRow>(
      `SELECT ${METER_COLUMNS} FROM ${tx.table(UsageTable.meters)}
       WHERE deleted_at IS NULL AND namespace = ANY($1) AND event_type = ANY($2)`,
      [[...new Set(usages.map((u) => u.namespace))], [...new Set(usages.map((u) => u.type))]],
    );
    return rows.map(meterFromRow);
  }

  private async applyMeterEvent(event: MeterEvent, tx: ProjectionTransaction): Promise<void> {
    const meters = tx.table(UsageTable.meters);
    switch (event.type) {
      case 'MeterCreated': {
        const created = await tx.query(
          `INSERT INTO ${meters} (id, namespace, slug, event_type, aggregation, value_property, group_by, event_from)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          meterParams(event.data),
        );
        if (created.length > 0) await backfill(meterFromEvent(event.data), tx);
        return;
      }
      case 'MeterUpdated': {
        // Only what changes the numbers matters here; names and descriptions are the catalog's.
        const changed = await tx.query(
          `UPDATE ${meters}
           SET namespace = $2, slug = $3, event_type = $4, aggregation = $5, value_property = $6, group_by = $7, event_from = $8
           WHERE id = $1 AND deleted_at IS NULL
             AND (namespace, slug, event_type, aggregation, value_property, group_by, event_from)
                 IS DISTINCT FROM ($2, $3, $4, $5, $6, $7::jsonb, $8::timestamptz)
           RETURNING id`,
          meterParams(event.data),
        );
        if (changed.length > 0) {
          await forget(event.data.id, tx);
          await backfill(meterFromEvent(event.data), tx);
        }
        return;
      }
      case 'MeterDeleted': {
        const deleted = await tx.query(
          `UPDATE ${meters} SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
          [event.data.id, event.data.at],
        );
        if (deleted.length > 0) await forget(event.data.id, tx);
        return;
      }
    }
  }
}

/** Counts, into a meter's (empty) aggregates, every stored event it measures. */
async function backfill(meter: MeterDefinition, tx: ProjectionTransaction): Promise<void> {
  let after = { source: '', id: '' };
  for (;;) {
    const rows = await tx.query<RawUsageRow>(
      `SELECT source, id, subject, time, event->'data' AS data, position_commit, position_prepare
       FROM ${tx.table(UsageTable.events)}
       WHERE namespace = $1 AND type = $2 AND ($3::timestamptz IS NULL OR time >= $3) AND (source, id) > ($4, $5)
       ORDER BY source, id
       LIMIT ${BACKFILL_PAGE}`,
      [
        meter.namespace,
        meter.eventType,
        meter.eventFrom === undefined ? null : new Date(meter.eventFrom).toISOString(),
        after.source,
        after.id,
      ],
    );
    if (rows.length === 0) return;
    const aggregator = new UsageAggregator();
    const facts = rows.map(factFromRow);
    for (const fact of facts) aggregator.add(meter, fact);
    const owners = await customersOf(
      tx,
      facts.map((fact) => ({ namespace: meter.namespace, subject: fact.subject })),
    );
    const pipeline = new StatementPipeline();
    await writeAggregates(aggregator, tx, pipeline);
    await writeRollups(aggregator, (m) => owners.get(subjectKey(meter.namespace, m.subject)), tx, pipeline);
    await pipeline.settled();
    const last = rows[rows.length - 1];
    after = { source: last.source, id: last.id };
  }
}

async function forget(meterId: string, tx: ProjectionTransaction): Promise<void> {
  await forgetSets([meterId], ALL_SCOPES, tx);
  for (const table of [
    UsageTable.buckets,
    UsageTable.distinctValues,
    UsageTable.distinctCounts,
    UsageTable.unitTotals,
  ]) {
    await tx.query(`DELETE FROM ${tx.table(table)} WHERE meter_id = $1`, [meterId]);
  }
}

const RAW_COPY_COLUMNS = [
  'namespace',
  'source',
  'id',
  'type',
  'subject',
  'time',
  'event',
  'ingested_at',
  'stored_at',
  'position_commit',
  'position_prepare',
];
/**
 * Writes every usage event as new: its raw copy by COPY (about two thirds of an INSERT's work for
 * PostgreSQL), encoded while PostgreSQL parses what came before, then its aggregates, folded while
 * PostgreSQL stores the copies. False when the COPY met an identity stored already; then nothing
 * after it ran, and the caller rolls back.
 */
async function recordAllNew(
  usages: readonly StoredUsage[],
  meters: readonly MeterDefinition[],
  ownerOf: (minute: { meterId: string; subject: string }) => string | undefined,
  tx: ProjectionTransaction,
): Promise<boolean> {
  let repeated = false;
  let encoded!: () => void;
  const allEncoded = new Promise<void>((resolve) => (encoded = resolve));
  function* rows() {
    try {
      for (const usage of usages) yield rawCopyRow(usage);
    } finally {
      encoded();
    }
  }
  const copied = tx.copyInto(tx.table(UsageTable.events), RAW_COPY_COLUMNS, rows()).catch((error) => {
    if (sqlStateOf(error) === UNIQUE_VIOLATION) repeated = true;
    throw error;
  });
  const pipeline = new StatementPipeline();
  await pipeline.send(() => copied);
  if (meters.length > 0) {
    // The fold waits for the copies to be encoded (a COPY failing before that never asks for them).
    await Promise.race([allEncoded, copied.catch(() => undefined)]);
    const aggregator = aggregate(usages, meters);
    await writeAggregates(aggregator, tx, pipeline);
    await writeRollups(aggregator, ownerOf, tx, pipeline);
  }
  try {
    await pipeline.settled();
    return true;
  } catch (error) {
    if (repeated) return false;
    throw error;
  }
}

function rawCopyRow(u: StoredUsage): string[] {
  return [
    u.namespace,
    u.source,
    u.id,
    u.type,
    u.subject,
    new Date(u.timeMs).toISOString(),
    JSON.stringify(u.event),
    u.ingestedAt,
    u.storedAt.toISOString(),
    u.position.commit.toString(),
    u.position.prepare.toString(),
  ];
}

/** Stores the raw copies whose identity (namespace, source, id) is not stored yet, and says which. */
async function storeSkippingRepeats(
  usages: readonly StoredUsage[],
  tx: ProjectionTransaction,
): Promise<{ namespace: string; source: string; id: string }[]> {
  const table = tx.table(UsageTable.events);
  return tx.query<{ namespace: string; source: string; id: string }>(
    `INSERT INTO ${table} (${RAW_COPY_COLUMNS.join(', ')})
     SELECT namespace, source, id, type, subject, ${timestampFromEpochMs('time_ms')}, event,
            ${timestampFromEpochMs('ingested_ms')}, ${timestampFromEpochMs('stored_ms')}, position_commit, position_prepare
     FROM ROWS FROM (unnest($1::text[]), unnest($2::text[]), unnest($3::text[]), unnest($4::text[]), unnest($5::text[]),
                     unnest($6::bigint[]), json_array_elements($7::json), unnest($8::bigint[]),
                     unnest($9::bigint[]), unnest($10::numeric[]), unnest($11::numeric[]))
       AS u(namespace, source, id, type, subject, time_ms, event, ingested_ms, stored_ms, position_commit, position_prepare)
     ON CONFLICT (namespace, source, id) DO NOTHING
     RETURNING namespace, source, id`,
    [
      usages.map((u) => u.namespace),
      usages.map((u) => u.source),
      usages.map((u) => u.id),
      usages.map((u) => u.type),
      usages.map((u) => u.subject),
      usages.map((u) => u.timeMs),
      JSON.stringify(usages.map((u) => u.event)),
      usages.map((u) => epochMsOf(u.ingestedAt)),
      usages.map((u) => epochMsOf(u.storedAt)),
      usages.map((u) => u.position.commit.toString()),
      usages.map((u) => u.position.prepare.toString()),
    ],
  );
}

/** Minute buckets and distinct values of these usage events for the meters that measure their type. */
function aggregate(usages: readonly StoredUsage[], meters: readonly MeterDefinition[]): UsageAggregator {
  const metersByType = new Map<string, MeterDefinition[]>();
  for (const meter of meters) {
    const key = typeKey(meter.namespace, meter.eventType);
    metersByType.set(key, [...(metersByType.get(key) ?? []), meter]);
  }
  const aggregator = new UsageAggregator();
  for (const usage of usages) {
    for (const meter of metersByType.get(typeKey(usage.namespace, usage.type)) ?? [])
      aggregator.add(meter, usage);
  }
  return aggregator;
}

/**
 * A batch's statements, each started as soon as the one before it is done, without waiting here: so
 * PostgreSQL runs one while the next is folded. `settled` waits for them all and fails with the first
 * failure, which rolls the whole batch back.
 */
class StatementPipeline {
  private last: Promise<unknown> = Promise.resolve();
  private readonly sent: Promise<unknown>[] = [];

  /** Starts `statement` once the ones sent before it have succeeded (never after a failure). */
  async send<T>(statement: () => Promise<T>): Promise<{ readonly result: Promise<T> }> {
    const result = this.last.then(statement);
    result.catch(() => undefined); // its failure is reported by `settled`
    this.last = result;
    this.sent.push(result);
    // TypeORM hands a statement to the connection a few promise turns after the call: let it go now,
    // before the next stretch of work here.
    await new Promise((resolve) => setImmediate(resolve));
    return { result };
  }

  settled(): Promise<unknown> {
    return Promise.all(this.sent);
  }
}

/** Any scope, for `forgetSets`. */
const ALL_SCOPES = null;

/** Empties the distinct sets of these meters' counter rows (in `scope`, or all scopes), before the rows go. */
async function forgetSets(
  meterIds: readonly string[],
  scope: string | null,
  tx: ProjectionTransaction,
): Promise<void> {
  await tx.query(
    `DELETE FROM ${tx.table(UsageTable.distinctSlotValues)} v USING ${tx.table(UsageTable.distinctCounts)} c
     WHERE v.slot = c.slot AND c.meter_id = ANY($1) AND ($2::text IS NULL OR c.scope = $2)`,
    [meterIds, scope],
  );
}

/**
 * Rolls the minute buckets and distinct values up into the per-unit totals and distinct counters of
 * the meter (unless only a customer's are being rebuilt) and of each subject's customer.
 */
async function writeRollups(
  aggregator: UsageAggregator,
  customerOf: (minute: { meterId: string; subject: string }) => string | undefined,
  tx: ProjectionTransaction,
  pipeline: StatementPipeline,
  meterScope = true,
): Promise<void> {
  const totals = new UnitTotals();
  for (const bucket of aggregator.buckets) totals.add(bucket, customerOf(bucket), meterScope);
  await pipeline.send(() => totals.write(tx));
  const counters = new DistinctCounters();
  for (const seen of aggregator.distinctValues) counters.add(seen, customerOf(seen), meterScope);
  await pipeline.send(() => counters.write(tx));
}

function subjectKey(namespace: string, subject: string): string {
  return `${namespace}\u0000${subject}`;
}

/** Which customer (in the projection's own copy of the subject index) owns each subject. */
async function customersOf(
  tx: ProjectionTransaction,
  usages: readonly { namespace: string; subject: string }[],
): Promise<Map<string, string>> {
  const keys = new Map<string, { namespace: string; subject: string }>();
  for (const u of usages) keys.set(subjectKey(u.namespace, u.subject), u);
  const rows = await tx.query<{ namespace: string; subject_key: string; customer_id: string }>(
    `SELECT s.namespace, s.subject_key, s.customer_id
     FROM ${tx.table(UsageTable.customerSubjects)} s
     JOIN unnest($1::text[], $2::text[]) AS u(namespace, subject_key) USING (namespace, subject_key)`,
    [[...keys.values()].map((u) => u.namespace), [...keys.values()].map((u) => u.subject)],
  );
  return new Map(rows.map((row) => [subjectKey(row.namespace, row.subject_key), row.customer_id]));
}

/**
 * Mirrors `customers@v1`'s subject index (same stream-version guard, same keys: a live customer's
 * key and subject keys), and when a customer's subjects change, recounts that customer's distinct
 * counters from the raw usage — and those of any customer that lost a subject to it.
 */
async function applyCustomerEvent(recorded: RecordedEvent, tx: ProjectionTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as CustomerEvent;
  const { namespace, id } = event.data;
  const versions = tx.table(UsageTable.customerVersions);
  const newer = await tx.query(
    `INSERT INTO ${versions} (namespace, customer_id, stream_version) VALUES ($1, $2, $3)
     ON CONFLICT (namespace, customer_id) DO UPDATE SET stream_version = $3
     WHERE ${versions}.stream_version < $3
     RETURNING customer_id`,
    [namespace, id, recorded.streamVersion],
  );
  if (newer.length === 0) return;
  const subjects =
    event.type === 'CustomerDeleted' ? [] : [...claimedKeysOf({ status: 'active', customer: event.data })];
  const index = tx.table(UsageTable.customerSubjects);
  const had = await tx.query<{ subject_key: string }>(
    `SELECT subject_key FROM ${index} WHERE namespace = $1 AND customer_id = $2`,
    [namespace, id],
  );
  const before = new Set(had.map((row) => row.subject_key));
  if (before.size === subjects.length && subjects.every((subject) => before.has(subject))) return;
  const losers = await tx.query<{ customer_id: string }>(
    `SELECT DISTINCT customer_id FROM ${index}
     WHERE namespace = $1 AND subject_key = ANY($3) AND customer_id <> $2`,
    [namespace, id, subjects],
  );
  await tx.query(
    `DELETE FROM ${index} WHERE namespace = $1 AND customer_id = $2 AND NOT (subject_key = ANY($3))`,
    [namespace, id, subjects],
  );
  await tx.query(
    `INSERT INTO ${index} (namespace, subject_key, customer_id) SELECT $1, unnest($3::text[]), $2
     ON CONFLICT (namespace, subject_key) DO UPDATE SET customer_id = EXCLUDED.customer_id`,
    [namespace, id, subjects],
  );
  for (const customer of [id, ...losers.map((row) => row.customer_id)])
    await recountCustomer(namespace, customer, tx);
}

/** Rebuilds one customer's counters and totals, for every live meter, from the raw usage of its subjects. */
async function recountCustomer(
  namespace: string,
  customerId: string,
  tx: ProjectionTransaction,
): Promise<void> {
  const meterRows = await tx.query<MeterRow>(
    `SELECT ${METER_COLUMNS} FROM ${tx.table(UsageTable.meters)} WHERE deleted_at IS NULL AND namespace = $1`,
    [namespace],
  );
  if (meterRows.length === 0) return;
  const meters = meterRows.map(meterFromRow);
  await forgetSets(
    meters.map((meter) => meter.id),
    customerId,
    tx,
  );
  for (const table of [UsageTable.distinctCounts, UsageTable.unitTotals]) {
    await tx.query(`DELETE FROM ${tx.table(table)} WHERE meter_id = ANY($1) AND scope = $2`, [
      meters.map((meter) => meter.id),
      customerId,
    ]);
  }
  const owned = await tx.query<{ subject_key: string }>(
    `SELECT subject_key FROM ${tx.table(UsageTable.customerSubjects)} WHERE namespace = $1 AND customer_id = $2`,
    [namespace, customerId],
  );
  if (owned.length === 0) return;
  const subjects = owned.map((row) => row.subject_key);
  for (const meter of meters) {
    let after = { source: '', id: '' };
    for (;;) {
      const rows = await tx.query<RawUsageRow>(
        `SELECT source, id, subject, time, event->'data' AS data, position_commit, position_prepare
         FROM ${tx.table(UsageTable.events)}
         WHERE namespace = $1 AND type = $2 AND subject = ANY($3) AND (source, id) > ($4, $5)
         ORDER BY source, id
         LIMIT ${BACKFILL_PAGE}`,
        [namespace, meter.eventType, subjects, after.source, after.id],
      );
      if (rows.length === 0) break;
      const aggregator = new UsageAggregator();
      for (const row of rows) aggregator.add(meter, factFromRow(row));
      const pipeline = new StatementPipeline();
      await writeRollups(aggregator, () => customerId, tx, pipeline, false);
      await pipeline.settled();
      const last = rows[rows.length - 1];
      after = { source: last.source, id: last.id };
    }
  }
}

/** The raw usage table's rows as meters read them (backfills here, sub-minute edges in queries). */
export interface RawUsageRow {
  source: string;
  id: string;
  subject: string;
  time: Date;
  data: unknown;
  position_commit: string;
  position_prepare: string;
}

export function factFromRow(row: RawUsageRow): UsageFact {
  return {
    subject: row.subject,
    timeMs: row.time.getTime(),
    data: row.data,
    position: { commit: BigInt(row.position_commit), prepare: BigInt(row.position_prepare) },
  };
}

async function writeAggregates(
  aggregator: UsageAggregator,
  tx: ProjectionTransaction,
  pipeline: StatementPipeline,
): Promise<void> {
  const buckets = aggregator.buckets;
  if (buckets.length > 0) {
    const newer = `(excluded.latest_time, excluded.latest_commit, excluded.latest_prepare) > (b.latest_time, b.latest_commit, b.latest_prepare)`;
    const bucketRows = [
      buckets.map((b) => b.meterId),
      buckets.map((b) => b.subject),
      buckets.map((b) => b.minuteMs),
      buckets.map((b) => b.groupKey),
      buckets.map((b) => JSON.stringify(b.groupValues)),
      buckets.map((b) => b.count),
      buckets.map((b) => b.sum?.toFixed() ?? null),
      buckets.map((b) => b.min?.toFixed() ?? null),
      buckets.map((b) => b.max?.toFixed() ?? null),
      buckets.map((b) => b.latest?.value ?? null),
      buckets.map((b) => b.latest?.timeMs ?? null),
      buckets.map((b) => b.latest?.position.commit.toString() ?? null),
      buckets.map((b) => b.latest?.position.prepare.toString() ?? null),
    ];
    await pipeline.send(() =>
      tx.query(
        `INSERT INTO ${tx.table(UsageTable.buckets)} AS b
         (meter_id, subject, minute, group_key, group_values, count, sum, min, max, latest_value, latest_time, latest_commit, latest_prepare)
       SELECT meter_id, subject, ${timestampFromEpochMs('minute_ms')}, group_key, group_values::jsonb, count, sum, min, max,
              latest_value, ${timestampFromEpochMs('latest_ms')}, latest_commit, latest_prepare
       FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::bigint[], $7::numeric[],
                   $8::numeric[], $9::numeric[], $10::numeric[], $11::bigint[], $12::numeric[], $13::numeric[])
         AS u(meter_id, subject, minute_ms, group_key, group_values, count, sum, min, max,
              latest_value, latest_ms, latest_commit, latest_prepare)
       ON CONFLICT (meter_id, subject, minute, group_key) DO UPDATE SET
         count = b.count + excluded.count,
         -- trimmed as the JavaScript decimals are, so the digits stored do not depend on batch boundaries
         sum = trim_scale(b.sum + excluded.sum),
         min = least(b.min, excluded.min),
         max = greatest(b.max, excluded.max),
         latest_value = CASE WHEN ${newer} THEN excluded.latest_value ELSE b.latest_value END,
         latest_time = CASE WHEN ${newer} THEN excluded.latest_time ELSE b.latest_time END,
         latest_commit = CASE WHEN ${newer} THEN excluded.latest_commit ELSE b.latest_commit END,
         latest_prepare = CASE WHEN ${newer} THEN excluded.latest_prepare ELSE b.latest_prepare END`,
        bucketRows,
      ),
    );
  }
  const distinct = aggregator.distinctValues;
  if (distinct.length > 0) {
    const valueRows = [
      distinct.map((d) => d.meterId),
      distinct.map((d) => d.subject),
      distinct.map((d) => d.minuteMs),
      distinct.map((d) => d.groupKey),
      distinct.map((d) => JSON.stringify(d.groupValues)),
      distinct.map((d) => d.value),
    ];
    await pipeline.send(() =>
      tx.query(
        `INSERT INTO ${tx.table(UsageTable.distinctValues)} (meter_id, subject, minute, group_key, group_values, value)
       SELECT meter_id, subject, ${timestampFromEpochMs('minute_ms')}, group_key, group_values::jsonb, value
       FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[])
         AS u(meter_id, subject, minute_ms, group_key, group_values, value)
       ON CONFLICT DO NOTHING`,
        valueRows,
      ),
    );
  }
}

function storedUsage(recorded: RecordedEvent): StoredUsage {
  const { event, ingestedAt } = recorded.data as UsageRecordedData;
  return {
    namespace: recorded.metadata.namespace,
    source: event.source,
    id: event.id,
    type: event.type,
    subject: event.subject,
    timeMs: usageTimeMs(event),
    data: event.data,
    position: recorded.position,
    event,
    ingestedAt,
    storedAt: recorded.recordedAt,
  };
}

function meterFromEvent(data: MeterCreatedData | MeterUpdatedData): MeterDefinition {
  return {
    id: data.id,
    namespace: data.namespace,
    slug: data.slug,
    eventType: data.eventType,
    aggregation: data.aggregation,
    valueProperty: data.valueProperty,
    groupBy: data.groupBy,
    eventFrom: data.eventFrom === undefined ? undefined : Date.parse(data.eventFrom),
  };
}

function meterParams(data: MeterCreatedData | MeterUpdatedData): unknown[] {
  return [
    data.id,
    data.namespace,
    data.slug,
    data.eventType,
    data.aggregation,
    data.valueProperty ?? null,
    JSON.stringify(data.groupBy),
    data.eventFrom ?? null,
  ];
}

function typeKey(namespace: string, type: string): string {
  return JSON.stringify([namespace, type]);
}
