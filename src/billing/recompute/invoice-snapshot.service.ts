import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Invoice } from '../invoices/draft-invoice';
import { InvoicePreviewQuery } from '../invoices/invoice-preview.query';
import { digestOf, figuresOf, InvoiceFigures } from './invoice-figures';

export interface InvoiceSnapshot {
  readonly invoices: readonly InvoiceFigures[];
  readonly digest: string;
}

/** Every issued invoice and every open-period draft, in every namespace, as figures and a digest. */
@Injectable()
export class InvoiceSnapshotService {
  constructor(
    private readonly db: DataSource,
    private readonly previews: InvoicePreviewQuery,
  ) {}

  async snapshot(): Promise<InvoiceSnapshot> {
    const invoices: InvoiceFigures[] = [];
    const issued = await this.db.query<{ namespace: string; invoice: Invoice }[]>(
      `SELECT namespace, invoice FROM billing_invoices ORDER BY namespace, sequence`,
    );
    invoices.push(...issued.map((row) => figuresOf(row.namespace, row.invoice)));
    const namespaces = await this.db.query<{ namespace: string }[]>(
      `SELECT DISTINCT namespace FROM billing_subscriptions ORDER BY 1`,
    );
    for (const { namespace } of namespaces) {
      for (const draft of await this.previews.gathering(namespace))
        invoices.push(figuresOf(namespace, draft));
    }
    return { invoices, digest: digestOf(invoices) };
  }
}
