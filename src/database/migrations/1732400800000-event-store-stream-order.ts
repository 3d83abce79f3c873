import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The log order of aggregate-stream events alone (catalog, customers, subscriptions, invoices: every
 * event but usage). Most projections never read usage; without this index each of them walked every
 * usage event in the log to find none, and that walk was a third of the database's time in catch-up.
 */
export class EventStoreStreamOrder1732400800000 implements MigrationInterface {
  name = 'EventStoreStreamOrder1732400800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX tally_events_stream_order ON tally_events (transaction_id, global_position) WHERE stream_version IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX tally_events_stream_order`);
  }
}
