import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../errors';
import type { LogLine } from '../logger';
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
    logger.warn({
      msg: `${request.method} ${request.url} answered ${body.status} ${body.code} (request ${request.id}): ${error.message}`,
      reqId: request.id,
    } satisfies LogLine);
  } else if (body.status >= 500) {
    logger.error({
      msg: `${request.method} ${request.url} failed (request ${request.id}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      reqId: request.id,
    } satisfies LogLine);
  }
  if (reply.sent) return;
  if (body.status === 429 || body.status === 503) reply.header('retry-after', '1');
  if (body.status === 401) reply.header('www-authenticate', bearerChallenge(body.code));
  if (!request.raw.complete && body.status !== 408) keepReading(request, reply);
  // A Buffer, so Fastify leaves the content type exactly as given (no "; charset" appended).
  reply
    .status(body.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(Buffer.from(JSON.stringify(body)));
}

/**
 * Every 401 names the scheme to authenticate with (RFC 9110); a bearer token that was sent and
 * refused is an `invalid_token` (RFC 6750), a request that sent none gets the bare challenge.
 */
function bearerChallenge(code: string): string {
  return code === 'AUTH.INVALID_TOKEN'
    ? 'Bearer realm="tally", error="invalid_token"'
    : 'Bearer realm="tally"';
}

/**
 * An answer given before the request's body has arrived (a body over the limit is refused from its
 * Content-Length) must not close the connection under a client still sending: closing a socket with
 * unread data resets it, and the reset can destroy the answer before the client reads it (EPIPE or
 * ECONNRESET, which a client retries forever). So the rest of the body is read and dropped and the
 * connection stays usable; Node's `requestTimeout` bounds how long a client may take to send it.
 */
function keepReading(request: FastifyRequest, reply: FastifyReply): void {
  reply.removeHeader('connection');
  request.raw.resume();
}
