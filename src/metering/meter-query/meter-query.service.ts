import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import type { LogPosition } from '../../event-store/event-store.port';
import { checkpointPosition } from '../../projections/checkpoint-position';
import { ProjectionsService } from '../../projections/projections.service';
import { INVALID_PARAMETER_VALUE, sqlStateOf } from '../../database/pg-errors';
import { FieldProblem, invalid, notFound } from '../../shared/errors';
import { Decimal, toDecimalString } from '../../shared/money';
import type { MeterDefinition } from '../measurement';
import { MeteringErrorCode, MeteringProblemCode } from '../metering-errors';
import { UsageAggregator } from '../usage-aggregator';
import { usageCaughtUp } from '../usage/usage-caught-up';
import { USAGE_PROJECTION } from '../usage/usage.projection';
import {
  factFromRow,
  meterFromRow,
  MeterRow,
  METER_COLUMNS,
  notVoided,
  RawUsageRow,
  UsageTable,
} from '../usage/usage-tables';
import { aggregateSql } from './aggregate-sql';
import { answerFromCounters, answersFromCounters, CountedRow } from './counter-answer';
import { groupByFiltersSql } from './group-by-filter-sql';
import type { MeterQuery, MeterQueryAnswer, MeterQueryRow, MeterQueryShape, WindowSize } from './meter-query';

/** Dimensions every meter has besides its own group-bys. */
const SUBJECT_DIMENSION = 'subject';
const CUSTOMER_DIMENSION = 'customer_id';

const MINUTE_MS = 60_000;
const WINDOW_UNITS: Record<WindowSize, { sql: string; luxon: 'minutes' | 'hours' | 'days' | 'months' }> = {
  MINUTE: { sql: 'minute', luxon: 'minutes' },
  HOUR: { sql: 'hour', luxon: 'hours' },
  DAY: { sql: 'day', luxon: 'days' },
  MONTH: { sql: 'month', luxon: 'months' },
};
const BUCKET_COLUMNS =
  'subject, minute, group_values, count, sum, min, max, latest_value, latest_time, latest_commit, latest_prepare';
const DISTINCT_COLUMNS = 'subject, minute, group_values, value';

/** Where a query reads: the pool, or one transaction's snapshot. */
type Reader = Pick<EntityManager, 'query'>;

/** A scan's result row: the counters' row, and the subject split and customers without one. */
interface ResultRow extends Omit<CountedRow, 'customer_id'> {
  subject?: string;
  customer_id?: string | null;
}

/**
 * Answers meter queries from the usage read models: a UNIQUE_COUNT from the exact distinct counters
 * where they can say (see `answerFromCounters`); otherwise whole minutes from the minute buckets (or, for
 * UNIQUE_COUNT, the per-minute distinct values, so a distinct count over any range is exact), and
 * the sub-minute ends of `[from, to)` from the raw events, measured by the same code the projection
 * uses. Customers are resolved at query time from the usage projection's own copy of their subject
 * keys, so attribution follows the customers' current subject keys whatever order events and
 * customers arrived in, as of the same log position as the usage.
 *
 * Other contexts (billing) call `query` directly; HTTP goes through the query bus.
 */
@Injectable()
export class MeterQueryService {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  async query(query: MeterQuery): Promise<MeterQueryAnswer> {
    await usageCaughtUp(this.projections);
    const meter = await this.findMeter(query.namespace, query.meter);
    const shape = shapeOf(meter, query);
    const counted = await answerFromCounters(this.db, meter, query, shape);
    if (counted) return { meter, shape, rows: rowsOf(meter, query, shape, counted) };
    return this.scan(meter, query, shape);
  }

  /** Which of these slugs are live meters' (metering's own copy of the catalog's meters). */
  async liveMeterSlugs(namespace: string, slugs: readonly string[]): Promise<Set<string>> {
    await usageCaughtUp(this.projections);
    const rows = await this.db.query<{ slug: string }[]>(
      `SELECT slug FROM ${UsageTable.meters} WHERE namespace = $1 AND deleted_at IS NULL AND slug = ANY($2)`,
      [namespace, [...slugs]],
    );
    return new Set(rows.map((row) => row.slug));
  }

  /**
   * The values a meter has seen of one of its group-bys (or `subject`) over `[from, to)`, sorted:
   * read through the meter query itself, so a listed value is one a query can split or filter by.
   * A group-by an event lacked is no value.
   */
  async distinctValues(
    namespace: string,
    meterIdOrSlug: string,
    dimension: string,
    range: { readonly from?: Date; readonly to?: Date },
  ): Promise<string[]> {
    await usageCaughtUp(this.projections);
    const meter = await this.findMeter(namespace, meterIdOrSlug);
    if (dimension !== SUBJECT_DIMENSION && !Object.hasOwn(meter.groupBy, dimension)) {
      throw invalid(MeteringErrorCode.INVALID_QUERY, `Meter ${meter.slug} has no group-by ${dimension}`, [
        {
          field: 'groupByKey',
          code: MeteringProblemCode.UNKNOWN_GROUP_BY,
          message: `meter ${meter.slug} has no group-by ${dimension}`,
        },
      ]);
    }
    const query: MeterQuery = { namespace, meter: meter.id, ...range, groupBy: [dimension] };
    const shape = shapeOf(meter, query);
    const { rows } = await this.scan(meter, query, shape);
    const values = rows.map((row) =>
      dimension === SUBJECT_DIMENSION ? row.subject : row.groupBy[dimension],
    );
    return [
      ...new Set(values.filter((value): value is string => value !== null && value !== undefined)),
    ].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /**
   * Several queries of one namespace answered as `query` answers each, for a caller that has already
   * caught up with the usage and customer projections (an invoice's lines): the meters in one
   * statement, every answer the counters can give in one more, a scan only for the others.
   */
  async queryMany(
    namespace: string,
    queries: readonly MeterQuery[],
    db: Reader = this.db,
  ): Promise<MeterQueryAnswer[]> {
    if (queries.length === 0) return [];
    const meters = await this.findMeters(
      namespace,
      queries.map((q) => q.meter),
      db,
    );
    const planned = queries.map((query) => {
      const meter = meters(query.meter);
      return { meter, query, shape: shapeOf(meter, query) };
    });
    const counted = await answersFromCounters(db, planned);
    return Promise.all(
      planned.map(async ({ meter, query, shape }, index) => {
        const rows = counted[index];
        return rows
          ? { meter, shape, rows: rowsOf(meter, query, shape, rows) }
          : this.scan(meter, query, shape, db);
      }),
    );
  }

  /**
   * `queryMany`, read in one snapshot together with the usage projection's checkpoint: the answers
   * count exactly the usage at or before `through` (each projection batch commits with its
   * checkpoint). What an issued invoice bills is defined by that position, not by a clock. The
   * caller has caught up with the usage projection. The snapshot shows in `pg_stat_activity` as
   * `tally-usage-snapshot`.
   */
  queryManyAsOf(
    namespace: string,
    queries: readonly MeterQuery[],
  ): Promise<{ answers: MeterQueryAnswer[]; through: LogPosition }> {
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      await manager.query(`SET TRANSACTION READ ONLY`);
      await manager.query(`SET LOCAL application_name = 'tally-usage-snapshot'`);
      const through = await checkpointPosition(manager, USAGE_PROJECTION);
      return { answers: await this.queryMany(namespace, queries, manager), through };
    });
  }

  private async scan(
    meter: MeterDefinition,
    query: MeterQuery,
    shape: MeterQueryShape,
    db: Reader = this.db,
  ): Promise<MeterQueryAnswer> {
    const parts = await this.parts(meter, query, db);
    if (parts.length === 0) return { meter, shape, rows: [] };

    const { sql, params } = resultSql(meter, query, shape, parts);
    let results: ResultRow[];
    try {
      results = await db.query<ResultRow[]>(sql, params);
    } catch (error) {
      // luxon and PostgreSQL each bring their own time zone database; they may disagree on rare names.
      if (
        sqlStateOf(error) === INVALID_PARAMETER_VALUE &&
        /time zone/i.test(String((error as Error).message))
      ) {
        throw invalid(MeteringErrorCode.INVALID_QUERY, 'The time zone is not known', [
          {
            field: 'windowTimeZone',
            code: MeteringProblemCode.INVALID_TIME_ZONE,
            message: 'is not a known IANA time zone',
          },
        ]);
      }
      throw error;
    }
    return { meter, shape, rows: rowsOf(meter, query, shape, results) };
  }

  private async findMeter(namespace: string, idOrSlug: string): Promise<MeterDefinition> {
    const [row] = await this.db.query<MeterRow[]>(
      `SELECT ${METER_COLUMNS} FROM ${UsageTable.meters}
       WHERE namespace = $1 AND deleted_at IS NULL AND (id = $2 OR slug = $2)`,
      [namespace, idOrSlug],
    );
    if (!row) throw notFound(MeteringErrorCode.METER_NOT_FOUND, `Meter ${idOrSlug} not found`);
    return meterFromRow(row);
  }

  /** Looks up every meter named in one statement; the lookup throws 404 for one not found, as `findMeter`. */
  private async findMeters(
    namespace: string,
    idsOrSlugs: readonly string[],
    db: Reader,
  ): Promise<(idOrSlug: string) => MeterDefinition> {
    const rows = await db.query<MeterRow[]>(
      `SELECT ${METER_COLUMNS} FROM ${UsageTable.meters}
       WHERE namespace = $1 AND deleted_at IS NULL AND (id = ANY($2) OR slug = ANY($2))`,
      [namespace, [...new Set(idsOrSlugs)]],
    );
    const meters = rows.map(meterFromRow);
    return (idOrSlug) => {
      const meter = meters.find((m) => m.id === idOrSlug) ?? meters.find((m) => m.slug === idOrSlug);
      if (!meter) throw notFound(MeteringErrorCode.METER_NOT_FOUND, `Meter ${idOrSlug} not found`);
      return meter;
    };
  }

  /** Whole minutes come from the aggregates; the partial minutes at either end from the raw events. */
  private async parts(meter: MeterDefinition, query: MeterQuery, db: Reader): Promise<Part[]> {
    const from = query.from?.getTime();
    const to = query.to?.getTime();
    const wholeFrom = from === undefined ? undefined : Math.ceil(from / MINUTE_MS) * MINUTE_MS;
    const wholeTo = to === undefined ? undefined : Math.floor(to / MINUTE_MS) * MINUTE_MS;
    const rawRanges: [number, number][] = [];
    let whole: { from?: number; to?: number } | undefined = { from: wholeFrom, to: wholeTo };
    if (from !== undefined && to !== undefined && wholeFrom! >= wholeTo!) {
      whole = undefined;
      rawRanges.push([from, to]);
    } else {
      if (from !== undefined && from < wholeFrom!) rawRanges.push([from, wholeFrom!]);
      if (to !== undefined && wholeTo! < to) rawRanges.push([wholeTo!, to]);
    }

    const aggregator = new UsageAggregator();
    for (const [start, end] of rawRanges) {
      const rows = await db.query<RawUsageRow[]>(
        `SELECT source, id, subject, time, event->'data' AS data, position_commit, position_prepare
         FROM ${UsageTable.events} e
         WHERE namespace = $1 AND type = $2 AND time >= $3 AND time < $4 AND ($5::text[] IS NULL OR subject = ANY($5))
           AND ${notVoided('e')}`,
        [
          meter.namespace,
          meter.eventType,
          new Date(start).toISOString(),
          new Date(end).toISOString(),
          nonEmpty(query.subjects) ?? null,
        ],
      );
      for (const row of rows) aggregator.add(meter, factFromRow(row));
    }
    const parts: Part[] = [];
    if (whole) parts.push({ kind: 'aggregates', ...whole });
    if (!aggregator.isEmpty) parts.push({ kind: 'edges', aggregator });
    return parts;
  }
}

type Part =
  | { readonly kind: 'aggregates'; readonly from?: number; readonly to?: number }
  | { readonly kind: 'edges'; readonly aggregator: UsageAggregator };

function shapeOf(meter: MeterDefinition, query: MeterQuery): MeterQueryShape {
  const problems: FieldProblem[] = [];
  const known = (name: string) => Object.hasOwn(meter.groupBy, name);
  const groupBy = [...new Set(query.groupBy ?? [])];
  for (const name of groupBy) {
    if (name !== SUBJECT_DIMENSION && name !== CUSTOMER_DIMENSION && !known(name)) {
      problems.push({
        field: 'groupBy',
        code: MeteringProblemCode.UNKNOWN_GROUP_BY,
        message: `meter ${meter.slug} has no group-by ${name}`,
      });
    }
  }
  for (const name of Object.keys(query.filterGroupBy ?? {})) {
    if (!known(name)) {
      problems.push({
        field:
          query.filtersFrom === 'advancedMeterGroupByFilters'
            ? `advancedMeterGroupByFilters.${name}`
            : `filterGroupBy[${name}]`,
        code: MeteringProblemCode.UNKNOWN_GROUP_BY,
        message: `meter ${meter.slug} has no group-by ${name}`,
      });
    }
  }
  if (problems.length > 0)
    throw invalid(MeteringErrorCode.INVALID_QUERY, 'The query does not fit the meter', problems);
  return {
    bySubject: groupBy.includes(SUBJECT_DIMENSION) || nonEmpty(query.subjects) !== undefined,
    byCustomer: readsCustomers(query),
    dimensions: groupBy.filter((name) => name !== SUBJECT_DIMENSION && name !== CUSTOMER_DIMENSION),
  };
}

function readsCustomers(query: MeterQuery): boolean {
  return (query.groupBy ?? []).includes(CUSTOMER_DIMENSION) || nonEmpty(query.customerIds) !== undefined;
}

function resultSql(
  meter: MeterDefinition,
  query: MeterQuery,
  shape: MeterQueryShape,
  parts: readonly Part[],
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const distinct = meter.aggregation === 'UNIQUE_COUNT';
  const subjects = nonEmpty(query.subjects);

  const sources = parts.map((part) => {
    if (part.kind === 'aggregates') {
      const where = [`meter_id = ${bind(meter.id)}`];
      if (part.from !== undefined) where.push(`minute >= ${bind(new Date(part.from).toISOString())}`);
      if (part.to !== undefined) where.push(`minute < ${bind(new Date(part.to).toISOString())}`);
      if (subjects) where.push(`subject = ANY(${bind(subjects)})`);
      return distinct
        ? `SELECT ${DISTINCT_COLUMNS} FROM ${UsageTable.distinctValues} WHERE ${where.join(' AND ')}`
        : `SELECT ${BUCKET_COLUMNS} FROM ${UsageTable.buckets} WHERE ${where.join(' AND ')}`;
    }
    return distinct ? distinctEdgesSql(part.aggregator, bind) : bucketEdgesSql(part.aggregator, bind);
  });

  const select: string[] = [];
  if (query.windowSize) {
    select.push(
      `date_trunc('${WINDOW_UNITS[query.windowSize].sql}', src.minute, ${bind(query.windowTimeZone ?? 'UTC')}) AS window_start`,
    );
  }
  if (shape.bySubject) select.push('src.subject');
  if (shape.byCustomer) select.push('cs.customer_id');
  shape.dimensions.forEach((name, index) => select.push(`src.group_values->>${bind(name)} AS g${index}`));
  const grouping = select.map((_, index) => index + 1);
  select.push(
    ...aggregateSql(meter, 'src.', 'count(DISTINCT src.value)'),
    'min(src.minute) AS first_minute',
    'max(src.minute) AS last_minute',
  );

  const where: string[] = [];
  const customerIds = nonEmpty(query.customerIds);
  if (customerIds) where.push(`cs.customer_id = ANY(${bind(customerIds)})`);
  const filtered = groupByFiltersSql(query.filterGroupBy, 'src.group_values', bind);
  if (filtered) where.push(filtered);
  const join = shape.byCustomer
    ? `LEFT JOIN ${UsageTable.customerSubjects} cs ON cs.namespace = ${bind(meter.namespace)} AND cs.subject_key = src.subject`
    : '';
  const sql = `
    SELECT ${select.join(', ')}
    FROM (${sources.join(' UNION ALL ')}) AS src ${join}
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ${grouping.length > 0 ? `GROUP BY ${grouping.join(', ')}` : ''}
    HAVING count(*) > 0
    ${grouping.length > 0 ? `ORDER BY ${grouping.join(', ')}` : ''}`;
  return { sql, params };
}

function bucketEdgesSql(aggregator: UsageAggregator, bind: (value: unknown) => string): string {
  const buckets = aggregator.buckets;
  return `SELECT * FROM unnest(
      ${bind(buckets.map((b) => b.subject))}::text[],
      ${bind(buckets.map((b) => new Date(b.minuteMs).toISOString()))}::timestamptz[],
      ${bind(buckets.map((b) => JSON.stringify(b.groupValues)))}::jsonb[],
      ${bind(buckets.map((b) => b.count))}::bigint[],
      ${bind(buckets.map((b) => b.sum?.toFixed() ?? null))}::numeric[],
      ${bind(buckets.map((b) => b.min?.toFixed() ?? null))}::numeric[],
      ${bind(buckets.map((b) => b.max?.toFixed() ?? null))}::numeric[],
      ${bind(buckets.map((b) => b.latest?.value ?? null))}::numeric[],
      ${bind(buckets.map((b) => (b.latest ? new Date(b.latest.timeMs).toISOString() : null)))}::timestamptz[],
      ${bind(buckets.map((b) => b.latest?.position.commit.toString() ?? null))}::numeric[],
      ${bind(buckets.map((b) => b.latest?.position.prepare.toString() ?? null))}::numeric[]
    ) AS edge(${BUCKET_COLUMNS})`;
}

function distinctEdgesSql(aggregator: UsageAggregator, bind: (value: unknown) => string): string {
  const values = aggregator.distinctValues;
  return `SELECT * FROM unnest(
      ${bind(values.map((v) => v.subject))}::text[],
      ${bind(values.map((v) => new Date(v.minuteMs).toISOString()))}::timestamptz[],
      ${bind(values.map((v) => JSON.stringify(v.groupValues)))}::jsonb[],
      ${bind(values.map((v) => v.value))}::text[]
    ) AS edge(${DISTINCT_COLUMNS})`;
}

function rowsOf(
  meter: MeterDefinition,
  query: MeterQuery,
  shape: MeterQueryShape,
  results: readonly ResultRow[],
): MeterQueryRow[] {
  const zone = query.windowTimeZone ?? 'UTC';
  const from = query.from?.getTime();
  const to = query.to?.getTime();
  // Without windows every row covers the whole range; an open end is closed by the data itself.
  const rangeStart =
    from ?? results.reduce((first, r) => Math.min(first, r.first_minute.getTime()), Infinity);
  const rangeEnd =
    to ?? results.reduce((last, r) => Math.max(last, r.last_minute.getTime()), -Infinity) + MINUTE_MS;
  return results.map((result) => {
    let start = rangeStart;
    let end = rangeEnd;
    if (query.windowSize) {
      const windowStart = DateTime.fromJSDate(result.window_start!, { zone });
      start = Math.max(windowStart.toMillis(), from ?? -Infinity);
      end = Math.min(
        windowStart.plus({ [WINDOW_UNITS[query.windowSize].luxon]: 1 }).toMillis(),
        to ?? Infinity,
      );
    }
    const groupBy: Record<string, string | null> = {};
    shape.dimensions.forEach((name, index) => (groupBy[name] = result[`g${index}`] ?? null));
    return {
      value: valueOf(meter, result),
      windowStart: new Date(start),
      windowEnd: new Date(end),
      subject: shape.bySubject ? result.subject! : null,
      ...(shape.byCustomer ? { customerId: result.customer_id ?? null } : {}),
      groupBy,
    };
  });
}

function valueOf(meter: MeterDefinition, result: ResultRow): string {
  if (meter.aggregation === 'AVG') return toDecimalString(new Decimal(result.sum!).div(result.count!));
  return toDecimalString(new Decimal(result.value!));
}

function nonEmpty<T>(values: readonly T[] | undefined): readonly T[] | undefined {
  return values && values.length > 0 ? values : undefined;
}
