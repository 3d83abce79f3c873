import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The log keeps each event's data and metadata as `json`, the text as the writer encoded it, rather
 * than `jsonb`. The log is written once and read whole, never queried by key in production: jsonb's
 * conversion on the way in and back to text on every read was about a fifth of the database's work
 * per event ingested. What may be stored is still checked before the write (text PostgreSQL cannot
 * hold is refused at the edge, with a 400 naming the field).
 */
export class EventStoreJson1732400800400 implements MigrationInterface {
  name = 'EventStoreJson1732400800400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE tally_events ALTER COLUMN data TYPE json USING data::json, ALTER COLUMN metadata TYPE json USING metadata::json`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE tally_events ALTER COLUMN data TYPE jsonb USING data::jsonb, ALTER COLUMN metadata TYPE jsonb USING metadata::jsonb`,
    );
  }
}
