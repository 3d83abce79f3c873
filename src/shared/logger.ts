import type { LoggerService } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { DestinationStream, Logger } from 'pino';

/**
 * The id of the request being served, for every line logged while serving it — by Nest's loggers,
 * services and Fastify alike — without handing the request down to each of them.
 */
const requestScope = new AsyncLocalStorage<string>();

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

export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    if (context !== undefined && WIRING.has(context)) this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
