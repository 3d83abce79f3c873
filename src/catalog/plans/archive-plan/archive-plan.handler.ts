import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { planDecider } from '../plan.decider';
import { ArchivePlanCommand } from './archive-plan.command';

/** No new subscriptions from now on; existing ones keep their plan. */
@CommandHandler(ArchivePlanCommand)
export class ArchivePlanHandler implements ICommandHandler<ArchivePlanCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, id, ifMatch, metadata }: ArchivePlanCommand): Promise<void> {
    await decideAndAppend(
      this.store,
      streamName(StreamCategory.plan, id),
      planDecider,
      { type: 'ArchivePlan', data: { id, namespace, now: this.clock.now().toISOString() } },
      { metadata, ifMatch },
    );
    this.projections.nudge();
  }
}
