import type { ProjectionTransaction } from '../../projections/projection';
import { Decimal } from '../../shared/money';
import { Bucket, isLater } from '../usage-aggregator';
import { METER_SCOPE, unitsFor, unitStart } from './distinct-counters';
import type { CounterUnit } from './distinct-counters';

interface Total {
  readonly meterId: string;
  readonly scope: string;
  readonly unit: CounterUnit;
  readonly start: number;
  readonly groupKey: string;
  readonly groupValues: Bucket['groupValues'];
  count: number;
  sum?: Decimal;
  min?: Decimal;
  max?: Decimal;
  latest?: Bucket['latest'];
  firstMs: number;
  lastMs: number;
}

/**
 * Rolls minute buckets up into per-unit totals, for the whole meter and for the customer owning the
 * bucket's subject, merged as the buckets themselves are (so a unit's total is exactly the sum of its
 * minutes), and upserts them in one statement.
 */
export class UnitTotals {
  private readonly totals = new Map<string, Total>();
  /** Each minute's totals, one per unit: the many buckets of one minute look their units up once. */
  private readonly totalsOfMinute = new Map<string, Total[]>();

  /**
   * @param customer the customer owning the bucket's subject, if any.
   * @param meterScope false when only the customer's totals are being rebuilt.
   */
  add(bucket: Bucket, customer: string | undefined, meterScope = true): void {
    if (meterScope) this.addTo(bucket, METER_SCOPE);
    if (customer !== undefined) this.addTo(bucket, customer);
  }

  private addTo(bucket: Bucket, scope: string): void {
    const minute = `${bucket.meterId}\u0000${scope}\u0000${bucket.minuteMs}\u0000${bucket.groupKey}`;
    let totals = this.totalsOfMinute.get(minute);
    if (!totals) {
      totals = unitsFor(scope).map((unit) => this.totalOf(bucket, scope, unit));
      this.totalsOfMinute.set(minute, totals);
    }
    for (const total of totals) {
      total.count += bucket.count;
      if (bucket.sum) total.sum = total.sum ? total.sum.plus(bucket.sum) : bucket.sum;
      if (bucket.min && (!total.min || bucket.min.lt(total.min))) total.min = bucket.min;
      if (bucket.max && (!total.max || bucket.max.gt(total.max))) total.max = bucket.max;
      if (bucket.latest && (!total.latest || isLater(bucket.latest, total.latest)))
        total.latest = bucket.latest;
      if (bucket.firstMs < total.firstMs) total.firstMs = bucket.firstMs;
      if (bucket.lastMs > total.lastMs) total.lastMs = bucket.lastMs;
    }
  }

  /** The total of the unit holding the bucket's minute, empty when the batch has none yet. */
  private totalOf(bucket: Bucket, scope: string, unit: CounterUnit): Total {
    const start = unitStart(unit, bucket.minuteMs);
    const key = `${bucket.meterId}\u0000${scope}\u0000${unit}\u0000${start}\u0000${bucket.groupKey}`;
    let total = this.totals.get(key);
    if (!total) {
      total = {
        meterId: bucket.meterId,
        scope,
        unit,
        start,
        groupKey: bucket.groupKey,
        groupValues: bucket.groupValues,
        count: 0,
        sum: undefined,
        min: undefined,
        max: undefined,
        latest: undefined,
        firstMs: bucket.firstMs,
        lastMs: bucket.lastMs,
      };
      this.totals.set(key, total);
    }
    return total;
  }

  async write(tx: ProjectionTransaction): Promise<void> {
    if (this.totals.size === 0) return;
    const totals = [...this.totals.values()];
    const newer = `(excluded.latest_time, excluded.latest_commit, excluded.latest_prepare) > (t.latest_time, t.latest_commit, t.latest_prepare)`;
    // The same merge as the minute buckets', so the totals are the buckets' sums, whatever the batches.
    await tx.query(
      `INSERT INTO ${tx.table('usage_unit_totals')} AS t
         (meter_id, scope, unit, unit_start, group_key, group_values, count, sum, min, max,
          latest_value, latest_time, latest_commit, latest_prepare, first_time, last_time)
       SELECT meter_id, scope, unit, unit_start, group_key, group_values::jsonb, count, sum, min, max,
              latest_value, latest_time, latest_commit, latest_prepare, first_time, last_time
       FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::bigint[],
                   $8::numeric[], $9::numeric[], $10::numeric[], $11::numeric[], $12::timestamptz[], $13::numeric[],
                   $14::numeric[], $15::timestamptz[], $16::timestamptz[])
         AS u(meter_id, scope, unit, unit_start, group_key, group_values, count, sum, min, max,
              latest_value, latest_time, latest_commit, latest_prepare, first_time, last_time)
       ON CONFLICT (meter_id, scope, unit, unit_start, group_key) DO UPDATE SET
         count = t.count + excluded.count,
         -- trimmed as the JavaScript decimals are, so the digits stored do not depend on batch boundaries
         sum = trim_scale(t.sum + excluded.sum),
         min = least(t.min, excluded.min),
         max = greatest(t.max, excluded.max),
         latest_value = CASE WHEN ${newer} THEN excluded.latest_value ELSE t.latest_value END,
         latest_time = CASE WHEN ${newer} THEN excluded.latest_time ELSE t.latest_time END,
         latest_commit = CASE WHEN ${newer} THEN excluded.latest_commit ELSE t.latest_commit END,
         latest_prepare = CASE WHEN ${newer} THEN excluded.latest_prepare ELSE t.latest_prepare END,
         first_time = least(t.first_time, excluded.first_time),
         last_time = greatest(t.last_time, excluded.last_time)`,
      [
        totals.map((t) => t.meterId),
        totals.map((t) => t.scope),
        totals.map((t) => t.unit),
        totals.map((t) => new Date(t.start).toISOString()),
        totals.map((t) => t.groupKey),
        totals.map((t) => JSON.stringify(t.groupValues)),
        totals.map((t) => t.count),
        totals.map((t) => t.sum?.toFixed() ?? null),
        totals.map((t) => t.min?.toFixed() ?? null),
        totals.map((t) => t.max?.toFixed() ?? null),
        totals.map((t) => t.latest?.value ?? null),
        totals.map((t) => (t.latest ? new Date(t.latest.timeMs).toISOString() : null)),
        totals.map((t) => t.latest?.position.commit.toString() ?? null),
        totals.map((t) => t.latest?.position.prepare.toString() ?? null),
        totals.map((t) => new Date(t.firstMs).toISOString()),
        totals.map((t) => new Date(t.lastMs).toISOString()),
      ],
    );
  }
}
