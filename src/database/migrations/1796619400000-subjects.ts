import { MigrationInterface, QueryRunner } from 'typeorm';

/** Subjects (OpenMeter's `/api/v1/subjects`), the customers context's `subjects@v1`; deleted ones kept. */
export class Subjects1796619400000 implements MigrationInterface {
  name = 'Subjects1796619400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE subjects (
        namespace text NOT NULL,
        id text NOT NULL,
        key text NOT NULL,
        display_name text,
        metadata jsonb,
        current_period_start timestamptz,
        current_period_end timestamptz,
        stripe_customer_id text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz,
        stream_version integer NOT NULL,
        PRIMARY KEY (namespace, id)
      )`);
    await db.query(`CREATE INDEX subjects_live_key ON subjects (namespace, key) WHERE deleted_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE subjects`);
  }
}
