import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TallyConfig } from '../config/config';
import { TALLY_CONFIG } from '../config/config.module';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { Projection, ProjectionStatus } from '../projections/projection';
import { ProjectionRunner } from '../projections/projection-runner';

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
  ) {}

  /** Feature modules call this from their constructors, before the application starts. */
  register(projection: Projection): void {
    if (this.runner) throw new Error(`projection ${projection.name} registered after start`);
    this.projections.push(projection);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.runner = new ProjectionRunner(this.store, this.db, this.projections, {
      logger: { info: (m) => this.logger.log(m), error: (m) => this.logger.error(m) },
    });
    if (this.config.runProjections) await this.runner.start();
    else await this.runner.register();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
  }

  get names(): string[] {
    return this.projections.map((p) => p.name);
  }

  status(): Promise<ProjectionStatus[]> {
    return this.active().status();
  }

  /** Read-your-writes: waits until the named projections reach the log head as of now. */
  async catchUp(names: readonly string[]): Promise<boolean> {
    const head = await this.store.headPosition();
    return this.active().waitFor(names, head, this.config.readYourWritesTimeoutMs);
  }

  /** Tells the in-process runner new events are there. */
  nudge(): void {
    this.runner?.nudge();
  }

  /** Runs every projection until it has nothing left (CLI, tests and benchmarks). */
  drain(): Promise<void> {
    return this.active().catchUp();
  }

  private active(): ProjectionRunner {
    if (!this.runner) throw new Error('projections are not started yet');
    return this.runner;
  }
}
