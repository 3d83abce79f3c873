import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a subscription's invoices end (its periods' invoice-now cuts) is read per subscription at
 * every sweep and preview: one index lookup each, not a scan of every invoice.
 */
export class InvoiceCuts1796653609523 implements MigrationInterface {
  name = 'InvoiceCuts1796653609523';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX billing_invoices_subscription ON billing_invoices (namespace, subscription_id, period_to)`,
    );
    await db.query(
      `CREATE INDEX billing_invoice_statuses_subscription
         ON billing_invoice_statuses (namespace, subscription_id, period_to)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX billing_invoice_statuses_subscription`);
    await db.query(`DROP INDEX billing_invoices_subscription`);
  }
}
