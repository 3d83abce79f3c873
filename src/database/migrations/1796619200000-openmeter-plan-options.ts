import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Options of OpenMeter's spec that plans@v2 and subscriptions@v2 keep: `alignment` (acted on when a
 * plan is written and subscribed to), `settlementMode` and `costBasisMode` (shown back), a
 * subscription's `startingPhase`. NULL where a plan or subscription was written without them.
 */
export class OpenMeterPlanOptions1796619200000 implements MigrationInterface {
  name = 'OpenMeterPlanOptions1796619200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE plans ADD COLUMN alignment jsonb, ADD COLUMN settlement_mode text`);
    await db.query(
      `ALTER TABLE subscriptions ADD COLUMN alignment jsonb, ADD COLUMN settlement_mode text,
         ADD COLUMN cost_basis_mode text, ADD COLUMN starting_phase text`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE plans DROP COLUMN alignment, DROP COLUMN settlement_mode`);
    await db.query(
      `ALTER TABLE subscriptions DROP COLUMN alignment, DROP COLUMN settlement_mode, DROP COLUMN cost_basis_mode,
         DROP COLUMN starting_phase`,
    );
  }
}
