import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reconciliation's intake counters, kept by the PostgreSQL event store in the statement that stores
 * usage (not a projection: a replay neither needs nor touches them). One row per namespace, event hour
 * (UTC) and shard; a namespace's count for an hour is the sum over its shards.
 */
export class ReconciliationIntake1732400700000 implements MigrationInterface {
  name = 'ReconciliationIntake1732400700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reconciliation_intake (
        namespace text NOT NULL,
        hour timestamptz NOT NULL,
        shard smallint NOT NULL,
        accepted bigint NOT NULL,
        stored bigint NOT NULL,
        PRIMARY KEY (namespace, hour, shard),
        CHECK (stored <= accepted)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE reconciliation_intake`);
  }
}
