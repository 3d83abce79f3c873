import { Api } from '../lib/api';
import { CpuAccount, CpuSummary } from '../lib/cpu';
import type { Server } from '../lib/database';
import { DataSet, eventsOf, subjectKey } from '../lib/events';
import type { BenchOptions } from '../lib/options';
import type { Figures } from '../lib/report';
import { inParallel, percentile, timed } from '../lib/stats';
import { RawHttpServer } from '../lib/raw-http';
import { newAdminToken, ProjectionWorker, TallyServer } from '../lib/tally';
import { batchIngest } from './ingest';

const METER = 'bench_entitlement_tokens';
const FEATURE = 'entitled_tokens';
/** Clients creating customers and entitlements at once. */
const SETUP_CLIENTS = 16;
/** What each customer's `issueAfterReset` grant and its one other grant give. */
const ISSUED = 1_000_000;
const GRANTED = 50_000;
const DAY_MS = 86_400_000;

export const ENTITLEMENT_FIGURES = [
  'entitlement_value_p50_ms',
  'entitlement_value_p99_ms',
  'entitlement_access_p50_ms',
  'entitlement_access_p99_ms',
  'entitlement_raw_http_p50_ms',
  'entitlement_raw_http_p99_ms',
  'entitlement_value_raw_http_ratio',
] as const;

/**
 * `entitlement_value_p99_ms`: one metered entitlement per customer (an `issueAfterReset` grant and
 * one more), usage spread over the 20 days of the usage period so far, and the value of a customer
 * chosen at random, asked by one client after another (`GET /api/v2/customers/{c}/entitlements/
 * {feature}/value`); then, the same way, the customer's access to every feature (`GET /api/v1/
 * customers/{c}/access`), and a bare Fastify GET in a process of its own (the raw limit of a request
 * from this client on this machine, in the same round). A fresh database of its own; the answers
 * are checked against the events.
 */
export interface EntitlementResult {
  /** Errors and wrong answers. */
  readonly problems: readonly string[];
  readonly cpu?: CpuSummary;
  readonly accessCpu?: CpuSummary;
}

export async function measureEntitlementValues(
  server: Server,
  options: BenchOptions,
  figures: Figures,
  log: (line: string) => void,
): Promise<EntitlementResult> {
  const { customers, events } = options.entitlements;
  const database = 'bench_entitlements';
  const url = await server.createDatabase(database);
  const adminToken = newAdminToken();
  const [tally, worker] = await Promise.allSettled([
    TallyServer.start(url, adminToken),
    ProjectionWorker.start(url, adminToken),
  ]);
  try {
    if (tally.status === 'rejected') throw tally.reason;
    if (worker.status === 'rejected') throw worker.reason;
    const sources = { api: tally.value.pid, worker: worker.value.pid, postgres: server.postmasterPid };
    const accounts = { value: new CpuAccount(sources), access: new CpuAccount(sources) };
    const problems = await measure(tally.value, worker.value, options, figures, log, accounts);
    return { problems, cpu: accounts.value.summary(1), accessCpu: accounts.access.summary(1) };
  } finally {
    if (worker.status === 'fulfilled') await worker.value.stop();
    if (tally.status === 'fulfilled') await tally.value.stop();
    await server.dropDatabase(database);
    log(`  entitlements: ${customers} customers, ${events} events measured`);
  }
}

async function measure(
  tally: TallyServer,
  worker: ProjectionWorker,
  options: BenchOptions,
  figures: Figures,
  log: (line: string) => void,
  accounts: { readonly value: CpuAccount; readonly access: CpuAccount },
): Promise<string[]> {
  const { customers, events: eventCount } = options.entitlements;
  const api = tally.api;
  const now = Date.now();
  // A month-long usage period that started 20 days ago: the usage is spread over those 20 days.
  const anchor = new Date(Math.floor((now - 20 * DAY_MS) / 60_000) * 60_000).toISOString();
  const keys = Array.from({ length: customers }, (_, i) => subjectKey(i));
  const { ms: setupMs } = await timed(() =>
    whileProjecting(worker, async () => {
      await api.ok('POST', '/api/v1/meters', {
        body: { slug: METER, eventType: 'ai_request', aggregation: 'SUM', valueProperty: '$.tokens' },
      });
      await api.ok('POST', '/api/v1/features', {
        body: { key: FEATURE, name: 'Entitled tokens', meterSlug: METER },
      });
      await inParallel(keys, SETUP_CLIENTS, async (key) => {
        await api.ok('POST', '/api/v1/customers', {
          body: { name: key, key, usageAttribution: { subjectKeys: [key] } },
        });
        await api.ok('POST', `/api/v2/customers/${key}/entitlements`, {
          body: {
            type: 'metered',
            featureKey: FEATURE,
            usagePeriod: { interval: 'MONTH', anchor },
            measureUsageFrom: 'CURRENT_PERIOD_START',
            issue: { amount: ISSUED },
            grants: [{ amount: GRANTED, priority: 2, effectiveAt: anchor }],
          },
        });
      });
    }),
  );
  log(`  ${customers} customers with a metered entitlement each, set up in ${(setupMs / 1000).toFixed(1)} s`);

  const set: DataSet = {
    events: eventCount,
    users: 1000,
    subjects: customers,
    from: new Date(Date.parse(anchor)),
    to: new Date(now - 60_000),
    idPrefix: 'entitlements',
    seed: 23,
  };
  const all = eventsOf(set, 0, eventCount);
  const ingestToken = await tally.token('ingest');
  await batchIngest(api.baseUrl, ingestToken, all, options.ingest);
  await worker.drain();

  const problems: string[] = [];
  const usageOf = new Map<string, number>();
  for (const event of all) usageOf.set(event.subject, (usageOf.get(event.subject) ?? 0) + event.data.tokens);
  const readToken = await tally.token('read');
  const valuePath = (key: string) => `/api/v2/customers/${key}/entitlements/${FEATURE}/value`;
  for (const key of keys.slice(0, 20)) {
    const value = await api.ok<{ usage?: number; balance?: number }>('GET', valuePath(key), {
      token: readToken,
    });
    const used = usageOf.get(key) ?? 0;
    const balance = ISSUED + GRANTED - used;
    if (value.usage !== used || value.balance !== balance)
      problems.push(
        `entitlement value of ${key}: usage ${value.usage}, balance ${value.balance}; the events make them ${used}, ${balance}`,
      );
  }

  // Every customer in a fixed pseudo-random order (a shuffle with a fixed seed), so every run asks
  // the same ones and a round asks as many different customers as it has requests. (The stepping it
  // replaces cycled through 250 of the 10,000.)
  const order = [...keys];
  for (let i = order.length - 1, state = 104729; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = Math.floor((state / 2 ** 32) * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let pick = 0;
  const next = () => order[pick++ % order.length];
  const accessPath = (key: string) => `/api/v1/customers/${key}/access`;
  const raw = await RawHttpServer.start();
  try {
    const bare = new Api(raw.baseUrl, readToken);
    for (let i = 0; i < options.queries.warmup; i++) {
      await api.ok('GET', valuePath(next()), { token: readToken });
      await api.ok('GET', accessPath(next()), { token: readToken });
      await bare.ok('GET', '/healthz');
    }
    const { requests } = options.entitlements;
    /** `requests` answers of `path`, one after another: their p50 and p99. */
    const round = async (path: () => string, client = api, account?: CpuAccount) => {
      const samples: number[] = [];
      const ask = async () => {
        for (let i = 0; i < requests; i++)
          samples.push((await timed(() => client.ok('GET', path(), { token: readToken }))).ms);
      };
      await (account ? account.measure(requests, ask) : ask());
      return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
    };
    for (let run = 0; run < options.runs; run++) {
      const value = await round(() => valuePath(next()), api, accounts.value);
      const access = await round(() => accessPath(next()), api, accounts.access);
      const bareGet = await round(() => '/healthz', bare);
      figures.add('entitlement_value_p50_ms', value.p50);
      figures.add('entitlement_value_p99_ms', value.p99);
      figures.add('entitlement_access_p50_ms', access.p50);
      figures.add('entitlement_access_p99_ms', access.p99);
      figures.add('entitlement_raw_http_p50_ms', bareGet.p50);
      figures.add('entitlement_raw_http_p99_ms', bareGet.p99);
      figures.add('entitlement_value_raw_http_ratio', value.p99 / bareGet.p99);
      const ms = (n: number) => `${n.toFixed(2)} ms`;
      log(
        `  entitlement round ${run + 1}/${options.runs} over ${requests} customers: value p50 ${ms(value.p50)}, p99 ${ms(value.p99)}; access p50 ${ms(access.p50)}, p99 ${ms(access.p99)}; bare GET p50 ${ms(bareGet.p50)}, p99 ${ms(bareGet.p99)}`,
      );
    }
  } finally {
    await raw.stop();
  }
  return problems;
}

/** Runs `work` with the worker applying new events as they come, as a running worker would. */
async function whileProjecting<T>(worker: ProjectionWorker, work: () => Promise<T>): Promise<T> {
  let done = false;
  const projecting = (async () => {
    while (!done) {
      await worker.drain();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await worker.drain();
  })();
  try {
    return await work();
  } finally {
    done = true;
    await projecting;
  }
}
