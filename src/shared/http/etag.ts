import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { StreamVersion } from '../../event-store/event-store.port';
import { DomainError, invalid, notFound } from '../errors';

/** A read-model row as one aggregate version: the answer's body and its stream version (its ETag). */
export interface Versioned<View> {
  readonly view: View;
  readonly version: StreamVersion;
}

/** The strong ETag of an aggregate version: `"3"`. */
export function etagOf(version: StreamVersion): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header names: `"3"` (or `W/"3"`, since proxies weaken tags they
 * compress). `*` and an absent header mean "whatever is there now". A tag Tally never sent can never
 * match, so it answers 412 straight away rather than being mistaken for a version.
 */
export function ifMatchVersion(header: string | undefined): StreamVersion | undefined {
  const value = header?.trim();
  if (value === undefined || value === '' || value === '*') return undefined;
  if (value.includes(',')) {
    throw invalid(
      'REQUEST.INVALID_IF_MATCH',
      'If-Match takes one entity tag, the ETag of the version you last read',
      [{ field: 'If-Match', message: 'must be one entity tag such as "3"' }],
    );
  }
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(value);
  if (!match) {
    throw new DomainError(
      'precondition_failed',
      'CONCURRENCY.STALE_VERSION',
      `If-Match ${value} names no version of this resource`,
    );
  }
  return Number(match[1]);
}

/**
 * Refuses a stale `If-Match` as `decideAndAppend` does, for handlers that must check it before they
 * write anything of their own (key claims) ahead of the aggregate's append.
 */
export function assertIfMatch(
  ifMatch: StreamVersion | undefined,
  version: StreamVersion,
  what: string,
): void {
  if (ifMatch !== undefined && ifMatch !== version) {
    throw new DomainError(
      'precondition_failed',
      'CONCURRENCY.STALE_VERSION',
      `If-Match names version ${ifMatch} of ${what}, but it is at ${version}`,
    );
  }
}

/** Sets the ETag and gives the body; a missing row is the resource's 404. */
export function answer<View>(
  reply: FastifyReply,
  found: Versioned<View> | undefined,
  notFoundCode: string,
  what: string,
): View {
  if (found === undefined) throw notFound(notFoundCode, `${what} not found`);
  reply.header('etag', etagOf(found.version));
  return found.view;
}

/** Documents the optional `If-Match` header of a route that changes `what` (a plan, a meter…). */
export function ApiIfMatch(what: string): MethodDecorator {
  return ApiHeader({
    name: 'If-Match',
    required: false,
    description: `The ETag last read; 412 when the ${what} changed since`,
  });
}
