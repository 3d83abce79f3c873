import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drafted invoices (`invoice_drafts@v1`): a closed period's invoice the ledger holds as a draft, with
 * its status, draft period and profile snapshot. An issued draft keeps its row (`issued`), so a
 * redelivered `InvoiceDrafted` finds it there and changes nothing.
 */
export class InvoiceDrafts1796642273397 implements MigrationInterface {
  name = 'InvoiceDrafts1796642273397';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE billing_invoice_drafts (
        namespace text NOT NULL,
        id text NOT NULL,
        customer_id text NOT NULL,
        subscription_id text NOT NULL,
        period_from timestamptz NOT NULL,
        period_to timestamptz NOT NULL,
        extended_status text NOT NULL,
        draft_until timestamptz NOT NULL,
        drafted_at timestamptz NOT NULL,
        profile jsonb,
        issued boolean NOT NULL DEFAULT false,
        PRIMARY KEY (namespace, id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE billing_invoice_drafts`);
  }
}
