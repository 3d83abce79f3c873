import { Injectable } from '@nestjs/common';
import type { EvidenceEntry } from '../../metering';
import { UsageEvidence } from '../../metering';
import { ProjectionsService } from '../../projections/projections.service';
import { notFound } from '../../shared/errors';
import { BILLING_VIEW_PROJECTION } from '../billing-view/billing-view.projection';
import { BillingViewQuery } from '../billing-view/billing-view.query';
import { InvoicesQuery } from '../read-invoices/invoices.query';

export type LineageEntry = EvidenceEntry;

export interface LineLineage {
  readonly invoiceId: string;
  readonly lineId: string;
  readonly featureKey?: string;
  readonly meterSlug?: string;
  readonly aggregation?: string;
  readonly meteredQuantity: string;
  readonly period: { readonly from: string; readonly to: string };
  /** How many entries there are in all (`items` holds `limit` of them from `offset`). */
  readonly totalCount: number;
  readonly items: readonly LineageEntry[];
}

/**
 * The usage events behind an invoice line: metering's evidence for the line's meter, from the
 * customer's subjects, in the line's window, with the line's feature filters. An issued document's
 * line lists exactly what it billed, by log position: an invoice's, the usage counted as of the
 * position it billed through; a correction's, the late events it added and the voided events it
 * took away (marked `voided`) since the period's document before it.
 */
@Injectable()
export class InvoiceLineageQuery {
  constructor(
    private readonly invoices: InvoicesQuery,
    private readonly view: BillingViewQuery,
    private readonly evidence: UsageEvidence,
    private readonly projections: ProjectionsService,
  ) {}

  async lineage(
    namespace: string,
    invoiceId: string,
    lineId: string,
    limit: number,
    offset = 0,
  ): Promise<LineLineage> {
    const invoice = await this.invoices.get(namespace, invoiceId);
    const issued = await this.invoices.issued(namespace, invoiceId);
    const line = invoice.lines.find((l) => l.id === lineId);
    if (!line) throw notFound('BILLING.LINE_NOT_FOUND', `invoice ${invoiceId} has no line ${lineId}`);
    const base = { invoiceId, lineId, meteredQuantity: line.meteredQuantity, period: line.period };
    // No usage is behind a flat fee, even one naming a feature (for its entitlement); the price
    // says so on lines issued before flat fees were typed `flat_fee` too.
    if (line.price.type === 'flat') return { ...base, totalCount: 0, items: [] };
    await this.projections.readYourWrites([BILLING_VIEW_PROJECTION]);
    const feature = line.featureKey
      ? (await this.view.billedFeatures(namespace, [line.featureKey])).get(line.featureKey)
      : undefined;
    if (!feature) return { ...base, totalCount: 0, items: [] };
    const evidence = await this.evidence.eventsBehind({
      namespace,
      meterSlug: feature.meterSlug,
      subjects: invoice.customer.usageAttribution.subjectKeys,
      window: line.period,
      filterGroupBy: feature.filterGroupBy,
      limit,
      offset,
      ...(issued
        ? {
            billed: {
              through: issued.billedThrough,
              ...(issued.billedAfter ? { after: issued.billedAfter } : {}),
            },
          }
        : {}),
    });
    if (!evidence) return { ...base, totalCount: 0, items: [] };
    return { ...base, featureKey: line.featureKey, ...evidence };
  }
}
