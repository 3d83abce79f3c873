import { MigrationInterface, QueryRunner } from 'typeorm';

/** A subscription's add-ons with their quantity changes (`subscriptions@v5`). */
export class SubscriptionAddons1796662742794 implements MigrationInterface {
  name = 'SubscriptionAddons1796662742794';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE subscriptions ADD COLUMN addons jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE subscriptions DROP COLUMN addons`);
  }
}
