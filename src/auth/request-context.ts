import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { EventMetadata } from '../event-store/event-store.port';

/**
 * What a token may do. `read`, `ingest` and `admin` act within the token's namespace; `system` is its
 * namespace's admin and, besides, the installation's operator: the routes that act on every namespace
 * at once (the projections). The first admin token holds it, and only a system token grants it.
 * `portal` is a token of its own kind (OpenMeter's consumer portal): it reads one subject's usage of
 * some meters through the portal's routes, and may call nothing else.
 */
export type Role = 'system' | 'admin' | 'ingest' | 'read' | 'portal';

/** The roles of API tokens (`POST /api/v1/tokens`); portal tokens have routes of their own. */
export const ROLES: readonly Exclude<Role, 'portal'>[] = ['system', 'admin', 'ingest', 'read'];

/** What a portal token may read: one subject's usage, of these meters only when listed. */
export interface PortalScope {
  readonly subject: string;
  readonly allowedMeterSlugs?: readonly string[];
}

/** Who is asking, on whose behalf, and under which request: set by the auth guard. */
export interface RequestContext {
  readonly namespace: string;
  readonly tokenId: string;
  readonly tokenName: string;
  readonly role: Role;
  /** The request id; every event the request causes carries it as its correlation id. */
  readonly requestId: string;
  /** For a portal token: what it may read. */
  readonly portal?: PortalScope;
}

export type TallyRequest = FastifyRequest & { tally?: RequestContext };

export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<TallyRequest>();
  if (!request.tally) throw new Error('no request context: is the route public?');
  return request.tally;
});

export function eventMetadata(context: RequestContext, causationId?: string): EventMetadata {
  return {
    namespace: context.namespace,
    correlationId: context.requestId,
    ...(causationId ? { causationId } : { causationId: context.requestId }),
    actor: { id: context.tokenId, name: context.tokenName },
  };
}
