import { RequestTimeoutException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors';
import type { LogLine } from '../logger';
import { sendProblem } from './problem.filter';

/**
 * Every request is answered within `ms` of its first byte: 408 (and the connection closed) when the
 * client is still sending its body, else 503 with Retry-After. Node's `requestTimeout` stops counting
 * once the headers are in, so a client trickling its body held a connection forever; and a handler
 * waiting on a lock or an unanswering database held its client forever too. (Fastify's
 * `handlerTimeout` is cancelled as soon as the request body has been read — Node emits the request's
 * `close` then — so it never fired for our routes.) The work itself is not interrupted: it may still
 * take effect, and the client's retry is then deduplicated (usage) or refused as a repeat (409/412).
 */
export function answerWithin(
  fastify: FastifyInstance,
  ms: number,
  logger: { error(message: unknown): void; warn(message: unknown): void },
): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const timer = setTimeout(() => {
      if (reply.sent) return;
      if (!request.raw.complete) {
        reply.header('connection', 'close');
        sendProblem(
          new RequestTimeoutException(`The request was not received within ${ms} ms`),
          request,
          reply,
          logger,
        );
        return;
      }
      const late = new DomainError(
        'unavailable',
        'HTTP.TIMEOUT',
        `No answer within ${ms} ms; the request may still take effect, so retry it`,
      );
      sendProblem(late, request, reply, logger);
      // The work goes on and may still succeed; its answer then has nowhere to go. Say so, instead
      // of Fastify's "Reply was already sent" warning (an error of status 500, as if a handler had
      // forgotten a return). A failure is logged by the problem filter as ever.
      const answeredAt = Date.now();
      reply.send = () => {
        logger.warn({
          msg: `${request.method} ${request.url} (request ${request.id}) succeeded ${Date.now() - answeredAt} ms after its timeout answer: it took effect`,
          reqId: request.id,
        } satisfies LogLine);
        return reply;
      };
    }, ms);
    reply.raw.once('close', () => clearTimeout(timer));
    done();
  });
}
