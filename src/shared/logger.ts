import type { LoggerService } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { DestinationStream, Logger } from 'pino';

/**
 * The id of the request being served, for every line logged while serving it — by Nest's loggers,
 * services and Fastify alike — without handing the request down to each of them.
 */
const requestScope = new AsyncLocalStorage<string>();

/**
 * Whether this Node carries AsyncLocalStorage on V8's context frames (Node 24; Node 22 with
 * `--experimental-async-context-frame`), nearly free. Elsewhere (Node 20, Node 22 by default) it
 * rides on promise hooks, which once enabled tax every promise the process makes, ingestion's
 * included: there the request scope stays off, and the lines the HTTP layer logs about a request
 * (its log line, its problems, its timeout) name it themselves.
 */
export const REQUEST_SCOPE = !('_propagate' in AsyncLocalStorage.prototype);

/** Runs `work` (and whatever it starts) as part of the request `id`: its log lines carry `reqId`. */
export function withinRequest<T>(id: string, work: () => T): T {
  return requestScope.run(id, work);
}

/**
 * One pino logger for Fastify and Nest alike; secrets in headers never reach the log. Times are ISO
 * 8601; on a terminal the lines are pretty and coloured (pino-pretty), elsewhere JSON, one a line.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'headers.authorization',
          '*.secret',
          'secret',
        ],
        censor: '[redacted]',
      },
      base: { service: 'tally' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const reqId = requestScope.getStore();
        return reqId === undefined ? {} : { reqId };
      },
    },
    destination ?? (process.stdout.isTTY ? prettyTerminal() : undefined),
  );
}

/** Loaded only for a terminal: a service's log (JSON) never pays for it. */
function prettyTerminal(): DestinationStream {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pretty = require('pino-pretty') as typeof import('pino-pretty');
  return pretty({ colorize: true, translateTime: 'SYS:standard', ignore: 'pid,hostname,service' });
}

/**
 * Nest's start-up chatter — a line per module, controller and route mapped — is for whoever debugs
 * the wiring, not for the service's log.
 */
const WIRING = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** A line with fields of its own (`{ msg, reqId }`), given to a Nest logger as its message. */
export interface LogLine {
  readonly msg: string;
  readonly [field: string]: unknown;
}

function line(message: unknown, fields: object): [object, string] {
  if (typeof message === 'object' && message !== null && typeof (message as LogLine).msg === 'string') {
    const { msg, ...more } = message as LogLine;
    return [{ ...fields, ...more }, msg];
  }
  return [fields, String(message)];
}

export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    if (context !== undefined && WIRING.has(context)) this.logger.debug(...line(message, { context }));
    else this.logger.info(...line(message, { context }));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error(...line(message, { context, trace }));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn(...line(message, { context }));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug(...line(message, { context }));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace(...line(message, { context }));
  }
}
