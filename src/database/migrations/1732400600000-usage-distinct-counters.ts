import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exact distinct counters for UNIQUE_COUNT meters (`usage@v2`): per meter, per scope (the whole meter,
 * or one customer), per UTC unit (hour, day, month, or all time), the set of values seen and a counter
 * row kept in step with it — how many values the set holds and the first and last event time counted
 * in it — so that a query whose range holds all of a unit's usage reads one row instead of scanning.
 */
export class UsageDistinctCounters1732400600000 implements MigrationInterface {
  name = 'UsageDistinctCounters1732400600000';

  async up(db: QueryRunner): Promise<void> {
    // scope: '' for the whole meter, else a customer id; unit_start of 'all' is the epoch.
    await db.query(`
      CREATE TABLE usage_distinct_sets (
        meter_id text NOT NULL,
        scope text NOT NULL,
        unit text NOT NULL,
        unit_start timestamptz NOT NULL,
        value text NOT NULL,
        PRIMARY KEY (meter_id, scope, unit, unit_start, value)
      )`);
    await db.query(`
      CREATE TABLE usage_distinct_counts (
        meter_id text NOT NULL,
        scope text NOT NULL,
        unit text NOT NULL,
        unit_start timestamptz NOT NULL,
        values_seen bigint NOT NULL,
        first_time timestamptz NOT NULL,
        last_time timestamptz NOT NULL,
        PRIMARY KEY (meter_id, scope, unit, unit_start)
      )`);
    // The usage projection's own copy of which customer each subject key belongs to, so the counters
    // follow the log order it applies (customers@v1 keeps the shared one).
    await db.query(`
      CREATE TABLE usage_customer_subjects (
        namespace text NOT NULL,
        subject_key text NOT NULL,
        customer_id text NOT NULL,
        PRIMARY KEY (namespace, subject_key)
      )`);
    await db.query(
      `CREATE INDEX usage_customer_subjects_customer ON usage_customer_subjects (namespace, customer_id)`,
    );
    await db.query(`
      CREATE TABLE usage_customer_versions (
        namespace text NOT NULL,
        customer_id text NOT NULL,
        stream_version integer NOT NULL,
        PRIMARY KEY (namespace, customer_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP TABLE usage_customer_versions, usage_customer_subjects, usage_distinct_counts, usage_distinct_sets`,
    );
  }
}
