import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { problem, PROBLEM_CONTENT_TYPE } from './problem';

/** How long a refused connection is still read from, so that closing it does not reset it under its answer. */
const LINGER_MS = 5_000;

const answered = new WeakSet<Socket>();

/**
 * Node's answer to a request it cannot parse — headers over the size limit (431), a request not
 * received within `requestTimeout` (408), anything malformed (400) — as a problem like every other
 * answer (Fastify's own is plain JSON). The answer is written, the sending side closed, and the
 * connection read from (and the data dropped) until the client closes it or `LINGER_MS` pass: a
 * socket closed with unread data is reset, and a reset can destroy the answer before the client
 * has read it.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || answered.has(socket)) return;
  answered.add(socket);
  const [status, code, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HTTP.HEADERS_TOO_LARGE', 'The request headers exceed the size limit']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'HTTP.REQUEST_TIMEOUT', 'The request was not received in time']
        : [400, 'HTTP.BAD_REQUEST', 'The request is not valid HTTP'];
  // Never inside an answer already on its way (Node's own rule).
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const body = JSON.stringify(problem(status, code, detail));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  } else {
    socket.end();
  }
  const linger = setTimeout(() => socket.destroy(), LINGER_MS);
  linger.unref();
  socket.once('close', () => clearTimeout(linger));
  // Once the client is done too, and the answer is out.
  socket.once('end', () =>
    socket.writableFinished ? socket.destroy() : socket.once('finish', () => socket.destroy()),
  );
  socket.resume();
}
