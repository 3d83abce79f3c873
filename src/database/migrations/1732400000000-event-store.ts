import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL event store's log. Global order is (transaction_id, global_position): readers take
 * only rows whose transaction id is below the oldest transaction still running, so an event that
 * commits late with a lower sequence number can never be skipped.
 */
export class EventStore1732400000000 implements MigrationInterface {
  name = 'EventStore1732400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tally_events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        stream_version bigint,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        dedup_key text,
        CONSTRAINT stream_or_usage CHECK ((stream_version IS NULL) <> (dedup_key IS NULL))
      )`);
    // Aggregate streams: one writer wins each version (optimistic concurrency).
    await db.query(
      `CREATE UNIQUE INDEX tally_events_stream_version ON tally_events (stream_id, stream_version) WHERE stream_version IS NOT NULL`,
    );
    // Usage events: (namespace, source, id) claimed forever, in the same insert that stores the event.
    await db.query(
      `CREATE UNIQUE INDEX tally_events_dedup_key ON tally_events (dedup_key) WHERE dedup_key IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX tally_events_global_order ON tally_events (transaction_id, global_position)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE tally_events`);
  }
}
