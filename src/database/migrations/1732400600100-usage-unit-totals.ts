import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Running totals for the other aggregations (`usage@v2`): per meter, per scope (the whole meter, or
 * one customer), per UTC unit (hour, day, month, or all time) and per set of group values, what the
 * minute buckets hold, rolled up — plus the first and last event time counted, so a query whose range
 * holds all of a unit's usage reads these rows instead of every minute's.
 */
export class UsageUnitTotals1732400600100 implements MigrationInterface {
  name = 'UsageUnitTotals1732400600100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE usage_unit_totals (
        meter_id text NOT NULL,
        scope text NOT NULL,
        unit text NOT NULL,
        unit_start timestamptz NOT NULL,
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
        first_time timestamptz NOT NULL,
        last_time timestamptz NOT NULL,
        PRIMARY KEY (meter_id, scope, unit, unit_start, group_key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE usage_unit_totals`);
  }
}
