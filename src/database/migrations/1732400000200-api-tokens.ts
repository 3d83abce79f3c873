import { MigrationInterface, QueryRunner } from 'typeorm';

/** API tokens: only a SHA-256 digest of each secret is kept; the secret itself is shown once. */
export class ApiTokens1732400000200 implements MigrationInterface {
  name = 'ApiTokens1732400000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tally_api_tokens (
        id text PRIMARY KEY,
        namespace text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'ingest', 'read')),
        secret_digest bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text,
        revoked_at timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE tally_api_tokens`);
  }
}
