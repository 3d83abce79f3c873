import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `system` role: the installation's operator. The first admin token — the one Tally made at
 * first start, or `ADMIN_TOKEN` — gets it, so an existing installation keeps its operator.
 */
export class SystemRole1732400930000 implements MigrationInterface {
  name = 'SystemRole1732400930000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tally_api_tokens DROP CONSTRAINT tally_api_tokens_role_check`);
    await db.query(
      `ALTER TABLE tally_api_tokens ADD CONSTRAINT tally_api_tokens_role_check
       CHECK (role IN ('system', 'admin', 'ingest', 'read'))`,
    );
    await db.query(
      `UPDATE tally_api_tokens SET role = 'system' WHERE created_by = 'bootstrap' AND role = 'admin'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE tally_api_tokens SET role = 'admin' WHERE role = 'system'`);
    await db.query(`ALTER TABLE tally_api_tokens DROP CONSTRAINT tally_api_tokens_role_check`);
    await db.query(
      `ALTER TABLE tally_api_tokens ADD CONSTRAINT tally_api_tokens_role_check
       CHECK (role IN ('admin', 'ingest', 'read'))`,
    );
  }
}
