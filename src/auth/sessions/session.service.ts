import { Injectable } from '@nestjs/common';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ulid } from 'ulid';
import { DomainError } from '../../shared/errors';
import type { Role } from '../request-context';
import type { ApiToken } from '../tokens/token.service';

/** How long a console session lasts after sign-in: a working day, then the token is asked for again. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const SECRET_PREFIX = 'tally_session_';

export interface ConsoleSession {
  readonly id: string;
  readonly token: ApiToken;
  readonly expiresAt: string;
}

interface SessionRow {
  id: string;
  expires_at: Date;
  token_id: string;
  namespace: string;
  name: string;
  role: Role;
  created_at: Date;
  created_by: string | null;
}

/**
 * The console's sessions: a token pasted once becomes a random session secret held in an HttpOnly
 * cookie, so the token never sits in the browser. Stored as digests, like tokens. A session is
 * looked up on every request, never remembered: a console request is a person's click, one indexed
 * query is nothing beside it, and so a sign-out or a token's revocation takes effect on every process
 * the moment it commits, with no cache to drop and no listener to miss it.
 */
@Injectable()
export class SessionService {
  constructor(private readonly db: DataSource) {}

  /** A new session for a live token; its secret is returned here and kept nowhere else. */
  async create(token: ApiToken): Promise<{ session: ConsoleSession; secret: string }> {
    const secret = SECRET_PREFIX + randomBytes(32).toString('base64url');
    const id = ulid();
    // Only while the token is live, checked by the INSERT itself (as tokens mint tokens). The
    // database's clock both sets and checks the expiry.
    const inserted = await this.db.query<{ expires_at: Date }[]>(
      `INSERT INTO tally_console_sessions (id, token_id, secret_digest, expires_at)
       SELECT $1, $2, $3, now() + make_interval(secs => $4)
       WHERE EXISTS (SELECT 1 FROM tally_api_tokens WHERE id = $2 AND revoked_at IS NULL)
       RETURNING expires_at`,
      [id, token.id, digest(secret), SESSION_TTL_MS / 1000],
    );
    if (inserted.length === 0) {
      throw new DomainError('unauthorized', 'AUTH.INVALID_TOKEN', 'The token is unknown or revoked', [
        { field: 'token', message: 'The token is unknown or revoked' },
      ]);
    }
    return { session: { id, token, expiresAt: inserted[0].expires_at.toISOString() }, secret };
  }

  /** The live session a secret belongs to — not signed out, not expired, its token not revoked. */
  async verify(secret: string): Promise<ConsoleSession | undefined> {
    const key = digest(secret);
    const rows = await this.db.query<(SessionRow & { secret_digest: Buffer })[]>(
      `SELECT s.id, s.expires_at, s.secret_digest, t.id AS token_id, t.namespace, t.name, t.role,
              t.created_at, t.created_by
       FROM tally_console_sessions s JOIN tally_api_tokens t ON t.id = s.token_id
       WHERE s.secret_digest = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
         AND t.revoked_at IS NULL`,
      [key],
    );
    const row = rows.find(
      (r) => r.secret_digest.length === key.length && timingSafeEqual(r.secret_digest, key),
    );
    if (!row) return undefined;
    return {
      id: row.id,
      expiresAt: row.expires_at.toISOString(),
      token: {
        id: row.token_id,
        namespace: row.namespace,
        name: row.name,
        role: row.role,
        createdAt: row.created_at.toISOString(),
        ...(row.created_by ? { createdBy: row.created_by } : {}),
      },
    };
  }

  /** Ends the session on every process at once: each looks sessions up afresh. */
  async revoke(id: string): Promise<void> {
    await this.db.query(
      `UPDATE tally_console_sessions SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1`,
      [id],
    );
  }
}

/**
 * The session's CSRF token, derived from its secret (an HMAC): the console reads it from the sign-in
 * answer and sends it as `X-CSRF-Token` on every write. A page of another origin can make the browser
 * send the cookie, never read this, and nothing needs storing.
 */
export function csrfTokenOf(secret: string): string {
  return createHmac('sha256', secret).update('tally console csrf').digest('base64url');
}

export function isCsrfToken(secret: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(csrfTokenOf(secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
