import type { DataSource, QueryRunner } from 'typeorm';
import {
  EventStore,
  LOG_START,
  LogPosition,
  RecordedEvent,
  comparePositions,
  formatPosition,
} from '../event-store/event-store.port';
import { Projection, ProjectionState, ProjectionStatus, ProjectionTransaction, versionOf } from './projection';

export interface RunnerLogger {
  info(message: string): void;
  error(message: string): void;
}

export interface ProjectionRunnerOptions {
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  readonly maxBackoffMs?: number;
  readonly logger?: RunnerLogger;
}

interface Lane {
  readonly projection: Projection;
  readonly handles: ReadonlySet<string>;
  position: LogPosition;
  state: ProjectionState;
  lastError?: string;
  loop?: Promise<void>;
}

type Step = 'applied' | 'idle' | 'busy-elsewhere';

/**
 * Feeds projections from the log. Each batch of read-model changes commits in one transaction with
 * the projection's checkpoint, so a batch takes effect exactly once. The checkpoint row is locked for
 * the batch (skip-locked), and re-checked, so two runners — in one process or many — never both
 * apply an event. A batch that fails is rolled back and retried with backoff: the projection stops
 * advancing (and says so in its status) rather than skip the event.
 */
export class ProjectionRunner {
  private readonly lanes = new Map<string, Lane>();
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly logger: RunnerLogger;
  private running = false;
  private wakeUps = new Set<() => void>();
  private progressWaiters = new Set<() => void>();

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    projections: readonly Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    for (const projection of projections) {
      if (this.lanes.has(projection.name)) throw new Error(`two projections are named ${projection.name}`);
      this.lanes.set(projection.name, {
        projection,
        handles: new Set(projection.handles),
        position: LOG_START,
        state: 'stopped',
      });
    }
    this.batchSize = options.batchSize ?? 2000;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.logger = options.logger ?? { info: () => undefined, error: (m) => console.error(m) };
  }

  get projectionNames(): string[] {
    return [...this.lanes.keys()];
  }

  /** Makes sure every projection has a checkpoint row; the first start begins at the log's start. */
  async register(): Promise<void> {
    for (const name of this.lanes.keys()) {
      await this.dataSource.query(
        `INSERT INTO tally_projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`,
        [name],
      );
    }
  }

  async start(): Promise<void> {
    if (this.running) return;
    await this.register();
    this.running = true;
    for (const lane of this.lanes.values()) {
      lane.state = 'running';
      lane.loop = this.run(lane);
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await Promise.all([...this.lanes.values()].map((lane) => lane.loop));
    for (const lane of this.lanes.values()) if (lane.state === 'running') lane.state = 'stopped';
  }

  /** Wakes idle projections now, e.g. right after this process appended events. */
  nudge(): void {
    const wakeUps = this.wakeUps;
    this.wakeUps = new Set();
    for (const wake of wakeUps) wake();
  }

  /** Processes every projection until none has anything left (tests, CLI, benchmarks). */
  async catchUp(names: readonly string[] = this.projectionNames): Promise<void> {
    await this.register();
    for (const name of names) {
      const lane = this.lane(name);
      for (;;) {
        const step = await this.step(lane);
        if (step === 'idle') break;
        if (step === 'busy-elsewhere') await sleep(this.pollIntervalMs);
      }
    }
  }

  /**
   * Waits until every named projection has reached `head` (read-your-writes), at most `timeoutMs`.
   * Returns false on timeout; the caller then answers from what is there.
   */
  async waitFor(names: readonly string[], head: LogPosition, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const positions = await this.positions(names);
      if (positions.every((p) => comparePositions(p, head) >= 0)) return true;
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

  async status(): Promise<ProjectionStatus[]> {
    const rows = await this.dataSource.query<CheckpointRow[]>(
      `SELECT name, position_commit, position_prepare, state, last_error FROM tally_projection_checkpoints
       WHERE name = ANY($1)`,
      [this.projectionNames],
    );
    const byName = new Map(rows.map((r) => [r.name, r]));
    return Promise.all(
      this.projectionNames.map(async (name) => {
        const lane = this.lane(name);
        const row = byName.get(name);
        const position = row ? positionOf(row) : LOG_START;
        const state = this.running ? lane.state : ((row?.state as ProjectionState | undefined) ?? 'stopped');
        const lastError = lane.lastError ?? row?.last_error ?? undefined;
        return {
          name,
          version: versionOf(name),
          position: formatPosition(position),
          lag: this.store.countAfter ? await this.store.countAfter(position, 1_000_000) : null,
          state,
          ...(lastError && state === 'failed' ? { lastError } : {}),
        };
      }),
    );
  }

  private async run(lane: Lane): Promise<void> {
    let backoff = 0;
    while (this.running) {
      let step: Step;
      try {
        step = await this.step(lane);
        if (lane.state === 'failed') this.logger.info(`projection ${lane.projection.name} recovered`);
        lane.state = 'running';
        lane.lastError = undefined;
        backoff = 0;
      } catch (error) {
        backoff = Math.min(this.maxBackoffMs, backoff === 0 ? 250 : backoff * 2);
        await this.fail(lane, error);
        await this.idle(backoff);
        continue;
      }
      if (step !== 'applied') await this.idle(this.pollIntervalMs);
    }
  }

  private async step(lane: Lane): Promise<Step> {
    const [known] = await this.positions([lane.projection.name]);
    const events = await this.store.readAll(known, this.batchSize);
    if (events.length === 0) {
      lane.position = known;
      return 'idle';
    }
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const locked = await runner.query(
        `SELECT name, position_commit, position_prepare FROM tally_projection_checkpoints
         WHERE name = $1 FOR UPDATE SKIP LOCKED`,
        [lane.projection.name],
      );
      if (locked.length === 0 || comparePositions(positionOf(locked[0]), known) !== 0) {
        // Another runner holds this projection, or moved it since we read: its work, not ours.
        await runner.rollbackTransaction();
        return 'busy-elsewhere';
      }
      const relevant = events.filter((e) => lane.handles.has(e.type));
      if (relevant.length > 0) await lane.projection.apply(relevant, transactionOf(runner));
      const last = events[events.length - 1].position;
      await runner.query(
        `UPDATE tally_projection_checkpoints
         SET position_commit = $2, position_prepare = $3, state = 'running', last_error = NULL, updated_at = now()
         WHERE name = $1`,
        [lane.projection.name, last.commit.toString(), last.prepare.toString()],
      );
      await runner.commitTransaction();
      lane.position = last;
      this.announceProgress();
      return 'applied';
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw new BatchFailed(events, error);
    } finally {
      await runner.release();
    }
  }

  private async fail(lane: Lane, error: unknown): Promise<void> {
    const cause = error instanceof BatchFailed ? error.cause : error;
    const where = error instanceof BatchFailed ? ` in the batch starting at ${formatPosition(error.first.position)}` : '';
    const message = cause instanceof Error ? cause.message : String(cause);
    lane.state = 'failed';
    lane.lastError = message;
    this.logger.error(`projection ${lane.projection.name} failed${where}: ${message}; it will not advance until this is fixed`);
    await this.dataSource
      .query(`UPDATE tally_projection_checkpoints SET state = 'failed', last_error = $2, updated_at = now() WHERE name = $1`, [
        lane.projection.name,
        message,
      ])
      .catch(() => undefined);
  }

  private async positions(names: readonly string[]): Promise<LogPosition[]> {
    const rows = await this.dataSource.query<CheckpointRow[]>(
      `SELECT name, position_commit, position_prepare FROM tally_projection_checkpoints WHERE name = ANY($1)`,
      [names],
    );
    const byName = new Map(rows.map((r) => [r.name, positionOf(r)]));
    return names.map((name) => byName.get(name) ?? LOG_START);
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
  readonly first: RecordedEvent;
  constructor(
    events: readonly RecordedEvent[],
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.first = events[0];
  }
}

function positionOf(row: CheckpointRow): LogPosition {
  return { commit: BigInt(row.position_commit), prepare: BigInt(row.position_prepare) };
}

function transactionOf(runner: QueryRunner): ProjectionTransaction {
  return {
    query: (sql, params) => runner.query(sql, params as unknown[]),
    manager: runner.manager,
    table: (name) => name,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
