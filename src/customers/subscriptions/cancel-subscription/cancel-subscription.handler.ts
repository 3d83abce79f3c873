import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { subscriptionDecider } from '../subscription.decider';
import { CancelSubscriptionCommand } from './cancel-subscription.command';

/** Once it has ended, the customer's slot is taken over by the next subscription created for it. */
@CommandHandler(CancelSubscriptionCommand)
export class CancelSubscriptionHandler implements ICommandHandler<CancelSubscriptionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, id, timing, ifMatch, metadata }: CancelSubscriptionCommand): Promise<void> {
    await decideAndAppend(
      this.store,
      streamName(StreamCategory.subscription, id),
      subscriptionDecider,
      { type: 'CancelSubscription', data: { id, namespace, timing, now: this.clock.now().toISOString() } },
      { metadata, ifMatch },
    );
    this.projections.nudge();
  }
}
