import { MigrationInterface, QueryRunner } from 'typeorm';

/** An edited subscription's phases and items as they now stand (`subscriptions@v4`). */
export class SubscriptionEdits1796652897241 implements MigrationInterface {
  name = 'SubscriptionEdits1796652897241';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE subscriptions ADD COLUMN timeline jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE subscriptions DROP COLUMN timeline`);
  }
}
