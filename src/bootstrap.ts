import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, LogController } from 'fastify';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DestinationStream, Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { TokenService } from './auth/tokens/token.service';
import type { TallyConfig } from './config/config';
import { serveConsole } from './console/serve-console';
import { ProjectionsService } from './projections/projections.service';
import { createDataSource, migrate, poolOf } from './database/data-source';
import { localeWarnings, readDatabaseLocale } from './database/database-locale';
import { createEventStore } from './event-store/create-event-store';
import type { EventStore } from './event-store/event-store.port';
import { Clock, systemClock } from './shared/clock';
import { invalid } from './shared/errors';
import { sendProblem } from './shared/http/problem.filter';
import { answerWithin } from './shared/http/answer-within';
import { apiDocument } from './shared/http/openapi';
import { answerClientError } from './shared/http/client-errors';
import { BodyFields, DEFAULT_BODY_FIELDS, inexactNumbers } from './shared/http/exact-numbers';
import { MAX_JSON_DEPTH, scanJsonText } from './shared/http/json-depth';
import { StorableTextPipe } from './shared/http/storable-text';
import { createValidationPipe } from './shared/http/validation';
import { createLogger, NestPinoLogger } from './shared/logger';
import { Metrics } from './telemetry/metrics';
import { serveMetrics } from './telemetry/metrics-server';
import { observeRequests } from './telemetry/observe-requests';

export interface StartOptions {
  readonly clock?: Clock;
  /**
   * `api` serves HTTP (and runs projections unless configured not to); `worker` only runs
   * projections; `tool` starts neither, for command-line tools that drive projections themselves.
   */
  readonly mode?: 'api' | 'worker' | 'tool';
  readonly logDestination?: DestinationStream;
}

export interface Tally {
  readonly config: TallyConfig;
  /** The HTTP application (absent in worker mode). */
  readonly app?: NestFastifyApplication;
  readonly url?: string;
  /** `GET /metrics`, when `METRICS_PORT` is set (API and worker alike). */
  readonly metricsUrl?: string;
  readonly dataSource: DataSource;
  readonly eventStore: EventStore;
  readonly projections: ProjectionsService;
  readonly logger: Logger;
  /** A provider of the running application, e.g. a service a command-line tool drives. */
  resolve<T>(type: abstract new (...args: never[]) => T): T;
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Starts Tally: the database (embedded unless `DATABASE_URL`), migrations, the event store, Nest. */
export async function startTally(config: TallyConfig, options: StartOptions = {}): Promise<Tally> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const mode = options.mode ?? 'api';
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error) => logger.error({ err: error }, 'error while shutting down'));
    }
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      // Loaded only when needed: the embedded server's package is an ES module that the test
      // runner cannot load, and tests always bring their own database.
      const { startEmbeddedPostgres } = await import('./database/embedded-postgres.js');
      const embedded = await startEmbeddedPostgres({
        clusterDir: join(config.dataDir, 'pg'),
        persistent: true,
        log: (line: string) => logger.debug({ context: 'postgres' }, line),
      });
      cleanups.push(() => embedded.stop());
      databaseUrl = embedded.url;
      logger.info({ context: 'database' }, `embedded PostgreSQL running for ${join(config.dataDir, 'pg')}`);
    }
    const dataSource = createDataSource({ url: databaseUrl, applicationName: `tally-${mode}` });
    await dataSource.initialize();
    cleanups.push(() => dataSource.destroy());
    await migrate(dataSource);
    for (const warning of localeWarnings(await readDatabaseLocale(dataSource))) {
      logger.warn({ context: 'database' }, warning);
    }
    const eventStore = createEventStore({ eventStoreUrl: config.eventStoreUrl, pool: poolOf(dataSource) });
    cleanups.push(() => eventStore.close());
    const metrics = new Metrics({ maxNamespaces: config.metricsMaxNamespaces });
    const runtime = { config, dataSource, eventStore, clock: options.clock ?? systemClock, metrics };
    let metricsUrl: string | undefined;
    if (config.metricsPort !== undefined && mode !== 'tool') {
      const server = await serveMetrics(metrics, config.metricsHost, config.metricsPort);
      cleanups.push(() => server.close());
      metricsUrl = server.url;
      logger.info({ context: 'metrics' }, `metrics at ${metricsUrl}`);
    }

    if (mode !== 'api') {
      const context = await NestFactory.createApplicationContext(
        AppModule.forRoot({ ...runtime, config: { ...config, runProjections: mode === 'worker' } }),
        { logger: new NestPinoLogger(logger) },
      );
      cleanups.push(() => context.close());
      return {
        config,
        metricsUrl,
        dataSource,
        eventStore,
        projections: context.get(ProjectionsService),
        logger,
        resolve: (type) => context.get(type),
        close,
      };
    }

    const adapter = new FastifyAdapter({
      loggerInstance: logger,
      // Request lines at 10k requests/s would be most of the work; errors are logged where they occur.
      logController: new LogController({ disableRequestLogging: true }),
      // The router refuses a malformed URL (400) or an over-long path parameter (414) before Nest
      // sees the request; those answers are problems like any other, not Fastify's own JSON.
      frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
        sendProblem(error, request, reply, logger),
      // And so are Node's own refusals, of requests it cannot parse (oversized headers, 431).
      clientErrorHandler: answerClientError,
      bodyLimit: config.maxBodyBytes,
      requestTimeout: config.requestTimeoutMs,
      // Node looks for clients sending too slowly only every 30 s by default: a quarter of the
      // timeout keeps the cut-off (408) near the configured value.
      http: { connectionsCheckingInterval: Math.max(250, Math.min(30_000, config.requestTimeoutMs / 4)) },
      genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
        const given = request.headers['x-request-id'];
        // randomUUID draws from a pooled random buffer: ulid() made 16 native calls per request id.
        return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      },
    });
    const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(runtime), adapter, {
      logger: new NestPinoLogger(logger),
      // Body parsing is configured once, in configureHttp.
      bodyParser: false,
    });
    cleanups.push(() => app.close());
    observeRequests(app.getHttpAdapter().getInstance() as unknown as FastifyInstance, metrics, logger);
    configureHttp(app);
    serveConsole(app.getHttpAdapter().getInstance() as unknown as FastifyInstance, logger);
    answerWithin(
      app.getHttpAdapter().getInstance() as unknown as FastifyInstance,
      config.requestTimeoutMs,
      logger,
    );
    await app.init();
    await app.get(TokenService).ensureAdminToken();
    await app.get(TokenService).listenForRevocations();
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address();
    const url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : undefined;
    // The first line a new user reads: where to click, not only where the API is.
    logger.info(
      { context: 'http' },
      `Tally is listening on ${url}: the console at ${url}/console/, the API docs at ${url}/docs`,
    );
    return {
      config,
      app,
      url,
      metricsUrl,
      dataSource,
      eventStore,
      projections: app.get(ProjectionsService),
      logger,
      resolve: (type) => app.get(type),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function configureHttp(app: NestFastifyApplication): void {
  app.useGlobalPipes(new StorableTextPipe(), createValidationPipe());
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // CloudEvents arrive as JSON under their own media types; the same hardened parser (prototype
  // pollution refused) serves them. An empty body is no body — `curl -H 'Content-Type:
  // application/json' -X POST …/publish` — and routes that need one say so themselves.
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    ['application/json', 'application/cloudevents+json', 'application/cloudevents-batch+json'],
    { parseAs: 'string' },
    (request, body, done) => {
      const text = body as string;
      if (text === '') return done(null, undefined);
      const scan = scanJsonText(text, MAX_JSON_DEPTH);
      if (scan.tooDeep) {
        return done(
          invalid('HTTP.JSON_TOO_DEEP', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`),
          undefined,
        );
      }
      if (!scan.mayAlterNumbers) return json(request, text, done);
      // A number JSON.parse would not keep as sent is refused, never stored altered.
      void json(request, text, (error, parsed) => {
        if (error) return done(error, undefined);
        const config = request.routeOptions.config as { bodyFields?: BodyFields };
        const problems = inexactNumbers(text, config.bodyFields ?? DEFAULT_BODY_FIELDS);
        if (problems.length === 0) return done(null, parsed);
        done(
          invalid(
            'HTTP.INEXACT_NUMBER',
            'The body holds numbers a double cannot hold exactly; nothing was stored',
            problems,
          ),
          undefined,
        );
      });
    },
  );
  // A callback hook, not an async one: no promise per request.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });

  SwaggerModule.setup('docs', app, apiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
