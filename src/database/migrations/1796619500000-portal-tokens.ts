import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Portal tokens (OpenMeter's consumer portal): a token of their own kind, role `portal`, kept beside the
 * API tokens — digest only, revoked through the same notification — with the one subject and the meters
 * they may read, and when they expire.
 */
export class PortalTokens1796619500000 implements MigrationInterface {
  name = 'PortalTokens1796619500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tally_api_tokens DROP CONSTRAINT tally_api_tokens_role_check`);
    await db.query(
      `ALTER TABLE tally_api_tokens ADD CONSTRAINT tally_api_tokens_role_check
       CHECK (role IN ('system', 'admin', 'ingest', 'read', 'portal'))`,
    );
    await db.query(
      `ALTER TABLE tally_api_tokens ADD COLUMN subject text, ADD COLUMN allowed_meter_slugs text[],
         ADD COLUMN expires_at timestamptz,
         ADD CONSTRAINT tally_api_tokens_portal_subject CHECK ((role = 'portal') = (subject IS NOT NULL))`,
    );
    await db.query(
      `CREATE INDEX tally_api_tokens_portal ON tally_api_tokens (namespace, subject) WHERE role = 'portal'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM tally_api_tokens WHERE role = 'portal'`);
    await db.query(
      `ALTER TABLE tally_api_tokens DROP CONSTRAINT tally_api_tokens_portal_subject, DROP COLUMN subject,
         DROP COLUMN allowed_meter_slugs, DROP COLUMN expires_at`,
    );
    await db.query(`ALTER TABLE tally_api_tokens DROP CONSTRAINT tally_api_tokens_role_check`);
    await db.query(
      `ALTER TABLE tally_api_tokens ADD CONSTRAINT tally_api_tokens_role_check
       CHECK (role IN ('system', 'admin', 'ingest', 'read'))`,
    );
  }
}
