import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import type { Pool } from 'pg';
import { createDataSource, migrate, poolOf } from '../../src/database/data-source';
import { ExpectedVersion, NewEvent, UsageRecord } from '../../src/event-store/event-store.port';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { usageDedupKey, usageStream } from '../../src/event-store/stream-names';
import { USAGE_RECORDED, type UsageRecordedData } from '../../src/ingestion/usage-recorded';
import { copyChunks, copyFrom } from '../../src/database/copy-from';
import { CpuAccount, CpuSummary } from '../lib/cpu';
import { Server, settle } from '../lib/database';
import { CloudEvent, DataSet, eventsOf } from '../lib/events';
import type { BenchOptions } from '../lib/options';
import type { Figures } from '../lib/report';
import { chunk, inParallel, timed } from '../lib/stats';

export interface StoreOptions {
  /** Events per append / recordUsage call, for Tally and the peer alike. */
  readonly batchSize: number;
  /** Concurrent writers (connections), each on a stream of its own. */
  readonly writers: number;
  /** Concurrent COPY streams for the raw limit. */
  readonly copyStreams: number;
}

/** Events/s of one run of each way of writing the same events durably, into empty tables. */
export interface StoreSample {
  readonly raw_copy_eps: number;
  readonly record_usage_eps: number;
  readonly append_eps: number;
  readonly peer_append_eps: number;
}

const NAMESPACE = 'default';

/** What ingestion stores for an event (`UsageRecorded` data): every writer gets the same payload. */
function usageData(event: CloudEvent): UsageRecordedData & Record<string, unknown> {
  return { event, ingestedAt: new Date().toISOString() };
}

/**
 * The write paths under the HTTP layer, on one database: a plain `COPY` into an indexed table (the
 * raw limit), Tally's PostgreSQL adapter (`recordUsage`, deduplicated, and `append` to streams), and
 * Emmett's PostgreSQL event store (`appendToStream`), all with the same events and batch sizes.
 */
export class StoreBench {
  private constructor(
    private readonly pool: Pool,
    private readonly close: () => Promise<void>,
    private readonly tally: PostgresEventStore,
    private readonly peer: ReturnType<typeof getPostgreSQLEventStore>,
    private readonly options: StoreOptions,
  ) {}

  static async open(url: string, options: StoreOptions): Promise<StoreBench> {
    const dataSource = createDataSource({
      url,
      poolSize: Math.max(options.writers, options.copyStreams) + 2,
      applicationName: 'tally-bench',
    });
    await dataSource.initialize();
    const peer = getPostgreSQLEventStore(url);
    try {
      await migrate(dataSource);
      const pool = poolOf(dataSource);
      // An idle connection dropped by the server (it stops first on Ctrl-C) is not this figure's error.
      pool.on('error', () => undefined);
      await pool.query(`
        CREATE TABLE bench_raw_events (
          source text NOT NULL,
          id text NOT NULL,
          type text NOT NULL,
          subject text,
          time timestamptz NOT NULL,
          data jsonb NOT NULL
        )`);
      await pool.query(`CREATE UNIQUE INDEX bench_raw_events_source_id ON bench_raw_events (source, id)`);
      await peer.schema.migrate();
      return new StoreBench(pool, () => dataSource.destroy(), new PostgresEventStore(pool), peer, options);
    } catch (error) {
      await peer.close();
      await dataSource.destroy();
      throw error;
    }
  }

  async run(
    events: readonly CloudEvent[],
    order: readonly (keyof StoreSample)[],
    accounts?: Record<keyof StoreSample, CpuAccount>,
  ): Promise<StoreSample> {
    const sample: Partial<Record<keyof StoreSample, number>> = {};
    for (const figure of order) {
      await this.empty();
      const write = () => timed(() => this.write(figure, events));
      const { ms, result: written } = await (accounts
        ? accounts[figure].measure(events.length, write)
        : write());
      if (written !== events.length) throw new Error(`${figure} wrote ${written} of ${events.length} events`);
      sample[figure] = (events.length * 1000) / ms;
    }
    return sample as StoreSample;
  }

  async stop(): Promise<void> {
    await this.peer.close();
    await this.close();
  }

  private async empty(): Promise<void> {
    await this.pool.query('TRUNCATE bench_raw_events, tally_events');
    await this.peer.schema.dangerous.truncate();
    await settle(this.pool);
  }

  private write(figure: keyof StoreSample, events: readonly CloudEvent[]): Promise<number> {
    switch (figure) {
      case 'raw_copy_eps':
        return this.rawCopy(events);
      case 'record_usage_eps':
        return this.recordUsage(events);
      case 'append_eps':
        return this.append(events);
      case 'peer_append_eps':
        return this.peerAppend(events);
    }
  }

  private async rawCopy(events: readonly CloudEvent[]): Promise<number> {
    // Encoding to COPY text is on the clock, as the other writers' JSON encoding is; all of it before
    // the first COPY starts, as the limit has always been measured.
    const shares = chunk(events, Math.ceil(events.length / this.options.copyStreams)).map((share) => [
      ...copyChunks(share.map((e) => [e.source, e.id, e.type, e.subject, e.time, JSON.stringify(e.data)])),
    ]);
    const rows = await Promise.all(
      shares.map(async (chunks) => {
        const client = await this.pool.connect();
        try {
          return await copyFrom(
            client,
            'COPY bench_raw_events (source, id, type, subject, time, data) FROM STDIN',
            chunks,
          );
        } finally {
          client.release();
        }
      }),
    );
    return rows.reduce((a, b) => a + b, 0);
  }

  /** What ingestion does: one statement per batch, deduplicated on (namespace, source, id) in the insert. */
  private async recordUsage(events: readonly CloudEvent[]): Promise<number> {
    let stored = 0;
    await inParallel(chunk(events, this.options.batchSize), this.options.writers, async (batch) => {
      const metadata = { namespace: NAMESPACE, correlationId: `bench-${batch[0].id}` };
      const records: UsageRecord[] = batch.map((e) => ({
        dedupKey: usageDedupKey(NAMESPACE, e.source, e.id),
        data: usageData(e),
        metadata,
      }));
      const { storedKeys } = await this.tally.recordUsage(usageStream(NAMESPACE), records);
      stored += storedKeys.size;
    });
    return stored;
  }

  /** Tally's aggregate append, to one stream per writer, as the peer is asked to do. */
  private async append(events: readonly CloudEvent[]): Promise<number> {
    let appended = 0;
    await inParallel(chunk(events, this.options.batchSize), this.options.writers, async (batch, writer) => {
      const metadata = { namespace: NAMESPACE, correlationId: `bench-${batch[0].id}` };
      const newEvents: NewEvent[] = batch.map((e) => ({
        type: USAGE_RECORDED,
        data: usageData(e),
        metadata,
      }));
      await this.tally.append(`benchusage-${writer}`, newEvents, ExpectedVersion.any);
      appended += batch.length;
    });
    return appended;
  }

  private async peerAppend(events: readonly CloudEvent[]): Promise<number> {
    let appended = 0;
    await inParallel(chunk(events, this.options.batchSize), this.options.writers, async (batch, writer) => {
      const metadata = { namespace: NAMESPACE, correlationId: `bench-${batch[0].id}` };
      await this.peer.appendToStream(
        `benchusage-${writer}`,
        batch.map((e) => ({ type: USAGE_RECORDED, data: usageData(e), metadata })),
      );
      appended += batch.length;
    });
    return appended;
  }
}

/** Each run writes the same events every way, into emptied tables, in a rotating order. */
export async function measureStore(
  server: Server,
  options: BenchOptions,
  figures: Figures,
  log: (line: string) => void,
): Promise<Partial<Record<keyof StoreSample, CpuSummary>>> {
  const database = 'bench_store';
  const url = await server.createDatabase(database);
  const bench = await StoreBench.open(url, options.store);
  try {
    const order: (keyof StoreSample)[] = [
      'raw_copy_eps',
      'record_usage_eps',
      'append_eps',
      'peer_append_eps',
    ];
    const sources = { postgres: server.postmasterPid };
    const accounts = Object.fromEntries(order.map((key) => [key, new CpuAccount(sources)])) as Record<
      keyof StoreSample,
      CpuAccount
    >;
    const set = (run: number, events: number): DataSet => ({
      events,
      users: Math.ceil(events / 10),
      subjects: 10,
      from: new Date(Date.now() - 24 * 3600_000),
      to: new Date(),
      idPrefix: `store-${run}`,
      seed: run,
    });
    // Unmeasured: the first writes of each kind pay for cold code, caches and connections.
    await bench.run(eventsOf(set(-1, 2000), 0, 2000), order);
    for (let run = 0; run < options.runs; run++) {
      const rotated = [...order.slice(run % 4), ...order.slice(0, run % 4)];
      const sample = await bench.run(
        eventsOf(set(run, options.store.events), 0, options.store.events),
        rotated,
        accounts,
      );
      for (const [key, eps] of Object.entries(sample) as [keyof StoreSample, number][]) figures.add(key, eps);
      figures.add('record_usage_copy_ratio', sample.record_usage_eps / sample.raw_copy_eps);
      figures.add('peer_append_ratio', sample.append_eps / sample.peer_append_eps);
      log(
        `  run ${run + 1}/${options.runs}: ${Object.entries(sample)
          .map(([k, v]) => `${k} ${Math.round(v)}`)
          .join(', ')}`,
      );
    }
    figures.note('record_usage_copy_ratio', 'median of the ratios within each run');
    figures.note('peer_append_ratio', 'median of the ratios within each run');
    const cpu: Partial<Record<keyof StoreSample, CpuSummary>> = {};
    for (const key of order) {
      const summary = accounts[key].summary(1000);
      if (summary) cpu[key] = summary;
    }
    return cpu;
  } finally {
    await bench.stop();
    await server.dropDatabase(database);
  }
}
