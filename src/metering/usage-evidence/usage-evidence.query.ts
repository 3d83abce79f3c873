import { Injectable } from '@nestjs/common';
import type { UsageCloudEvent } from '../../ingestion';
import { DataSource } from 'typeorm';
import { comparePositions, type LogPosition } from '../../event-store/event-store.port';
import { ProjectionsService } from '../../projections/projections.service';
import { canonicalGroupValues, GroupValues, measure } from '../measurement';
import { groupByFiltersSql } from '../meter-query/group-by-filter-sql';
import { usageCaughtUp } from '../usage/usage-caught-up';
import {
  factFromRow,
  METER_COLUMNS,
  meterFromRow,
  MeterRow,
  RawUsageRow,
  UsageTable,
} from '../usage/usage-tables';
import type { GroupByFilters } from '../../shared/string-filter';

export interface EvidenceRequest {
  readonly namespace: string;
  readonly meterSlug: string;
  /** The subjects whose usage counts (a customer's key and subject keys). */
  readonly subjects: readonly string[];
  readonly window: { readonly from: string; readonly to: string };
  /** The filters an event's group-by values must pass to count (a feature's). */
  readonly filterGroupBy: GroupByFilters;
  readonly limit: number;
  /** How many entries to skip before the `limit` returned (0 by default). */
  readonly offset?: number;
  /**
   * What a document billed, by log position. Without it: the usage counted now. With `through`: the
   * events counted as of that position (stored at or before it, and not voided at or before it).
   * With `after` as well: what changed between the two — events counted at `through` but not at
   * `after` (added), then events counted at `after` but not at `through` (taken away, `voided`).
   */
  readonly billed?: { readonly after?: LogPosition; readonly through: LogPosition };
}

export interface EvidenceEntry {
  /** The CloudEvent as stored. */
  readonly event: UsageCloudEvent;
  /** What the meter read from it (absent for COUNT). */
  readonly value?: string;
  /** UNIQUE_COUNT: how many later events in the window repeated this value (they count once). */
  readonly repeats?: number;
  /** An event a correction takes away: voided after the document before it billed the event. */
  readonly voided?: {
    readonly reason: string;
    readonly voidedAt: string;
    readonly actor: { readonly id: string; readonly name: string };
  };
}

export interface Evidence {
  readonly meterSlug: string;
  readonly aggregation: string;
  /** How many entries there are in all (`items` holds `limit` of them from `offset`). */
  readonly totalCount: number;
  readonly items: readonly EvidenceEntry[];
}

interface StoredUsageRow extends RawUsageRow {
  event: UsageCloudEvent;
  void_reason: string | null;
  voided_at: Date | null;
  void_actor_id: string | null;
  void_actor_name: string | null;
  void_commit: string | null;
  void_prepare: string | null;
}

/** Whether the event counted as of `at`: stored at or before it, and not voided at or before it. */
function countedAt(row: StoredUsageRow, at: LogPosition): boolean {
  const stored = { commit: BigInt(row.position_commit), prepare: BigInt(row.position_prepare) };
  if (comparePositions(stored, at) > 0) return false;
  if (row.void_commit === null) return true;
  const voided = { commit: BigInt(row.void_commit), prepare: BigInt(row.void_prepare!) };
  return comparePositions(voided, at) > 0;
}

/**
 * The usage events behind a meter's value: those of the meter, from the given subjects, in the
 * window, read exactly as the meter reads them — for UNIQUE_COUNT, the first event of each counted
 * value, with how many events repeated it. What an invoice line's lineage lists.
 */
@Injectable()
export class UsageEvidence {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  /** Undefined when no live meter has the slug. */
  async eventsBehind(request: EvidenceRequest): Promise<Evidence | undefined> {
    await usageCaughtUp(this.projections);
    const { namespace } = request;
    const [meterRow] = await this.db.query<MeterRow[]>(
      `SELECT ${METER_COLUMNS} FROM ${UsageTable.meters} WHERE namespace = $1 AND slug = $2 AND deleted_at IS NULL`,
      [namespace, request.meterSlug],
    );
    if (!meterRow) return undefined;
    const meter = meterFromRow(meterRow);
    const rows = await this.db.query<StoredUsageRow[]>(
      `SELECT e.source, e.id, e.subject, e.time, e.event, e.event->'data' AS data, e.position_commit, e.position_prepare,
         v.reason AS void_reason, v.voided_at, v.actor_id AS void_actor_id, v.actor_name AS void_actor_name,
         v.position_commit AS void_commit, v.position_prepare AS void_prepare
       FROM ${UsageTable.events} e
       LEFT JOIN ${UsageTable.voids} v ON v.namespace = e.namespace AND v.source = e.source AND v.id = e.id
       WHERE e.namespace = $1 AND e.type = $2 AND e.subject = ANY($3) AND e.time >= $4 AND e.time < $5
       ORDER BY e.time, e.position_commit, e.position_prepare`,
      [namespace, meter.eventType, request.subjects, request.window.from, request.window.to],
    );
    const billed = request.billed;
    const after = billed?.after;
    const measuredRows = rows.flatMap((row) => {
      const now = billed ? countedAt(row, billed.through) : row.void_commit === null;
      const before = after !== undefined && countedAt(row, after);
      if (now === before) return [];
      const measured = measure(meter, factFromRow(row));
      return measured?.counted ? [{ row, measured, now }] : [];
    });
    const passes = await this.filterPasses(
      request.filterGroupBy,
      measuredRows.map(({ measured }) => measured.groupValues),
    );
    const entries: EvidenceEntry[] = [];
    const takenAway: EvidenceEntry[] = [];
    const firstOfValue = new Map<string, { repeats: number }>();
    for (const { row, measured, now } of measuredRows) {
      if (!passes(measured.groupValues)) continue;
      if (!now) {
        takenAway.push({
          event: row.event,
          ...(measured.value !== undefined ? { value: measured.value } : {}),
          voided: {
            reason: row.void_reason!,
            voidedAt: row.voided_at!.toISOString(),
            actor: { id: row.void_actor_id!, name: row.void_actor_name! },
          },
        });
        continue;
      }
      if (meter.aggregation === 'UNIQUE_COUNT') {
        const seen = firstOfValue.get(measured.value!);
        if (seen) {
          seen.repeats++;
          continue;
        }
        const entry = { event: row.event, value: measured.value, repeats: 0 };
        firstOfValue.set(measured.value!, entry);
        entries.push(entry);
      } else {
        entries.push({
          event: row.event,
          ...(measured.value !== undefined ? { value: measured.value } : {}),
        });
      }
    }
    entries.push(...takenAway);
    return {
      meterSlug: meter.slug,
      aggregation: meter.aggregation,
      totalCount: entries.length,
      items: entries.slice(request.offset ?? 0, (request.offset ?? 0) + request.limit),
    };
  }

  /**
   * Which group values pass the filters, asked of the SQL the meter query filters with, so that a
   * line's lineage lists exactly the usage its quantity counted.
   */
  private async filterPasses(
    filters: GroupByFilters,
    groupValues: readonly GroupValues[],
  ): Promise<(values: GroupValues) => boolean> {
    const params: unknown[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const distinct = [...new Set(groupValues.map(canonicalGroupValues))];
    const values = bind(
      distinct.map((canonical) => JSON.stringify(Object.fromEntries(JSON.parse(canonical)))),
    );
    const condition = groupByFiltersSql(filters, 'src.group_values', bind);
    if (!condition || distinct.length === 0) return () => true;
    const kept = await this.db.query<{ n: string }[]>(
      `SELECT n FROM unnest(${values}::jsonb[]) WITH ORDINALITY AS src(group_values, n) WHERE ${condition}`,
      params,
    );
    const passing = new Set(kept.map(({ n }) => distinct[Number(n) - 1]));
    return (values) => passing.has(canonicalGroupValues(values));
  }
}
