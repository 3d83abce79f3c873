import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ulid } from 'ulid';
import { AddonLookup } from '../../../catalog';
import { decideAndAppend, loadState } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { ProjectionsService } from '../../../projections/projections.service';
import { CLOCK, Clock } from '../../../shared/clock';
import { notFound } from '../../../shared/errors';
import { SubscriptionErrors, subscriptionDecider } from '../subscription.decider';
import type { AddonOffer } from '../subscription-addons';
import {
  CreateSubscriptionAddonCommand,
  UpdateSubscriptionAddonCommand,
} from './subscription-addon.commands';

/**
 * Resolves the add-on as the catalog offers it to the subscription's plan, then lets the
 * subscription's decider rule: one `SubscriptionAddonCreated` on the subscription's stream, so an
 * add-on and a cancel or change of the subscription never interleave.
 */
@CommandHandler(CreateSubscriptionAddonCommand)
export class CreateSubscriptionAddonHandler implements ICommandHandler<CreateSubscriptionAddonCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly addons: AddonLookup,
    private readonly projections: ProjectionsService,
  ) {}

  async execute(command: CreateSubscriptionAddonCommand): Promise<string> {
    const { namespace, subscriptionId: id, request, ifMatch, metadata } = command;
    const stream = streamName(StreamCategory.subscription, id);
    const { state } = await loadState(this.store, stream, subscriptionDecider);
    if (state.status === 'empty' || state.subscription.namespace !== namespace)
      throw notFound(SubscriptionErrors.notFound, `Subscription ${id} not found`);
    const { plan } = state.subscription;
    const found = await this.addons.addonToSubscribe(namespace, request.addon.id, {
      id: plan.id,
      ...(plan.custom && { custom: true as const }),
    });
    // Stored as the catalog writes rate cards, so billing reads them as a plan's.
    const addon =
      found && ({ ...found, rateCards: found.rateCards as unknown as AddonOffer['rateCards'] } as AddonOffer);
    const subscriptionAddonId = ulid();
    await decideAndAppend(
      this.store,
      stream,
      subscriptionDecider,
      {
        type: 'CreateSubscriptionAddon',
        data: {
          id,
          namespace,
          subscriptionAddonId,
          addon,
          name: request.name,
          ...(request.description !== undefined && { description: request.description }),
          ...(request.metadata != null && { metadata: request.metadata }),
          quantity: request.quantity,
          timing: request.timing,
          now: this.clock.now().toISOString(),
        },
      },
      { metadata, ifMatch },
    );
    this.projections.nudge();
    return subscriptionAddonId;
  }
}

@CommandHandler(UpdateSubscriptionAddonCommand)
export class UpdateSubscriptionAddonHandler implements ICommandHandler<UpdateSubscriptionAddonCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute(command: UpdateSubscriptionAddonCommand): Promise<void> {
    const { namespace, subscriptionId: id, subscriptionAddonId, request, ifMatch, metadata } = command;
    await decideAndAppend(
      this.store,
      streamName(StreamCategory.subscription, id),
      subscriptionDecider,
      {
        type: 'UpdateSubscriptionAddon',
        data: {
          id,
          namespace,
          subscriptionAddonId,
          ...(request.name !== undefined && { name: request.name }),
          ...(request.description !== undefined && { description: request.description }),
          ...(request.metadata != null && { metadata: request.metadata }),
          ...(request.quantity !== undefined && { quantity: request.quantity }),
          timing: request.timing ?? 'immediate',
          now: this.clock.now().toISOString(),
        },
      },
      { metadata, ifMatch },
    );
    this.projections.nudge();
  }
}
