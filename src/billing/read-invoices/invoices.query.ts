import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectionsService } from '../../projections/projections.service';
import { notFound } from '../../shared/errors';
import { BILLING_VIEW_PROJECTION } from '../billing-view/billing-view.projection';
import type { Invoice } from '../invoices/draft-invoice';
import { InvoicePreviewQuery } from '../invoices/invoice-preview.query';
import { ISSUED_INVOICES_PROJECTION } from '../issue-invoices/issued-invoices.projection';

export interface InvoicePage {
  readonly totalCount: number;
  readonly page: number;
  readonly pageSize: number;
  /** Without `lines` unless they were asked for (`expand=lines`). */
  readonly items: readonly (Invoice | InvoiceSummary)[];
}

export type InvoiceSummary = Omit<Invoice, 'lines'>;

/**
 * Issued invoices from their read model, plus those not issued yet: each closed period waiting to be
 * (`draft`) and each customer's open period (`gathering`).
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
    options: { customers?: readonly string[]; withLines: boolean; page: number; pageSize: number },
  ): Promise<InvoicePage> {
    await this.catchUp();
    const customerIds = options.customers ? await this.customerIds(namespace, options.customers) : undefined;
    const issued = await this.db.query<{ invoice: Invoice }[]>(
      `SELECT invoice FROM billing_invoices WHERE namespace = $1 AND ($2::text[] IS NULL OR customer_id = ANY($2))
       ORDER BY sequence`,
      [namespace, customerIds ?? null],
    );
    const unissued = await this.previews.unissued(namespace, { customers: customerIds, closed: true });
    const all = [...issued.map((r) => r.invoice), ...unissued];
    const start = (options.page - 1) * options.pageSize;
    const items = all
      .slice(start, start + options.pageSize)
      .map((invoice) => (options.withLines ? invoice : withoutLines(invoice)));
    return { totalCount: all.length, page: options.page, pageSize: options.pageSize, items };
  }

  async get(namespace: string, invoiceId: string): Promise<Invoice> {
    await this.catchUp();
    const [row] = await this.db.query<{ invoice: Invoice }[]>(
      `SELECT invoice FROM billing_invoices WHERE namespace = $1 AND id = $2`,
      [namespace, invoiceId],
    );
    if (row) return row.invoice;
    const [unissued] = await this.previews.unissued(namespace, { closed: true, invoiceId });
    if (!unissued) throw notFound('BILLING.INVOICE_NOT_FOUND', `no invoice ${invoiceId}`);
    return unissued;
  }

  /** Issued invoices, and the customers they are asked for by (open-period drafts wait for the rest). */
  private catchUp(): Promise<void> {
    return this.projections.readYourWrites([ISSUED_INVOICES_PROJECTION, BILLING_VIEW_PROJECTION]);
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

function withoutLines(invoice: Invoice): InvoiceSummary {
  const { lines: _lines, ...rest } = invoice;
  return rest;
}
