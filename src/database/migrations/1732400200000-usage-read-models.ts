import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The usage projection's read models (`usage@v1`): its own copy of the meters, every stored usage
 * event once, and per meter the minute buckets and exact distinct values that meter queries read.
 */
export class UsageReadModels1732400200000 implements MigrationInterface {
  name = 'UsageReadModels1732400200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE usage_meters (
        id text PRIMARY KEY,
        namespace text NOT NULL,
        slug text NOT NULL,
        event_type text NOT NULL,
        aggregation text NOT NULL,
        value_property text,
        group_by jsonb NOT NULL,
        event_from timestamptz,
        deleted_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX usage_meters_live ON usage_meters (namespace, event_type) WHERE deleted_at IS NULL`,
    );

    // The primary key is the usage identity (namespace, source, id): where the log does not
    // deduplicate (EventStoreDB), this constraint, in the projection's transaction, is what does.
    await db.query(`
      CREATE TABLE usage_events (
        namespace text NOT NULL,
        source text NOT NULL,
        id text NOT NULL,
        type text NOT NULL,
        subject text NOT NULL,
        time timestamptz NOT NULL,
        event jsonb NOT NULL,
        ingested_at timestamptz NOT NULL,
        stored_at timestamptz NOT NULL,
        position_commit numeric(20) NOT NULL,
        position_prepare numeric(20) NOT NULL,
        PRIMARY KEY (namespace, source, id)
      )`);
    await db.query(`CREATE INDEX usage_events_by_time ON usage_events (namespace, time)`);

    await db.query(`
      CREATE TABLE usage_buckets (
        meter_id text NOT NULL,
        subject text NOT NULL,
        minute timestamptz NOT NULL,
        group_key text NOT NULL,
        group_values jsonb NOT NULL,
        count bigint NOT NULL,
        sum numeric,
        min numeric,
        max numeric,
        latest_value numeric,
        latest_time timestamptz,
        latest_commit numeric(20),
        latest_prepare numeric(20),
        PRIMARY KEY (meter_id, subject, minute, group_key)
      )`);

    await db.query(`
      CREATE TABLE usage_distinct_values (
        meter_id text NOT NULL,
        subject text NOT NULL,
        minute timestamptz NOT NULL,
        group_key text NOT NULL,
        group_values jsonb NOT NULL,
        value text NOT NULL,
        PRIMARY KEY (meter_id, subject, minute, group_key, value)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE usage_distinct_values, usage_buckets, usage_events, usage_meters`);
  }
}
