import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../errors';
import { PROBLEM_CONTENT_TYPE, problemFrom } from './problem';

/** The one place errors become HTTP answers. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(error, request, reply, this.logger);
  }
}

export function sendProblem(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: {
    error(message: unknown, ...rest: unknown[]): void;
    warn(message: unknown, ...rest: unknown[]): void;
  },
): void {
  const body = problemFrom(error, request.url);
  if (body.status >= 500 && error instanceof DomainError) {
    // Tally's own "retry shortly" (a timeout, read models behind): load, not a fault, so no stack.
    logger.warn(
      `${request.method} ${request.url} answered ${body.status} ${body.code} (request ${request.id}): ${error.message}`,
    );
  } else if (body.status >= 500) {
    logger.error(
      `${request.method} ${request.url} failed (request ${request.id}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  if (reply.sent) return;
  if (body.status === 429 || body.status === 503) reply.header('retry-after', '1');
  // A Buffer, so Fastify leaves the content type exactly as given (no "; charset" appended).
  reply
    .status(body.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(Buffer.from(JSON.stringify(body)));
}
