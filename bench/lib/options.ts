import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './processes';

/** One data set loaded into a fresh database and measured end to end. */
export interface Scenario {
  readonly events: number;
  readonly users: number;
  readonly subjects: number;
  /** The scenario the headline figures come from (the largest); the others show how cost grows. */
  readonly headline: boolean;
}

export interface BenchOptions {
  readonly mode: 'quick' | 'full';
  /** Samples behind each median: store runs, ingestion chunks, query rounds, single-ingestion runs. */
  readonly runs: number;
  readonly replays: number;
  readonly store: {
    readonly events: number;
    readonly batchSize: number;
    readonly writers: number;
    readonly copyStreams: number;
  };
  readonly ingest: { readonly batchSize: number; readonly clients: number };
  readonly single: { readonly connections: number; readonly seconds: number; readonly warmupSeconds: number };
  readonly queries: { readonly requests: number; readonly warmup: number };
  /**
   * The entitlement value figure's data set (one metered entitlement per customer) and the values
   * asked a round: many, since a value costs about what a plain read does and a p99 wants samples.
   */
  readonly entitlements: { readonly customers: number; readonly events: number; readonly requests: number };
  /**
   * Repeated measurements of the headline data set stop early (after at least one) once they have
   * taken this long; the other data sets get a quarter of it for queries and one replay.
   */
  readonly budgetSeconds: { readonly queries: number; readonly replays: number };
  readonly scenarios: readonly Scenario[];
  /** Only the entitlement value figure (`--only entitlements`): for A/B runs of that path. */
  readonly onlyEntitlements: boolean;
  readonly out: string;
  /** Where the Tally processes write CPU profiles, when asked to. */
  readonly cpuProfileDir?: string;
}

const USAGE = `usage: npm run bench [-- --quick] [--runs N] [--events N] [--users N] [--subjects N]
                 [--connections N] [--only entitlements] [--out FILE]

  --quick          the same measurements at reduced sizes (about two minutes)
  --runs N         samples behind each median (default 3)
  --events N       events in the headline data set (default 1,000,000; quick 15,000)
  --users N        distinct users in it (default 100,000; quick 1,500)
  --subjects N     distinct subjects in it (default 100; quick 10)
  --connections N  keep-alive connections sending single events (default 50), to see
                   the rate and latency at another concurrency
  --only entitlements
                   only the entitlement value figure (its own data set), for A/B runs
  --out FILE       where the JSON goes (default bench/results/latest.json)
  --cpu-prof       the Tally processes write CPU profiles into bench/results/profiles/
                   (open them in Chrome DevTools; profiling slows them, so figures drop)`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        quick: { type: 'boolean', default: false },
        runs: { type: 'string' },
        events: { type: 'string' },
        users: { type: 'string' },
        subjects: { type: 'string' },
        connections: { type: 'string' },
        only: { type: 'string' },
        out: { type: 'string' },
        'cpu-prof': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
  }
  if (parsed.help) throw new UsageError(USAGE);
  if (parsed.only !== undefined && parsed.only !== 'entitlements')
    throw new UsageError(`--only takes \`entitlements\`\n\n${USAGE}`);
  const quick = parsed.quick;
  const whole = (name: string, raw: string | undefined, fallback: number, min = 1): number => {
    if (raw === undefined) return fallback;
    const value = Number(raw.replace(/[_,]/g, ''));
    if (!Number.isInteger(value) || value < min)
      throw new UsageError(`--${name} must be a whole number ≥ ${min}\n\n${USAGE}`);
    return value;
  };
  const runs = whole('runs', parsed.runs, 3);
  const headline: Scenario = {
    events: whole('events', parsed.events, quick ? 15_000 : 1_000_000, runs),
    users: whole('users', parsed.users, quick ? 1_500 : 100_000),
    subjects: whole('subjects', parsed.subjects, quick ? 10 : 100),
    headline: true,
  };
  // Full runs also show how cost grows: with the data set (10k, 100k, 1M events, a user per ten
  // events) and with distinct users at a fixed 100k events (1k, 10k, 100k users).
  const growth: Scenario[] = quick
    ? []
    : [
        { events: 10_000, users: 1_000, subjects: 10, headline: false },
        { events: 100_000, users: 1_000, subjects: 50, headline: false },
        { events: 100_000, users: 10_000, subjects: 50, headline: false },
        { events: 100_000, users: 100_000, subjects: 50, headline: false },
      ];
  return {
    mode: quick ? 'quick' : 'full',
    runs,
    replays: quick ? 2 : 3,
    // The store figures write what one ingestion chunk of the headline data set holds.
    store: {
      events: Math.min(quick ? 10_000 : 200_000, Math.ceil(headline.events / runs)),
      batchSize: 1000,
      writers: 4,
      copyStreams: 2,
    },
    ingest: { batchSize: 1000, clients: 4 },
    single: {
      connections: whole('connections', parsed.connections, 50),
      seconds: quick ? 2 : 10,
      warmupSeconds: 1,
    },
    queries: { requests: quick ? 50 : 300, warmup: quick ? 5 : 20 },
    entitlements: {
      customers: quick ? 1_000 : 10_000,
      events: quick ? 10_000 : 100_000,
      requests: quick ? 300 : 1_000,
    },
    budgetSeconds: { queries: quick ? 6 : 120, replays: quick ? 10 : 400 },
    scenarios: [...growth, headline],
    onlyEntitlements: parsed.only === 'entitlements',
    out: parsed.out ?? join(ROOT, 'bench', 'results', 'latest.json'),
    cpuProfileDir: parsed['cpu-prof'] ? join(ROOT, 'bench', 'results', 'profiles') : undefined,
  };
}

export class UsageError extends Error {}
