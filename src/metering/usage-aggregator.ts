import { comparePositions, LogPosition } from '../event-store/event-store.port';
import { Decimal } from '../shared/money';
import {
  canonicalGroupValues,
  GroupValues,
  groupKeyOf,
  MeterDefinition,
  measure,
  UsageFact,
} from './measurement';

const MINUTE_MS = 60_000;

/**
 * Usage sums are kept exact, unlike money's 60 significant digits: a minute holding 1e300 and 0.1
 * lost the 0.1 (PostgreSQL adds the buckets up exactly after). Every value a meter reads spans a few
 * thousand digits at most, and decimal.js spends only the digits a value has, so no precision cap.
 */
const ExactDecimal = Decimal.clone({ precision: 1e9 });

/** One minute of one meter for one subject and set of group values. Absent parts are not kept by that meter. */
export interface Bucket {
  readonly meterId: string;
  readonly subject: string;
  readonly groupKey: string;
  readonly groupValues: GroupValues;
  readonly minuteMs: number;
  count: number;
  sum?: Decimal;
  min?: Decimal;
  max?: Decimal;
  latest?: { value: string; timeMs: number; position: LogPosition };
  /** The earliest and latest event time folded in (the coarser totals need exact edges). */
  firstMs: number;
  lastMs: number;
}

/** One value a UNIQUE_COUNT meter saw in a minute, for one subject and set of group values. */
export interface DistinctValue {
  readonly meterId: string;
  readonly subject: string;
  readonly groupKey: string;
  readonly groupValues: GroupValues;
  readonly minuteMs: number;
  readonly value: string;
  /** The earliest and latest event time with this value in the minute. */
  firstMs: number;
  lastMs: number;
}

/**
 * Folds usage facts into minute buckets and distinct values, merging what falls on the same key so
 * each key is written once per batch. Merging is order-free (LATEST compares event time, then log
 * position), so a batch, a backfill and a query edge give the same numbers in any order.
 *
 * Buckets and values are built as whole literals, every field set (none added later), never by
 * spreading: V8 gives spread copies a slow dictionary shape, which cost more than the fold itself
 * and slowed every later read of them, the rollups (BENCHMARKS.md, "Figures behind the code").
 */
export class UsageAggregator {
  private readonly bucketsByKey = new Map<string, Bucket>();
  private readonly distinctByKey = new Map<string, DistinctValue>();
  private readonly groupKeys = new Map<string, string>();

  add(meter: MeterDefinition, fact: UsageFact): void {
    const measurement = measure(meter, fact);
    if (!measurement?.counted) return;
    const minuteMs = Math.floor(fact.timeMs / MINUTE_MS) * MINUTE_MS;
    const canonical = canonicalGroupValues(measurement.groupValues);
    const slot = `${meter.id}\u0000${fact.subject}\u0000${minuteMs}\u0000${canonical}`;
    const value = measurement.value;

    if (meter.aggregation === 'UNIQUE_COUNT') {
      const key = `${slot}\u0000${value}`;
      const seen = this.distinctByKey.get(key);
      if (!seen) {
        this.distinctByKey.set(key, {
          meterId: meter.id,
          subject: fact.subject,
          groupKey: this.groupKey(canonical),
          groupValues: measurement.groupValues,
          minuteMs,
          value: value!,
          firstMs: fact.timeMs,
          lastMs: fact.timeMs,
        });
      } else if (fact.timeMs < seen.firstMs) seen.firstMs = fact.timeMs;
      else if (fact.timeMs > seen.lastMs) seen.lastMs = fact.timeMs;
      return;
    }

    let bucket = this.bucketsByKey.get(slot);
    if (!bucket) {
      bucket = {
        meterId: meter.id,
        subject: fact.subject,
        groupKey: this.groupKey(canonical),
        groupValues: measurement.groupValues,
        minuteMs,
        count: 0,
        sum: undefined,
        min: undefined,
        max: undefined,
        latest: undefined,
        firstMs: fact.timeMs,
        lastMs: fact.timeMs,
      };
      this.bucketsByKey.set(slot, bucket);
    }
    bucket.count += 1;
    if (fact.timeMs < bucket.firstMs) bucket.firstMs = fact.timeMs;
    if (fact.timeMs > bucket.lastMs) bucket.lastMs = fact.timeMs;
    if (value === undefined) return;
    const number = new ExactDecimal(value);
    switch (meter.aggregation) {
      case 'SUM':
      case 'AVG':
        bucket.sum = bucket.sum ? bucket.sum.plus(number) : number;
        break;
      case 'MIN':
        if (!bucket.min || number.lt(bucket.min)) bucket.min = number;
        break;
      case 'MAX':
        if (!bucket.max || number.gt(bucket.max)) bucket.max = number;
        break;
      case 'LATEST':
        if (!bucket.latest || isLater(fact, bucket.latest))
          bucket.latest = { value, timeMs: fact.timeMs, position: fact.position };
        break;
    }
  }

  get buckets(): Bucket[] {
    return [...this.bucketsByKey.values()];
  }

  get distinctValues(): DistinctValue[] {
    return [...this.distinctByKey.values()];
  }

  get isEmpty(): boolean {
    return this.bucketsByKey.size === 0 && this.distinctByKey.size === 0;
  }

  private groupKey(canonical: string): string {
    let groupKey = this.groupKeys.get(canonical);
    if (groupKey === undefined) {
      groupKey = groupKeyOf(canonical);
      this.groupKeys.set(canonical, groupKey);
    }
    return groupKey;
  }
}

export function isLater(
  fact: { timeMs: number; position: LogPosition },
  than: { timeMs: number; position: LogPosition },
): boolean {
  return fact.timeMs !== than.timeMs
    ? fact.timeMs > than.timeMs
    : comparePositions(fact.position, than.position) > 0;
}
