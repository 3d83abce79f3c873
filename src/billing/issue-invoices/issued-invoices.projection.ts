import { parsePosition, RecordedEvent } from '../../event-store/event-store.port';
import { Projection, ProjectionTransaction } from '../../projections/projection';
import type { CorrectionIssued, InvoiceIssued } from './invoice-ledger.decider';

export const ISSUED_INVOICES_PROJECTION = 'issued_invoices@v2';

/**
 * Issued documents, one row each: invoices and their corrections, each with the log position it
 * billed through. An invoice's row also lists its corrections and where its period's latest document
 * stands. A document delivered again finds its row there (and its link) and changes nothing.
 * (v2: corrections.)
 */
export const issuedInvoicesProjection: Projection = {
  name: ISSUED_INVOICES_PROJECTION,
  handles: ['InvoiceIssued', 'CorrectionIssued'],
  tables: ['billing_invoices'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction) {
    // Invoices first, all at once: a correction in the same batch comes after its invoice in the log.
    await insertInvoices(
      events.filter((e) => e.type === 'InvoiceIssued'),
      tx,
    );
    for (const event of events)
      if (event.type === 'CorrectionIssued')
        await applyCorrection(event as unknown as RecordedCorrection, tx);
  },
};

type RecordedCorrection = RecordedEvent<'CorrectionIssued', CorrectionIssued['data']>;

async function insertInvoices(recorded: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
  if (recorded.length === 0) return;
  const issued = recorded.map((e) => (e as unknown as InvoiceIssued).data);
  // An invoice issued before positions were recorded billed what its own event's position shows.
  const billed = recorded.map((e, i) =>
    issued[i].billedThrough ? parsePosition(issued[i].billedThrough!) : e.position,
  );
  await tx.query(
    `INSERT INTO ${tx.table('billing_invoices')}
       (namespace, id, sequence, customer_id, subscription_id, period_from, period_to, issued_at, invoice,
        type, billed_commit, billed_prepare, latest_id, latest_commit, latest_prepare)
     SELECT namespace, id, sequence, customer_id, subscription_id, period_from, period_to, issued_at, invoice,
        type, billed_commit, billed_prepare, id, billed_commit, billed_prepare
     FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::timestamptz[],
       $7::timestamptz[], $8::timestamptz[], $9::jsonb[], $10::text[], $11::numeric[], $12::numeric[])
       AS i(namespace, id, sequence, customer_id, subscription_id, period_from, period_to, issued_at, invoice,
            type, billed_commit, billed_prepare)
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
      issued.map((i) => i.invoice.type),
      billed.map((p) => p.commit.toString()),
      billed.map((p) => p.prepare.toString()),
    ],
  );
}

async function applyCorrection(recorded: RecordedCorrection, tx: ProjectionTransaction): Promise<void> {
  const c = recorded.data;
  const table = tx.table('billing_invoices');
  const billed = parsePosition(c.billedThrough);
  const inserted = await tx.query(
    `INSERT INTO ${table}
       (namespace, id, sequence, customer_id, subscription_id, period_from, period_to, issued_at, invoice,
        type, correction_of, billed_commit, billed_prepare)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      c.namespace,
      c.invoice.id,
      c.sequence,
      c.customerId,
      c.subscriptionId,
      c.invoice.period.from,
      c.invoice.period.to,
      c.issuedAt,
      JSON.stringify(c.invoice),
      c.invoice.type,
      c.invoice.correctionOf?.id ?? null,
      billed.commit.toString(),
      billed.prepare.toString(),
    ],
  );
  if (inserted.length === 0 || !c.invoice.correctionOf) return;
  const link = {
    id: c.invoice.id,
    number: c.invoice.number,
    type: c.invoice.type,
    total: c.invoice.totals.total,
  };
  await tx.query(
    `UPDATE ${table} SET corrections = corrections || jsonb_build_array($3::jsonb),
       latest_id = $4, latest_commit = $5, latest_prepare = $6
     WHERE namespace = $1 AND id = $2`,
    [
      c.namespace,
      c.invoice.correctionOf.id,
      JSON.stringify(link),
      c.invoice.id,
      billed.commit.toString(),
      billed.prepare.toString(),
    ],
  );
}
