import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every domain event with its envelope, indexed for the audit filters. Usage events are not in it. */
export class AuditLog1732400400000 implements MigrationInterface {
  name = 'AuditLog1732400400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_log (
        position_commit numeric(20) NOT NULL,
        position_prepare numeric(20) NOT NULL,
        namespace text NOT NULL,
        stream_id text NOT NULL,
        stream_version bigint NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        actor_id text,
        actor_name text,
        correlation_id text,
        causation_id text,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (position_commit, position_prepare)
      )`);
    await db.query(
      `CREATE INDEX audit_log_namespace_position ON audit_log (namespace, position_commit, position_prepare)`,
    );
    await db.query(`CREATE INDEX audit_log_stream ON audit_log (namespace, stream_id, stream_version)`);
    await db.query(`CREATE INDEX audit_log_entity ON audit_log (namespace, entity_type, entity_id)`);
    await db.query(`CREATE INDEX audit_log_correlation ON audit_log (namespace, correlation_id)`);
    await db.query(`CREATE INDEX audit_log_actor ON audit_log (namespace, actor_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
  }
}
