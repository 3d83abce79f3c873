import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customers context's read models: customers and the subject → customer index (`customers@v1`),
 * subscriptions (`subscriptions@v1`). `customer_subjects` is shared: metering attributes usage by it.
 * A subscription's status and current period depend on the time of the question, so they are
 * computed when asked from `active_from`, `active_to`, `billing_anchor` and `billing_cadence`.
 */
export class CustomerReadModels1732400100100 implements MigrationInterface {
  name = 'CustomerReadModels1732400100100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE customers (
        namespace text NOT NULL,
        id text NOT NULL,
        key text,
        name text NOT NULL,
        description text,
        subject_keys text[] NOT NULL,
        currency text,
        primary_email text,
        billing_address jsonb,
        metadata jsonb,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz,
        stream_version integer NOT NULL,
        PRIMARY KEY (namespace, id)
      )`);
    await db.query(`CREATE INDEX customers_live_key ON customers (namespace, key) WHERE deleted_at IS NULL`);
    // A live customer's key and each of its subject keys → its id.
    await db.query(`
      CREATE TABLE customer_subjects (
        namespace text NOT NULL,
        subject_key text NOT NULL,
        customer_id text NOT NULL,
        PRIMARY KEY (namespace, subject_key)
      )`);
    await db.query(`CREATE INDEX customer_subjects_customer ON customer_subjects (namespace, customer_id)`);
    await db.query(`
      CREATE TABLE subscriptions (
        namespace text NOT NULL,
        id text NOT NULL,
        customer_id text NOT NULL,
        customer_key text,
        name text NOT NULL,
        description text,
        metadata jsonb,
        plan_id text NOT NULL,
        plan_key text NOT NULL,
        plan_version integer NOT NULL,
        plan jsonb NOT NULL,
        currency text NOT NULL,
        billing_cadence text NOT NULL,
        billing_anchor timestamptz NOT NULL,
        active_from timestamptz NOT NULL,
        active_to timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        canceled_at timestamptz,
        stream_version integer NOT NULL,
        PRIMARY KEY (namespace, id)
      )`);
    await db.query(
      `CREATE INDEX subscriptions_customer ON subscriptions (namespace, customer_id, active_from)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE subscriptions, customer_subjects, customers`);
  }
}
