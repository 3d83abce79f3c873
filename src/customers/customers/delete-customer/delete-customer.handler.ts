import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { releaseKey } from '../../../catalog/key-claims';
import { ProjectionsService } from '../../../core/projections.service';
import { decideAndAppend } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { slotHolder } from '../../subscriptions/subscription-slot';
import { customerIdFor } from '../customer-refs';
import { CUSTOMER_SUBJECT_KEY_KIND, claimedKeysOf, customerDecider } from '../customer.decider';
import { DeleteCustomerCommand } from './delete-customer.command';

/**
 * A soft delete, refused while a subscription has not ended; the customer's key and subject keys
 * are then free for other customers. Deleting a deleted customer again answers 204.
 */
@CommandHandler(DeleteCustomerCommand)
export class DeleteCustomerHandler implements ICommandHandler<DeleteCustomerCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, idOrKey, ifMatch, metadata }: DeleteCustomerCommand): Promise<void> {
    const id = await customerIdFor(this.store, namespace, idOrKey);
    const now = this.clock.now().toISOString();
    const hasActiveSubscription = (await slotHolder(this.store, namespace, id, now)) !== undefined;
    const { events } = await decideAndAppend(
      this.store,
      streamName(StreamCategory.customer, id),
      customerDecider,
      { type: 'DeleteCustomer', data: { id, namespace, now, hasActiveSubscription } },
      { metadata, ifMatch },
    );
    for (const event of events) {
      if (event.type !== 'CustomerDeleted') continue;
      // The event holds the customer as it was deleted: exactly the keys it held.
      for (const key of claimedKeysOf({ status: 'active', customer: event.data })) {
        await releaseKey(
          this.store,
          { namespace, kind: CUSTOMER_SUBJECT_KEY_KIND, key, ownerId: id },
          now,
          metadata,
        );
      }
    }
    this.projections.nudge();
  }
}
