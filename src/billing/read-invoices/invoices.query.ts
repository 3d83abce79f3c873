import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LogPosition } from '../../event-store/event-store.port';
import { ProjectionsService } from '../../projections/projections.service';
import { notFound } from '../../shared/errors';
import { BILLING_VIEW_PROJECTION } from '../billing-view/billing-view.projection';
import type { CorrectionRef, Invoice, InvoiceType } from '../invoices/draft-invoice';
import { InvoicePreviewQuery } from '../invoices/invoice-preview.query';
import { INVOICE_STATUSES_PROJECTION } from '../invoice-statuses/invoice-statuses.projection';
import { asIssued } from '../invoice-statuses/invoice-statuses.query';
import { ISSUED_INVOICES_PROJECTION } from '../issue-invoices/issued-invoices.projection';
import { InvoiceFilter, InvoiceOrderBy, matchesFilter, sortInvoices } from './invoice-filter';

export interface InvoicePage {
  readonly totalCount: number;
  readonly page: number;
  readonly pageSize: number;
  /** Without `lines` unless they were asked for (`expand=lines`). */
  readonly items: readonly (Invoice | InvoiceSummary)[];
}

export type InvoiceSummary = Omit<Invoice, 'lines'>;

/** An issued document, and the usage it billed by log position: after `billedAfter` (a correction), through `billedThrough`. */
export interface IssuedDocument {
  readonly invoice: Invoice;
  readonly billedThrough: LogPosition;
  /** A correction's: what the period's document before it billed through. */
  readonly billedAfter?: LogPosition;
}

interface IssuedRow {
  invoice: Invoice;
  corrections: CorrectionRef[];
  voided_at: Date | null;
}

/** Joined to an issued document's row: whether, and when, it was voided. */
const VOIDED_AT = `(SELECT s.voided_at FROM billing_invoice_statuses s
  WHERE s.namespace = d.namespace AND s.id = d.id) AS voided_at`;

/**
 * Issued documents (invoices and their corrections) from their read model, plus those not issued
 * yet: each closed period waiting to be (`draft`) and each customer's open period (`gathering`).
 */
@Injectable()
export class InvoicesQuery {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
    private readonly previews: InvoicePreviewQuery,
  ) {}

  async list(
    namespace: string,
    options: {
      customers?: readonly string[];
      types?: readonly InvoiceType[];
      filter?: InvoiceFilter;
      orderBy?: InvoiceOrderBy;
      order?: 'ASC' | 'DESC';
      withLines: boolean;
      page: number;
      pageSize: number;
    },
  ): Promise<InvoicePage> {
    const filter = options.filter ?? {};
    await this.catchUp();
    const customerIds = options.customers ? await this.customerIds(namespace, options.customers) : undefined;
    // Invoices not issued yet are all `standard`, `gathering` or `draft`: not drafted when not asked for.
    const unissuedWanted =
      (!options.types || options.types.includes('standard')) &&
      (filter.statuses === undefined || filter.statuses.some((s) => s === 'gathering' || s === 'draft'));
    // Read before the issued ones: a draft issued in between is then among them (and left out here),
    // never in neither list.
    const drafted = unissuedWanted
      ? await this.previews.unissued(namespace, { customers: customerIds, closed: true })
      : [];
    const issued = await this.db.query<IssuedRow[]>(
      `SELECT d.invoice, d.corrections, ${VOIDED_AT} FROM billing_invoices d
       WHERE namespace = $1 AND ($2::text[] IS NULL OR customer_id = ANY($2)) AND ($3::text[] IS NULL OR type = ANY($3))
       ORDER BY sequence`,
      [namespace, customerIds ?? null, options.types ?? null],
    );
    const issuedIds = new Set(issued.map((row) => row.invoice.id));
    const unissued = drafted.filter((invoice) => !issuedIds.has(invoice.id));
    const matching = [...issued.map(withCorrections), ...unissued].filter((invoice) =>
      matchesFilter(invoice, filter),
    );
    const all = options.orderBy ? sortInvoices(matching, options.orderBy, options.order ?? 'ASC') : matching;
    const start = (options.page - 1) * options.pageSize;
    const items = all
      .slice(start, start + options.pageSize)
      .map((invoice) => (options.withLines ? invoice : withoutLines(invoice)));
    return { totalCount: all.length, page: options.page, pageSize: options.pageSize, items };
  }

  async get(namespace: string, invoiceId: string): Promise<Invoice> {
    for (let read = 1; ; read++) {
      await this.catchUp();
      const issued = await this.issued(namespace, invoiceId);
      if (issued) return issued.invoice;
      const [unissued] = await this.previews.unissued(namespace, { closed: true, invoiceId });
      if (unissued) return unissued;
      // A draft issued between the two reads (say, by a concurrent approval) is in neither: caught
      // up with its issue, the second read finds it issued.
      if (read === 2) throw notFound('BILLING.INVOICE_NOT_FOUND', `no invoice ${invoiceId}`);
    }
  }

  /** An issued document with the positions it billed between; the caller has caught up. */
  async issued(namespace: string, invoiceId: string): Promise<IssuedDocument | undefined> {
    const [row] = await this.db.query<
      (IssuedRow & {
        billed_commit: string;
        billed_prepare: string;
        after_commit: string | null;
        after_prepare: string | null;
      })[]
    >(
      `SELECT d.invoice, d.corrections, ${VOIDED_AT}, d.billed_commit, d.billed_prepare,
         before.billed_commit AS after_commit, before.billed_prepare AS after_prepare
       FROM billing_invoices d
       LEFT JOIN LATERAL (
         SELECT b.billed_commit, b.billed_prepare FROM billing_invoices b
         WHERE d.correction_of IS NOT NULL AND b.namespace = d.namespace AND b.sequence < d.sequence
           AND (b.id = d.correction_of OR b.correction_of = d.correction_of)
         ORDER BY b.sequence DESC LIMIT 1) before ON true
       WHERE d.namespace = $1 AND d.id = $2`,
      [namespace, invoiceId],
    );
    if (!row) return undefined;
    const position = (commit: string, prepare: string) => ({
      commit: BigInt(commit),
      prepare: BigInt(prepare),
    });
    return {
      invoice: withCorrections(row),
      billedThrough: position(row.billed_commit, row.billed_prepare),
      ...(row.after_commit !== null ? { billedAfter: position(row.after_commit, row.after_prepare!) } : {}),
    };
  }

  /** Issued invoices and drafts, and the customers they are asked for by (drafts' figures wait for the rest). */
  private catchUp(): Promise<void> {
    return this.projections.readYourWrites([
      ISSUED_INVOICES_PROJECTION,
      INVOICE_STATUSES_PROJECTION,
      BILLING_VIEW_PROJECTION,
    ]);
  }

  private async customerIds(namespace: string, idsOrKeys: readonly string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const idOrKey of idsOrKeys) {
      const customer = await this.previews.customer(namespace, idOrKey);
      if (customer) ids.push(customer.id);
    }
    return ids;
  }
}

/** An issued document as answered: as issued, with its corrections and whether it was voided since. */
function withCorrections(row: IssuedRow): Invoice {
  return asIssued(row.invoice, row.corrections, row.voided_at?.toISOString() ?? null);
}

function withoutLines(invoice: Invoice): InvoiceSummary {
  const { lines: _lines, ...rest } = invoice;
  return rest;
}
