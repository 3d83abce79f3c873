import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Voided usage (`usage@v3`): each void, with its reason, actor, time and log position, so that every
 * usage read leaves the voided event out and lineage can say what a document billed as of a log
 * position. And per namespace and event hour, the log position of the latest change to that hour's
 * usage (an event stored, or voided): the invoice issuer finds late changes to issued periods there
 * without reading the usage itself.
 */
export class UsageVoids1796619197103 implements MigrationInterface {
  name = 'UsageVoids1796619197103';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE usage_voids (
        namespace text NOT NULL,
        source text NOT NULL,
        id text NOT NULL,
        reason text NOT NULL,
        actor_id text NOT NULL,
        actor_name text NOT NULL,
        voided_at timestamptz NOT NULL,
        position_commit numeric(20) NOT NULL,
        position_prepare numeric(20) NOT NULL,
        PRIMARY KEY (namespace, source, id)
      )`);
    await db.query(`
      CREATE TABLE usage_hours (
        namespace text NOT NULL,
        hour timestamptz NOT NULL,
        last_commit numeric(20) NOT NULL,
        last_prepare numeric(20) NOT NULL,
        PRIMARY KEY (namespace, hour)
      )`);
    await db.query(`CREATE INDEX usage_hours_by_position ON usage_hours (last_commit, last_prepare)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE usage_hours, usage_voids`);
  }
}
