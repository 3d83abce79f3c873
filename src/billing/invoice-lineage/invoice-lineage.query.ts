import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectionsService } from '../../projections/projections.service';
import { measure } from '../../metering/measurement';
import { METER_COLUMNS, meterFromRow, MeterRow, UsageTable } from '../../metering/usage/usage-tables';
import { USAGE_PROJECTION } from '../../metering/usage/usage.projection';
import { factFromRow, RawUsageRow } from '../../metering/usage/usage-tables';
import { notFound } from '../../shared/errors';
import { BILLING_VIEW_PROJECTION } from '../billing-view/billing-view.projection';
import { InvoicesQuery } from '../read-invoices/invoices.query';

export interface LineageEntry {
  /** The CloudEvent as stored. */
  readonly event: unknown;
  /** What the meter read from it (absent for COUNT). */
  readonly value?: string;
  /** UNIQUE_COUNT: how many later events in the line's window repeated this value (they count once). */
  readonly repeats?: number;
}

export interface LineLineage {
  readonly invoiceId: string;
  readonly lineId: string;
  readonly featureKey?: string;
  readonly meterSlug?: string;
  readonly aggregation?: string;
  readonly meteredQuantity: string;
  readonly period: { readonly from: string; readonly to: string };
  /** How many entries there are in all (`items` holds the first `limit`). */
  readonly totalCount: number;
  readonly items: readonly LineageEntry[];
}

interface StoredUsageRow extends RawUsageRow {
  event: unknown;
}

/**
 * The usage events behind an invoice line: those of the line's meter, from the customer's subjects,
 * in the line's window, read exactly as the meter reads them. For UNIQUE_COUNT, the first event of
 * each counted value, with how many events repeated it.
 */
@Injectable()
export class InvoiceLineageQuery {
  constructor(
    private readonly db: DataSource,
    private readonly invoices: InvoicesQuery,
    private readonly projections: ProjectionsService,
  ) {}

  async lineage(namespace: string, invoiceId: string, lineId: string, limit: number): Promise<LineLineage> {
    const invoice = await this.invoices.get(namespace, invoiceId);
    const line = invoice.lines.find((l) => l.id === lineId);
    if (!line) throw notFound('BILLING.LINE_NOT_FOUND', `invoice ${invoiceId} has no line ${lineId}`);
    const base = { invoiceId, lineId, meteredQuantity: line.meteredQuantity, period: line.period };
    await this.projections.readYourWrites([BILLING_VIEW_PROJECTION, USAGE_PROJECTION]);
    const [feature] = line.featureKey
      ? await this.db.query<{ meter_slug: string | null; meter_group_by_filters: Record<string, string> }[]>(
          `SELECT meter_slug, meter_group_by_filters FROM billing_features WHERE namespace = $1 AND key = $2
           ORDER BY archived, id DESC LIMIT 1`,
          [namespace, line.featureKey],
        )
      : [];
    if (!feature?.meter_slug) return { ...base, totalCount: 0, items: [] };
    const [meterRow] = await this.db.query<MeterRow[]>(
      `SELECT ${METER_COLUMNS} FROM ${UsageTable.meters} WHERE namespace = $1 AND slug = $2 AND deleted_at IS NULL`,
      [namespace, feature.meter_slug],
    );
    if (!meterRow) return { ...base, totalCount: 0, items: [] };
    const meter = meterFromRow(meterRow);
    const rows = await this.db.query<StoredUsageRow[]>(
      `SELECT source, id, subject, time, event, event->'data' AS data, position_commit, position_prepare
       FROM ${UsageTable.events}
       WHERE namespace = $1 AND type = $2 AND subject = ANY($3) AND time >= $4 AND time < $5
       ORDER BY time, position_commit, position_prepare`,
      [
        namespace,
        meter.eventType,
        invoice.customer.usageAttribution.subjectKeys,
        line.period.from,
        line.period.to,
      ],
    );
    const filters = Object.entries(feature.meter_group_by_filters);
    const entries: { event: unknown; value?: string; repeats?: number }[] = [];
    const firstOfValue = new Map<string, { repeats: number }>();
    for (const row of rows) {
      const measured = measure(meter, factFromRow(row));
      if (!measured?.counted) continue;
      if (filters.some(([name, wanted]) => measured.groupValues[name] !== wanted)) continue;
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
      ...base,
      featureKey: line.featureKey,
      meterSlug: meter.slug,
      aggregation: meter.aggregation,
      totalCount: entries.length,
      items: entries.slice(0, limit),
    };
  }
}
