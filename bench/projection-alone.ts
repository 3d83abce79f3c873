import { parseArgs } from 'node:util';
import type { MeterCreatedData } from '../src/catalog/meters/meter.decider';
import type { Customer } from '../src/customers/customers/customer.decider';
import { createDataSource, migrate, poolOf } from '../src/database/data-source';
import { LOG_START, RecordedEvent } from '../src/event-store/event-store.port';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { usageDedupKey, usageStream } from '../src/event-store/stream-names';
import { UsageProjection } from '../src/metering/usage/usage.projection';
import { UsageTable } from '../src/metering/usage/usage-tables';
import { transactionOf } from '../src/projections/projection-runner';
import { startServer } from './lib/database';
import { eventsOf, subjectKeys } from './lib/events';
import { cpuMs } from './lib/processes';
import { median } from './lib/stats';

const USAGE = `usage: npm run bench:projection [-- --events N] [--users N] [--subjects N] [--hours N] [--runs N]

The usage projection alone, as the worker applies it (batches of 5,000, one transaction each), on a
log filled beforehand, with no API, no other projection and no load generator beside it: PostgreSQL's
CPU per event (its backend, read from /proc, so the server must run on this machine), this process's,
and the wall time. With pg_stat_statements loaded in the server, each statement's share too. The
event times are spread at random over --hours from 2026-01-01 09:00 UTC (1 by default; 720 is a
month, where nearly every event has a minute bucket of its own).`;

const NAMESPACE = 'default';
const BATCH = 5_000;

/**
 * A low-noise figure for the projection's PostgreSQL work, for A/B comparisons of its statements:
 * the full benchmark's catch-up shares two cores between the worker, PostgreSQL and autovacuum, and
 * moves ±15 % from run to run; this moves less than half that.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '200000' },
      users: { type: 'string', default: '100000' },
      subjects: { type: 'string', default: '100' },
      hours: { type: 'string', default: '1' },
      runs: { type: 'string', default: '3' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [events, users, subjects, hours, runs] = [
    values.events,
    values.users,
    values.subjects,
    values.hours,
    values.runs,
  ].map(Number);
  if (![events, users, subjects, hours, runs].every((n) => Number.isInteger(n) && n > 0)) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const server = await startServer((line) => console.log(line));
  try {
    const url = await server.createDatabase('bench_projection_alone');
    const dataSource = createDataSource({ url, poolSize: 4, applicationName: 'tally-bench' });
    await dataSource.initialize();
    try {
      await migrate(dataSource);
      const set = {
        events,
        users,
        subjects,
        from: new Date(Date.UTC(2026, 0, 1, 9)),
        to: new Date(Date.UTC(2026, 0, 1, 9 + hours)),
        idPrefix: 'alone',
        seed: 7,
      };
      const store = new PostgresEventStore(poolOf(dataSource));
      for (let start = 0; start < events; start += 1_000) {
        const records = eventsOf(set, start, Math.min(1_000, events - start)).map((event) => ({
          dedupKey: usageDedupKey(NAMESPACE, event.source, event.id),
          data: { event, ingestedAt: new Date().toISOString() },
          metadata: { namespace: NAMESPACE, correlationId: 'bench' },
          occurredAt: new Date(event.time),
        }));
        await store.recordUsage(usageStream(NAMESPACE), records);
      }
      await dataSource.query('VACUUM ANALYZE tally_events');
      const statements = await statementStats(dataSource);
      console.log(
        `${events} events in the log (${users} users, ${subjects} subjects, over ${hours} h); ${runs} runs`,
      );
      const samples: Sample[] = [];
      for (let run = 1; run <= runs; run++) {
        const sample = await applyAll(dataSource, store, subjectKeys(set), statements);
        samples.push(sample);
        console.log(
          `run ${run}: PostgreSQL ${sample.postgresUs.toFixed(1)} µs/event, this process ${sample.processUs.toFixed(1)} µs/event, ` +
            `wall ${sample.wallUs.toFixed(1)} µs/event (${Math.round(1e6 / sample.wallUs)} events/s)`,
        );
        for (const line of sample.statements) console.log(`  ${line}`);
      }
      const med = (pick: (s: Sample) => number) => median(samples.map(pick))!.toFixed(1);
      console.log(
        `median: PostgreSQL ${med((s) => s.postgresUs)} µs/event, this process ${med((s) => s.processUs)} µs/event, ` +
          `wall ${med((s) => s.wallUs)} µs/event`,
      );
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await server.stop();
  }
}

interface Sample {
  readonly postgresUs: number;
  readonly processUs: number;
  readonly wallUs: number;
  readonly statements: readonly string[];
}

/** Empties the projection's tables, gives it the two meters and the customer, and applies the whole log. */
async function applyAll(
  dataSource: ReturnType<typeof createDataSource>,
  store: PostgresEventStore,
  subjects: readonly string[],
  statements: StatementStats | undefined,
): Promise<Sample> {
  await dataSource.query(`TRUNCATE ${Object.values(UsageTable).join(', ')}`);
  const projection = new UsageProjection();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const apply = async (batch: readonly RecordedEvent[]) => {
      await runner.startTransaction();
      await projection.apply(
        batch,
        transactionOf(runner, (name) => name),
      );
      await runner.commitTransaction();
    };
    await apply(catalogEvents(subjects));
    const [{ pid }] = await runner.query(`SELECT pg_backend_pid() AS pid`);
    await statements?.reset();
    const [postgres0, process0, wall0] = [cpuMs(pid), cpuMs(process.pid), performance.now()];
    let after = LOG_START;
    let applied = 0;
    for (;;) {
      const batch = await store.readAll(after, BATCH);
      if (batch.length === 0) break;
      await apply(batch);
      applied += batch.length;
      after = batch[batch.length - 1].position;
    }
    const [postgres1, process1, wall1] = [cpuMs(pid), cpuMs(process.pid), performance.now()];
    if (postgres0 === undefined || postgres1 === undefined) {
      throw new Error('PostgreSQL runs elsewhere: its backend CPU cannot be read from /proc here');
    }
    return {
      postgresUs: ((postgres1 - postgres0) * 1000) / applied,
      processUs: ((process1! - process0!) * 1000) / applied,
      wallUs: ((wall1 - wall0) * 1000) / applied,
      statements: (await statements?.top(applied)) ?? [],
    };
  } finally {
    await runner.release();
  }
}

/** The seed scenario's meters (UNIQUE_COUNT of users, SUM of tokens by model) and one customer owning every subject. */
function catalogEvents(subjects: readonly string[]): RecordedEvent[] {
  const at = '2026-01-01T00:00:00.000Z';
  const meter = (id: string, slug: string, extra: Partial<MeterCreatedData>): MeterCreatedData => ({
    id,
    namespace: NAMESPACE,
    slug,
    name: slug,
    eventType: 'ai_request',
    aggregation: 'COUNT',
    groupBy: {},
    metadata: {},
    at,
    ...extra,
  });
  // The fields the usage projection reads of a customer: its id, key and subjects.
  const customer = {
    id: 'bench-customer',
    namespace: NAMESPACE,
    key: 'bench-customer',
    usageAttribution: { subjectKeys: [...subjects] },
    createdAt: at,
    updatedAt: at,
  } as unknown as Customer;
  const recorded = (n: number, streamId: string, type: string, data: unknown): RecordedEvent => ({
    streamId,
    streamVersion: 1,
    position: { commit: 0n, prepare: BigInt(n) },
    type,
    data,
    metadata: { namespace: NAMESPACE, correlationId: 'bench' },
    recordedAt: new Date(at),
  });
  return [
    recorded(
      1,
      'meter-users',
      'MeterCreated',
      meter('bench-users', 'bench_active_users', { aggregation: 'UNIQUE_COUNT', valueProperty: '$.user_id' }),
    ),
    recorded(
      2,
      'meter-tokens',
      'MeterCreated',
      meter('bench-tokens', 'bench_tokens', {
        aggregation: 'SUM',
        valueProperty: '$.tokens',
        groupBy: { model: '$.model' },
      }),
    ),
    recorded(3, 'customer-bench', 'CustomerCreated', customer),
  ];
}

interface StatementStats {
  reset(): Promise<void>;
  top(events: number): Promise<string[]>;
}

/** pg_stat_statements of this database, where the server loads it. */
async function statementStats(
  dataSource: ReturnType<typeof createDataSource>,
): Promise<StatementStats | undefined> {
  try {
    await dataSource.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await dataSource.query('SELECT pg_stat_statements_reset()');
  } catch {
    return undefined;
  }
  return {
    reset: async () => {
      await dataSource.query('SELECT pg_stat_statements_reset()');
    },
    top: async (events) => {
      const rows = await dataSource.query<{ us: string; calls: string; wal: string; query: string }[]>(
        `SELECT round((total_exec_time * 1000 / $1)::numeric, 1) AS us, calls, wal_records AS wal,
                left(regexp_replace(query, '\\s+', ' ', 'g'), 70) AS query
         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
         ORDER BY total_exec_time DESC LIMIT 6`,
        [events],
      );
      return rows.map((r) => `${r.us} µs/event  ${r.calls} calls  ${r.wal} WAL records  ${r.query}`);
    },
  };
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
