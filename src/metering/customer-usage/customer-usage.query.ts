import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MeterAggregation } from '../../catalog';
import { Decimal, toDecimalString } from '../../shared/money';
import { aggregateSql } from '../meter-query/aggregate-sql';
import { meterFromRow, MeterRow, METER_COLUMNS, UsageTable } from '../usage/usage-tables';

const MINUTE_MS = 60_000;

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
  /** The meter's value over each range, in order: a decimal string, `0` where there is no usage. */
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

  /** Undefined when the namespace has no live meter of that slug. */
  async inRanges(request: CustomerUsageRequest): Promise<CustomerUsageAnswer | undefined> {
    const [row] = await this.db.query<MeterRow[]>(
      `SELECT ${METER_COLUMNS} FROM ${UsageTable.meters} WHERE namespace = $1 AND slug = $2 AND deleted_at IS NULL`,
      [request.namespace, request.meter],
    );
    if (!row) return undefined;
    const meter = meterFromRow(row);
    if (request.ranges.length === 0) return { aggregation: meter.aggregation, values: [] };
    for (const { from, to } of request.ranges) {
      if (from.getTime() % MINUTE_MS !== 0 || to.getTime() % MINUTE_MS !== 0)
        throw new Error(`usage ranges are whole minutes: ${from.toISOString()} – ${to.toISOString()}`);
    }
    const params: unknown[] = [
      request.ranges.map((range) => range.from.toISOString()),
      request.ranges.map((range) => range.to.toISOString()),
      meter.id,
      request.namespace,
      request.customerId,
    ];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const distinct = meter.aggregation === 'UNIQUE_COUNT';
    const filters = Object.entries(request.filterGroupBy ?? {})
      .map(([name, value]) => ` AND u.group_values->>${bind(name)} = ${bind(value)}`)
      .join('');
    const rows = await this.db.query<{ value?: string | null; sum?: string | null; count?: string | null }[]>(
      `SELECT ${aggregateSql(meter, 'u.', 'count(DISTINCT u.value)').join(', ')}
       FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS r(range_from, range_to, n)
       LEFT JOIN ${distinct ? UsageTable.distinctValues : UsageTable.buckets} u
         ON u.meter_id = $3
        AND u.subject = ANY(ARRAY(
              SELECT subject_key FROM ${UsageTable.customerSubjects} WHERE namespace = $4 AND customer_id = $5))
        AND u.minute >= r.range_from AND u.minute < r.range_to${filters}
       GROUP BY r.n ORDER BY r.n`,
      params,
    );
    return {
      aggregation: meter.aggregation,
      values: rows.map((result) => {
        if (meter.aggregation === 'AVG')
          return result.count && Number(result.count) > 0
            ? toDecimalString(new Decimal(result.sum!).div(result.count))
            : '0';
        return result.value === null || result.value === undefined
          ? '0'
          : toDecimalString(new Decimal(result.value));
      }),
    };
  }
}
