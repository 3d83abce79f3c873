import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MeterAggregation } from '../../catalog';
import { preparedRows } from '../../database/prepared-query';
import { Decimal, toDecimalString } from '../../shared/money';
import { aggregateSql } from '../meter-query/aggregate-sql';
import type { MeterDefinition } from '../measurement';
import { UsageTable } from '../usage/usage-tables';

const MINUTE_MS = 60_000;
/** The aggregations a metered feature may have (the catalog's rule), and so the ones answered here. */
const FEATURE_AGGREGATIONS = ['SUM', 'COUNT', 'UNIQUE_COUNT', 'LATEST'] as const;

export interface UsageRange {
  /** Inclusive, on a whole minute. */
  readonly from: Date;
  /** Exclusive, on a whole minute. */
  readonly to: Date;
}

export interface CustomerUsageRequest {
  readonly namespace: string;
  /** The meter's slug. */
  readonly meter: string;
  readonly customerId: string;
  /** Group-by name → the one value to count (a feature's `meterGroupByFilters`). */
  readonly filterGroupBy?: Readonly<Record<string, string>>;
  readonly ranges: readonly UsageRange[];
}

export interface CustomerUsageAnswer {
  readonly aggregation: MeterAggregation;
  /**
   * The meter's value over each range, in order: a decimal string, `0` where there is no usage.
   * None for a meter no feature can meter by (AVG, MIN, MAX).
   */
  readonly values: readonly string[];
}

/**
 * One customer's usage of one meter over many ranges at once, from the per-minute counters the
 * usage projection keeps as events arrive (buckets, and per-minute distinct values for
 * UNIQUE_COUNT): each range on whole minutes, so no raw event is read. The customer's subjects are
 * the usage projection's own copy of them, as for every meter query. UNIQUE_COUNT is exact over
 * each range (distinct values across its minutes). Callers have caught up with usage
 * (`usageCaughtUp`): entitlements read their balances through this, in one statement per value.
 */
@Injectable()
export class CustomerUsage {
  constructor(private readonly db: DataSource) {}

  /**
   * Undefined when the namespace has no live meter of that slug. One statement: the meter, the
   * customer's subjects and every range's value, each range read by the aggregation's own fold
   * (`aggregateSql`) over its minutes. Meters a feature cannot meter by (AVG, MIN, MAX) answer no values.
   */
  async inRanges(request: CustomerUsageRequest): Promise<CustomerUsageAnswer | undefined> {
    for (const { from, to } of request.ranges) {
      if (from.getTime() % MINUTE_MS !== 0 || to.getTime() % MINUTE_MS !== 0)
        throw new Error(`usage ranges are whole minutes: ${from.toISOString()} – ${to.toISOString()}`);
    }
    const params: unknown[] = [
      request.ranges.map((range) => range.from.toISOString()),
      request.ranges.map((range) => range.to.toISOString()),
      request.namespace,
      request.meter,
      request.customerId,
    ];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const filters = Object.entries(request.filterGroupBy ?? {})
      .map(([name, value]) => ` AND u.group_values->>${bind(name)} = ${bind(value)}`)
      .join('');
    const folds = FEATURE_AGGREGATIONS.map((aggregation) => {
      const table = aggregation === 'UNIQUE_COUNT' ? UsageTable.distinctValues : UsageTable.buckets;
      const [fold] = aggregateSql({ aggregation } as MeterDefinition, 'u.', 'count(DISTINCT u.value)');
      return `WHEN '${aggregation}' THEN (SELECT v.value FROM (SELECT ${fold} FROM ${table} u
          WHERE u.meter_id = m.id AND u.subject = ANY(s.subjects)
            AND u.minute >= r.range_from AND u.minute < r.range_to${filters}) v)`;
    });
    // One range (a value's usual need) as plain parameters: over an array, PostgreSQL's estimate
    // of its length makes the kept plan look dearer than planning each call, so it plans every call.
    const ranges =
      request.ranges.length === 1
        ? `(SELECT ($1::timestamptz[])[1] AS range_from, ($2::timestamptz[])[1] AS range_to, 1 AS n) r`
        : `unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS r(range_from, range_to, n)`;
    // Prepared (its text varies only with the number of filters and ranges): planning it, a branch
    // per aggregation, cost PostgreSQL more than running it (BENCHMARKS.md, "Entitlement value").
    const rows = await preparedRows<{ aggregation: MeterAggregation; value: string | null }>(
      this.db,
      `WITH m AS (
         SELECT id, aggregation FROM ${UsageTable.meters} WHERE namespace = $3 AND slug = $4 AND deleted_at IS NULL
       ), s AS (
         SELECT ARRAY(SELECT subject_key FROM ${UsageTable.customerSubjects}
                      WHERE namespace = $3 AND customer_id = $5) AS subjects
       )
       SELECT m.aggregation, CASE m.aggregation ${folds.join(' ')} END AS value
       FROM m CROSS JOIN s
       LEFT JOIN ${ranges} ON true
       ORDER BY r.n`,
      params,
    );
    if (rows.length === 0) return undefined;
    const aggregation = rows[0].aggregation;
    if (!(FEATURE_AGGREGATIONS as readonly string[]).includes(aggregation))
      return { aggregation, values: [] };
    return {
      aggregation,
      values: request.ranges.map((_, index) => {
        const value = rows[index]?.value;
        return value === null || value === undefined ? '0' : toDecimalString(new Decimal(value));
      }),
    };
  }
}
