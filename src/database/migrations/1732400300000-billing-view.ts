import { MigrationInterface, QueryRunner } from 'typeorm';

/** What billing needs of customers, subscriptions and features, kept by billing's own projection. */
export class BillingView1732400300000 implements MigrationInterface {
  name = 'BillingView1732400300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE billing_customers (
        namespace text NOT NULL,
        id text NOT NULL,
        key text,
        name text NOT NULL,
        currency text,
        subject_keys text[] NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        PRIMARY KEY (namespace, id)
      )`);
    await db.query(`CREATE INDEX billing_customers_key ON billing_customers (namespace, key)`);
    await db.query(`
      CREATE TABLE billing_subscriptions (
        namespace text NOT NULL,
        id text NOT NULL,
        customer_id text NOT NULL,
        subscription jsonb NOT NULL,
        active_from timestamptz NOT NULL,
        active_to timestamptz,
        PRIMARY KEY (namespace, id)
      )`);
    await db.query(
      `CREATE INDEX billing_subscriptions_customer ON billing_subscriptions (namespace, customer_id, active_from)`,
    );
    await db.query(`
      CREATE TABLE billing_features (
        namespace text NOT NULL,
        id text NOT NULL,
        key text NOT NULL,
        meter_slug text,
        meter_group_by_filters jsonb NOT NULL DEFAULT '{}',
        archived boolean NOT NULL DEFAULT false,
        PRIMARY KEY (namespace, id)
      )`);
    await db.query(`CREATE INDEX billing_features_key ON billing_features (namespace, key)`);
    await db.query(`
      CREATE TABLE billing_invoices (
        namespace text NOT NULL,
        id text NOT NULL,
        sequence integer NOT NULL,
        customer_id text NOT NULL,
        subscription_id text NOT NULL,
        period_from timestamptz NOT NULL,
        period_to timestamptz NOT NULL,
        issued_at timestamptz NOT NULL,
        invoice jsonb NOT NULL,
        PRIMARY KEY (namespace, id),
        UNIQUE (namespace, sequence)
      )`);
    await db.query(
      `CREATE INDEX billing_invoices_customer ON billing_invoices (namespace, customer_id, period_from)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE billing_invoices`);
    await db.query(`DROP TABLE billing_features`);
    await db.query(`DROP TABLE billing_subscriptions`);
    await db.query(`DROP TABLE billing_customers`);
  }
}
