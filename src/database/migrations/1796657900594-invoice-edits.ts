import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drafts' edits (`updateInvoice`, in `invoice_statuses@v2`): one row per invoice, its header as
 * edited, `edit` null once the draft is deleted. Rows are never deleted (`ledger_version`, as beside).
 */
export class InvoiceEdits1796657900594 implements MigrationInterface {
  name = 'InvoiceEdits1796657900594';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE billing_invoice_edits (
        namespace text NOT NULL,
        id text NOT NULL,
        edit jsonb,
        ledger_version integer NOT NULL,
        PRIMARY KEY (namespace, id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE billing_invoice_edits`);
  }
}
