import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { REQUEST_SCOPE, withinRequest } from '../shared/logger';
import type { Metrics } from './metrics';
import { nameHttpSpan } from './tracing';

/** The route label of a request no route matched (a 404): never its path, which the client chose. */
const UNMATCHED = '(unmatched)';

/** Who asked, as authentication recorded it on the request (absent on public routes and refusals). */
type Caller = { readonly tally?: { readonly tokenId: string; readonly namespace: string } };

/**
 * One log line and one latency observation per request, by route template, and the request's id on
 * every line logged while it is served. All callback hooks: no promise per request on the ingestion
 * path.
 */
export function observeRequests(fastify: FastifyInstance, metrics: Metrics, logger: Logger): void {
  // The request id comes from the request scope (see createLogger) rather than from a child logger
  // per request: no logger is made for a request that logs nothing, and no line names it twice.
  fastify.setChildLoggerFactory((root) => root);
  fastify.addHook('onRequest', (request, _reply, done) => {
    nameHttpSpan(request.method, request.routeOptions.url);
    if (REQUEST_SCOPE) withinRequest(request.id, done);
    else done();
  });
  // Node reads the body in the connection's own context, which the scope does not reach: the
  // handler is started inside it again.
  if (REQUEST_SCOPE)
    fastify.addHook('preHandler', (request, _reply, done) => withinRequest(request.id, done));
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? UNMATCHED;
    metrics.httpRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    if (logger.isLevelEnabled('info'))
      logRequest(logger, request, route, reply.statusCode, reply.elapsedTime);
    done();
  });
}

function logRequest(
  logger: Logger,
  request: FastifyRequest,
  route: string,
  status: number,
  durationMs: number,
): void {
  const caller = (request as Caller).tally;
  logger.info(
    {
      reqId: request.id,
      method: request.method,
      route,
      status,
      durationMs: Math.round(durationMs * 1000) / 1000,
      ...(caller ? { tokenId: caller.tokenId, namespace: caller.namespace } : {}),
    },
    'request',
  );
}
