import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The usage projection's copy of each event as `json` (the text as written) rather than `jsonb`: it
 * is written once per event and read back whole, rarely by key, and jsonb's conversion on the way in
 * was a third of the cost of storing the row.
 */
export class UsageEventsJson1732400800200 implements MigrationInterface {
  name = 'UsageEventsJson1732400800200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE usage_events ALTER COLUMN event TYPE json USING event::json`);
    await db.query(`DROP TABLE IF EXISTS usage_events__rebuild`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE usage_events ALTER COLUMN event TYPE jsonb USING event::jsonb`);
  }
}
