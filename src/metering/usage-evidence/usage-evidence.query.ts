import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
}

export interface EvidenceEntry {
  /** The CloudEvent as stored. */
  readonly event: unknown;
  /** What the meter read from it (absent for COUNT). */
  readonly value?: string;
  /** UNIQUE_COUNT: how many later events in the window repeated this value (they count once). */
  readonly repeats?: number;
}

export interface Evidence {
  readonly meterSlug: string;
  readonly aggregation: string;
  /** How many entries there are in all (`items` holds the first `limit`). */
  readonly totalCount: number;
  readonly items: readonly EvidenceEntry[];
}

interface StoredUsageRow extends RawUsageRow {
  event: unknown;
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
      `SELECT source, id, subject, time, event, event->'data' AS data, position_commit, position_prepare
       FROM ${UsageTable.events}
       WHERE namespace = $1 AND type = $2 AND subject = ANY($3) AND time >= $4 AND time < $5
       ORDER BY time, position_commit, position_prepare`,
      [namespace, meter.eventType, request.subjects, request.window.from, request.window.to],
    );
    const measuredRows = rows.map((row) => ({ row, measured: measure(meter, factFromRow(row)) }));
    const passes = await this.filterPasses(
      request.filterGroupBy,
      measuredRows.flatMap(({ measured }) => (measured?.counted ? [measured.groupValues] : [])),
    );
    const entries: { event: unknown; value?: string; repeats?: number }[] = [];
    const firstOfValue = new Map<string, { repeats: number }>();
    for (const { row, measured } of measuredRows) {
      if (!measured?.counted) continue;
      if (!passes(measured.groupValues)) continue;
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
    return {
      meterSlug: meter.slug,
      aggregation: meter.aggregation,
      totalCount: entries.length,
      items: entries.slice(0, request.limit),
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
