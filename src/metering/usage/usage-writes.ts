import { StatementPipeline } from '../../database/statement-pipeline';
import { timestampFromEpochMs } from '../../database/epoch-ms';
import type { ProjectionTransaction } from '../../projections/projection';
import type { MeterDefinition, UsageFact } from '../measurement';
import { UsageAggregator } from '../usage-aggregator';
import { DistinctCounters } from './distinct-counters';
import { UnitTotals } from './unit-totals';
import { UsageTable } from './usage-tables';

/** The aggregates `usage@v3` writes, whoever folds the usage: the intake, a meter's backfill, a customer's recount. */

/** Backfills read the raw usage table in pages of this many events. */
export const BACKFILL_PAGE = 5_000;

/** Minute buckets and distinct values of these usage events for the meters that measure their type. */
export function aggregate(
  usages: readonly (UsageFact & { readonly namespace: string; readonly type: string })[],
  meters: readonly MeterDefinition[],
): UsageAggregator {
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

/** Any scope, for `forgetSets`. */
export const ALL_SCOPES = null;
/** Empties the distinct sets of these meters' counter rows (in `scope`, or all scopes), before the rows go. */
export async function forgetSets(
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
export async function writeRollups(
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

export async function writeAggregates(
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

function typeKey(namespace: string, type: string): string {
  return JSON.stringify([namespace, type]);
}
