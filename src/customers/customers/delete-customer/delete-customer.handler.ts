import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertIfMatch } from '../../../shared/http/etag';
import { releaseKey } from '../../../key-claims/key-claims';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend, loadState } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { DomainError, conflict } from '../../../shared/errors';
import { releaseSlot, slotHolder, takeSlot } from '../../subscriptions/subscription-slot';
import { SubscriptionErrors } from '../../subscriptions/subscription.decider';
import { customerIdFor } from '../customer-refs';
import {
  CUSTOMER_SUBJECT_KEY_KIND,
  CustomerErrors,
  DeleteCustomer,
  claimedKeysOf,
  customerDecider,
} from '../customer.decider';
import { DeleteCustomerCommand } from './delete-customer.command';

/**
 * A soft delete, refused while a subscription has not ended; the customer's key and subject keys
 * are then free for other customers. Deleting a deleted customer again answers 204. The deletion
 * holds the customer's subscription slot, so no subscription can start while it is decided.
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
    const stream = streamName(StreamCategory.customer, id);
    const { state, version } = await loadState(this.store, stream, customerDecider);
    assertIfMatch(ifMatch, version, `customer ${id}`);
    const hasActiveSubscription = (await slotHolder(this.store, namespace, id, now)) !== undefined;
    const command: DeleteCustomer = {
      type: 'DeleteCustomer',
      data: { id, namespace, now, hasActiveSubscription },
    };
    // Decided once before anything is written: a refused deletion must not take the slot.
    if (customerDecider.decide(command, state).length === 0) return;
    const slot = { namespace, customerId: id, holderId: id };
    try {
      await takeSlot(this.store, slot, now, metadata);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== SubscriptionErrors.alreadyActive) throw error;
      throw conflict(
        CustomerErrors.hasActiveSubscription,
        `Customer ${id} has a subscription that has not ended`,
      );
    }
    const { events } = await decideAndAppend(this.store, stream, customerDecider, command, {
      metadata,
      ifMatch,
    }).catch(async (error: unknown) => {
      await releaseSlot(this.store, slot, now, metadata);
      throw error;
    });
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
