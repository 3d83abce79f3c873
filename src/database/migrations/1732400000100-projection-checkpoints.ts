import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProjectionCheckpoints1732400000100 implements MigrationInterface {
  name = 'ProjectionCheckpoints1732400000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tally_projection_checkpoints (
        name text PRIMARY KEY,
        position_commit numeric(20) NOT NULL DEFAULT 0,
        position_prepare numeric(20) NOT NULL DEFAULT 0,
        state text NOT NULL DEFAULT 'running',
        last_error text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE tally_projection_checkpoints`);
  }
}
