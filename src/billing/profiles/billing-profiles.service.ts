import { Inject, Injectable } from '@nestjs/common';
import { ulid } from 'ulid';
import type { TallyConfig } from '../../config/config';
import { TALLY_CONFIG } from '../../config/config.module';
import { decideAndAppend, Decided, loadState } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventMetadata, EventStore } from '../../event-store/event-store.port';
import { billingProfilesStream } from '../../event-store/stream-names';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import {
  BillingProfilesCommand,
  BillingProfilesEvent,
  BillingProfilesState,
  billingProfilesDecider,
  DefaultSeed,
  effectiveWorkflow,
} from './billing-profiles.decider';
import { DEFAULT_WORKFLOW, intervalOfSeconds, resolveWorkflow, type Workflow } from './workflow';

/** Distributive `Omit`, so each command keeps its own data type. */
type WithoutSeed<C> = C extends { type: infer T; data: infer D }
  ? { type: T; data: Omit<D, 'seed' | 'now'> }
  : never;

/**
 * The one way to decide on a namespace's billing profiles: it brings the clock's instant and the
 * seed of the namespace's default profile (from `COLLECTION_GRACE_SECONDS`), so whichever decision
 * comes first in a namespace creates the default.
 */
@Injectable()
export class BillingProfiles {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TALLY_CONFIG) private readonly config: TallyConfig,
    private readonly projections: ProjectionsService,
  ) {}

  async decide(
    namespace: string,
    command: WithoutSeed<BillingProfilesCommand>,
    metadata: EventMetadata,
  ): Promise<Decided<BillingProfilesEvent, BillingProfilesState>> {
    const data = { ...command.data, seed: this.seed(), now: this.clock.now().toISOString() };
    const decided = await decideAndAppend(
      this.store,
      billingProfilesStream(namespace),
      billingProfilesDecider,
      { type: command.type, data } as BillingProfilesCommand,
      { metadata },
    );
    if (decided.events.length > 0) this.projections.nudge();
    return decided;
  }

  /** The namespace's profiles as the log has them now, its default made first if it has none. */
  async ensureDefault(namespace: string, metadata: EventMetadata): Promise<BillingProfilesState> {
    const { state } = await loadState(this.store, billingProfilesStream(namespace), billingProfilesDecider);
    if (state.defaultId !== undefined) return state;
    return (
      await this.decide(namespace, { type: 'EnsureDefaultBillingProfile', data: { namespace } }, metadata)
    ).state;
  }

  /** The namespace's profiles as the log has them now, deciding nothing (no default made). */
  async current(namespace: string): Promise<BillingProfilesState> {
    return (await loadState(this.store, billingProfilesStream(namespace), billingProfilesDecider)).state;
  }

  /** A customer's effective workflow; before the namespace has a default, the one it will get. */
  workflowOf(state: BillingProfilesState, customerId: string): Workflow {
    return (
      effectiveWorkflow(state, customerId)?.workflow ??
      resolveWorkflow({ collection: { interval: this.defaultCollectionInterval() } }, DEFAULT_WORKFLOW)
    );
  }

  /** The collection interval a namespace's default profile starts with: `COLLECTION_GRACE_SECONDS`. */
  defaultCollectionInterval(): string {
    return intervalOfSeconds(this.config.collectionGraceMs / 1000);
  }

  private seed(): DefaultSeed {
    return { id: ulid(), collectionInterval: this.defaultCollectionInterval() };
  }
}
