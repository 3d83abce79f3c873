import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Features' `advancedMeterGroupByFilters` (group-by name → OpenMeter's FilterString) and `unitCost`,
 * in the catalog's read model (features@v2) and billing's (billing_view@v2), which bills by them.
 * Rebuilt from the log, where an older feature's `meterGroupByFilters` are read as equalities.
 */
export class FeatureFilters1796619300000 implements MigrationInterface {
  name = 'FeatureFilters1796619300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE features ADD COLUMN advanced_meter_group_by_filters jsonb, ADD COLUMN unit_cost jsonb`,
    );
    await db.query(`ALTER TABLE billing_features ADD COLUMN group_by_filters jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE features DROP COLUMN advanced_meter_group_by_filters, DROP COLUMN unit_cost`);
    await db.query(`ALTER TABLE billing_features DROP COLUMN group_by_filters`);
  }
}
