import type { RecordedEvent } from '../../event-store/event-store.port';
import type { Projection, ProjectionTransaction } from '../../projections/projection';
import type { InvoiceDrafted, InvoiceIssued } from '../issue-invoices/invoice-ledger.decider';

export const INVOICE_DRAFTS_PROJECTION = 'invoice_drafts@v1';

/**
 * The drafts the invoice ledger holds: a row per drafted invoice, marked `issued` once it is. Rows
 * are never deleted, so a redelivered `InvoiceDrafted` finds its row and changes nothing, and a
 * redelivered `InvoiceIssued` sets what it already set.
 */
export const invoiceDraftsProjection: Projection = {
  name: INVOICE_DRAFTS_PROJECTION,
  handles: ['InvoiceDrafted', 'InvoiceIssued'],
  tables: ['billing_invoice_drafts'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction) {
    const table = tx.table('billing_invoice_drafts');
    for (const event of events) {
      if (event.type === 'InvoiceDrafted') {
        const d = (event as unknown as InvoiceDrafted).data;
        await tx.query(
          `INSERT INTO ${table} (namespace, id, customer_id, subscription_id, period_from, period_to,
             extended_status, draft_until, drafted_at, profile)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
          [
            d.namespace,
            d.invoiceId,
            d.customerId,
            d.subscriptionId,
            d.period.from,
            d.period.to,
            d.extendedStatus,
            d.draftUntil,
            d.draftedAt,
            d.profile ? JSON.stringify(d.profile) : null,
          ],
        );
      } else if (event.type === 'InvoiceIssued') {
        const i = (event as unknown as InvoiceIssued).data;
        await tx.query(`UPDATE ${table} SET issued = true WHERE namespace = $1 AND id = $2`, [
          i.namespace,
          i.invoice.id,
        ]);
      }
    }
  },
};
