import { claimedKeysOf, CustomerEvent } from '../../customers';
import { StatementPipeline } from '../../database/statement-pipeline';
import type { RecordedEvent } from '../../event-store/event-store.port';
import type { ProjectionTransaction } from '../../projections/projection';
import { UsageAggregator } from '../usage-aggregator';
import { BACKFILL_PAGE, forgetSets, writeRollups } from './usage-writes';
import {
  factFromRow,
  meterFromRow,
  MeterRow,
  METER_COLUMNS,
  notVoided,
  RawUsageRow,
  UsageTable,
} from './usage-tables';

/**
 * `usage@v3`'s own copy of the customers' subject index, so that usage is attributed to a customer
 * as it is counted, and a meter query or invoice asks no other context which customer a subject is.
 */

export const CUSTOMER_EVENTS = ['CustomerCreated', 'CustomerUpdated', 'CustomerDeleted'] as const;
export function subjectKey(namespace: string, subject: string): string {
  return `${namespace}\u0000${subject}`;
}

/** Which customer (in the projection's own copy of the subject index) owns each subject. */
export async function customersOf(
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
export async function applyCustomerEvent(recorded: RecordedEvent, tx: ProjectionTransaction): Promise<void> {
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
         FROM ${tx.table(UsageTable.events)} e
         WHERE namespace = $1 AND type = $2 AND subject = ANY($3) AND (source, id) > ($4, $5)
           AND ${notVoided('e', tx.table(UsageTable.voids))}
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
