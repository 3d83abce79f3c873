import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sendProblem } from '../shared/http/problem.filter';
import type { Logger } from 'pino';
import { DomainError } from '../shared/errors';

/**
 * Where the console's build is: set by `scripts/launch.js`, which builds the console (`console/`)
 * into a folder named by the digest of its sources, as it does the server (and by the tests' global
 * setup). Not a setting of the user's.
 */
export const CONSOLE_DIR_VARIABLE = 'TALLY_CONSOLE_DIR';

/**
 * The console's policy: scripts, styles, images and requests from this origin only — no inline
 * script or style, no framing, no plugins, no form posted elsewhere. A build with anything inline
 * would break here, not pass unnoticed.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONSOLE_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

/**
 * The console, served by Tally itself at `/console/`: `GET /` redirects there. Its assets carry their
 * content's hash in their names, so they are cached for a year and never revalidated; the page that
 * names them (`index.html`, answered for every console path the browser's router knows) is revalidated
 * on every load, so a new build is picked up at once. The build is read once, at start: a build
 * folder is never written again (launch.js makes a new one per version of the sources).
 */
export function serveConsole(
  fastify: FastifyInstance,
  logger: Logger,
  dir = process.env[CONSOLE_DIR_VARIABLE],
): void {
  fastify.get('/', (_request, reply) => {
    void reply.headers(SECURITY_HEADERS).redirect('/console/', 302);
  });
  fastify.get('/console', (_request, reply) => {
    void reply.headers(SECURITY_HEADERS).redirect('/console/', 301);
  });
  const index =
    dir && existsSync(join(dir, 'index.html')) ? readFileSync(join(dir, 'index.html')) : undefined;
  if (!dir || !index) {
    logger.warn({ context: 'console' }, 'the console is not built: npm start builds it');
  }
  const page = (reply: FastifyReply) => {
    if (!index) {
      const error = new DomainError(
        'unavailable',
        'CONSOLE.NOT_BUILT',
        'The console is not built: start Tally with npm start, which builds it',
      );
      return sendProblem(error, reply.request, reply, logger);
    }
    void reply
      .headers(SECURITY_HEADERS)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(index);
  };
  fastify.get('/console/', (_request, reply) => page(reply));
  fastify.get('/console/*', (request, reply) => {
    // An asset that is not in this build (an old page asking for last version's) is missing, not a page.
    if (request.url.startsWith('/console/assets/')) {
      return sendProblem(
        new DomainError('not_found', 'CONSOLE.NO_SUCH_ASSET', `No asset ${request.url}`),
        request,
        reply,
        logger,
      );
    }
    return page(reply);
  });
  if (!index) return;
  void fastify.register(fastifyStatic, {
    root: join(dir!, 'assets'),
    prefix: '/console/assets/',
    // One route per file of the build, made now: the folder never changes while Tally runs.
    wildcard: false,
    decorateReply: false,
    index: false,
    maxAge: '365d',
    immutable: true,
    setHeaders: (reply) => void reply.headers(SECURITY_HEADERS),
  });
}
