import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, relative } from 'node:path';
import { ENTITLEMENT_FIGURES, measureEntitlementValues } from './figures/entitlements';
import { measureStore } from './figures/event-store';
import { measureScenario, SCENARIO_FIGURES } from './figures/scenario';
import { Server, startServer } from './lib/database';
import { BenchOptions, parseOptions, UsageError } from './lib/options';
import { liveChildren, profileInto, ROOT, stopChild } from './lib/processes';
import { Figures } from './lib/report';
import { cpuTable, figuresTable, growthTable, renderMarkdown, renderText, ScenarioRow } from './lib/tables';
import { round } from './lib/stats';
import type { CpuSummary } from './lib/cpu';

/**
 * `npm run bench [-- --quick]`: every performance figure of DESIGN.md, measured side by side in one
 * run against the raw limit of the same machine, written to bench/results/latest.json.
 */
async function main(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  const started = Date.now();
  // The sources the run was built from (prebench compiled them just before).
  const commit = gitCommit();
  const log = (line: string) =>
    console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  const loadAtStart = loadavg();
  log(`Tally benchmark, ${options.mode} mode: ${describeSizes(options)}`);
  if (options.cpuProfileDir) {
    profileInto(options.cpuProfileDir);
    log(
      `CPU profiles of the Tally processes go to ${relative(ROOT, options.cpuProfileDir)}/ (figures are slower while profiling)`,
    );
  }

  const server = await startServer(log);
  stopOnSignals(server);
  const figures = new Figures();
  const problems: string[] = [];
  const scenarios: (ScenarioRow & { cpu: unknown })[] = [];
  const cpu: Record<string, Partial<Record<string, CpuSummary>>> = {};
  try {
    if (!options.onlyEntitlements) {
      log(
        `event store: ${options.store.events} events, batches of ${options.store.batchSize}, ${options.runs} runs`,
      );
      try {
        cpu.store = await measureStore(server, options, figures, log);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        problems.push(`event store figures: ${message}`);
        figures.unavailable(
          ['raw_copy_eps', 'record_usage_eps', 'append_eps', 'peer_append_eps'],
          `failed: ${message}`,
        );
      }
      for (const [index, scenario] of options.scenarios.entries()) {
        log(
          `scenario ${index + 1}/${options.scenarios.length}: ${scenario.events} events, ${scenario.users} users, ${scenario.subjects} subjects${scenario.headline ? ' (headline)' : ''}`,
        );
        const result = await measureScenario(server, options, scenario, index, log);
        problems.push(...result.problems);
        if (scenario.headline) {
          figures.absorb(result.figures, SCENARIO_FIGURES);
          cpu.headline = result.cpu;
        }
        scenarios.push({
          ...scenario,
          figures: Object.fromEntries(SCENARIO_FIGURES.map((key) => [key, result.figures.value(key)])),
          cpu: result.cpu,
        });
      }
    }
    const { customers, events } = options.entitlements;
    log(`entitlements: ${customers} customers with a metered entitlement each, ${events} events`);
    try {
      const result = await measureEntitlementValues(server, options, figures, log);
      problems.push(...result.problems);
      cpu.entitlements = { entitlement_value: result.cpu, entitlement_access: result.accessCpu };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push(`entitlement figures: ${message}`);
      figures.unavailable(ENTITLEMENT_FIGURES, `failed: ${message}`);
    }
  } finally {
    await server.stop();
  }
  figures.ratio('batch_ingest_ratio', 'batch_ingest_eps', 'raw_copy_eps');

  const output = {
    mode: options.mode,
    date: new Date(started).toISOString(),
    commit,
    duration_s: round((Date.now() - started) / 1000),
    machine: {
      cpus: cpus().length,
      cpu_model: cpus()[0]?.model.trim(),
      memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
      os: `${type()} ${release()}`,
      node: process.version,
      postgres: `${server.version} (${server.embedded ? 'embedded' : 'DATABASE_URL'})`,
      postgres_settings: server.settings,
      postgres_locale: `${server.locale.encoding}, ${server.locale.provider} ${server.locale.collation}`,
      load_average: { start: loadAtStart.map(round), end: loadavg().map(round) },
    },
    sizes: {
      runs: options.runs,
      replays: options.replays,
      store: options.store,
      ingest: options.ingest,
      single: options.single,
      queries: options.queries,
      budget_seconds: options.budgetSeconds,
      headline: options.scenarios.find((scenario) => scenario.headline),
    },
    figures: figures.values(),
    details: figures.details(),
    cpu,
    scenarios,
    problems,
  };
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, JSON.stringify(output, null, 2) + '\n');

  const tables = [
    figuresTable(figures),
    cpuTable(cpu),
    ...(scenarios.length > 1 ? [growthTable(scenarios)] : []),
  ];
  const markdownFile = options.out.replace(/\.json$/, '') + '.md';
  const sizes = `${options.mode} mode: ${describeSizes(options)}`;
  writeFileSync(
    markdownFile,
    [`Run of ${output.date} (${output.commit ?? 'no git'}), ${sizes}.`, ...tables.map(renderMarkdown)].join(
      '\n\n',
    ) + '\n',
  );
  for (const t of tables) console.log(`\n${renderText(t)}`);
  console.log(`\n${sizes}`);
  console.log(
    `Each figure is the median of its runs. Written to ${relative(ROOT, options.out)} and ${relative(ROOT, markdownFile)} in ${output.duration_s} s.`,
  );
  if (problems.length) {
    console.log(`\nPROBLEMS:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  return 0;
}

function describeSizes(options: BenchOptions): string {
  const headline = options.scenarios.find((s) => s.headline)!;
  return [
    `headline data set ${headline.events} events / ${headline.users} distinct users / ${headline.subjects} subjects`,
    `${options.runs} runs per figure, ${options.replays} replays`,
    `store figures on ${options.store.events} events`,
    `batches of ${options.ingest.batchSize} from ${options.ingest.clients} clients`,
    `single events over ${options.single.connections} connections for ${options.single.seconds} s a run`,
    `queries ${options.queries.requests} a round`,
    `entitlement values over ${options.entitlements.customers} customers and ${options.entitlements.events} events`,
  ].join('; ');
}

function gitCommit(): string | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return undefined;
  }
}

/** Ctrl-C (or a kill) stops everything the benchmark started before it exits. */
function stopOnSignals(server: Server): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n${signal}: stopping Tally and PostgreSQL…`);
      setTimeout(() => process.exit(130), 20_000).unref();
      void Promise.allSettled(liveChildren().map((child) => stopChild(child, 5_000)))
        .then(() => server.stop())
        .finally(() => process.exit(130));
    });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
