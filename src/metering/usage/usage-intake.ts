import { epochMsOf, timestampFromEpochMs } from '../../database/epoch-ms';
import { sqlStateOf, UNIQUE_VIOLATION } from '../../database/pg-errors';
import { StatementPipeline } from '../../database/statement-pipeline';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { usageDedupKey } from '../../event-store/stream-names';
import { UsageRecordedData, usageTimeMs } from '../../ingestion';
import type { ProjectionTransaction } from '../../projections/projection';
import type { MeterDefinition, UsageFact } from '../measurement';
import { customersOf, subjectKey } from './subject-mirror';
import { HourChanges } from './usage-hours';
import { aggregate, writeAggregates, writeRollups } from './usage-writes';
import { meterFromRow, MeterRow, METER_COLUMNS, UsageTable } from './usage-tables';

/**
 * `usage@v3`'s intake: every usage event once in the raw table, whose primary key (namespace, source,
 * id) is the dedup guarantee when the log itself does not deduplicate, and counted into the minute
 * buckets and distinct values of every live meter that measures its type.
 *
 * Each statement covers a whole run of usage events (arrays through `unnest`, the raw copies through
 * COPY), not one event. Where an INSERT carries the events themselves they travel as one JSON array
 * (an array literal escaped every quote of every event, twice over); smaller JSON as text[], cast row
 * by row, which PostgreSQL parses faster than a jsonb[] literal (BENCHMARKS.md, "Figures behind the
 * code").
 */

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
 * Stores a run of usage events and counts them. The log nearly always holds each identity once
 * already, so the run is first written as all new, under a savepoint; should an identity be stored
 * already (EventStoreDB delivering a client's retry, say), the COPY of the raw copies fails on the
 * raw table's primary key, nothing after it runs, and the run is rolled back to the savepoint and
 * stored again skipping repeats.
 */
export async function recordUsage(run: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
  const usages = run.map(storedUsage);
  const meters = await liveMeters(tx, usages);
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
  // Of repeats inside the run, the insert kept the first; so does this.
  const fresh = new Set(inserted.map((row) => usageDedupKey(row.namespace, row.source, row.id)));
  const counted = usages.filter((u) => fresh.delete(usageDedupKey(u.namespace, u.source, u.id)));
  await hourChangesOf(counted).write(tx);
  if (meters.length === 0) return;
  const pipeline = new StatementPipeline();
  const aggregator = aggregate(counted, meters);
  await writeAggregates(aggregator, tx, pipeline);
  await writeRollups(aggregator, ownerOf, tx, pipeline);
  await pipeline.settled();
}

async function liveMeters(
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
  const hours = hourChangesOf(usages);
  await pipeline.send(() => hours.write(tx));
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

function hourChangesOf(usages: readonly StoredUsage[]): HourChanges {
  const hours = new HourChanges();
  for (const usage of usages) hours.add(usage.namespace, usage.timeMs, usage.position);
  return hours;
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
