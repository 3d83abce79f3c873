import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ulid } from 'ulid';
import { TALLY_CONFIG } from '../../config/config.module';
import type { TallyConfig } from '../../config/config';
import { notFound } from '../../shared/errors';
import type { Role } from '../request-context';

export interface ApiToken {
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly createdBy?: string;
  readonly revokedAt?: string;
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
}

const SECRET_PREFIX = 'tally_';
/** Verified tokens are remembered briefly so ingestion does not pay a query per request. */
const CACHE_MS = 5_000;

@Injectable()
export class TokenService {
  private readonly logger = new Logger('auth');
  private readonly cache = new Map<string, { token: ApiToken | undefined; until: number }>();

  constructor(
    private readonly db: DataSource,
    @Inject(TALLY_CONFIG) private readonly config: TallyConfig,
  ) {}

  async create(input: {
    namespace: string;
    name: string;
    role: Role;
    createdBy?: string;
  }): Promise<{ token: ApiToken; secret: string }> {
    const secret = SECRET_PREFIX + randomBytes(32).toString('base64url');
    const id = ulid();
    await this.db.query(
      `INSERT INTO tally_api_tokens (id, namespace, name, role, secret_digest, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, input.namespace, input.name, input.role, digest(secret), input.createdBy ?? null],
    );
    return { token: (await this.get(input.namespace, id))!, secret };
  }

  async list(namespace: string): Promise<ApiToken[]> {
    const rows = await this.db.query<TokenRow[]>(
      `SELECT * FROM tally_api_tokens WHERE namespace = $1 ORDER BY created_at, id`,
      [namespace],
    );
    return rows.map(toToken);
  }

  async get(namespace: string, id: string): Promise<ApiToken | undefined> {
    const rows = await this.db.query<TokenRow[]>(
      `SELECT * FROM tally_api_tokens WHERE namespace = $1 AND id = $2`,
      [namespace, id],
    );
    return rows.length ? toToken(rows[0]) : undefined;
  }

  async revoke(namespace: string, id: string): Promise<void> {
    // TypeORM answers an UPDATE with [rows, affected count], not the rows: reading its length as the
    // row count answered 204 for any id, another namespace's tokens included.
    const [rows] = await this.db.query<[{ id: string }[], number]>(
      `UPDATE tally_api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE namespace = $1 AND id = $2 RETURNING id`,
      [namespace, id],
    );
    if (rows.length === 0) throw notFound('AUTH.TOKEN_NOT_FOUND', `no token ${id}`);
    this.cache.clear();
  }

  /** The live token a secret belongs to, or undefined. */
  async verify(secret: string): Promise<ApiToken | undefined> {
    const key = digest(secret);
    const cacheKey = key.toString('base64');
    const cached = this.cache.get(cacheKey);
    if (cached && cached.until > Date.now()) return cached.token;
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
    this.cache.set(cacheKey, { token, until: Date.now() + CACHE_MS });
    return token;
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
         VALUES ($1, $2, 'admin (ADMIN_TOKEN)', 'system', $3, 'bootstrap')
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
      createdBy: 'bootstrap',
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
  };
}
