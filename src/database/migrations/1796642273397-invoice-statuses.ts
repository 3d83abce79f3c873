import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each invoice stands in its workflow (`invoice_statuses@v1`) once the ledger holds more than
 * its issue: a draft (its status, draft period and profile snapshot), issued from a draft, or voided
 * (why, and when its usage is billed again). Rows are never deleted, so a redelivered event finds
 * its row at a later ledger version (`ledger_version`) and changes nothing.
 */
export class InvoiceStatuses1796642273397 implements MigrationInterface {
  name = 'InvoiceStatuses1796642273397';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE billing_invoice_statuses (
        namespace text NOT NULL,
        id text NOT NULL,
        customer_id text NOT NULL,
        subscription_id text NOT NULL,
        period_from timestamptz NOT NULL,
        period_to timestamptz NOT NULL,
        extended_status text NOT NULL,
        draft_until timestamptz,
        drafted_at timestamptz,
        profile jsonb,
        voided_at timestamptz,
        void_reason text,
        rebill_id text,
        rebill_at timestamptz,
        ledger_version integer NOT NULL,
        PRIMARY KEY (namespace, id)
      )`);
    await db.query(
      `CREATE INDEX billing_invoice_statuses_rebill ON billing_invoice_statuses (namespace, rebill_at)
       WHERE rebill_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE billing_invoice_statuses`);
  }
}
