import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { planAddonsDecider } from '../plan-addon.decider';
import { DetachPlanAddonCommand } from './detach-plan-addon.command';

@CommandHandler(DetachPlanAddonCommand)
export class DetachPlanAddonHandler implements ICommandHandler<DetachPlanAddonCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, planId, addonId, metadata }: DetachPlanAddonCommand): Promise<void> {
    await decideAndAppend(
      this.store,
      streamName(StreamCategory.plan, planId),
      planAddonsDecider,
      { type: 'DetachPlanAddon', data: { planId, namespace, addonId, now: this.clock.now().toISOString() } },
      { metadata },
    );
    this.projections.nudge();
  }
}
