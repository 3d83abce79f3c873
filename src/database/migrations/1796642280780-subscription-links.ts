import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A subscription's links to the one it replaced and the one that replaces it (change, migrate):
 * `subscriptions@v3`, and billing's `billing_view@v3`, which credits a successor for its predecessor.
 */
export class SubscriptionLinks1796642280780 implements MigrationInterface {
  name = 'SubscriptionLinks1796642280780';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE subscriptions ADD COLUMN previous_subscription_id text, ADD COLUMN next_subscription_id text`,
    );
    await db.query(`ALTER TABLE billing_subscriptions ADD COLUMN next_subscription_id text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE billing_subscriptions DROP COLUMN next_subscription_id`);
    await db.query(
      `ALTER TABLE subscriptions DROP COLUMN previous_subscription_id, DROP COLUMN next_subscription_id`,
    );
  }
}
