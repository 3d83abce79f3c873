import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The log's primary key becomes its read order, (transaction id, position), which it already had as
 * a second index: every event written paid for two index entries where one serves. Positions stay
 * unique by their identity sequence.
 */
export class EventStoreLogOrderKey1732400800300 implements MigrationInterface {
  name = 'EventStoreLogOrderKey1732400800300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE UNIQUE INDEX tally_events_log_order ON tally_events (transaction_id, global_position)`,
    );
    await db.query(`ALTER TABLE tally_events DROP CONSTRAINT tally_events_pkey`);
    await db.query(
      `ALTER TABLE tally_events ADD CONSTRAINT tally_events_pkey PRIMARY KEY USING INDEX tally_events_log_order`,
    );
    await db.query(`DROP INDEX tally_events_global_order`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX tally_events_global_order ON tally_events (transaction_id, global_position)`,
    );
    await db.query(`ALTER TABLE tally_events DROP CONSTRAINT tally_events_pkey`);
    await db.query(`ALTER TABLE tally_events ADD PRIMARY KEY (global_position)`);
  }
}
