import type { DataSource, QueryRunner } from 'typeorm';
import type { ClientBase } from 'pg';
import { copyChunks, copyFrom } from '../database/copy-from';
import {
  EventStore,
  EventTypeFilter,
  FilteredRead,
  LOG_START,
  LogPosition,
  RecordedEvent,
  comparePositions,
  formatPosition,
  matchesFilter,
} from '../event-store/event-store.port';
import { conflict } from '../shared/errors';
import { traced } from '../telemetry/tracing';
import {
  Projection,
  ProjectionState,
  ProjectionStatus,
  ProjectionTransaction,
  versionOf,
} from './projection';

export interface RunnerLogger {
  info(message: string): void;
  error(message: string): void;
}

export interface ProjectionRunnerOptions {
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  readonly maxBackoffMs?: number;
  readonly logger?: RunnerLogger;
  /** Told of every batch applied to a live projection (metrics). */
  readonly onApplied?: (projection: string, events: number) => void;
}

export interface RebuildProgress {
  readonly projection: string;
  /** Events of the types it applies, read so far. */
  readonly processed: number;
  /** Those events in the log when the rebuild started, where the store can count them. */
  readonly total: number | null;
}

/**
 * One way of feeding a projection: the live lane writes its real tables under its own checkpoint;
 * a rebuild lane writes shadow copies under a checkpoint of its own, from the start of the log.
 */
interface Lane {
  readonly projection: Projection;
  readonly handles: EventTypeFilter;
  readonly checkpoint: string;
  readonly table: (name: string) => string;
  state: ProjectionState;
  lastError?: string;
  loop?: Promise<void>;
  /** The next batch, read while the previous one was being applied. */
  readAhead?: { readonly after: LogPosition; readonly read: Promise<FilteredRead> };
  /** Where the lane last found nothing more to apply (unset once it applies or is swapped). */
  caughtUpAt?: LogPosition;
}

type Step = { kind: 'applied'; events: number } | { kind: 'idle' } | { kind: 'busy-elsewhere' };

const TABLE_NAME = /^[a-z_][a-z0-9_]{0,50}$/;
const SHADOW_SUFFIX = '__rebuild';
const REBUILD_SUFFIX = '#rebuild';

/**
 * Feeds projections from the log. Each batch of read-model changes commits in one transaction with
 * the projection's checkpoint, so a batch takes effect exactly once. The checkpoint row is locked for
 * the batch (skip-locked) and re-checked, so two runners — in one process or many — never both
 * apply an event. A batch that fails is rolled back and retried with backoff: the projection stops
 * advancing (and says so in its status) rather than skip the event.
 *
 * A rebuild replays the whole log into shadow tables while the live ones keep serving, then swaps
 * them in one transaction. A projection whose version changed (`name@v2` where `name@v1` ran) is
 * rebuilt that way when the runner starts.
 */
export class ProjectionRunner {
  private readonly lanes = new Map<string, Lane>();
  private readonly rebuilds = new Map<string, Promise<void>>();
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly logger: RunnerLogger;
  private readonly onApplied: (projection: string, events: number) => void;
  private running = false;
  private wakeUps = new Set<() => void>();
  private progressWaiters = new Set<() => void>();
  /** One look at the log's head, shared by the idle lanes polling at about the same time. */
  private headLook?: { readonly at: number; readonly head: Promise<LogPosition | undefined> };

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    projections: readonly Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    for (const projection of projections) {
      if (this.lanes.has(projection.name)) throw new Error(`two projections are named ${projection.name}`);
      const badTable = projection.tables.find((t) => !TABLE_NAME.test(t));
      if (badTable) throw new Error(`projection ${projection.name}: "${badTable}" is not a plain table name`);
      this.lanes.set(projection.name, liveLane(projection));
    }
    // Each batch has fixed costs (a transaction, a checkpoint, one statement per table): larger batches
    // catch a backlog up faster, and 5,000 keeps a transaction to a second or so at most
    // (BENCHMARKS.md, "Figures behind the code").
    this.batchSize = options.batchSize ?? 5000;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.logger = options.logger ?? { info: () => undefined, error: (m) => console.error(m) };
    this.onApplied = options.onApplied ?? (() => undefined);
  }

  get projectionNames(): string[] {
    return [...this.lanes.keys()];
  }

  /**
   * Gives every projection a checkpoint row. A projection seen for the first time starts at the log's
   * start — unless an older version of it ran here, whose tables then keep serving while the new
   * version is rebuilt: those are returned.
   */
  async register(): Promise<string[]> {
    const upgraded: string[] = [];
    for (const name of this.lanes.keys()) {
      const [mine] = await this.dataSource.query(
        `SELECT 1 FROM tally_projection_checkpoints WHERE name = $1`,
        [name],
      );
      if (mine) continue;
      const older = await this.dataSource.query(
        `SELECT name FROM tally_projection_checkpoints WHERE name LIKE $1 AND name NOT LIKE '%${REBUILD_SUFFIX}'`,
        [`${baseName(name)}@v%`],
      );
      if (older.length > 0) upgraded.push(name);
      else {
        await this.dataSource.query(
          `INSERT INTO tally_projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`,
          [name],
        );
      }
    }
    return upgraded;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const upgraded = new Set(await this.register());
    this.running = true;
    for (const lane of this.lanes.values()) {
      if (upgraded.has(lane.projection.name)) {
        this.logger.info(
          `projection ${lane.projection.name} is new: rebuilding it from the log while its tables serve`,
        );
        void this.rebuild(lane.projection.name)
          .then(() => this.startLane(lane))
          .catch((error) => this.fail(lane, error));
      } else {
        this.startLane(lane);
      }
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await Promise.all([...this.lanes.values()].flatMap((lane) => (lane.loop ? [lane.loop] : [])));
    await Promise.allSettled([...this.rebuilds.values()]);
    for (const lane of this.lanes.values()) if (lane.state === 'running') lane.state = 'stopped';
  }

  /** Wakes idle projections now, e.g. right after this process appended events. */
  nudge(): void {
    this.headLook = undefined; // taken before the append that nudged
    const wakeUps = this.wakeUps;
    this.wakeUps = new Set();
    for (const wake of wakeUps) wake();
  }

  /**
   * Processes projections until each has applied every event committed before this call (tests,
   * CLI, benchmarks). A transaction still open elsewhere can hold readers back for a moment; this
   * waits it out rather than stop short.
   */
  async catchUp(names: readonly string[] = this.projectionNames, timeoutMs = 60_000): Promise<void> {
    const head = await this.store.headPosition();
    const upgraded = await this.register();
    const deadline = Date.now() + timeoutMs;
    for (const name of names) {
      if (upgraded.includes(name)) await this.rebuild(name);
      const lane = this.lane(name);
      for (;;) {
        await this.drainLane(lane);
        const [position] = await this.positionsOf([lane.checkpoint]);
        if (comparePositions(position, head) >= 0) break;
        if (Date.now() > deadline)
          throw new Error(`${name} did not reach the log head within ${timeoutMs} ms`);
        await sleep(10);
      }
    }
  }

  /**
   * Waits until every named projection has reached `head`, at most `timeoutMs`; false on timeout.
   * Reads wait through `readYourWrites`, which turns false into a 503 no caller can overlook.
   */
  async waitFor(
    names: readonly string[],
    head: LogPosition | Promise<LogPosition>,
    timeoutMs: number,
  ): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    // The first checkpoint read runs alongside the head's: checkpoints only move forward, so one
    // read before the head that is already at it is caught up — one round trip instead of two.
    const [first, target] = await Promise.all([this.positions(names), head]);
    for (let positions = first; ; positions = await this.positions(names)) {
      if (positions.every((p) => comparePositions(p, target) >= 0)) return true;
      if (Date.now() >= deadline) return false;
      this.nudge();
      await new Promise<void>((resolve) => {
        const done = () => {
          this.progressWaiters.delete(done);
          resolve();
        };
        this.progressWaiters.add(done);
        setTimeout(done, Math.min(this.running ? 25 : 10, Math.max(1, deadline - Date.now())));
      });
    }
  }

  /**
   * Replays the whole log into shadow copies of the projection's tables, then swaps them in. The live
   * tables answer queries until the swap; a second rebuild of the same projection, from this process
   * or another, is refused while one runs.
   */
  rebuild(name: string, onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    const live = this.lane(name);
    if (this.rebuilds.has(name)) {
      return Promise.reject(conflict('PROJECTIONS.ALREADY_REBUILDING', `${name} is already being rebuilt`));
    }
    const work = this.runRebuild(live, onProgress).finally(() => this.rebuilds.delete(name));
    this.rebuilds.set(name, work);
    return work;
  }

  /**
   * Starts a rebuild in the background; rejects at once if one is already running. A refusal (or a
   * failure within the first moments) is the caller's answer; a later failure goes to the log and
   * the status, as nobody is waiting for it.
   */
  async startRebuild(name: string): Promise<void> {
    const started = this.rebuild(name);
    const early = await Promise.race([
      started.then(
        () => undefined,
        (error: unknown) => ({ error }),
      ),
      sleep(50).then(() => undefined),
    ]);
    if (early) throw early.error;
    started.catch((error) => this.logger.error(`rebuild of ${name} failed: ${messageOf(error)}`));
  }

  async status(): Promise<ProjectionStatus[]> {
    // A shadow checkpoint that has not moved for a minute is a rebuild that died, not one running.
    const rows = await this.dataSource.query<CheckpointRow[]>(
      `SELECT name, position_commit, position_prepare, state, last_error FROM tally_projection_checkpoints
       WHERE name NOT LIKE '%${REBUILD_SUFFIX}' OR updated_at > now() - interval '1 minute'`,
    );
    const byName = new Map(rows.map((r) => [r.name, r]));
    return Promise.all(
      this.projectionNames.map(async (name) => {
        const lane = this.lane(name);
        const row = byName.get(name);
        const position = row ? positionOf(row) : LOG_START;
        const rebuilding = this.rebuilds.has(name) || byName.has(name + REBUILD_SUFFIX);
        const persisted = (row?.state as ProjectionState | undefined) ?? 'stopped';
        const state: ProjectionState = rebuilding ? 'rebuilding' : this.running ? lane.state : persisted;
        const lastError = lane.lastError ?? row?.last_error ?? undefined;
        return {
          name,
          version: versionOf(name),
          position: formatPosition(position),
          lag: this.store.countAfter ? await this.store.countAfter(position, 1_000_000, lane.handles) : null,
          lagSeconds: this.store.secondsBehind
            ? await this.store.secondsBehind(position, lane.handles)
            : null,
          state,
          ...(lastError && state === 'failed' ? { lastError } : {}),
        };
      }),
    );
  }

  private startLane(lane: Lane): void {
    if (!this.running) return;
    lane.state = 'running';
    lane.loop = this.run(lane);
  }

  private async run(lane: Lane): Promise<void> {
    let backoff = 0;
    while (this.running) {
      if (await this.nothingNewSince(lane)) {
        await this.idle(this.pollIntervalMs);
        continue;
      }
      let step: Step;
      try {
        step = await this.step(lane);
        if (step.kind === 'applied') this.onApplied(lane.projection.name, step.events);
        if (lane.state === 'failed') await this.recovered(lane);
        lane.state = 'running';
        lane.lastError = undefined;
        backoff = 0;
      } catch (error) {
        backoff = Math.min(this.maxBackoffMs, backoff === 0 ? 250 : backoff * 2);
        await this.fail(lane, error);
        await this.idle(backoff);
        continue;
      }
      if (step.kind !== 'applied') await this.idle(this.pollIntervalMs);
    }
  }

  private async drainLane(lane: Lane, onBatch?: (events: number) => void): Promise<void> {
    for (;;) {
      const step = await this.step(lane);
      if (step.kind === 'idle') return;
      if (step.kind === 'busy-elsewhere') await sleep(this.pollIntervalMs);
      else onBatch?.(step.events);
    }
  }

  private async step(lane: Lane): Promise<Step> {
    const [known] = await this.positionsOf([lane.checkpoint]);
    const { events, scannedTo } = await this.readNext(lane, known);
    lane.caughtUpAt = undefined;
    if (comparePositions(scannedTo, known) <= 0) {
      lane.caughtUpAt = known;
      return { kind: 'idle' };
    }
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const locked = await runner.query(
        `SELECT name, position_commit, position_prepare FROM tally_projection_checkpoints
         WHERE name = $1 FOR UPDATE SKIP LOCKED`,
        [lane.checkpoint],
      );
      if (locked.length === 0 || comparePositions(positionOf(locked[0]), known) !== 0) {
        // Another runner holds this projection, or moved it since we read: its work, not ours.
        await runner.rollbackTransaction();
        return { kind: 'busy-elsewhere' };
      }
      // A full batch means a backlog: read the next one (another connection) while this one applies.
      if (events.length === this.batchSize) {
        const read = this.read(lane, scannedTo);
        read.catch(() => undefined); // a failed read-ahead is only a read to do again
        lane.readAhead = { after: scannedTo, read };
      }
      await traced(
        'projection.batch',
        { 'tally.projection': lane.checkpoint, 'tally.events': events.length },
        async () => {
          await this.applyBatch(lane, events, scannedTo, runner);
          await runner.commitTransaction();
        },
      );
      this.announceProgress();
      return { kind: 'applied', events: events.length };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw new BatchFailed(events, error);
    } finally {
      await runner.release();
    }
  }

  /**
   * Whether nothing has been committed since the lane found itself caught up: then the log's head is
   * still where the lane's read ended, and one look at the head, shared by every idle lane, replaces
   * each lane's checkpoint and log reads (five statements a lane, ten times a second, on an idle
   * service). An event committed out of order cannot hide below that head: the read ended there only
   * once every transaction that could still commit below it had ended.
   */
  private async nothingNewSince(lane: Lane): Promise<boolean> {
    const caughtUpAt = lane.caughtUpAt;
    if (caughtUpAt === undefined) return false;
    const now = Date.now();
    if (this.headLook === undefined || now - this.headLook.at >= this.pollIntervalMs / 2) {
      // A failed look only means the lane reads as before (and meets the failure there).
      this.headLook = { at: now, head: this.store.headPosition().catch(() => undefined) };
    }
    const head = await this.headLook.head;
    return head !== undefined && comparePositions(head, caughtUpAt) <= 0;
  }

  /** The batch read ahead if it starts where the lane's checkpoint is now, else a fresh read. */
  private async readNext(lane: Lane, after: LogPosition): Promise<FilteredRead> {
    const ahead = lane.readAhead;
    lane.readAhead = undefined;
    if (ahead && comparePositions(ahead.after, after) === 0) {
      const read = await ahead.read.catch(() => undefined);
      if (read) return read;
    }
    return this.read(lane, after);
  }

  /** The next events a lane applies, filtered by the store where it can, and how far that read got. */
  private async read(lane: Lane, after: LogPosition): Promise<FilteredRead> {
    if (this.store.readAllMatching) return this.store.readAllMatching(after, this.batchSize, lane.handles);
    const events = await this.store.readAll(after, this.batchSize);
    return {
      events: events.filter((e) => matchesFilter(lane.handles, e.type)),
      scannedTo: events.length > 0 ? events[events.length - 1].position : after,
    };
  }

  /** Applies a lane's events and moves its checkpoint to where its read got, in `runner`'s transaction. */
  private async applyBatch(
    lane: Lane,
    events: readonly RecordedEvent[],
    scannedTo: LogPosition,
    runner: QueryRunner,
  ): Promise<void> {
    if (events.length > 0) await lane.projection.apply(events, transactionOf(runner, lane.table));
    await runner.query(
      `UPDATE tally_projection_checkpoints
       SET position_commit = $2, position_prepare = $3, last_error = NULL, updated_at = clock_timestamp()
       WHERE name = $1`,
      [lane.checkpoint, scannedTo.commit.toString(), scannedTo.prepare.toString()],
    );
  }

  private async runRebuild(live: Lane, onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    const { projection } = live;
    const shadow = shadowLane(projection);
    // Held for the whole rebuild on one connection: another process's rebuild of it is refused.
    const guard = this.dataSource.createQueryRunner();
    await guard.connect();
    try {
      const [{ locked }] = await guard.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [
        shadow.checkpoint,
      ]);
      if (!locked)
        throw conflict('PROJECTIONS.ALREADY_REBUILDING', `${projection.name} is already being rebuilt`);
      try {
        for (const table of projection.tables) {
          await guard.query(`DROP TABLE IF EXISTS ${shadow.table(table)}`);
          await guard.query(`CREATE TABLE ${shadow.table(table)} (LIKE ${table} INCLUDING ALL)`);
        }
        await guard.query(
          `INSERT INTO tally_projection_checkpoints (name, state) VALUES ($1, 'rebuilding')
           ON CONFLICT (name) DO UPDATE SET position_commit = 0, position_prepare = 0, state = 'rebuilding', last_error = NULL`,
          [shadow.checkpoint],
        );
        const total = this.store.countAfter
          ? await this.store.countAfter(LOG_START, Number.MAX_SAFE_INTEGER, shadow.handles)
          : null;
        let processed = 0;
        onProgress?.({ projection: projection.name, processed, total });
        await this.drainLane(shadow, (events) => {
          processed += events;
          onProgress?.({ projection: projection.name, processed, total });
        });
        for (const table of projection.tables) await guard.query(`ANALYZE ${shadow.table(table)}`);
        await this.swapIn(live, shadow);
        this.logger.info(`projection ${projection.name} rebuilt from ${processed} events and swapped in`);
      } finally {
        await guard.query(`SELECT pg_advisory_unlock(hashtext($1))`, [shadow.checkpoint]);
      }
    } finally {
      await guard.release();
    }
    this.announceProgress();
  }

  /**
   * Stops the live lane for a moment (its checkpoint row lock), brings the shadow up to the very
   * head, and renames the shadow tables into place — all in one transaction, so readers see either
   * the old tables or the new ones, never a mix.
   */
  private async swapIn(live: Lane, shadow: Lane): Promise<void> {
    live.caughtUpAt = undefined;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SELECT 1 FROM tally_projection_checkpoints WHERE name = $1 FOR UPDATE`, [
        live.checkpoint,
      ]);
      let [position] = await this.positionsOf([shadow.checkpoint]);
      for (;;) {
        const { events, scannedTo } = await this.read(shadow, position);
        if (comparePositions(scannedTo, position) <= 0) break;
        await this.applyBatch(shadow, events, scannedTo, runner);
        position = scannedTo;
      }
      for (const table of live.projection.tables) {
        await runner.query(`ALTER TABLE ${table} RENAME TO ${table}__retired`);
        await runner.query(`ALTER TABLE ${shadow.table(table)} RENAME TO ${table}`);
        await runner.query(`DROP TABLE ${table}__retired`);
      }
      await runner.query(
        `INSERT INTO tally_projection_checkpoints (name, position_commit, position_prepare, state)
         VALUES ($1, $2, $3, 'running')
         ON CONFLICT (name) DO UPDATE SET position_commit = $2, position_prepare = $3, state = 'running',
           last_error = NULL, updated_at = now()`,
        [live.checkpoint, position.commit.toString(), position.prepare.toString()],
      );
      // The shadow's checkpoint and those of older versions of this projection are done with.
      await runner.query(
        `DELETE FROM tally_projection_checkpoints WHERE name = $1 OR (name LIKE $2 AND name <> $3)`,
        [shadow.checkpoint, `${baseName(live.checkpoint)}@v%`, live.checkpoint],
      );
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Processes that run no projections (API processes beside workers) read the state from the
   * checkpoint row: the recovery must reach it as the failure did, or they report the projection
   * failed — and themselves not ready — for good after one transient error.
   */
  private async recovered(lane: Lane): Promise<void> {
    await this.dataSource.query(
      `UPDATE tally_projection_checkpoints SET state = 'running', last_error = NULL, updated_at = now() WHERE name = $1 AND state = 'failed'`,
      [lane.checkpoint],
    );
    this.logger.info(`projection ${lane.projection.name} recovered`);
  }

  private async fail(lane: Lane, error: unknown): Promise<void> {
    const cause = error instanceof BatchFailed ? error.cause : error;
    const where =
      error instanceof BatchFailed && error.first
        ? ` in the batch starting at ${formatPosition(error.first.position)}`
        : '';
    const message = messageOf(cause);
    lane.state = 'failed';
    lane.lastError = message;
    // Only a step that succeeds clears the failure. Were the lane still known caught up, it would go
    // back to idling once the log is reachable again with nothing new in it, and stay failed (and
    // the service unready) until some write woke it: recovery must not wait for traffic.
    lane.caughtUpAt = undefined;
    this.logger.error(
      `projection ${lane.projection.name} failed${where}: ${message}; it will not advance until this is fixed`,
    );
    await this.dataSource
      .query(
        `UPDATE tally_projection_checkpoints SET state = 'failed', last_error = $2, updated_at = now() WHERE name = $1`,
        [lane.checkpoint, message],
      )
      .catch(() => undefined);
  }

  private positions(names: readonly string[]): Promise<LogPosition[]> {
    return this.positionsOf(names.map((name) => this.lane(name).checkpoint));
  }

  private async positionsOf(checkpoints: readonly string[]): Promise<LogPosition[]> {
    const rows = await this.dataSource.query<CheckpointRow[]>(
      `SELECT name, position_commit, position_prepare FROM tally_projection_checkpoints WHERE name = ANY($1)`,
      [checkpoints],
    );
    const byName = new Map(rows.map((r) => [r.name, positionOf(r)]));
    return checkpoints.map((name) => byName.get(name) ?? LOG_START);
  }

  private lane(name: string): Lane {
    const lane = this.lanes.get(name);
    if (!lane) throw new Error(`no projection named ${name}`);
    return lane;
  }

  private idle(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUps.delete(wake);
        resolve();
      }, ms);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      this.wakeUps.add(wake);
    });
  }

  private announceProgress(): void {
    const waiters = [...this.progressWaiters];
    this.progressWaiters.clear();
    for (const waiter of waiters) waiter();
  }
}

interface CheckpointRow {
  name: string;
  position_commit: string;
  position_prepare: string;
  state?: string;
  last_error?: string | null;
}

class BatchFailed extends Error {
  readonly first?: RecordedEvent;
  constructor(
    events: readonly RecordedEvent[],
    override readonly cause: unknown,
  ) {
    super(messageOf(cause));
    this.first = events[0];
  }
}

function liveLane(projection: Projection): Lane {
  return {
    projection,
    handles: handlesOf(projection),
    checkpoint: projection.name,
    table: (name) => name,
    state: 'stopped',
  };
}

function shadowLane(projection: Projection): Lane {
  return {
    projection,
    handles: handlesOf(projection),
    checkpoint: projection.name + REBUILD_SUFFIX,
    table: (name) => name + SHADOW_SUFFIX,
    state: 'rebuilding',
  };
}

function handlesOf(projection: Projection): EventTypeFilter {
  return 'except' in projection.handles
    ? projection.handles
    : { only: projection.handles as readonly string[] };
}

/** `usage@v3` → `usage`. */
function baseName(projectionName: string): string {
  return projectionName.replace(/@v\d+$/, '');
}

function positionOf(row: CheckpointRow): LogPosition {
  return { commit: BigInt(row.position_commit), prepare: BigInt(row.position_prepare) };
}

/** A projection's view of the transaction `runner` has open (connected), with its tables named by `table`. */
export function transactionOf(runner: QueryRunner, table: (name: string) => string): ProjectionTransaction {
  return {
    query: (sql, params) => runner.query(sql, params as unknown[]),
    manager: runner.manager,
    table,
    copyInto: (target, columns, rows) => {
      // TypeORM's PostgreSQL runner holds the pg client its queries go through, so the COPY queues behind them.
      const client = (runner as unknown as { databaseConnection: ClientBase }).databaseConnection;
      return copyFrom(client, `COPY ${target} (${columns.join(', ')}) FROM STDIN`, copyChunks(rows));
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
