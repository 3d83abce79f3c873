import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TallyConfig } from '../config/config';
import { TALLY_CONFIG } from '../config/config.module';
import { EVENT_STORE, EventStore, LogPosition } from '../event-store/event-store.port';
import { Projection, ProjectionStatus } from './projection';
import { ProjectionRunner, RebuildProgress } from './projection-runner';
import { BehindProblem, readYourWrites } from './read-your-writes';
import { notFound } from '../shared/errors';
import { Metrics } from '../telemetry/metrics';

/**
 * Holds every projection the feature modules register, and the runner that feeds them — started in
 * this process unless projections run in separate workers (`RUN_PROJECTIONS=false`).
 */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('projections');
  private readonly projections: Projection[] = [];
  private runner?: ProjectionRunner;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly db: DataSource,
    @Inject(TALLY_CONFIG) private readonly config: TallyConfig,
    private readonly metrics: Metrics,
  ) {}

  /** Feature modules call this from their constructors, before the application starts. */
  register(projection: Projection): void {
    if (this.runner) throw new Error(`projection ${projection.name} registered after start`);
    this.projections.push(projection);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.runner = new ProjectionRunner(this.store, this.db, this.projections, {
      logger: { info: (m) => this.logger.log(m), error: (m) => this.logger.error(m) },
      onApplied: (name, events) => this.metrics.projectionApplied(name, events),
    });
    this.metrics.watchProjections(() => this.status());
    if (this.config.runProjections) await this.runner.start();
    else await this.runner.register();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
  }

  get names(): string[] {
    return this.projections.map((p) => p.name);
  }

  /** The registered projections themselves (tests hold each to its contract, e.g. delivered twice). */
  get registered(): readonly Projection[] {
    return this.projections;
  }

  /** Every table a projection owns: read models, which the log gives back (a backup leaves them out). */
  get tables(): string[] {
    return this.projections.flatMap((p) => p.tables);
  }

  status(): Promise<ProjectionStatus[]> {
    return this.active().status();
  }

  /**
   * The log head as of now, for a read that waits for its projections in turn (the entitlement
   * first, then usage only where the entitlement is metered): one head read for all its waits.
   */
  logHead(): Promise<LogPosition> {
    return this.store.headPosition();
  }

  /**
   * Whether the named projections have reached `head` already: one checkpoint read, never a wait
   * (a read that only may need a projection checks it this way, then waits only if it must).
   */
  caughtUp(names: readonly string[], head: Promise<LogPosition>): Promise<boolean> {
    return this.active().waitFor(names, head, 0);
  }

  /**
   * Read-your-writes (see `readYourWrites`): waits until the named projections reach the log head as
   * of now (or `head`, from `logHead` at the start of the read), or throws `behind` (503) after
   * `READ_YOUR_WRITES_TIMEOUT_MS`.
   */
  readYourWrites(
    names: readonly string[],
    behind?: BehindProblem,
    head: Promise<LogPosition> = this.store.headPosition(),
  ): Promise<void> {
    const runner = this.active();
    const started = performance.now();
    const timed = {
      waitFor: async (...wait: Parameters<ProjectionRunner['waitFor']>) => {
        const caughtUp = await runner.waitFor(...wait);
        this.metrics.readYourWrites(
          caughtUp ? 'caught_up' : 'timed_out',
          (performance.now() - started) / 1000,
        );
        return caughtUp;
      },
    };
    return readYourWrites(timed, head, names, this.config.readYourWritesTimeoutMs, behind);
  }

  /** Tells the in-process runner new events are there. */
  nudge(): void {
    this.runner?.nudge();
  }

  /** Runs every projection (or the named ones) until it has nothing left (CLI, tests and benchmarks). */
  drain(names?: readonly string[]): Promise<void> {
    return this.active().catchUp(names);
  }

  /** Starts rebuilding a projection in the background; refuses (409) one already rebuilding. */
  async startRebuild(name: string): Promise<ProjectionStatus> {
    this.known(name);
    await this.active().startRebuild(name);
    return (await this.status()).find((s) => s.name === name)!;
  }

  /** Rebuilds a projection to completion (the replay CLI). */
  rebuild(name: string, onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    this.known(name);
    return this.active().rebuild(name, onProgress);
  }

  private known(name: string): void {
    if (!this.names.includes(name)) {
      throw notFound('PROJECTIONS.NOT_FOUND', `no projection named ${name}; known: ${this.names.join(', ')}`);
    }
  }

  private active(): ProjectionRunner {
    if (!this.runner) throw new Error('projections are not started yet');
    return this.runner;
  }
}
