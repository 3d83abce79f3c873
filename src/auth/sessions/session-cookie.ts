import { parseCookie, stringifySetCookie } from 'cookie';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../shared/errors';
import { ConsoleSession, isCsrfToken, SESSION_TTL_MS, SessionService } from './session.service';

export const SESSION_COOKIE = 'tally_session';
export const CSRF_HEADER = 'x-csrf-token';

type SessionRequest = FastifyRequest & { consoleSession?: { session: ConsoleSession; secret: string } };

/** The session cookie's secret, if the request carries one. */
export function sessionSecret(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  const value = parseCookie(header)[SESSION_COOKIE];
  return value && value.length <= 512 ? value : undefined;
}

/**
 * The session a request without a bearer token signs with, or undefined when it has no session
 * cookie. A cookie the browser sends by itself, so a write needs the session's CSRF token as well.
 */
export async function authenticateSession(
  request: SessionRequest,
  sessions: SessionService,
): Promise<ConsoleSession | undefined> {
  const secret = sessionSecret(request);
  if (secret === undefined) return undefined;
  const session = await sessions.verify(secret);
  if (!session) {
    throw new DomainError(
      'unauthorized',
      'AUTH.INVALID_SESSION',
      'The session has ended (signed out, expired or its token revoked): sign in again',
    );
  }
  if (
    !['GET', 'HEAD', 'OPTIONS'].includes(request.method) &&
    !isCsrfToken(secret, request.headers[CSRF_HEADER])
  ) {
    throw new DomainError(
      'forbidden',
      'AUTH.CSRF_TOKEN_MISMATCH',
      `A write needs the session's ${CSRF_HEADER} header`,
    );
  }
  request.consoleSession = { session, secret };
  return session;
}

/** The session the guard found for this request, with its secret. */
export function requestSession(
  request: FastifyRequest,
): { session: ConsoleSession; secret: string } | undefined {
  return (request as SessionRequest).consoleSession;
}

/**
 * The cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure
 * when the request came over HTTPS — to Tally, or to a proxy that says so; a client that claims HTTPS
 * falsely only keeps its own cookie from coming back over plain HTTP.
 */
export function sessionCookie(request: FastifyRequest, secret: string | undefined): string {
  const secure = request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value: secret ?? '',
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: secret === undefined ? 0 : SESSION_TTL_MS / 1000,
  });
}
