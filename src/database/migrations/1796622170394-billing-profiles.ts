import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Billing profiles and customer overrides (`billing_profiles@v1`). A deleted profile or override
 * keeps its row (`deleted_at`), so a redelivered older event finds a newer version there and
 * changes nothing.
 */
export class BillingProfiles1796622170394 implements MigrationInterface {
  name = 'BillingProfiles1796622170394';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE billing_profiles (
        namespace text NOT NULL,
        id text NOT NULL,
        name text NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        profile jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz,
        stream_version integer NOT NULL,
        PRIMARY KEY (namespace, id)
      )`);
    await db.query(`
      CREATE TABLE billing_customer_overrides (
        namespace text NOT NULL,
        customer_id text NOT NULL,
        override jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz,
        stream_version integer NOT NULL,
        PRIMARY KEY (namespace, customer_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE billing_customer_overrides`);
    await db.query(`DROP TABLE billing_profiles`);
  }
}
