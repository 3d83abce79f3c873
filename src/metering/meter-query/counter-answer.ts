import type { EntityManager } from 'typeorm';
import { aggregateSql } from './aggregate-sql';
import { groupByFiltersSql } from './group-by-filter-sql';
import { CounterUnit, METER_SCOPE, unitStart } from '../usage/distinct-counters';
import { UsageTable } from '../usage/usage-tables';
import type { MeterDefinition } from '../measurement';
import type { MeterQuery, MeterQueryShape, WindowSize } from './meter-query';

const MINUTE_MS = 60_000;
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Z']);
const UNIT_OF_WINDOW: Partial<Record<WindowSize, CounterUnit>> = { HOUR: 'hour', DAY: 'day', MONTH: 'month' };
/** The units a range without windows is looked up in, smallest first. */
const RANGE_UNITS: readonly CounterUnit[] = ['hour', 'day', 'month'];

/** The pool, or one transaction's snapshot. */
type Reader = Pick<EntityManager, 'query'>;

/** A result row as the scan would give it: what `rowsOf` turns into an answer. */
export interface CountedRow {
  window_start?: Date;
  customer_id?: string;
  value?: string;
  sum?: string;
  count?: string;
  first_minute: Date;
  last_minute: Date;
  [dimension: `g${number}`]: string | null;
}

/**
 * A meter query answered from per-unit rows — the exact distinct counters (UNIQUE_COUNT) or the unit
 * totals (the other aggregations) — instead of a scan of minutes, or undefined when they cannot say:
 * the query splits by subject (or, for UNIQUE_COUNT, by or filters on a group), windows in another
 * time zone or by minute, groups by customer without naming them, or its range cuts through a unit
 * that has usage on both sides of the cut. A unit whose usage lies wholly inside the range holds
 * exactly what the range holds there; one whose usage lies wholly outside adds nothing; only a unit
 * with usage on both sides needs the scan.
 */
export async function answerFromCounters(
  db: Reader,
  meter: MeterDefinition,
  query: MeterQuery,
  shape: MeterQueryShape,
): Promise<CountedRow[] | undefined> {
  const params: unknown[] = [];
  const plan = counterPlan(meter, query, shape, bindInto(params));
  if (!plan) return undefined;
  return plan.answer(await db.query<UnitRow[]>(plan.sql, params));
}

/** One query of a batch: its meter, the query and its shape. */
export interface CounterQuery {
  readonly meter: MeterDefinition;
  readonly query: MeterQuery;
  readonly shape: MeterQueryShape;
}

/**
 * Several meter queries answered from their counters in one statement (an invoice's lines): each
 * answer as `answerFromCounters` gives it, or undefined where the counters cannot say. Only queries
 * without windows or group splits share the statement (their rows have the same columns); the
 * others are read by a statement of their own.
 */
export async function answersFromCounters(
  db: Reader,
  queries: readonly CounterQuery[],
): Promise<(CountedRow[] | undefined)[]> {
  const params: unknown[] = [];
  const bind = bindInto(params);
  const plans = queries.map(({ meter, query, shape }) =>
    query.windowSize || shape.dimensions.length > 0 ? undefined : counterPlan(meter, query, shape, bind),
  );
  const selects = plans.flatMap((plan, index) => {
    if (!plan) return [];
    const columns = [`${index} AS line`, plan.shape.byCustomer ? 'customer_id' : 'NULL::text AS customer_id'];
    for (const column of AGGREGATE_COLUMNS)
      columns.push(plan.aggregates.includes(column) ? column : `NULL::text AS ${column}`);
    return [`SELECT ${columns.join(', ')}, first_time, last_time, straddles FROM (${plan.sql}) AS q${index}`];
  });
  const rows =
    selects.length === 0
      ? []
      : await db.query<(UnitRow & { line: number })[]>(selects.join(' UNION ALL '), params);
  const byLine = new Map<number, UnitRow[]>();
  for (const { line, ...row } of rows) {
    // Columns a query's own statement would not have had are dropped, so the answer is the same.
    const plan = plans[line]!;
    const own: UnitRow = { first_time: row.first_time, last_time: row.last_time, straddles: row.straddles };
    if (plan.shape.byCustomer) own.customer_id = row.customer_id;
    for (const column of plan.aggregates) own[column] = row[column];
    byLine.set(line, [...(byLine.get(line) ?? []), own]);
  }
  return Promise.all(
    queries.map(async ({ meter, query, shape }, index) => {
      const plan = plans[index];
      if (plan) return plan.answer(byLine.get(index) ?? []);
      return query.windowSize || shape.dimensions.length > 0
        ? answerFromCounters(db, meter, query, shape)
        : undefined;
    }),
  );
}

type UnitRow = Omit<CountedRow, 'first_minute' | 'last_minute'> & {
  first_time: Date;
  last_time: Date;
  straddles: boolean;
};
const AGGREGATE_COLUMNS = ['value', 'sum', 'count'] as const;

interface CounterPlan {
  readonly sql: string;
  readonly shape: MeterQueryShape;
  /** The aggregate columns the statement selects (`value`, or `sum` and `count` for AVG). */
  readonly aggregates: readonly ('value' | 'sum' | 'count')[];
  readonly answer: (rows: readonly UnitRow[]) => CountedRow[] | undefined;
}

function bindInto(params: unknown[]): (value: unknown) => string {
  return (value) => {
    params.push(value);
    return `$${params.length}`;
  };
}

/** The statement reading a query's counters (its parameters bound through `bind`), or undefined. */
function counterPlan(
  meter: MeterDefinition,
  query: MeterQuery,
  shape: MeterQueryShape,
  bind: (value: unknown) => string,
): CounterPlan | undefined {
  if (shape.bySubject) return undefined;
  const distinct = meter.aggregation === 'UNIQUE_COUNT';
  // Distinct sets are kept across all group values: a split or filter by group needs the scan.
  if (distinct && (shape.dimensions.length > 0 || Object.keys(query.filterGroupBy ?? {}).length > 0))
    return undefined;
  const customers =
    query.customerIds && query.customerIds.length > 0 ? [...new Set(query.customerIds)] : undefined;
  // Grouped by customer without naming them: subjects no customer claims would need a row of their own.
  if (shape.byCustomer && !customers) return undefined;
  if (query.windowSize && !UTC_ZONES.has(query.windowTimeZone ?? 'UTC')) return undefined;
  const lookup = unitLookup(query, customers !== undefined);
  if (!lookup) return undefined;

  const from = query.from?.getTime();
  const to = query.to?.getTime();
  const where = [
    `meter_id = ${bind(meter.id)}`,
    `scope = ANY(${bind(customers ?? [METER_SCOPE])})`,
    `unit = ${bind(lookup.unit)}`,
    `unit_start >= ${bind(new Date(lookup.from).toISOString())}`,
  ];
  if (lookup.to !== undefined) where.push(`unit_start < ${bind(new Date(lookup.to).toISOString())}`);
  // A unit whose usage lies wholly outside the range adds nothing to it.
  if (from !== undefined) where.push(`last_time >= ${bind(new Date(from).toISOString())}`);
  if (to !== undefined) where.push(`first_time < ${bind(new Date(to).toISOString())}`);
  const straddles = [
    ...(from !== undefined ? [`first_time < ${bind(new Date(from).toISOString())}`] : []),
    ...(to !== undefined ? [`last_time >= ${bind(new Date(to).toISOString())}`] : []),
  ];
  const filtered = groupByFiltersSql(query.filterGroupBy, 'group_values', bind);
  if (filtered) where.push(filtered);
  const select: string[] = [];
  if (query.windowSize) select.push('unit_start AS window_start');
  if (shape.byCustomer) select.push('scope AS customer_id');
  shape.dimensions.forEach((name, index) => select.push(`group_values->>${bind(name)} AS g${index}`));
  const grouping = select.map((_, index) => index + 1);
  select.push(
    ...(distinct ? ['sum(values_seen)::text AS value'] : aggregateSql(meter, '', 'sum(count)')),
    'min(first_time) AS first_time',
    'max(last_time) AS last_time',
    `${straddles.length > 0 ? `bool_or(${straddles.join(' OR ')})` : 'false'} AS straddles`,
  );
  return {
    sql: `SELECT ${select.join(', ')}
     FROM ${distinct ? UsageTable.distinctCounts : UsageTable.unitTotals}
     WHERE ${where.join(' AND ')}
     ${grouping.length > 0 ? `GROUP BY ${grouping.join(', ')} ORDER BY ${grouping.join(', ')}` : ''}`,
    shape,
    aggregates: !distinct && meter.aggregation === 'AVG' ? ['sum', 'count'] : ['value'],
    answer: (rows) => {
      // A unit with usage on both sides of the range's ends: only the scan can split it.
      if (rows.some((row) => row.straddles)) return undefined;
      return rows
        .filter((row) => row.first_time !== null)
        .map(({ first_time, last_time, straddles: _straddles, ...row }) => ({
          ...row,
          first_minute: floorMinute(first_time),
          last_minute: floorMinute(last_time),
        }));
    },
  };
}

/** Which unit's rows cover the query, and the range of unit starts to read. */
function unitLookup(
  query: MeterQuery,
  byCustomer: boolean,
): { unit: CounterUnit; from: number; to?: number } | undefined {
  const from = query.from?.getTime();
  const to = query.to?.getTime();
  if (query.windowSize) {
    const unit = UNIT_OF_WINDOW[query.windowSize];
    // Customers keep only month and all-time counters.
    if (!unit || (byCustomer && unit !== 'month')) return undefined;
    return {
      unit,
      from: from === undefined ? 0 : unitStart(unit, from),
      ...(to === undefined ? {} : { to }),
    };
  }
  // Without windows, the smallest unit holding the whole range: one row per scope (and group).
  if (from !== undefined && to !== undefined) {
    const unit = RANGE_UNITS.filter((u) => !byCustomer || u === 'month').find(
      (u) => unitStart(u, from) === unitStart(u, to - 1),
    );
    if (unit) {
      const start = unitStart(unit, from);
      return { unit, from: start, to: start + 1 };
    }
  }
  return { unit: 'all', from: 0, to: 1 };
}

function floorMinute(time: Date): Date {
  return new Date(Math.floor(time.getTime() / MINUTE_MS) * MINUTE_MS);
}
