import type { Pool, PoolClient } from 'pg';
import { timestampFromEpochMs } from '../../database/epoch-ms';
import { DEADLOCK_DETECTED, sqlStateOf, UNIQUE_VIOLATION } from '../../database/pg-errors';
import {
  AppendResult,
  EventTypeFilter,
  FilteredRead,
  IntakeDay,
  EventMetadata,
  EventStore,
  ExpectedVersion,
  LOG_START,
  LogPosition,
  NewEvent,
  ReadStreamResult,
  RecordUsageResult,
  RecordedEvent,
  StreamVersion,
  StreamVersionConflict,
  Subscription,
  UsageIntake,
  UsageRecord,
  comparePositions,
  USAGE_RECORDED,
} from '../event-store.port';

/**
 * The SQL condition for a type filter on `param`. A filter that can never match usage also says so
 * (`stream_version IS NOT NULL`: every event but usage belongs to a versioned stream), which lets the
 * read walk the small stream-order index instead of every usage event in the log.
 */
function typesMatching(filter: EventTypeFilter, param: string): string {
  const types = 'only' in filter ? `type = ANY(${param})` : `type <> ALL(${param})`;
  const skipsUsage =
    'only' in filter ? !filter.only.includes(USAGE_RECORDED) : filter.except.includes(USAGE_RECORDED);
  return skipsUsage ? `stream_version IS NOT NULL AND ${types}` : types;
}

interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: string | null;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

/**
 * Reconciliation counters, in the very statement that stores the usage, so they commit or roll back
 * with it: per (namespace, event hour, shard), `accepted` grows by every accepted event ($7/$8: per
 * hour, repeats the caller dropped included) and `stored` by the records actually inserted
 * (`storedTallies` picks them from $6: each record's event hour, null for a record without a time or
 * repeating an earlier key). Hours are cut here, not by date_trunc, and keys joined in byte order:
 * both cost more in SQL than the rest of the count. Rows are sharded by backend so concurrent writers do not queue on one hot row, and upserted
 * in hour order so two writers never deadlock on them.
 */
function intakeCounters(storedTallies: string): string {
  return `tallies AS (
         SELECT a.hour_ms, a.events AS accepted, 0 AS stored
         FROM unnest($7::bigint[], $8::int[]) AS a(hour_ms, events)
         UNION ALL
         ${storedTallies}
       ), counted AS (
         INSERT INTO reconciliation_intake AS c (namespace, hour, shard, accepted, stored)
         SELECT $5, ${timestampFromEpochMs('hour_ms')}, pg_backend_pid() % 16, sum(accepted), sum(stored)
         FROM tallies GROUP BY hour_ms ORDER BY hour_ms
         ON CONFLICT (namespace, hour, shard)
         DO UPDATE SET accepted = c.accepted + excluded.accepted, stored = c.stored + excluded.stored
       )`;
}

/** A usage batch's rows in its order: $1 the stream, $2 the dedup keys, $3 and $4 data and metadata as JSON arrays. */
const USAGE_ROWS_SQL = `SELECT $1, '${USAGE_RECORDED}', e.data, e.metadata, e.dedup_key
         FROM ROWS FROM (unnest($2::text[]), json_array_elements($3::json), json_array_elements($4::json))
           AS e(dedup_key, data, metadata)`;

/** Stores the records whose keys are new, skipping the others, and returns the keys it stored. */
const SKIPPING_USAGE_SQL = `WITH inserted AS (
         INSERT INTO tally_events (stream_id, type, data, metadata, dedup_key)
         ${USAGE_ROWS_SQL}
         ON CONFLICT (dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING
         RETURNING dedup_key
       ), ${intakeCounters(`SELECT r.hour_ms, 0, 1
         FROM unnest($2::text[], $6::bigint[]) AS r(dedup_key, hour_ms)
         JOIN inserted ON inserted.dedup_key COLLATE "C" = r.dedup_key COLLATE "C"
         WHERE r.hour_ms IS NOT NULL`)}
       SELECT dedup_key FROM inserted`;

/**
 * Stores every record, failing whole on a key stored before. Nearly every batch is all new, and
 * without ON CONFLICT's speculative insertion this statement costs PostgreSQL markedly less
 * (BENCHMARKS.md, "Figures behind the code"), so it is tried first.
 */
const NEW_USAGE_SQL = `WITH ${intakeCounters('SELECT hour_ms, 0, 1 FROM unnest($6::bigint[]) AS r(hour_ms) WHERE hour_ms IS NOT NULL')}
       INSERT INTO tally_events (stream_id, type, data, metadata, dedup_key)
       ${USAGE_ROWS_SQL}`;

const HOUR_MS = 3_600_000;
const hourOf = (at: Date): number => Math.floor(at.getTime() / HOUR_MS) * HOUR_MS;

/** $5–$8 of `recordUsage`: the namespace, each record's stored hour, accepted events per hour (epoch ms). */
function intakeParameters(records: readonly UsageRecord[], intake: UsageIntake | undefined): unknown[] {
  const seen = new Set<string>();
  const storedHours = records.map((r) => {
    // Only the first record of a key can be the one inserted.
    const first = !seen.has(r.dedupKey);
    seen.add(r.dedupKey);
    return first && r.occurredAt ? hourOf(r.occurredAt) : null;
  });
  const acceptedAt = intake?.acceptedAt ?? records.flatMap((r) => (r.occurredAt ? [r.occurredAt] : []));
  const accepted = new Map<number, number>();
  for (const at of acceptedAt) {
    const hour = hourOf(at);
    accepted.set(hour, (accepted.get(hour) ?? 0) + 1);
  }
  return [records[0].metadata.namespace, storedHours, [...accepted.keys()], [...accepted.values()]];
}

/**
 * Two usage batches sharing keys in opposite orders can each wait for the other's claim; PostgreSQL
 * then aborts one. Its statement rolled back whole (events and counters), so it goes again — after a
 * random pause that grows with each attempt: gone again at once, it claims keys in the same order
 * while the winner is still claiming its own, and meets it in a new deadlock (eight writers of the
 * same 200 keys used up five immediate retries). Once the winner has committed, the retry skips its
 * keys without waiting.
 */
const DEADLOCK_ATTEMPTS = 8;

async function retryDeadlocks<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (sqlStateOf(error) !== DEADLOCK_DETECTED || attempt >= DEADLOCK_ATTEMPTS) throw error;
      await deadlockPause(attempt);
    }
  }
}

function deadlockPause(attempt: number): Promise<void> {
  const pauseMs = Math.random() * Math.min(500, 25 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, pauseMs));
}

/** Appends with the expected version checked inside the INSERT itself: one round trip per append. */
const APPEND_SQL = `
  WITH current AS (
    SELECT coalesce(max(stream_version), 0) AS version
    FROM tally_events WHERE stream_id = $1 AND stream_version IS NOT NULL
  ), allowed AS (
    SELECT version FROM current
    WHERE CASE $5::text
      WHEN 'any' THEN true
      WHEN 'no_stream' THEN version = 0
      WHEN 'stream_exists' THEN version > 0
      ELSE version = $6::bigint
    END
  )
  INSERT INTO tally_events (stream_id, stream_version, type, data, metadata)
  SELECT $1, allowed.version + e.ordinal, e.type, e.data, e.metadata
  FROM allowed, unnest($2::text[], $3::json[], $4::json[]) WITH ORDINALITY AS e(type, data, metadata, ordinal)
  RETURNING stream_version`;

const READ_ALL_SQL = `
  SELECT global_position, transaction_id, stream_id, stream_version, type, data, metadata, recorded_at
  FROM tally_events
  WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
    AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY transaction_id, global_position
  LIMIT $3`;

/**
 * The last committed event, whether or not a reader may take it yet: a query that waits for the
 * projections to pass it sees every write acknowledged before it started, even while some older
 * transaction is still open (a reader reaches the head as soon as that one ends).
 */
const HEAD_SQL = `
  SELECT global_position, transaction_id FROM tally_events
  ORDER BY transaction_id DESC, global_position DESC LIMIT 1`;

export interface PostgresEventStoreOptions {
  /** How often a subscription polls when it has caught up. */
  readonly pollIntervalMs?: number;
}

/** The embedded default. Shares the read models' database, so the log and projections live together. */
export class PostgresEventStore implements EventStore {
  readonly deduplicatesUsage = true;
  readonly countsIntake = true;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly pool: Pool,
    options: PostgresEventStoreOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.tryAppend(streamId, events, expected);
      } catch (error) {
        // Two `any` appends raced for the same next version: the loser simply goes again.
        const raced = error instanceof StreamVersionConflict && expected.kind === 'any';
        if (!raced || attempt >= 10) throw error;
      }
    }
  }

  private async tryAppend(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    if (events.length === 0) {
      const version = await this.currentVersion(streamId);
      if (!satisfies(expected, version)) throw new StreamVersionConflict(streamId, expected, version);
      return { nextVersion: version };
    }
    let rows: { stream_version: string }[];
    try {
      const result = await this.pool.query<{ stream_version: string }>(APPEND_SQL, [
        streamId,
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
        expected.kind,
        expected.kind === 'exact' ? expected.version : null,
      ]);
      rows = result.rows;
    } catch (error) {
      if (sqlStateOf(error) === UNIQUE_VIOLATION) {
        throw new StreamVersionConflict(streamId, expected, undefined);
      }
      throw error;
    }
    if (rows.length === 0) {
      throw new StreamVersionConflict(streamId, expected, await this.currentVersion(streamId));
    }
    return { nextVersion: Math.max(...rows.map((r) => Number(r.stream_version))) };
  }

  async readStream(streamId: string): Promise<ReadStreamResult> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT global_position, transaction_id, stream_id, stream_version, type, data, metadata, recorded_at
       FROM tally_events WHERE stream_id = $1 AND stream_version IS NOT NULL ORDER BY stream_version`,
      [streamId],
    );
    const events = rows.map(toRecordedEvent);
    return { version: events.length === 0 ? 0 : events[events.length - 1].streamVersion, events };
  }

  async streamExists(streamId: string): Promise<boolean> {
    return (await this.currentVersion(streamId)) > 0;
  }

  async readAll(after: LogPosition, limit: number): Promise<readonly RecordedEvent[]> {
    const rows = await this.readInLogOrder<EventRow>(READ_ALL_SQL, [
      after.commit.toString(),
      after.prepare.toString(),
      limit,
    ]);
    return rows.map(toRecordedEvent);
  }

  async readAllMatching(after: LogPosition, limit: number, filter: EventTypeFilter): Promise<FilteredRead> {
    // One statement, so one snapshot: the matching rows and the point the scan reached agree, and no
    // event can commit below that point unseen between the two.
    const rows = await this.readInLogOrder<
      EventRow & { head_transaction_id: string | null; head_position: string | null }
    >(
      `WITH safe AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin),
       matching AS (
         SELECT global_position, transaction_id, stream_id, stream_version, type, data, metadata, recorded_at
         FROM tally_events, safe
         WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
           AND transaction_id < safe.xmin
           AND ${typesMatching(filter, '$4')}
         ORDER BY transaction_id, global_position
         LIMIT $3),
       head AS (
         SELECT transaction_id AS head_transaction_id, global_position AS head_position
         FROM tally_events, safe WHERE transaction_id < safe.xmin
         ORDER BY transaction_id DESC, global_position DESC LIMIT 1)
       SELECT matching.*, head.* FROM head LEFT JOIN matching ON true
       ORDER BY matching.transaction_id, matching.global_position`,
      [
        after.commit.toString(),
        after.prepare.toString(),
        limit,
        'only' in filter ? filter.only : filter.except,
      ],
    );
    const events = rows.filter((r) => r.global_position !== null).map(toRecordedEvent);
    if (events.length === limit) return { events, scannedTo: events[events.length - 1].position };
    const head = rows[0];
    const scanned = head?.head_transaction_id
      ? { commit: BigInt(head.head_transaction_id), prepare: BigInt(head.head_position!) }
      : after;
    return { events, scannedTo: comparePositions(scanned, after) > 0 ? scanned : after };
  }

  /**
   * A read of the log in its order, in a transaction that rules out sorting, so that only a scan of
   * the (transaction_id, global_position) index can answer it, and it stops at the limit. Left to
   * itself, with statistics taken before a burst of usage, the planner expected a few hundred rows
   * past the position and chose to collect and sort all of them, on disk, to return one batch
   * (BENCHMARKS.md, "Figures behind the code").
   */
  private async readInLogOrder<Row extends object>(sql: string, params: unknown[]): Promise<Row[]> {
    return this.inTransaction('BEGIN READ ONLY; SET LOCAL enable_sort = off', async (client) => {
      const { rows } = await client.query<Row>(sql, params);
      return rows;
    });
  }

  /** Runs `work` in a transaction (opened by `begin`) on one connection of the pool, committed if it succeeds. */
  private async inTransaction<T>(begin: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A connection lost while we hold it (PostgreSQL stopping) is also emitted as an 'error' event,
    // which unheard would end the process; the statement under way or the next one fails with it.
    const heard = () => undefined;
    client.on('error', heard);
    let unusable: Error | undefined;
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // Rolled back, the connection goes back to the pool; if even that fails, it is closed instead.
      unusable = await client.query('ROLLBACK').then(
        () => undefined,
        (rollbackError: Error) => rollbackError,
      );
      throw error;
    } finally {
      client.off('error', heard);
      client.release(unusable);
    }
  }

  async headPosition(): Promise<LogPosition> {
    const { rows } = await this.pool.query<{ global_position: string; transaction_id: string }>(HEAD_SQL);
    return rows.length === 0
      ? LOG_START
      : { commit: BigInt(rows[0].transaction_id), prepare: BigInt(rows[0].global_position) };
  }

  async countAfter(after: LogPosition, cap: number, filter?: EventTypeFilter): Promise<number> {
    const types = filter ? `AND ${typesMatching(filter, '$4')}` : '';
    // Every committed event past `after`, readable yet or not: events held back behind an open
    // transaction are lag too (counting only readable ones showed 0 while a projection was stuck).
    const { rows } = await this.pool.query<{ count: string }>(
      `SELECT count(*) AS count FROM (
         SELECT 1 FROM tally_events
         WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) ${types}
         LIMIT $3) AS pending`,
      [
        after.commit.toString(),
        after.prepare.toString(),
        cap,
        ...(filter ? ['only' in filter ? filter.only : filter.except] : []),
      ],
    );
    return Number(rows[0].count);
  }

  async secondsBehind(after: LogPosition, filter?: EventTypeFilter): Promise<number> {
    const types = filter ? `AND ${typesMatching(filter, '$3')}` : '';
    // The first event in log order, as readers take them: the one a projection waits on longest.
    const { rows } = await this.pool.query<{ seconds: number | null }>(
      `SELECT extract(epoch FROM clock_timestamp() - (
         SELECT recorded_at FROM tally_events
         WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) ${types}
         ORDER BY transaction_id, global_position LIMIT 1))::float8 AS seconds`,
      [
        after.commit.toString(),
        after.prepare.toString(),
        ...(filter ? ['only' in filter ? filter.only : filter.except] : []),
      ],
    );
    return Math.max(0, rows[0].seconds ?? 0);
  }

  subscribe(from: LogPosition, onEvent: (event: RecordedEvent) => Promise<void>): Subscription {
    let running = true;
    let wake: (() => void) | undefined;
    const loop = (async () => {
      let position = from;
      while (running) {
        const batch = await this.readAll(position, 500);
        for (const event of batch) {
          if (!running) return;
          await onEvent(event);
          position = event.position;
        }
        if (batch.length === 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, this.pollIntervalMs);
          });
        }
      }
    })();
    return {
      stop: async () => {
        running = false;
        wake?.();
        await loop;
      },
    };
  }

  /**
   * A batch with no repeats inside it goes in as all new first; should a key be stored already (a
   * client retrying) or be claimed by a concurrent batch (a deadlock), nothing of it was written, and
   * it goes again by the statement that skips stored keys.
   */
  async recordUsage(
    streamId: string,
    records: readonly UsageRecord[],
    intake?: UsageIntake,
  ): Promise<RecordUsageResult> {
    if (records.length === 0) return { storedKeys: new Set() };
    const keys = records.map((r) => r.dedupKey);
    const values = [
      streamId,
      keys,
      dataArray(records),
      `[${metadataJsonOf(records).join(',')}]`,
      ...intakeParameters(records, intake),
    ];
    // A key repeated inside the batch would fail the all-new insert on itself.
    if (new Set(keys).size === keys.length) {
      try {
        await this.pool.query({ name: 'tally_record_new_usage', text: NEW_USAGE_SQL, values });
        return { storedKeys: new Set(keys) };
      } catch (error) {
        const code = sqlStateOf(error);
        if (code === DEADLOCK_DETECTED) await deadlockPause(1);
        else if (code !== UNIQUE_VIOLATION) throw error;
      }
    }
    return retryDeadlocks(() => this.insertSkippingStored(values));
  }

  /** Stores the records whose keys are new, skipping the others, with the counters, in one statement. */
  private async insertSkippingStored(values: unknown[]): Promise<RecordUsageResult> {
    // ON CONFLICT DO NOTHING both skips keys stored earlier and, inside one statement, repeats of a key.
    const { rows } = await this.pool.query<{ dedup_key: string }>({
      // Prepared once per connection: planning this statement cost more than storing a dozen events.
      name: 'tally_record_usage',
      text: SKIPPING_USAGE_SQL,
      values,
    });
    return { storedKeys: new Set(rows.map((r) => r.dedup_key)) };
  }

  async storedUsageKeys(dedupKeys: readonly string[]): Promise<ReadonlySet<string>> {
    if (dedupKeys.length === 0) return new Set();
    // The unique index that deduplicates usage answers this, committed rows only.
    const { rows } = await this.pool.query<{ dedup_key: string }>(
      `SELECT dedup_key FROM tally_events WHERE dedup_key = ANY($1::text[])`,
      [[...new Set(dedupKeys)]],
    );
    return new Set(rows.map((r) => r.dedup_key));
  }

  /** Sums the sharded per-hour counters into UTC days. */
  async intakeByDay(
    namespace: string,
    range: { readonly from: Date; readonly to: Date },
  ): Promise<IntakeDay[]> {
    const { rows } = await this.pool.query<{ day: Date; accepted: string; stored: string }>(
      `SELECT date_trunc('day', hour, 'UTC') AS day, sum(accepted) AS accepted, sum(stored) AS stored
       FROM reconciliation_intake
       WHERE namespace = $1 AND hour >= $2 AND hour < $3
       GROUP BY 1`,
      [namespace, range.from, range.to],
    );
    return rows.map((r) => ({ day: r.day, accepted: Number(r.accepted), stored: Number(r.stored) }));
  }

  async close(): Promise<void> {
    // The pool belongs to whoever made it.
  }

  private async currentVersion(streamId: string): Promise<StreamVersion> {
    const { rows } = await this.pool.query<{ version: string }>(
      `SELECT coalesce(max(stream_version), 0) AS version FROM tally_events WHERE stream_id = $1 AND stream_version IS NOT NULL`,
      [streamId],
    );
    return Number(rows[0].version);
  }
}

function satisfies(expected: ExpectedVersion, version: StreamVersion): boolean {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'no_stream':
      return version === 0;
    case 'stream_exists':
      return version > 0;
    case 'exact':
      return version === expected.version;
  }
}

/**
 * The records' data as one JSON array, the parameter of `json_array_elements`: a json[] literal
 * escaped every quote of every element (in pg, and again in PostgreSQL's array parser), which cost
 * more than the JSON itself. One stringify of the whole array takes a third of the time of one per
 * record joined.
 */
function dataArray(records: readonly UsageRecord[]): string {
  return JSON.stringify(records.map((r) => r.data));
}

/** Each record's metadata as JSON, encoded once per request: the records of one request share it. */
function metadataJsonOf(records: readonly UsageRecord[]): string[] {
  let last: EventMetadata | undefined;
  let lastJson = '';
  return records.map((r) => {
    if (r.metadata !== last) {
      last = r.metadata;
      lastJson = JSON.stringify(r.metadata);
    }
    return lastJson;
  });
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    streamVersion: row.stream_version === null ? 0 : Number(row.stream_version),
    position: { commit: BigInt(row.transaction_id), prepare: BigInt(row.global_position) },
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}
