import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ulid } from 'ulid';
import { TALLY_CONFIG } from '../../config/config.module';
import type { TallyConfig } from '../../config/config';
import { poolOf } from '../../database/data-source';
import { NotificationListener } from '../../database/notifications';
import { CLOCK, Clock } from '../../shared/clock';
import { DomainError, notFound } from '../../shared/errors';
import type { PortalScope, Role } from '../request-context';

export interface ApiToken {
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly createdBy?: string;
  readonly revokedAt?: string;
  /** A portal token's scope and end. */
  readonly portal?: PortalScope & { readonly expiresAt: string };
}

interface TokenRow {
  id: string;
  namespace: string;
  name: string;
  role: Role;
  secret_digest: Buffer;
  created_at: Date;
  created_by: string | null;
  revoked_at: Date | null;
  subject: string | null;
  allowed_meter_slugs: string[] | null;
  expires_at: Date | null;
}

const SECRET_PREFIX = 'tally_';
const PORTAL_SECRET_PREFIX = 'tally_portal_';
/** Who made the first admin token: Tally itself, not a token. */
const BOOTSTRAP = 'bootstrap';
/**
 * How long a verified token is remembered, so ingestion does not pay a query per request: the bound
 * on how long a revoked token may still be let through by another process that missed the news.
 * Counted from before the query, so no answer read before a revocation outlives it by more.
 */
export const TOKEN_CACHE_MS = 1_000;
/** Revocations are announced here, so every process drops what it remembers at once. */
const REVOKED_CHANNEL = 'tally_token_revoked';

@Injectable()
export class TokenService implements OnApplicationShutdown {
  private readonly logger = new Logger('auth');
  private readonly cache = new Map<string, { token: ApiToken | undefined; until: number }>();
  /** Moves on every revocation heard of: a lookup that started before one must not be remembered. */
  private generation = 0;
  private listener?: NotificationListener;

  constructor(
    private readonly db: DataSource,
    @Inject(TALLY_CONFIG) private readonly config: TallyConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(input: {
    namespace: string;
    name: string;
    role: Role;
    createdBy?: string;
  }): Promise<{ token: ApiToken; secret: string }> {
    const secret = SECRET_PREFIX + randomBytes(32).toString('base64url');
    const id = ulid();
    // A token made by a token only while that one is live, checked by the INSERT itself: a token
    // revoked a moment ago, still remembered by some process, cannot mint one that outlives it.
    const byToken = input.createdBy !== undefined && input.createdBy !== BOOTSTRAP;
    const inserted = await this.db.query<{ id: string }[]>(
      `INSERT INTO tally_api_tokens (id, namespace, name, role, secret_digest, created_by)
       SELECT $1, $2, $3, $4, $5, $6
       WHERE NOT $7 OR EXISTS (SELECT 1 FROM tally_api_tokens WHERE id = $6 AND revoked_at IS NULL)
       RETURNING id`,
      [id, input.namespace, input.name, input.role, digest(secret), input.createdBy ?? null, byToken],
    );
    if (inserted.length === 0) {
      throw new DomainError('unauthorized', 'AUTH.INVALID_TOKEN', 'The token is unknown or revoked');
    }
    return { token: (await this.get(input.namespace, id))!, secret };
  }

  /** The namespace's API tokens (portal tokens are listed by `listPortal`). */
  async list(namespace: string): Promise<ApiToken[]> {
    const rows = await this.db.query<TokenRow[]>(
      `SELECT * FROM tally_api_tokens WHERE namespace = $1 AND role <> 'portal' ORDER BY created_at, id`,
      [namespace],
    );
    return rows.map(toToken);
  }

  async get(namespace: string, id: string): Promise<ApiToken | undefined> {
    const rows = await this.db.query<TokenRow[]>(
      `SELECT * FROM tally_api_tokens WHERE namespace = $1 AND id = $2 AND role <> 'portal'`,
      [namespace, id],
    );
    return rows.length ? toToken(rows[0]) : undefined;
  }

  /**
   * Revokes the API token. Every listening process hears of it as this commits and forgets what it
   * remembered; one that misses the news stops trusting the token within `TOKEN_CACHE_MS` anyway.
   */
  async revoke(namespace: string, id: string): Promise<void> {
    const revoked = await this.revokeWhere(`namespace = $1 AND id = $2 AND role <> 'portal'`, [
      namespace,
      id,
    ]);
    if (revoked === 0) throw notFound('AUTH.TOKEN_NOT_FOUND', `no token ${id}`);
  }

  /**
   * A portal token: it reads `subject`'s usage of the allowed meters (all when none are listed)
   * until `expiresAt`, through the portal's routes only. Made by a live token, as an API token is.
   */
  async createPortal(input: {
    namespace: string;
    subject: string;
    allowedMeterSlugs?: readonly string[];
    expiresAt: string;
    createdBy: string;
  }): Promise<{ token: ApiToken; secret: string }> {
    const secret = PORTAL_SECRET_PREFIX + randomBytes(32).toString('base64url');
    const id = ulid();
    const inserted = await this.db.query<TokenRow[]>(
      `INSERT INTO tally_api_tokens (id, namespace, name, role, secret_digest, created_by, subject, allowed_meter_slugs,
         expires_at)
       SELECT $1, $2, $3, 'portal', $4, $5, $6, $7, $8
       WHERE EXISTS (SELECT 1 FROM tally_api_tokens WHERE id = $5 AND revoked_at IS NULL)
       RETURNING *`,
      [
        id,
        input.namespace,
        `portal: ${input.subject}`.slice(0, 256),
        digest(secret),
        input.createdBy,
        input.subject,
        input.allowedMeterSlugs ?? null,
        input.expiresAt,
      ],
    );
    if (inserted.length === 0) {
      throw new DomainError('unauthorized', 'AUTH.INVALID_TOKEN', 'The token is unknown or revoked');
    }
    return { token: toToken(inserted[0]), secret };
  }

  /** The namespace's portal tokens, newest first, revoked and expired ones too. */
  async listPortal(namespace: string, limit: number): Promise<ApiToken[]> {
    const rows = await this.db.query<TokenRow[]>(
      `SELECT * FROM tally_api_tokens WHERE namespace = $1 AND role = 'portal' ORDER BY created_at DESC, id DESC LIMIT $2`,
      [namespace, limit],
    );
    return rows.map(toToken);
  }

  /** Revokes one portal token by id, or every one of a subject; how many were live. */
  async invalidatePortal(namespace: string, match: { id?: string; subject?: string }): Promise<number> {
    return this.revokeWhere(
      `namespace = $1 AND role = 'portal' AND revoked_at IS NULL AND ($2::text IS NULL OR id = $2)
       AND ($3::text IS NULL OR subject = $3)`,
      [namespace, match.id ?? null, match.subject ?? null],
    );
  }

  /** Revokes the tokens `where` picks, announcing each; how many rows it touched. */
  private async revokeWhere(where: string, params: readonly unknown[]): Promise<number> {
    // The notification is sent when the UPDATE commits, never before: no process drops its cache
    // and then reads the token as still live.
    const rows = await this.db.query<{ id: string }[]>(
      `WITH revoked AS (
         UPDATE tally_api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE ${where} RETURNING id
       )
       SELECT id, pg_notify('${REVOKED_CHANNEL}', id) FROM revoked`,
      params,
    );
    if (rows.length > 0) this.forget();
    return rows.length;
  }

  /** The live token a secret belongs to, or undefined: a portal token past its end is not live. */
  async verify(secret: string): Promise<ApiToken | undefined> {
    const token = await this.lookup(secret);
    return token?.portal && Date.parse(token.portal.expiresAt) <= this.clock.now().getTime()
      ? undefined
      : token;
  }

  private async lookup(secret: string): Promise<ApiToken | undefined> {
    const key = digest(secret);
    const cacheKey = key.toString('base64');
    const started = Date.now();
    const cached = this.cache.get(cacheKey);
    if (cached && cached.until > started) return cached.token;
    const generation = this.generation;
    const rows = await this.db.query<TokenRow[]>(
      `SELECT * FROM tally_api_tokens WHERE secret_digest = $1 AND revoked_at IS NULL`,
      [key],
    );
    // The lookup is by digest; comparing the digests again in constant time costs nothing and
    // keeps the check independent of how the index compares.
    const row = rows.find(
      (r) => r.secret_digest.length === key.length && timingSafeEqual(r.secret_digest, key),
    );
    const token = row ? toToken(row) : undefined;
    if (this.cache.size > 10_000) this.cache.clear();
    if (generation === this.generation) this.cache.set(cacheKey, { token, until: started + TOKEN_CACHE_MS });
    return token;
  }

  /**
   * Hears of revocations made by any process, for as long as this one serves requests: called before
   * it takes any. While the listening connection is away (the database down, say), the cache's short
   * life is the bound.
   */
  async listenForRevocations(): Promise<void> {
    if (this.listener) return;
    this.listener = new NotificationListener(poolOf(this.db).options, REVOKED_CHANNEL, {
      notified: () => this.forget(),
      lost: () => this.forget(),
    });
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.stop();
  }

  private forget(): void {
    this.generation += 1;
    this.cache.clear();
  }

  /**
   * First start: `ADMIN_TOKEN` becomes the first admin token; without it, a random one is made, written
   * to `DATA_DIR/admin-token` (mode 0600) and logged once. The first admin token holds the `system`
   * role: its namespace's admin and the installation's operator.
   */
  async ensureAdminToken(namespace = 'default'): Promise<void> {
    if (this.config.adminToken) {
      await this.db.query(
        `INSERT INTO tally_api_tokens (id, namespace, name, role, secret_digest, created_by)
         VALUES ($1, $2, 'admin (ADMIN_TOKEN)', 'system', $3, '${BOOTSTRAP}')
         ON CONFLICT (secret_digest) DO UPDATE SET revoked_at = NULL, role = 'system'`,
        [ulid(), namespace, digest(this.config.adminToken)],
      );
      return;
    }
    const file = join(this.config.dataDir, 'admin-token');
    const existing = await this.db.query<{ id: string }[]>(
      `SELECT id FROM tally_api_tokens WHERE namespace = $1 AND role = 'system' AND revoked_at IS NULL LIMIT 1`,
      [namespace],
    );
    if (existing.length > 0) {
      if (existsSync(file)) this.logger.log(`admin token: see ${file}`);
      return;
    }
    const { secret } = await this.create({
      namespace,
      name: 'admin (generated)',
      role: 'system',
      createdBy: BOOTSTRAP,
    });
    mkdirSync(this.config.dataDir, { recursive: true });
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    // The file is the one place the secret is kept: logs are shipped and kept where anyone may read them.
    this.logger.warn(`generated the first admin token; its secret is in ${file}`);
  }
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

function toToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    namespace: row.namespace,
    name: row.name,
    role: row.role,
    createdAt: row.created_at.toISOString(),
    ...(row.created_by ? { createdBy: row.created_by } : {}),
    ...(row.revoked_at ? { revokedAt: row.revoked_at.toISOString() } : {}),
    ...(row.role === 'portal' &&
      row.subject !== null && {
        portal: {
          subject: row.subject,
          ...(row.allowed_meter_slugs !== null && { allowedMeterSlugs: row.allowed_meter_slugs }),
          expiresAt: (row.expires_at ?? row.created_at).toISOString(),
        },
      }),
  };
}
