import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ProjectionsService } from '../../projections/projections.service';
import { UsageCloudEvent, usageTimeMs } from '../../ingestion';
import { MeterDefinition, measure } from '../measurement';
import { usageCaughtUp } from '../usage/usage-caught-up';
import { meterFromRow, MeterRow, METER_COLUMNS, UsageTable } from '../usage/usage-tables';
import { IngestedEvent, ListEvents } from './list-events.query';

interface ListedRow {
  event: UsageCloudEvent;
  ingested_at: Date;
  stored_at: Date;
  position_commit: string;
  position_prepare: string;
  customer_id: string | null;
  void_reason: string | null;
  voided_at: Date | null;
  void_actor_id: string | null;
  void_actor_name: string | null;
}

@QueryHandler(ListEvents)
export class ListEventsHandler implements IQueryHandler<ListEvents> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, filter }: ListEvents): Promise<IngestedEvent[]> {
    await usageCaughtUp(this.projections);
    const rows = await this.db.query<ListedRow[]>(
      `SELECT e.event, e.ingested_at, e.stored_at, e.position_commit, e.position_prepare, cs.customer_id,
         v.reason AS void_reason, v.voided_at, v.actor_id AS void_actor_id, v.actor_name AS void_actor_name
       FROM ${UsageTable.events} e
       LEFT JOIN ${UsageTable.customerSubjects} cs ON cs.namespace = e.namespace AND cs.subject_key = e.subject
       LEFT JOIN ${UsageTable.voids} v ON v.namespace = e.namespace AND v.source = e.source AND v.id = e.id
       WHERE e.namespace = $1
         AND ($2::timestamptz IS NULL OR e.time >= $2) AND ($3::timestamptz IS NULL OR e.time < $3)
         AND ($4::text IS NULL OR e.subject = $4) AND ($5::text IS NULL OR e.id = $5)
       ORDER BY e.time DESC, e.position_commit DESC, e.position_prepare DESC
       LIMIT $6`,
      [
        namespace,
        filter.from?.toISOString() ?? null,
        filter.to?.toISOString() ?? null,
        filter.subject ?? null,
        filter.id ?? null,
        filter.limit,
      ],
    );
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

/**
 * Judged against the meters live now, with the same rules the usage projection applies, and the
 * customers as they stand now: usage no customer claims is metered but never billed, so it says so,
 * in OpenMeter's words.
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
  if (!row.customer_id) problems.push(`no customer found for event subject: ${row.event.subject}`);
  return problems.length > 0 ? problems.join('; ') : undefined;
}
