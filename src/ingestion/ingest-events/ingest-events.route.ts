import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { ACCESS, Access } from '../../auth/access.decorator';
import { AuthenticatedRequest, AuthGuard } from '../../auth/auth.guard';
import { RateLimitGuard } from '../../auth/rate-limit.guard';
import { sendProblem } from '../../shared/http/problem.filter';
import { IngestEventsController, ingestEvents } from './ingest-events.controller';
import { IngestEventsHandler } from './ingest-events.handler';

/** The ingestion routes IngestEventsController declares, with the status each answers on success. */
const SERVED_DIRECTLY: ReadonlyMap<string, number> = new Map([
  ['/api/v1/events', 204],
  ['/v3/openmeter/events', 202],
]);

/**
 * Single-event ingestion runs at 10k requests/s, and Nest's per-request pipeline (execution context,
 * guard, pipe and exception-zone consumers, promise chains) cost several times the work of the
 * request itself. So the two routes IngestEventsController declares — and documents, and which the
 * router lists like any other — are answered by a plain Fastify handler, swapped in as Nest registers
 * them: the same rate limit and authentication instances, in the same order, the same handler, and
 * errors through the same `sendProblem`. Call before `app.init()`, which registers the routes.
 */
export function serveIngestionDirectly(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const rateLimit = app.get(RateLimitGuard);
  const auth = app.get(AuthGuard);
  const handler = app.get(IngestEventsHandler);
  const logger = new Logger('http');
  const access = Reflect.getMetadata(ACCESS, IngestEventsController) as Access;
  if (access === 'public') throw new Error('ingestion routes must need a token');

  const answer = async (
    request: AuthenticatedRequest,
    reply: FastifyReply,
    status: number,
  ): Promise<void> => {
    try {
      await rateLimit.check(request);
      await auth.authenticate(request, access);
      await handler.execute(ingestEvents(request));
      // As Nest answers an @HttpCode route whose method resolved to nothing.
      if (!reply.sent) reply.code(status).send(undefined);
    } catch (error) {
      sendProblem(error, request, reply, logger);
    }
  };

  fastify.addHook('onRoute', (route: RouteOptions) => {
    const status = SERVED_DIRECTLY.get(route.url);
    if (status === undefined || route.method !== 'POST') return;
    // Answered by callback, as Nest's own handler does: the reply is sent once the write committed.
    route.handler = function ingest(request: FastifyRequest, reply: FastifyReply): void {
      void answer(request as AuthenticatedRequest, reply, status);
    };
  });
}
