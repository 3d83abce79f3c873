import { MigrationInterface, QueryRunner } from 'typeorm';

/** Customers' one-off charges (`pending_lines@v1`): pending until an invoice bills them. */
export class PendingLines1796653900000 implements MigrationInterface {
  name = 'PendingLines1796653900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE billing_pending_lines (
        namespace text NOT NULL,
        id text NOT NULL,
        customer_id text NOT NULL,
        currency text NOT NULL,
        invoice_at timestamptz NOT NULL,
        line jsonb NOT NULL,
        billed_by text,
        ledger_version bigint NOT NULL,
        PRIMARY KEY (namespace, id)
      )`);
    await db.query(
      `CREATE INDEX billing_pending_lines_customer ON billing_pending_lines (namespace, customer_id, invoice_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE billing_pending_lines`);
  }
}
