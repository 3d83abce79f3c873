import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `entitlements@v1`: entitlements (created through the API, or provided by a subscription), their
 * grants and manual resets, and the entitlements context's own copies of the features, customers
 * (with their subject keys) and subscriptions it reads.
 */
export class Entitlements1796619303163 implements MigrationInterface {
  name = 'Entitlements1796619303163';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE entitlements (
        namespace text NOT NULL,
        id text NOT NULL,
        customer_id text NOT NULL,
        feature_key text NOT NULL,
        feature_id text,
        subscription_id text,
        type text NOT NULL,
        entitlement jsonb NOT NULL,
        active_from timestamptz NOT NULL,
        active_to timestamptz,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (namespace, id)
      )`);
    await db.query(
      `CREATE INDEX entitlements_pair ON entitlements (namespace, customer_id, feature_key, active_from)`,
    );
    await db.query(`CREATE INDEX entitlements_subscription ON entitlements (namespace, subscription_id)`);
    await db.query(`CREATE INDEX entitlements_created ON entitlements (namespace, created_at, id)`);
    await db.query(`
      CREATE TABLE entitlement_grants (
        namespace text NOT NULL,
        id text NOT NULL,
        entitlement_id text NOT NULL,
        terms jsonb NOT NULL,
        voided_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (namespace, id)
      )`);
    await db.query(
      `CREATE INDEX entitlement_grants_entitlement ON entitlement_grants (namespace, entitlement_id)`,
    );
    await db.query(
      `CREATE INDEX entitlement_grants_created ON entitlement_grants (namespace, created_at, id)`,
    );
    await db.query(`
      CREATE TABLE entitlement_resets (
        namespace text NOT NULL,
        entitlement_id text NOT NULL,
        reset_at timestamptz NOT NULL,
        retain_anchor boolean NOT NULL,
        preserve_overage boolean NOT NULL,
        PRIMARY KEY (namespace, entitlement_id, reset_at)
      )`);
    await db.query(`
      CREATE TABLE entitlement_features (
        namespace text NOT NULL,
        id text NOT NULL,
        key text NOT NULL,
        meter_slug text,
        meter_group_by_filters jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        archived_at timestamptz,
        PRIMARY KEY (namespace, id)
      )`);
    await db.query(`CREATE INDEX entitlement_features_key ON entitlement_features (namespace, key)`);
    await db.query(`
      CREATE TABLE entitlement_customers (
        namespace text NOT NULL,
        id text NOT NULL,
        key text,
        subject_keys text[] NOT NULL,
        deleted_at timestamptz,
        stream_version integer NOT NULL,
        PRIMARY KEY (namespace, id)
      )`);
    await db.query(
      `CREATE INDEX entitlement_customers_key ON entitlement_customers (namespace, key) WHERE deleted_at IS NULL`,
    );
    await db.query(`
      CREATE TABLE entitlement_customer_subjects (
        namespace text NOT NULL,
        subject_key text NOT NULL,
        customer_id text NOT NULL,
        PRIMARY KEY (namespace, subject_key)
      )`);
    await db.query(
      `CREATE INDEX entitlement_customer_subjects_customer ON entitlement_customer_subjects (namespace, customer_id)`,
    );
    await db.query(`
      CREATE TABLE entitlement_subscriptions (
        namespace text NOT NULL,
        id text NOT NULL,
        customer_id text NOT NULL,
        subscription jsonb NOT NULL,
        active_to timestamptz,
        canceled_at timestamptz,
        PRIMARY KEY (namespace, id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP TABLE entitlement_subscriptions, entitlement_customer_subjects, entitlement_customers,
         entitlement_features, entitlement_resets, entitlement_grants, entitlements`,
    );
  }
}
