import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CorrectionsQuery } from '../corrections/corrections.query';
import type { Invoice } from '../invoices/draft-invoice';
import { InvoicePreviewQuery } from '../invoices/invoice-preview.query';
import { asIssued } from '../invoice-statuses/invoice-statuses.query';
import { digestOf, figuresOf, InvoiceFigures } from './invoice-figures';

export interface InvoiceSnapshot {
  readonly invoices: readonly InvoiceFigures[];
  readonly digest: string;
}

/** An issued period whose documents bill other figures than the period is worth now. */
export interface PendingCorrectionFigures {
  readonly namespace: string;
  readonly invoiceId: string;
  readonly number: string;
  readonly customerId: string;
  readonly period: { readonly from: string; readonly to: string };
  /** The net difference a correction would bill (negative: given back). */
  readonly total?: string;
  readonly lines: readonly {
    readonly line: string;
    readonly billed: { readonly quantity: string; readonly total: string };
    readonly now: { readonly quantity: string; readonly total: string };
  }[];
  /** Why the period's figures cannot be computed now. */
  readonly failed?: string;
}

/** A line an edit of the draft removed before its issue: waived, its usage (late usage too) never billed. */
export interface WaivedLine {
  readonly namespace: string;
  readonly invoiceId: string;
  readonly number: string;
  readonly customerId: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly lineId: string;
  readonly line: string;
}

/** Every issued invoice and every open-period draft, in every namespace, as figures and a digest. */
@Injectable()
export class InvoiceSnapshotService {
  constructor(
    private readonly db: DataSource,
    private readonly previews: InvoicePreviewQuery,
    private readonly corrections: CorrectionsQuery,
  ) {}

  async snapshot(): Promise<InvoiceSnapshot> {
    const invoices: InvoiceFigures[] = [];
    // Issued documents as they stand: a voided one counts as voided, so a replay that lost a void drifts.
    const issued = await this.db.query<{ namespace: string; invoice: Invoice; voided_at: Date | null }[]>(
      `SELECT d.namespace, d.invoice, s.voided_at FROM billing_invoices d
       LEFT JOIN billing_invoice_statuses s ON s.namespace = d.namespace AND s.id = d.id
       ORDER BY d.namespace, d.sequence`,
    );
    invoices.push(
      ...issued.map((row) =>
        figuresOf(row.namespace, asIssued(row.invoice, [], row.voided_at?.toISOString() ?? null)),
      ),
    );
    const namespaces = await this.db.query<{ namespace: string }[]>(
      `SELECT DISTINCT namespace FROM billing_subscriptions ORDER BY 1`,
    );
    for (const { namespace } of namespaces) {
      for (const draft of await this.previews.gathering(namespace))
        invoices.push(figuresOf(namespace, draft));
    }
    return { invoices, digest: digestOf(invoices) };
  }

  /**
   * Per issued period, what its documents (the invoice and its corrections) bill against what the
   * period is worth now: each difference is a correction still to come (or one the issuer cannot
   * compute). Empty once every correction is issued. The caller has caught up with the read models.
   */
  async pendingCorrections(): Promise<PendingCorrectionFigures[]> {
    const originals = await this.db.query<{ namespace: string; id: string }[]>(
      `SELECT namespace, id FROM billing_invoices WHERE correction_of IS NULL
         AND NOT EXISTS (SELECT 1 FROM billing_invoice_statuses v
           WHERE v.namespace = billing_invoices.namespace AND v.id = billing_invoices.id AND v.extended_status = 'voided')
       ORDER BY namespace, sequence`,
    );
    const pending: PendingCorrectionFigures[] = [];
    for (const { namespace, id } of originals) {
      const documents = await this.corrections.documents(namespace, id);
      if (!documents) continue;
      const { original } = documents;
      const found = await this.corrections.pending(documents, { asOf: false, issuedAt: original.period.to });
      if (!found.correction && !found.failed) continue;
      pending.push({
        namespace,
        invoiceId: original.id,
        number: original.number,
        customerId: original.customer.id,
        period: original.period,
        ...(found.correction ? { total: found.correction.totals.total } : {}),
        lines: (found.correction?.lines ?? []).map((line) => ({
          line: line.name,
          billed: { quantity: line.correction!.billed.quantity, total: line.correction!.billed.total },
          now: { quantity: line.correction!.now.quantity, total: line.correction!.now.total },
        })),
        ...(found.failed ? { failed: found.failed } : {}),
      });
    }
    return pending;
  }

  /**
   * The lines the issued invoices' drafts were edited to leave out: the recompute leaves them out
   * too (an edit is not corrected back), so the report names them rather than staying silent.
   */
  async waivedLines(): Promise<WaivedLine[]> {
    const rows = await this.db.query<
      { namespace: string; invoice: Invoice; removed: { id: string; name: string }[] }[]
    >(
      `SELECT d.namespace, d.invoice, e.edit->'lines'->'removed' AS removed
       FROM billing_invoices d JOIN billing_invoice_edits e ON e.namespace = d.namespace AND e.id = d.id
       WHERE d.correction_of IS NULL AND jsonb_array_length(coalesce(e.edit->'lines'->'removed', '[]')) > 0
       ORDER BY d.namespace, d.sequence`,
    );
    return rows.flatMap(({ namespace, invoice, removed }) =>
      removed.map((line) => ({
        namespace,
        invoiceId: invoice.id,
        number: invoice.number,
        customerId: invoice.customer.id,
        period: invoice.period,
        lineId: line.id,
        line: line.name,
      })),
    );
  }
}
