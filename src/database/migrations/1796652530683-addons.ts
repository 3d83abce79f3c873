import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The add-on catalog's read models: addons@v1, one row per add-on version, its rate cards kept whole
 * as their definitions (they are read with their version, never filtered on); plan_addons@v1.
 */
export class Addons1796652530683 implements MigrationInterface {
  name = 'Addons1796652530683';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE addons (
        namespace text NOT NULL,
        id text NOT NULL,
        key text NOT NULL,
        version integer NOT NULL,
        name text NOT NULL,
        description text,
        currency text NOT NULL,
        instance_type text NOT NULL,
        metadata jsonb NOT NULL,
        rate_cards jsonb NOT NULL,
        effective_from timestamptz,
        effective_to timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz,
        stream_version bigint NOT NULL,
        PRIMARY KEY (namespace, id)
      )`,
    );
    await db.query(`CREATE INDEX addons_key ON addons (namespace, key, version)`);
    // plan_addons@v1: a plan version's add-on assignments, a detached one kept (deleted_at).
    await db.query(
      `CREATE TABLE plan_addons (
        namespace text NOT NULL,
        plan_id text NOT NULL,
        addon_id text NOT NULL,
        from_plan_phase text NOT NULL,
        max_quantity integer,
        metadata jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz,
        stream_version bigint NOT NULL,
        PRIMARY KEY (namespace, plan_id, addon_id)
      )`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE plan_addons`);
    await db.query(`DROP TABLE addons`);
  }
}
