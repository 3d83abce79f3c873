import type { RecordedEvent } from '../../event-store/event-store.port';
import type { Projection, ProjectionTransaction } from '../../projections/projection';
import type {
  InvoiceDraftDeleted,
  InvoiceDraftEdited,
  InvoiceDrafted,
  InvoiceIssued,
  InvoiceVoided,
} from '../issue-invoices/invoice-ledger.decider';

export const INVOICE_STATUSES_PROJECTION = 'invoice_statuses@v2';

/**
 * Where each invoice stands beyond its issue: drafts (status, draft period, profile snapshot), drafts
 * since issued or deleted, and voided invoices (why, and the re-bill due). Rows are never deleted,
 * and each keeps the version of the namespace's ledger it was last written at: an event no newer than
 * that (a redelivery) changes nothing. Drafts' edits (`updateInvoice`) are kept beside, one row per
 * invoice, forgotten (`edit` null) when the draft is deleted.
 */
export const invoiceStatusesProjection: Projection = {
  name: INVOICE_STATUSES_PROJECTION,
  handles: ['InvoiceDrafted', 'InvoiceIssued', 'InvoiceVoided', 'InvoiceDraftDeleted', 'InvoiceDraftEdited'],
  tables: ['billing_invoice_statuses', 'billing_invoice_edits'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction) {
    const table = tx.table('billing_invoice_statuses');
    const edits = tx.table('billing_invoice_edits');
    const setEdit = (namespace: string, id: string, edit: unknown, version: number) =>
      tx.query(
        `INSERT INTO ${edits} AS t (namespace, id, edit, ledger_version) VALUES ($1, $2, $3, $4)
         ON CONFLICT (namespace, id) DO UPDATE SET edit = $3, ledger_version = $4 WHERE t.ledger_version < $4`,
        [namespace, id, edit === null ? null : JSON.stringify(edit), version],
      );
    for (const event of events) {
      const version = event.streamVersion;
      switch (event.type) {
        case 'InvoiceDrafted': {
          const d = (event as unknown as InvoiceDrafted).data;
          await tx.query(
            `INSERT INTO ${table} AS t (namespace, id, customer_id, subscription_id, period_from, period_to,
               extended_status, draft_until, drafted_at, profile, ledger_version)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
             ON CONFLICT (namespace, id) DO UPDATE SET extended_status = $7, draft_until = $8, drafted_at = $9,
               profile = $10, ledger_version = $11
             WHERE t.ledger_version < $11`,
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
              version,
            ],
          );
          break;
        }
        case 'InvoiceIssued': {
          const i = (event as unknown as InvoiceIssued).data;
          await tx.query(
            `UPDATE ${table} SET extended_status = 'issued', ledger_version = $3
             WHERE namespace = $1 AND id = $2 AND ledger_version < $3`,
            [i.namespace, i.invoice.id, version],
          );
          break;
        }
        case 'InvoiceDraftDeleted': {
          const x = (event as unknown as InvoiceDraftDeleted).data;
          await tx.query(
            `UPDATE ${table} SET extended_status = 'deleted', ledger_version = $3
             WHERE namespace = $1 AND id = $2 AND ledger_version < $3`,
            [x.namespace, x.invoiceId, version],
          );
          await setEdit(x.namespace, x.invoiceId, null, version);
          break;
        }
        case 'InvoiceDraftEdited': {
          const e = (event as unknown as InvoiceDraftEdited).data;
          if (e.draft) {
            await tx.query(
              `UPDATE ${table} SET extended_status = $3, draft_until = $4, ledger_version = $5
               WHERE namespace = $1 AND id = $2 AND ledger_version < $5`,
              [e.namespace, e.invoiceId, e.draft.extendedStatus, e.draft.draftUntil, version],
            );
          }
          await setEdit(e.namespace, e.invoiceId, e.edit, version);
          break;
        }
        case 'InvoiceVoided': {
          const v = (event as unknown as InvoiceVoided).data;
          await tx.query(
            `INSERT INTO ${table} AS t (namespace, id, customer_id, subscription_id, period_from, period_to,
               extended_status, voided_at, void_reason, rebill_id, rebill_at, ledger_version)
             VALUES ($1, $2, $3, $4, $5, $6, 'voided', $7, $8, $9, $10, $11)
             ON CONFLICT (namespace, id) DO UPDATE SET extended_status = 'voided', voided_at = $7,
               void_reason = $8, rebill_id = $9, rebill_at = $10, ledger_version = $11
             WHERE t.ledger_version < $11`,
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
              version,
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
