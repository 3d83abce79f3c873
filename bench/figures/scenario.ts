import { SingleBar } from 'cli-progress';
import { Pool } from 'pg';
import { Api, describeRoute } from '../lib/api';
import { CpuAccount, CpuSummary } from '../lib/cpu';
import type { Server } from '../lib/database';
import { DataSet, eventsOf, Expected, expectedTotals, subjectKeys } from '../lib/events';
import type { BenchOptions, Scenario } from '../lib/options';
import { FigureKey, Figures } from '../lib/report';
import { RawHttpServer } from '../lib/raw-http';
import { newAdminToken, ProjectionWorker, TallyServer } from '../lib/tally';
import { setUpCatalog, unbilledWindow, USERS_METER } from './catalog';
import { batchIngest, BATCH_MEDIA_TYPE, singleIngest } from './ingest';
import { latency, meterQueryPath, PREVIEW_PATH, wrongAnswers } from './queries';

/** The figures a scenario measures; the headline scenario's become the run's. */
export const SCENARIO_FIGURES = [
  'batch_ingest_eps',
  'single_ingest_eps',
  'single_ingest_p50_ms',
  'single_ingest_p99_ms',
  'single_ingest_raw_http_eps',
  'single_ingest_raw_http_ratio',
  'projection_eps',
  'preview_p50_ms',
  'preview_p99_ms',
  'meter_query_p50_ms',
  'meter_query_p99_ms',
  'replay_eps',
  'replay_seconds',
  'api_peak_rss_mb',
  'worker_peak_rss_mb',
  'peak_rss_mb',
] as const satisfies readonly FigureKey[];

const INGESTED: FigureKey[] = [
  'batch_ingest_eps',
  'single_ingest_eps',
  'single_ingest_p50_ms',
  'single_ingest_p99_ms',
  'single_ingest_raw_http_eps',
  'single_ingest_raw_http_ratio',
];
const PREVIEW: FigureKey[] = ['preview_p50_ms', 'preview_p99_ms'];
const METER_QUERY: FigureKey[] = ['meter_query_p50_ms', 'meter_query_p99_ms'];
const REPLAY: FigureKey[] = ['replay_eps', 'replay_seconds'];
const PROJECTED: FigureKey[] = ['projection_eps', ...PREVIEW, ...METER_QUERY, ...REPLAY];

/** The phases whose CPU time is accounted; CPU ms are per 1,000 events, or per request for queries. */
export const CPU_PHASES = [
  'batch_ingest',
  'projection',
  'replay',
  'single_ingest',
  'single_raw_http',
  'meter_query',
  'preview',
] as const;
export type CpuPhase = (typeof CPU_PHASES)[number];

export interface ScenarioResult {
  readonly figures: Figures;
  readonly cpu: Partial<Record<CpuPhase, CpuSummary>>;
  /** Errors and wrong answers: anything that makes the run fail. */
  readonly problems: readonly string[];
}

/**
 * One data set, end to end, in a fresh database: the seed scenario's catalog at scale, the events
 * ingested over HTTP in `runs` chunks with the projections paused (each chunk then drained: the
 * catch-up figure), the answers checked against what the events add up to, query latency, full
 * replays, and (headline only) single-event ingestion last, since it adds events of its own.
 */
export async function measureScenario(
  server: Server,
  options: BenchOptions,
  scenario: Scenario,
  index: number,
  log: (line: string) => void,
): Promise<ScenarioResult> {
  const database = `bench_scenario_${index}`;
  const url = await server.createDatabase(database);
  const pool = new Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  const figures = new Figures();
  const problems: string[] = [];
  const cpu: ScenarioResult['cpu'] = {};
  // Both migrate the fresh database at start, under PostgreSQL's advisory lock: safe side by side.
  const adminToken = newAdminToken();
  const [tally, worker] = await Promise.allSettled([
    TallyServer.start(url, adminToken),
    ProjectionWorker.start(url, adminToken),
  ]);
  try {
    if (tally.status === 'rejected') throw tally.reason;
    if (worker.status === 'rejected') throw worker.reason;
    const run = new ScenarioRun(
      options,
      scenario,
      index,
      tally.value,
      worker.value,
      server,
      pool,
      figures,
      problems,
      log,
    );
    await run.measure();
    Object.assign(cpu, run.cpu());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    for (const key of SCENARIO_FIGURES) figures.note(key, `failed: ${message}`);
    problems.push(`scenario ${index + 1}: ${message}`);
    log(`  FAILED: ${message}`);
  } finally {
    if (worker.status === 'fulfilled') await worker.value.stop();
    if (tally.status === 'fulfilled') await tally.value.stop();
    await pool.end();
    await server.dropDatabase(database);
  }
  return { figures, cpu, problems };
}

class ScenarioRun {
  private readonly api: Api;
  private readonly accounts: Record<CpuPhase, CpuAccount>;
  private set: DataSet;
  private window = unbilledWindow();
  private billing = false;
  private ingestToken = '';
  private readToken = '';

  constructor(
    private readonly options: BenchOptions,
    private readonly scenario: Scenario,
    private readonly index: number,
    private readonly tally: TallyServer,
    private readonly worker: ProjectionWorker,
    server: Server,
    private readonly pool: Pool,
    private readonly figures: Figures,
    private readonly problems: string[],
    private readonly log: (line: string) => void,
  ) {
    this.api = tally.api;
    const sources = { api: tally.pid, worker: worker.pid, postgres: server.postmasterPid };
    this.accounts = Object.fromEntries(CPU_PHASES.map((phase) => [phase, new CpuAccount(sources)])) as Record<
      CpuPhase,
      CpuAccount
    >;
    this.set = {
      ...scenario,
      from: this.window.from,
      to: this.window.to,
      idPrefix: `s${index}`,
      seed: 7 + index,
    };
  }

  async measure(): Promise<void> {
    this.ingestToken = await this.tally.token('ingest');
    this.readToken = await this.tally.token('read');
    this.log(`  Tally up (projections in the worker: ${this.worker.projections.join(', ') || 'none'})`);

    const projecting = await this.stage(PROJECTED, 'catalog set-up', () => this.setUpCatalog());
    const canIngest = await this.api.has('ingest');
    if (!canIngest)
      this.figures.unavailable(
        [...INGESTED, ...PROJECTED],
        `route not available (${describeRoute('ingest')})`,
      );
    const ingested =
      canIngest &&
      (await this.stage(['batch_ingest_eps', ...PROJECTED], 'batch ingestion', () =>
        this.batchIngestion(projecting ?? false),
      ));
    if (ingested && projecting) {
      const expected = expectedTotals(this.set);
      await this.stage([...PREVIEW, ...METER_QUERY], 'queries', () => this.queries(expected));
      await this.stage(REPLAY, 'replay', () => this.replays(expected));
    }
    // Last: it adds events of its own to the data set.
    if (canIngest && this.scenario.headline) {
      await this.stage(
        [
          'single_ingest_eps',
          'single_ingest_p50_ms',
          'single_ingest_p99_ms',
          'single_ingest_raw_http_eps',
          'single_ingest_raw_http_ratio',
        ],
        'single-event ingestion',
        () => this.singleIngestion(),
      );
    }
    this.memory(canIngest);
  }

  cpu(): ScenarioResult['cpu'] {
    const cpu: ScenarioResult['cpu'] = {};
    for (const phase of CPU_PHASES) {
      const summary = this.accounts[phase].summary(phase === 'meter_query' || phase === 'preview' ? 1 : 1000);
      if (summary) cpu[phase] = summary;
    }
    return cpu;
  }

  /** Runs one stage; a failure is noted on its figures and fails the run, and the next stage goes on. */
  private async stage<T>(
    keys: readonly FigureKey[],
    name: string,
    work: () => Promise<T>,
  ): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      for (const key of keys) this.figures.note(key, `failed: ${message}`);
      this.problems.push(`${name}: ${message}`);
      this.log(`  ${name} FAILED: ${message}`);
      return undefined;
    }
  }

  /** Whether there are meters for the projections to work on. */
  private async setUpCatalog(): Promise<boolean> {
    // Commands wait for the read models they check to catch up, so projections run meanwhile.
    const catalog = await this.whileProjecting(() => setUpCatalog(this.api, subjectKeys(this.scenario)));
    this.window = catalog.window;
    this.set = { ...this.set, from: catalog.window.from, to: catalog.window.to };
    const unavailable = catalog.missing && `route not available (${describeRoute(catalog.missing)})`;
    if (!catalog.metering) {
      this.figures.unavailable(PROJECTED, unavailable!);
      return false;
    }
    if (this.worker.projections.length === 0) {
      this.figures.unavailable(PROJECTED, 'no projections registered');
      return false;
    }
    this.billing = catalog.billing;
    if (!catalog.billing) this.figures.unavailable(PREVIEW, unavailable!);
    return true;
  }

  private async batchIngestion(projecting: boolean): Promise<boolean> {
    const { runs, ingest } = this.options;
    // Warm-up batches of a type no meter counts, so the first chunk does not pay for cold code and caches.
    const warmup: DataSet = {
      ...this.set,
      events: 2 * ingest.batchSize,
      idPrefix: `s${this.index}-warmup`,
      type: 'bench_warmup',
    };
    await batchIngest(this.api.baseUrl, this.ingestToken, eventsOf(warmup, 0, warmup.events), ingest);
    const size = Math.ceil(this.scenario.events / runs);
    let drained = await this.countEvents();
    for (let run = 0; run < runs; run++) {
      const events = eventsOf(this.set, run * size, size);
      const bar = progressBar(events.length, `  ingest ${run + 1}/${runs}`);
      const eps = await this.accounts.batch_ingest.measure(events.length, () =>
        batchIngest(this.api.baseUrl, this.ingestToken, events, {
          ...ingest,
          onBatch: (n) => bar?.increment(n),
        }),
      );
      bar?.stop();
      this.figures.add('batch_ingest_eps', eps);
      let line = `  chunk ${run + 1}/${runs}: ${events.length} events ingested at ${Math.round(eps)}/s`;
      if (projecting) {
        const backlog = (await this.countEvents()) - drained;
        const ms = await this.accounts.projection.measure(backlog, () => this.worker.drain());
        drained += backlog;
        this.figures.add('projection_eps', (backlog * 1000) / ms);
        line += `; its backlog of ${backlog} drained at ${Math.round((backlog * 1000) / ms)}/s`;
      }
      this.log(line);
    }
    const stored = await this.countUsage();
    const acknowledged = warmup.events + this.scenario.events;
    if (stored !== acknowledged) this.problems.push(`${acknowledged} events acknowledged, ${stored} stored`);
    // The first batch again, as a client retrying it would: acknowledged, and stored once.
    const retry = JSON.stringify(eventsOf(this.set, 0, ingest.batchSize));
    await this.api.ok('POST', '/api/v1/events', {
      rawBody: retry,
      contentType: BATCH_MEDIA_TYPE,
      token: this.ingestToken,
    });
    const again = await this.countUsage();
    if (again !== stored)
      this.problems.push(`a repeated batch was stored again (${stored} → ${again} usage events)`);
    return true;
  }

  private async queries(expected: Expected): Promise<void> {
    const hasPreview = await this.hasPreview();
    const hasQuery = await this.api.has('meterQuery');
    if (this.billing && !hasPreview)
      this.figures.unavailable(PREVIEW, `route not available (${describeRoute('preview')})`);
    if (!hasQuery)
      this.figures.unavailable(METER_QUERY, `route not available (${describeRoute('meterQuery')})`);
    await this.worker.drain();
    await this.verify('after ingestion', expected);
    // Data sets other than the headline one show how cost grows: one round each is enough there.
    const rounds = this.scenario.headline ? this.options.runs : 1;
    const budget = this.options.budgetSeconds.queries * (this.scenario.headline ? 1 : 0.25);
    const latencyOptions = { rounds, ...this.options.queries, budgetMs: budget * 1000 };
    const measure = async (account: CpuAccount, path: string, keys: readonly [FigureKey, FigureKey]) => {
      const results = await account.measure(
        (done) => done[0].warmups + done.reduce((sum, round) => sum + round.requests, 0),
        () => latency(this.api, path, this.readToken, latencyOptions),
      );
      for (const round of results) {
        this.figures.add(keys[0], round.p50Ms);
        this.figures.add(keys[1], round.p99Ms);
      }
      if (results[0].requests < this.options.queries.requests) {
        for (const key of keys)
          this.figures.note(
            key,
            `${results[0].requests} requests a round instead of ${this.options.queries.requests}, to stay within the time budget`,
          );
      }
    };
    if (hasQuery)
      await measure(this.accounts.meter_query, meterQueryPath(USERS_METER, this.window), [
        'meter_query_p50_ms',
        'meter_query_p99_ms',
      ]);
    if (hasPreview) await measure(this.accounts.preview, PREVIEW_PATH, ['preview_p50_ms', 'preview_p99_ms']);
    const p99 = (key: FigureKey) => this.figures.value(key) ?? '–';
    this.log(
      `  queries: meter query p99 ${p99('meter_query_p99_ms')} ms, invoice preview p99 ${p99('preview_p99_ms')} ms`,
    );
  }

  /** Every projection rebuilt from the start of the log; the answers must not change. */
  private async replays(expected: Expected): Promise<void> {
    const total = await this.countEvents();
    const replays = this.scenario.headline ? this.options.replays : 1;
    const deadline = Date.now() + this.options.budgetSeconds.replays * 1000;
    for (let replay = 0; replay < replays; replay++) {
      if (replay > 0 && Date.now() > deadline) {
        for (const key of REPLAY)
          this.figures.note(key, `only ${replay} of ${replays} replays, to stay within the time budget`);
        break;
      }
      const ms = await this.accounts.replay.measure(total, () => this.worker.replay());
      this.figures.add('replay_eps', (total * 1000) / ms);
      this.figures.add('replay_seconds', ms / 1000);
      this.log(`  replay ${replay + 1}/${replays}: ${total} events in ${(ms / 1000).toFixed(1)} s`);
    }
    await this.verify('after replay', expected);
  }

  private async singleIngestion(): Promise<void> {
    const { single, runs } = this.options;
    const endless = (name: string): DataSet => ({
      ...this.set,
      events: Number.MAX_SAFE_INTEGER,
      idPrefix: `s${this.index}-${name}`,
    });
    // The reference: a bare Fastify route in a process of its own, driven by the same load generator
    // with the same requests, run by run beside Tally, so the ratio says how much of the machine's
    // single-request limit Tally reaches.
    const raw = await RawHttpServer.start();
    try {
      const rawAccount = new CpuAccount({ api: raw.pid });
      this.accounts.single_raw_http = rawAccount;
      await singleIngest(raw.baseUrl, this.ingestToken, endless('raw-warmup'), {
        ...single,
        seconds: single.warmupSeconds,
      });
      await singleIngest(this.tally.baseUrl, this.ingestToken, endless('single-warmup'), {
        ...single,
        seconds: single.warmupSeconds,
      });
      for (let run = 0; run < runs; run++) {
        const rawResult = await rawAccount.measure(
          (r) => r.stored,
          () => singleIngest(raw.baseUrl, this.ingestToken, endless(`raw-${run}`), single),
        );
        if (rawResult.failures > 0)
          throw new Error(
            `${rawResult.failures} of ${rawResult.sent} requests to the bare route failed (first: ${rawResult.firstFailure})`,
          );
        const set = endless(`single-${run}`);
        const result = await this.accounts.single_ingest.measure(
          (r) => r.stored,
          () => singleIngest(this.tally.baseUrl, this.ingestToken, set, single),
        );
        if (result.failures > 0)
          throw new Error(
            `${result.failures} of ${result.sent} single-event requests failed (first: ${result.firstFailure})`,
          );
        this.figures.add('single_ingest_eps', result.eps);
        this.figures.add('single_ingest_p50_ms', result.p50Ms);
        this.figures.add('single_ingest_p99_ms', result.p99Ms);
        this.figures.add('single_ingest_raw_http_eps', rawResult.eps);
        this.figures.add('single_ingest_raw_http_ratio', result.eps / rawResult.eps);
        this.log(
          `  single events ${run + 1}/${runs}: ${Math.round(result.eps)}/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms; bare Fastify route ${Math.round(rawResult.eps)}/s`,
        );
      }
    } finally {
      await raw.stop();
    }
  }

  private memory(canIngest: boolean): void {
    const api = this.tally.peakRssMb();
    const worker = this.worker.peakRssMb();
    if (api !== undefined) this.figures.add('api_peak_rss_mb', api);
    if (worker !== undefined) this.figures.add('worker_peak_rss_mb', worker);
    if (api !== undefined || worker !== undefined)
      this.figures.add('peak_rss_mb', Math.max(api ?? 0, worker ?? 0));
    if (!canIngest)
      this.figures.note(
        'peak_rss_mb',
        'of a Tally that ingested nothing: the ingestion route is not available',
      );
  }

  private async verify(when: string, expected: Expected): Promise<void> {
    if (!(await this.api.has('meterQuery'))) return;
    const wrong = await wrongAnswers(this.api, this.readToken, this.window, expected, {
      preview: await this.hasPreview(),
    });
    for (const problem of wrong) this.problems.push(`${when}: ${problem}`);
    if (wrong.length) this.log(`  WRONG ANSWERS ${when}: ${wrong.join('; ')}`);
  }

  /** Runs `work` with the worker applying new events as they come, as a running worker would. */
  private async whileProjecting<T>(work: () => Promise<T>): Promise<T> {
    let done = false;
    const projecting = (async () => {
      while (!done) {
        await this.worker.drain();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await this.worker.drain();
    })();
    try {
      return await work();
    } finally {
      done = true;
      await projecting;
    }
  }

  private async hasPreview(): Promise<boolean> {
    return this.billing && (await this.api.has('preview'));
  }

  private async countEvents(): Promise<number> {
    return Number((await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM tally_events')).rows[0].n);
  }

  private async countUsage(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM tally_events WHERE dedup_key IS NOT NULL',
    );
    return Number(rows[0].n);
  }
}

/** A progress bar on a terminal for chunks big enough to wait for; nothing in logs and pipes. */
function progressBar(total: number, label: string): SingleBar | undefined {
  if (!process.stdout.isTTY || total < 100_000) return undefined;
  const bar = new SingleBar({
    format: `${label} [{bar}] {value}/{total} events | ETA {eta}s`,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0);
  return bar;
}
