import type { RecordedEvent } from '../../event-store/event-store.port';
import type { Projection, ProjectionTransaction } from '../../projections/projection';
import type { InvoiceDrafted, InvoiceIssued, InvoiceVoided } from '../issue-invoices/invoice-ledger.decider';

export const INVOICE_STATUSES_PROJECTION = 'invoice_statuses@v1';

/**
 * Where each invoice stands beyond its issue: drafts (status, draft period, profile snapshot), drafts
 * since issued, and voided invoices (why, and the re-bill due). Rows are never deleted and a status
 * only moves forward — a draft to `issued`, anything to `voided` — so a redelivered event changes
 * nothing.
 */
export const invoiceStatusesProjection: Projection = {
  name: INVOICE_STATUSES_PROJECTION,
  handles: ['InvoiceDrafted', 'InvoiceIssued', 'InvoiceVoided'],
  tables: ['billing_invoice_statuses'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction) {
    const table = tx.table('billing_invoice_statuses');
    for (const event of events) {
      switch (event.type) {
        case 'InvoiceDrafted': {
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
          break;
        }
        case 'InvoiceIssued': {
          const i = (event as unknown as InvoiceIssued).data;
          await tx.query(
            `UPDATE ${table} SET extended_status = 'issued'
             WHERE namespace = $1 AND id = $2 AND extended_status LIKE 'draft.%'`,
            [i.namespace, i.invoice.id],
          );
          break;
        }
        case 'InvoiceVoided': {
          const v = (event as unknown as InvoiceVoided).data;
          await tx.query(
            `INSERT INTO ${table} (namespace, id, customer_id, subscription_id, period_from, period_to,
               extended_status, voided_at, void_reason, rebill_id, rebill_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'voided', $7, $8, $9, $10)
             ON CONFLICT (namespace, id) DO UPDATE SET extended_status = 'voided', voided_at = $7,
               void_reason = $8, rebill_id = $9, rebill_at = $10`,
            [
              v.namespace,
              v.invoiceId,
              v.customerId,
              v.subscriptionId,
              v.period.from,
              v.period.to,
              v.voidedAt,
              v.reason,
              v.rebill?.invoiceId ?? null,
              v.rebill?.at ?? null,
            ],
          );
          break;
        }
        default:
          break;
      }
    }
  },
};
