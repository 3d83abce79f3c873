import type { ApiToken } from './tokens/token.service';

/** The secret of an `Authorization: Bearer <secret>` header, or undefined. */
export function bearerSecret(header: string | string[] | undefined): string | undefined {
  const match = typeof header === 'string' ? /^Bearer\s+(\S{1,512})\s*$/i.exec(header) : null;
  return match?.[1];
}

/** The rate limit's check of a request's bearer secret, which authentication then reuses. */
export interface VerifiedBearer {
  readonly secret: string;
  readonly token: ApiToken | undefined;
}
