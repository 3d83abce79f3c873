import { Duration } from 'luxon';
import { resolve } from 'node:path';

/** Everything Tally reads from its environment, checked once at start. */
export interface TallyConfig {
  /** External PostgreSQL; when absent Tally starts an embedded server under `dataDir`. */
  readonly databaseUrl?: string;
  /** KurrentDB or EventStoreDB (`kurrentdb://…`, or `esdb://…`); when absent the event store is PostgreSQL. */
  readonly eventStoreUrl?: string;
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly adminToken?: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Run the projection runner inside the API process (`false` when workers run them). */
  readonly runProjections: boolean;
  readonly maxBodyBytes: number;
  readonly maxBatchEvents: number;
  /** How far in the future an event's `time` may be. */
  readonly futureEventToleranceMs: number;
  /** How long after a billing period ends late usage is still let into its invoice. */
  readonly collectionGraceMs: number;
  /**
   * How long changes to an issued period (late usage, voids) are gathered, from the first one, before
   * one correction bills them all.
   */
  readonly correctionGraceMs: number;
  /** How often the invoice issuer sweeps: issues closed periods, then corrects issued ones. */
  readonly invoiceSweepMs: number;
  /** How far back a subscription may start (ISO-8601 duration): customers moved in from another biller. */
  readonly subscriptionBackdateLimit: string;
  /** Requests per second per token; 0 turns the limit off. */
  readonly rateLimitPerToken: number;
  /** Requests per second per client address without a valid token; 0 turns the limit off. */
  readonly rateLimitAnonPerIp: number;
  /** How long a query waits for projections to reach the log head it saw when it started. */
  readonly readYourWritesTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** Where `GET /metrics` is served (`METRICS_HOST`:`METRICS_PORT`); no metrics listener without a port. */
  readonly metricsPort?: number;
  readonly metricsHost: string;
  /** Namespaces with a metrics label of their own; the rest share `(other)`. */
  readonly metricsMaxNamespaces: number;
  /** `/readyz` fails once a projection's oldest unapplied event is older than this. */
  readonly readinessMaxLagSeconds: number;
  /** OTLP/HTTP endpoint traces go to (`OTEL_EXPORTER_OTLP_ENDPOINT`); no tracing without it. */
  readonly tracesEndpoint?: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TallyConfig {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, protocols: readonly string[]): string | undefined => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must be a ${protocols.join(' or ')} URL (got "${parsed.protocol}")`);
      }
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = text(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const isoDuration = (name: string, fallback: string): string => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const duration = Duration.fromISO(raw);
    if (duration.isValid && duration.toMillis() >= 0) return raw;
    problems.push(`${name} must be an ISO-8601 duration such as P1Y or P90D (got "${raw}")`);
    return fallback;
  };

  const logLevel = (text('LOG_LEVEL') ?? 'info') as TallyConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const adminToken = text('ADMIN_TOKEN');
  if (adminToken !== undefined && adminToken.length < 16)
    problems.push('ADMIN_TOKEN must be at least 16 characters');

  const collectionGraceMs = integer('COLLECTION_GRACE_SECONDS', 3600, 0, 90 * 24 * 3600) * 1000;
  const config: TallyConfig = {
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    eventStoreUrl: url('EVENTSTORE_URL', ['kurrentdb:', 'kurrentdb+discover:', 'esdb:', 'esdb+discover:']),
    dataDir: resolve(text('DATA_DIR') ?? './.data'),
    host: text('HOST') ?? '0.0.0.0',
    port: integer('PORT', 8888, 0, 65535),
    adminToken,
    logLevel,
    runProjections: bool('RUN_PROJECTIONS', true),
    maxBodyBytes: integer('MAX_BODY_BYTES', 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    maxBatchEvents: integer('MAX_BATCH_EVENTS', 10_000, 1, 100_000),
    futureEventToleranceMs: integer('FUTURE_EVENT_TOLERANCE_SECONDS', 24 * 3600, 0, 366 * 24 * 3600) * 1000,
    collectionGraceMs,
    correctionGraceMs:
      integer('CORRECTION_GRACE_SECONDS', collectionGraceMs / 1000, 0, 90 * 24 * 3600) * 1000,
    invoiceSweepMs: integer('INVOICE_SWEEP_SECONDS', 30, 1, 3600) * 1000,
    subscriptionBackdateLimit: isoDuration('SUBSCRIPTION_BACKDATE_LIMIT', 'P1Y'),
    rateLimitPerToken: integer('RATE_LIMIT_PER_TOKEN', 10_000, 0, 10_000_000),
    rateLimitAnonPerIp: integer('RATE_LIMIT_ANON_PER_IP', 100, 0, 10_000_000),
    readYourWritesTimeoutMs: integer('READ_YOUR_WRITES_TIMEOUT_MS', 5_000, 0, 60_000),
    requestTimeoutMs: integer('REQUEST_TIMEOUT_MS', 30_000, 1_000, 600_000),
    metricsPort: text('METRICS_PORT') === undefined ? undefined : integer('METRICS_PORT', 0, 0, 65535),
    metricsHost: text('METRICS_HOST') ?? '127.0.0.1',
    metricsMaxNamespaces: integer('METRICS_MAX_NAMESPACES', 100, 0, 100_000),
    readinessMaxLagSeconds: integer('READINESS_MAX_LAG_SECONDS', 60, 1, 7 * 24 * 3600),
    tracesEndpoint: url('OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
