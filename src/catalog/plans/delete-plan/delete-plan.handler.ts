import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { releaseKey } from '../../../key-claims/key-claims';
import { CatalogKeyKind } from '../../catalog-keys';
import { planDecider } from '../plan.decider';
import { DeletePlanCommand } from './delete-plan.command';

/** Deletes a draft (freeing the key for a new draft) or an archived version; its number stays used. */
@CommandHandler(DeletePlanCommand)
export class DeletePlanHandler implements ICommandHandler<DeletePlanCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, id, ifMatch, metadata }: DeletePlanCommand): Promise<void> {
    const now = this.clock.now().toISOString();
    const { events } = await decideAndAppend(
      this.store,
      streamName(StreamCategory.plan, id),
      planDecider,
      { type: 'DeletePlan', data: { id, namespace, now } },
      { metadata, ifMatch },
    );
    // A deleted draft frees the key's draft slot; for an archived version, which holds none, this is a no-op.
    for (const event of events) {
      if (event.type !== 'PlanDeleted') continue;
      await releaseKey(
        this.store,
        { namespace, kind: CatalogKeyKind.planDraft, key: event.data.key, ownerId: id },
        now,
        metadata,
      );
    }
    this.projections.nudge();
  }
}
