import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalog's read models: meters (`meters@v1`), features (`features@v1`) and plans with their
 * phases and rate cards (`plans@v1`). `stream_version` is the aggregate's version, the ETag of a row.
 */
export class CatalogReadModels1732400100000 implements MigrationInterface {
  name = 'CatalogReadModels1732400100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE meters (
        namespace text NOT NULL,
        id text NOT NULL,
        slug text NOT NULL,
        name text NOT NULL,
        description text,
        event_type text NOT NULL,
        aggregation text NOT NULL,
        value_property text,
        group_by jsonb NOT NULL,
        event_from timestamptz,
        metadata jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz,
        stream_version integer NOT NULL,
        PRIMARY KEY (namespace, id)
      )`);
    await db.query(`CREATE INDEX meters_live_slug ON meters (namespace, slug) WHERE deleted_at IS NULL`);

    await db.query(`
      CREATE TABLE features (
        namespace text NOT NULL,
        id text NOT NULL,
        key text NOT NULL,
        name text NOT NULL,
        meter_slug text,
        meter_group_by_filters jsonb,
        metadata jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        archived_at timestamptz,
        stream_version integer NOT NULL,
        PRIMARY KEY (namespace, id)
      )`);
    await db.query(`CREATE INDEX features_live_key ON features (namespace, key) WHERE archived_at IS NULL`);
    await db.query(
      `CREATE INDEX features_live_meter ON features (namespace, meter_slug) WHERE archived_at IS NULL`,
    );

    await db.query(`
      CREATE TABLE plans (
        namespace text NOT NULL,
        id text NOT NULL,
        key text NOT NULL,
        version integer NOT NULL,
        name text NOT NULL,
        description text,
        currency text NOT NULL,
        billing_cadence text NOT NULL,
        pro_rating_config jsonb NOT NULL,
        metadata jsonb NOT NULL,
        effective_from timestamptz,
        effective_to timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz,
        stream_version integer NOT NULL,
        PRIMARY KEY (namespace, id)
      )`);
    await db.query(`CREATE INDEX plans_key_version ON plans (namespace, key, version)`);
    await db.query(`
      CREATE TABLE plan_phases (
        namespace text NOT NULL,
        plan_id text NOT NULL,
        phase_index integer NOT NULL,
        key text NOT NULL,
        name text NOT NULL,
        description text,
        metadata jsonb,
        duration text,
        PRIMARY KEY (namespace, plan_id, phase_index)
      )`);
    // Each rate card whole as its definition, with the fields lookups filter on beside it.
    await db.query(`
      CREATE TABLE plan_rate_cards (
        namespace text NOT NULL,
        plan_id text NOT NULL,
        phase_index integer NOT NULL,
        rate_card_index integer NOT NULL,
        key text NOT NULL,
        type text NOT NULL,
        feature_key text,
        entitlement_type text,
        definition jsonb NOT NULL,
        PRIMARY KEY (namespace, plan_id, phase_index, rate_card_index)
      )`);
    await db.query(`CREATE INDEX plan_rate_cards_feature ON plan_rate_cards (namespace, feature_key)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE plan_rate_cards, plan_phases, plans, features, meters`);
  }
}
