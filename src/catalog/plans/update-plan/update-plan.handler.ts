import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { planContentOf } from '../plan-content.dto';
import { planDecider } from '../plan.decider';
import { UpdatePlanCommand } from './update-plan.command';

@CommandHandler(UpdatePlanCommand)
export class UpdatePlanHandler implements ICommandHandler<UpdatePlanCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, id, request, ifMatch, metadata }: UpdatePlanCommand): Promise<void> {
    await decideAndAppend(
      this.store,
      streamName(StreamCategory.plan, id),
      planDecider,
      {
        type: 'UpdatePlan',
        data: { id, namespace, ...planContentOf(request), now: this.clock.now().toISOString() },
      },
      { metadata, ifMatch },
    );
    this.projections.nudge();
  }
}
