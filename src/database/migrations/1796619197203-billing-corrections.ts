import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrections (`issued_invoices@v2`): issued documents are invoices or their corrections (`type`,
 * `correction_of`), each with the log position it billed through; an invoice also keeps its
 * corrections' links and where its period's latest document stands (id and position), which the
 * issuer compares late usage against.
 */
export class BillingCorrections1796619197203 implements MigrationInterface {
  name = 'BillingCorrections1796619197203';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE billing_invoices
        ADD COLUMN type text NOT NULL DEFAULT 'standard',
        ADD COLUMN correction_of text,
        ADD COLUMN billed_commit numeric(20),
        ADD COLUMN billed_prepare numeric(20),
        ADD COLUMN latest_id text,
        ADD COLUMN latest_commit numeric(20),
        ADD COLUMN latest_prepare numeric(20),
        ADD COLUMN corrections jsonb NOT NULL DEFAULT '[]'`);
    await db.query(
      `CREATE INDEX billing_invoices_correction_of ON billing_invoices (namespace, correction_of)
       WHERE correction_of IS NOT NULL`,
    );
    await db.query(`CREATE INDEX billing_invoices_period_to ON billing_invoices (namespace, period_to)`);
    await db.query(`DROP TABLE IF EXISTS billing_invoices__rebuild`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX billing_invoices_period_to`);
    await db.query(`DROP INDEX billing_invoices_correction_of`);
    await db.query(`
      ALTER TABLE billing_invoices
        DROP COLUMN type, DROP COLUMN correction_of, DROP COLUMN billed_commit, DROP COLUMN billed_prepare,
        DROP COLUMN latest_id, DROP COLUMN latest_commit, DROP COLUMN latest_prepare, DROP COLUMN corrections`);
  }
}
