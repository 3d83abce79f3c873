import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The entitlements context's copy of a subscription follows its edits (their timeline): the stream
 * version of the last edit applied, so an older edit delivered again never brings an older timeline back.
 */
export class EntitlementSubscriptionEdits1796663216825 implements MigrationInterface {
  name = 'EntitlementSubscriptionEdits1796663216825';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE entitlement_subscriptions ADD COLUMN edited_version integer NOT NULL DEFAULT 0`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE entitlement_subscriptions DROP COLUMN edited_version`);
  }
}
