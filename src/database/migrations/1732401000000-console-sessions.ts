import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's sign-in sessions. Like tokens, only a SHA-256 digest of each session secret is kept
 * (the secret lives in the browser's HttpOnly cookie); a session acts with its token's role and ends
 * when the token is revoked, when it is signed out, or when it expires.
 */
export class ConsoleSessions1732401000000 implements MigrationInterface {
  name = 'ConsoleSessions1732401000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tally_console_sessions (
        id text PRIMARY KEY,
        token_id text NOT NULL REFERENCES tally_api_tokens (id),
        secret_digest bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX tally_console_sessions_token ON tally_console_sessions (token_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE tally_console_sessions`);
  }
}
