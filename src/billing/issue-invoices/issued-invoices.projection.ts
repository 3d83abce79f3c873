import { RecordedEvent } from '../../event-store/event-store.port';
import { Projection, ProjectionTransaction } from '../../projections/projection';
import type { InvoiceIssued } from './invoice-ledger.decider';

export const ISSUED_INVOICES_PROJECTION = 'issued_invoices@v1';

/** Issued invoices, one row each; an `InvoiceIssued` delivered again finds its row there and changes nothing. */
export const issuedInvoicesProjection: Projection = {
  name: ISSUED_INVOICES_PROJECTION,
  handles: ['InvoiceIssued'],
  tables: ['billing_invoices'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction) {
    const issued = events.map((e) => (e as unknown as InvoiceIssued).data);
    await tx.query(
      `INSERT INTO ${tx.table('billing_invoices')}
         (namespace, id, sequence, customer_id, subscription_id, period_from, period_to, issued_at, invoice)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::timestamptz[],
         $7::timestamptz[], $8::timestamptz[], $9::jsonb[])
       ON CONFLICT DO NOTHING`,
      [
        issued.map((i) => i.namespace),
        issued.map((i) => i.invoice.id),
        issued.map((i) => i.sequence),
        issued.map((i) => i.customerId),
        issued.map((i) => i.subscriptionId),
        issued.map((i) => i.invoice.period.from),
        issued.map((i) => i.invoice.period.to),
        issued.map((i) => i.issuedAt),
        issued.map((i) => JSON.stringify(i.invoice)),
      ],
    );
  },
};
