import type { RecordedEvent } from '../../event-store/event-store.port';
import type { Projection, ProjectionTransaction } from '../../projections/projection';
import type {
  InvoiceIssued,
  InvoiceVoided,
  PendingInvoiceLinesCreated,
} from '../issue-invoices/invoice-ledger.decider';

export const PENDING_LINES_PROJECTION = 'pending_lines@v1';

/**
 * Customers' one-off charges and the invoice that billed each (`billed_by`; cleared again when that
 * invoice is voided for a re-bill). Each row keeps the ledger version it was last written at: an
 * event no newer (a redelivery) changes nothing.
 */
export const pendingLinesProjection: Projection = {
  name: PENDING_LINES_PROJECTION,
  handles: ['PendingInvoiceLinesCreated', 'InvoiceIssued', 'InvoiceVoided'],
  tables: ['billing_pending_lines'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction) {
    const table = tx.table('billing_pending_lines');
    for (const event of events) {
      const version = event.streamVersion;
      if (event.type === 'PendingInvoiceLinesCreated') {
        const c = (event as unknown as PendingInvoiceLinesCreated).data;
        await tx.query(
          `INSERT INTO ${table} (namespace, id, customer_id, currency, invoice_at, line, ledger_version)
           SELECT $1, l->>'id', $2, $3, (l->>'invoiceAt')::timestamptz, l, $4
           FROM jsonb_array_elements($5::jsonb) AS l ON CONFLICT DO NOTHING`,
          [c.namespace, c.customerId, c.currency, version, JSON.stringify(c.lines)],
        );
      } else if (event.type === 'InvoiceIssued') {
        const i = (event as unknown as InvoiceIssued).data;
        const ids = i.invoice.lines.filter((line) => line.managedBy === 'manual').map((line) => line.id);
        if (ids.length === 0) continue;
        await tx.query(
          `UPDATE ${table} SET billed_by = $2, ledger_version = $4
           WHERE namespace = $1 AND id = ANY($3::text[]) AND ledger_version < $4`,
          [i.namespace, i.invoice.id, ids, version],
        );
      } else if (event.type === 'InvoiceVoided') {
        const v = (event as unknown as InvoiceVoided).data;
        if (!v.rebill) continue;
        await tx.query(
          `UPDATE ${table} SET billed_by = NULL, ledger_version = $3
           WHERE namespace = $1 AND billed_by = $2 AND ledger_version < $3`,
          [v.namespace, v.invoiceId, version],
        );
      }
    }
  },
};
