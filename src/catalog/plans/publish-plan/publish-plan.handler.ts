import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend, loadState } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventMetadata, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { invalid } from '../../../shared/errors';
import { CatalogErrorCode } from '../../catalog-errors';
import { planAddonsDecider, strandedAddonProblems } from '../../plan-addons/plan-addon.decider';
import { resolveFeatures } from '../../features/feature-refs';
import { releaseKey } from '../../../key-claims/key-claims';
import { CatalogKeyKind } from '../../catalog-keys';
import { featureKeysOf, planDecider } from '../plan.decider';
import { PlanVersionsOf } from '../plans-read-model/plans.query';
import { PublishPlanCommand } from './publish-plan.command';

/**
 * Publishes a draft, effective now. The version it succeeds is archived, so a key has one active
 * version; subscriptions on the old one keep the plan they were created with.
 */
@CommandHandler(PublishPlanCommand)
export class PublishPlanHandler implements ICommandHandler<PublishPlanCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, id, ifMatch, metadata }: PublishPlanCommand): Promise<void> {
    const stream = streamName(StreamCategory.plan, id);
    const { state } = await loadState(this.store, stream, planDecider);
    const features =
      state.status === 'empty' ? {} : await resolveFeatures(this.store, namespace, featureKeysOf(state.plan));
    // The plan's add-on assignments live on its stream: published with the version read here.
    const offered = await loadState(this.store, stream, planAddonsDecider);
    const stranded =
      state.status === 'draft' && state.plan.namespace === namespace
        ? strandedAddonProblems(offered.state)
        : [];
    if (stranded.length > 0)
      throw invalid(
        CatalogErrorCode.PLAN_INVALID,
        `Plan ${id}: an add-on is offered from a phase the plan no longer has`,
        stranded,
      );
    const now = this.clock.now().toISOString();
    const { events } = await decideAndAppend(
      this.store,
      stream,
      planDecider,
      { type: 'PublishPlan', data: { id, namespace, features, now } },
      { metadata, ifMatch: ifMatch ?? offered.version },
    );
    for (const event of events) {
      if (event.type !== 'PlanPublished') continue;
      await releaseKey(
        this.store,
        { namespace, kind: CatalogKeyKind.planDraft, key: event.data.key, ownerId: id },
        now,
        metadata,
      );
      await this.archivePredecessors(namespace, event.data.key, id, now, metadata);
    }
    this.projections.nudge();
  }

  private async archivePredecessors(
    namespace: string,
    key: string,
    publishedId: string,
    now: string,
    metadata: EventMetadata,
  ): Promise<void> {
    const versions = await this.queries.execute(new PlanVersionsOf(namespace, key));
    for (const version of versions) {
      if (version.id === publishedId || version.deleted) continue;
      if (version.status !== 'active' && version.status !== 'scheduled') continue;
      await decideAndAppend(
        this.store,
        streamName(StreamCategory.plan, version.id),
        planDecider,
        { type: 'ArchivePlan', data: { id: version.id, namespace, now } },
        { metadata },
      );
    }
  }
}
