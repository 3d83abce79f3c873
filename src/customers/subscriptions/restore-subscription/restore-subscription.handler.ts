import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideAndAppend, loadState } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { ProjectionsService } from '../../../projections/projections.service';
import { CLOCK, Clock } from '../../../shared/clock';
import { releaseSlot, takeSlot } from '../subscription-slot';
import { subscriptionDecider } from '../subscription.decider';
import { RestoreSubscriptionCommand } from './restore-subscription.command';

/**
 * Takes back an end that is still ahead. A change's end is taken back by deleting its successor,
 * which must not have started (then 409): the change is undone, and the customer's slot returns to
 * this subscription.
 */
@CommandHandler(RestoreSubscriptionCommand)
export class RestoreSubscriptionHandler implements ICommandHandler<RestoreSubscriptionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, id, ifMatch, metadata }: RestoreSubscriptionCommand): Promise<void> {
    const now = this.clock.now().toISOString();
    const stream = streamName(StreamCategory.subscription, id);
    const { state } = await loadState(this.store, stream, subscriptionDecider);
    let nextSubscriptionDeleted = false;
    if (state.status === 'canceled' && state.nextSubscriptionId !== undefined) {
      const nextId = state.nextSubscriptionId;
      const next = await loadState(
        this.store,
        streamName(StreamCategory.subscription, nextId),
        subscriptionDecider,
      );
      const notStarted = next.state.status !== 'empty' && next.state.subscription.activeFrom > now;
      if (notStarted) {
        await decideAndAppend(
          this.store,
          streamName(StreamCategory.subscription, nextId),
          subscriptionDecider,
          { type: 'DeleteSubscription', data: { id: nextId, namespace, now } },
          { metadata },
        );
      }
      nextSubscriptionDeleted = notStarted || next.state.status === 'empty';
      if (nextSubscriptionDeleted) {
        const slot = { namespace, customerId: state.subscription.customerId };
        await releaseSlot(this.store, { ...slot, holderId: nextId }, now, metadata);
        await takeSlot(this.store, { ...slot, holderId: id }, now, metadata);
      }
    }
    await decideAndAppend(
      this.store,
      stream,
      subscriptionDecider,
      { type: 'RestoreSubscription', data: { id, namespace, now, nextSubscriptionDeleted } },
      { metadata, ifMatch },
    );
    this.projections.nudge();
  }
}
