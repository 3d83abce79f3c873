import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PlanLookup, rateCardOf } from '../../../catalog';
import { decideAndAppend, loadState } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { ProjectionsService } from '../../../projections/projections.service';
import { CLOCK, Clock } from '../../../shared/clock';
import { notFound } from '../../../shared/errors';
import { SubscriptionErrors, subscriptionDecider } from '../subscription.decider';
import type { EditOperation, TimelineItem } from '../subscription-timeline';
import { EditSubscriptionCommand } from './edit-subscription.command';
import type { EditAddItemDto, EditOperationDto } from './edit-subscription.dto';

/**
 * Checks the rate cards to add with the catalog's rules (in the subscription's currency and
 * cadence), then lets the decider apply the batch: one `SubscriptionEdited`, or nothing.
 */
@CommandHandler(EditSubscriptionCommand)
export class EditSubscriptionHandler implements ICommandHandler<EditSubscriptionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly plans: PlanLookup,
    private readonly projections: ProjectionsService,
  ) {}

  async execute(command: EditSubscriptionCommand): Promise<void> {
    const { namespace, id, timing, ifMatch, metadata } = command;
    const stream = streamName(StreamCategory.subscription, id);
    const { state } = await loadState(this.store, stream, subscriptionDecider);
    if (state.status === 'empty' || state.subscription.namespace !== namespace)
      throw notFound(SubscriptionErrors.notFound, `Subscription ${id} not found`);
    const customizations = command.customizations.map(operationOf);
    await this.plans.rateCardsToAdd(
      namespace,
      state.subscription,
      customizations.flatMap((operation, index) =>
        operation.op === 'add_item'
          ? [
              {
                field: `body.customizations[${index}].rateCard`,
                rateCard: rateCardOf(addedCard(command, index)),
              },
            ]
          : [],
      ),
    );
    await decideAndAppend(
      this.store,
      stream,
      subscriptionDecider,
      {
        type: 'EditSubscription',
        data: { id, namespace, timing, customizations, now: this.clock.now().toISOString() },
      },
      { metadata, ifMatch },
    );
    this.projections.nudge();
  }
}

function addedCard(command: EditSubscriptionCommand, index: number) {
  return (command.customizations[index] as EditAddItemDto).rateCard;
}

/** The request's operation as the decider takes it: plain JSON, absent fields left out. */
function operationOf(operation: EditOperationDto): EditOperation {
  switch (operation.op) {
    case 'add_item':
      return {
        op: 'add_item',
        phaseKey: operation.phaseKey,
        // Stored as the catalog writes a rate card, so billing reads it as a plan's.
        rateCard: JSON.parse(JSON.stringify(rateCardOf(operation.rateCard))) as TimelineItem['rateCard'],
      };
    case 'remove_item':
      return { op: 'remove_item', phaseKey: operation.phaseKey, itemKey: operation.itemKey };
    case 'add_phase': {
      const { key, name, description, startAfter, duration } = operation.phase;
      return {
        op: 'add_phase',
        phase: {
          key,
          name,
          ...(description !== undefined && { description }),
          startAfter,
          ...(duration !== undefined && { duration }),
        },
      };
    }
    case 'remove_phase':
      return { op: 'remove_phase', phaseKey: operation.phaseKey, shift: operation.shift };
    case 'stretch_phase':
      return { op: 'stretch_phase', phaseKey: operation.phaseKey, extendBy: operation.extendBy };
    case 'unschedule_edit':
      return { op: 'unschedule_edit' };
  }
}
