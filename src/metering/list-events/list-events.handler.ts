import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ProjectionsService } from '../../projections/projections.service';
import { UsageCloudEvent, usageTimeMs } from '../../ingestion';
import { MeterDefinition, measure } from '../measurement';
import { stringFilterSql } from '../meter-query/group-by-filter-sql';
import { usageCaughtUp } from '../usage/usage-caught-up';
import { meterFromRow, MeterRow, METER_COLUMNS, UsageTable } from '../usage/usage-tables';
import { TimeFilter, encodeCursor } from './list-events-v2.params';
import { IngestedEvent, IngestedEventsPage, ListEvents, ListEventsV2 } from './list-events.query';

interface ListedRow {
  event: UsageCloudEvent;
  ingested_at: Date;
  stored_at: Date;
  time: Date;
  position_commit: string;
  position_prepare: string;
  customer_id: string | null;
  void_reason: string | null;
  voided_at: Date | null;
  void_actor_id: string | null;
  void_actor_name: string | null;
}

/** Builds a WHERE clause over the usage events (`e`) and their customer (`cs`), binding as it goes. */
class Conditions {
  readonly params: unknown[];
  private readonly where: string[] = ['e.namespace = $1'];

  constructor(namespace: string) {
    this.params = [namespace];
  }

  bind = (value: unknown): string => {
    this.params.push(value);
    return `$${this.params.length}`;
  };

  add(condition: string | undefined): void {
    if (condition !== undefined && condition !== 'true') this.where.push(condition);
  }

  toString(): string {
    return this.where.join(' AND ');
  }
}

/** Newest (by event time) first, ties in log order, newest first. */
const ORDER = 'ORDER BY e.time DESC, e.position_commit DESC, e.position_prepare DESC';

abstract class EventsReader {
  constructor(
    protected readonly db: DataSource,
    protected readonly projections: ProjectionsService,
  ) {}

  protected async rows(conditions: Conditions, limit: number): Promise<ListedRow[]> {
    await usageCaughtUp(this.projections);
    return this.db.query<ListedRow[]>(
      `SELECT e.event, e.ingested_at, e.stored_at, e.time, e.position_commit, e.position_prepare, cs.customer_id,
         v.reason AS void_reason, v.voided_at, v.actor_id AS void_actor_id, v.actor_name AS void_actor_name
       FROM ${UsageTable.events} e
       LEFT JOIN ${UsageTable.customerSubjects} cs ON cs.namespace = e.namespace AND cs.subject_key = e.subject
       LEFT JOIN ${UsageTable.voids} v ON v.namespace = e.namespace AND v.source = e.source AND v.id = e.id
       WHERE ${conditions.toString()} ${ORDER} LIMIT ${conditions.bind(limit)}`,
      conditions.params,
    );
  }

  protected async ingested(namespace: string, rows: readonly ListedRow[]): Promise<IngestedEvent[]> {
    const meters = await this.meters(namespace, [...new Set(rows.map((row) => row.event.type))]);
    return rows.map((row) => {
      const validationError = problemsOf(row, meters.get(row.event.type) ?? []);
      return {
        event: row.event,
        ...(row.customer_id ? { customerId: row.customer_id } : {}),
        ...(validationError ? { validationError } : {}),
        ingestedAt: row.ingested_at.toISOString(),
        storedAt: row.stored_at.toISOString(),
        ...(row.voided_at
          ? {
              voided: {
                reason: row.void_reason!,
                voidedAt: row.voided_at.toISOString(),
                actor: { id: row.void_actor_id!, name: row.void_actor_name! },
              },
            }
          : {}),
      };
    });
  }

  private async meters(namespace: string, types: readonly string[]): Promise<Map<string, MeterDefinition[]>> {
    const rows = await this.db.query<MeterRow[]>(
      `SELECT ${METER_COLUMNS} FROM ${UsageTable.meters}
       WHERE namespace = $1 AND deleted_at IS NULL AND event_type = ANY($2) ORDER BY slug`,
      [namespace, types],
    );
    const byType = new Map<string, MeterDefinition[]>();
    for (const meter of rows.map(meterFromRow))
      byType.set(meter.eventType, [...(byType.get(meter.eventType) ?? []), meter]);
    return byType;
  }
}

@QueryHandler(ListEvents)
export class ListEventsHandler extends EventsReader implements IQueryHandler<ListEvents> {
  constructor(db: DataSource, projections: ProjectionsService) {
    super(db, projections);
  }

  async execute({ namespace, filter }: ListEvents): Promise<IngestedEvent[]> {
    const conditions = new Conditions(namespace);
    const { bind } = conditions;
    if (filter.from) conditions.add(`e.time >= ${bind(filter.from.toISOString())}`);
    if (filter.to) conditions.add(`e.time < ${bind(filter.to.toISOString())}`);
    if (filter.ingestedAtFrom)
      conditions.add(`e.ingested_at >= ${bind(filter.ingestedAtFrom.toISOString())}`);
    if (filter.ingestedAtTo) conditions.add(`e.ingested_at < ${bind(filter.ingestedAtTo.toISOString())}`);
    if (filter.subject !== undefined)
      conditions.add(stringFilterSql({ $contains: filter.subject }, 'e.subject', bind));
    if (filter.id !== undefined) conditions.add(stringFilterSql({ $contains: filter.id }, 'e.id', bind));
    if (filter.customerIds?.length) conditions.add(`cs.customer_id = ANY(${bind(filter.customerIds)})`);
    return this.ingested(namespace, await this.rows(conditions, filter.limit));
  }
}

@QueryHandler(ListEventsV2)
export class ListEventsV2Handler extends EventsReader implements IQueryHandler<ListEventsV2> {
  constructor(db: DataSource, projections: ProjectionsService) {
    super(db, projections);
  }

  async execute({ namespace, params }: ListEventsV2): Promise<IngestedEventsPage> {
    const conditions = new Conditions(namespace);
    const { bind } = conditions;
    const { filter, cursor, limit } = params;
    for (const [name, column] of [
      ['id', 'e.id'],
      ['source', 'e.source'],
      ['subject', 'e.subject'],
      ['type', 'e.type'],
    ] as const) {
      const stringFilter = filter[name];
      if (stringFilter) conditions.add(stringFilterSql(stringFilter, column, bind));
    }
    if (filter.customerId) conditions.add(`cs.customer_id = ANY(${bind(filter.customerId)})`);
    if (filter.time) conditions.add(timeFilterSql(filter.time, 'e.time', bind));
    if (filter.ingestedAt) conditions.add(timeFilterSql(filter.ingestedAt, 'e.ingested_at', bind));
    if (cursor) {
      conditions.add(
        `(e.time, e.position_commit, e.position_prepare) < (${bind(new Date(cursor.timeMs).toISOString())}::timestamptz, ${bind(cursor.commit)}::numeric, ${bind(cursor.prepare)}::numeric)`,
      );
    }
    const rows = await this.rows(conditions, limit);
    const last = rows.at(-1);
    return {
      items: await this.ingested(namespace, rows),
      ...(rows.length === limit &&
        last && {
          nextCursor: encodeCursor({
            timeMs: last.time.getTime(),
            commit: last.position_commit,
            prepare: last.position_prepare,
          }),
        }),
    };
  }
}

function timeFilterSql(filter: TimeFilter, column: string, bind: (value: unknown) => string): string {
  if ('$and' in filter)
    return `(${filter.$and.map((nested) => timeFilterSql(nested, column, bind)).join(' AND ')})`;
  if ('$or' in filter)
    return `(${filter.$or.map((nested) => timeFilterSql(nested, column, bind)).join(' OR ')})`;
  const [[operator, ms]] = Object.entries(filter) as [string, number][];
  const sql = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[operator];
  return `${column} ${sql} ${bind(new Date(ms).toISOString())}::timestamptz`;
}

/**
 * Judged against the meters live now, with the same rules the usage projection applies, and the
 * customers as they stand now: usage no meter reads, and usage no customer claims (metered but never
 * billed), say so. One line per problem (OpenMeter joins its errors so), in OpenMeter's words.
 */
function problemsOf(row: ListedRow, meters: readonly MeterDefinition[]): string | undefined {
  const fact = {
    subject: row.event.subject,
    timeMs: usageTimeMs(row.event),
    data: row.event.data,
    position: { commit: BigInt(row.position_commit), prepare: BigInt(row.position_prepare) },
  };
  const problems = meters.flatMap((meter) => {
    const measurement = measure(meter, fact);
    return measurement && !measurement.counted ? [measurement.problem] : [];
  });
  if (meters.length === 0) problems.push(`no meter found for event type: ${row.event.type}`);
  if (!row.customer_id) problems.push(`no customer found for event subject: ${row.event.subject}`);
  return problems.length > 0 ? problems.join('\n') : undefined;
}
