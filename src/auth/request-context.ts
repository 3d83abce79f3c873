import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { EventMetadata } from '../event-store/event-store.port';

export type Role = 'admin' | 'ingest' | 'read';

/** Who is asking, on whose behalf, and under which request: set by the auth guard. */
export interface RequestContext {
  readonly namespace: string;
  readonly tokenId: string;
  readonly tokenName: string;
  readonly role: Role;
  /** The request id; every event the request causes carries it as its correlation id. */
  readonly requestId: string;
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
