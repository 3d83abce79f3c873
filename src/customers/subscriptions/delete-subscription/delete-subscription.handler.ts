import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideAndAppend, loadState } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { ProjectionsService } from '../../../projections/projections.service';
import { CLOCK, Clock } from '../../../shared/clock';
import { releaseSlot } from '../subscription-slot';
import { subscriptionDecider } from '../subscription.decider';
import { DeleteSubscriptionCommand } from './delete-subscription.command';

/**
 * Deletes a subscription that has not started, and frees the customer's slot it held. A change's
 * successor deleted this way leaves its predecessor ending at the change (restore that one to undo
 * the change instead).
 */
@CommandHandler(DeleteSubscriptionCommand)
export class DeleteSubscriptionHandler implements ICommandHandler<DeleteSubscriptionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, id, ifMatch, metadata }: DeleteSubscriptionCommand): Promise<void> {
    const now = this.clock.now().toISOString();
    const stream = streamName(StreamCategory.subscription, id);
    const { state } = await loadState(this.store, stream, subscriptionDecider);
    await decideAndAppend(
      this.store,
      stream,
      subscriptionDecider,
      { type: 'DeleteSubscription', data: { id, namespace, now } },
      { metadata, ifMatch },
    );
    // Deleted reads as never written, which the slot would take for a create still under way.
    if (state.status !== 'empty') {
      const slot = { namespace, customerId: state.subscription.customerId, holderId: id };
      await releaseSlot(this.store, slot, now, metadata);
    }
    this.projections.nudge();
  }
}
