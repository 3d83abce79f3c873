import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ulid } from 'ulid';
import { PlanLookup } from '../../../catalog';
import { ProjectionsService } from '../../../projections/projections.service';
import { decideAndAppend } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import type { TallyConfig } from '../../../config/config';
import { TALLY_CONFIG } from '../../../config/config.module';
import { liveCustomer } from '../../customers/customer-refs';
import { releaseSlot, slotHolder, takeSlot } from '../subscription-slot';
import { CreateSubscription, subscriptionDecider } from '../subscription.decider';
import { CreateSubscriptionCommand } from './create-subscription.command';

/**
 * Subscribes a customer to a published plan version, or to a plan given inline (`customPlan`). The
 * plan is copied whole into `SubscriptionCreated`, so billing prices from that event alone, whatever
 * becomes of the plan.
 */
@CommandHandler(CreateSubscriptionCommand)
export class CreateSubscriptionHandler implements ICommandHandler<CreateSubscriptionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly plans: PlanLookup,
    private readonly projections: ProjectionsService,
    @Inject(TALLY_CONFIG) private readonly config: TallyConfig,
  ) {}

  async execute({ namespace, request, metadata }: CreateSubscriptionCommand): Promise<{ id: string }> {
    const now = this.clock.now().toISOString();
    const customer = await liveCustomer(
      this.store,
      namespace,
      request.customerId !== undefined ? { id: request.customerId } : { key: request.customerKey },
    );
    const { plan, status, custom } =
      request.customPlan !== undefined
        ? await this.plans.customPlan(namespace, request.customPlan)
        : await this.plans.planToSubscribe(namespace, request.plan!, now);
    const id = ulid();
    const command: CreateSubscription = {
      type: 'CreateSubscription',
      data: {
        id,
        namespace,
        customerId: customer.id,
        customerKey: customer.key,
        plan: custom ? { ...plan, custom } : plan,
        planStatus: status,
        name: request.name,
        description: request.description,
        metadata: request.metadata,
        timing: request.timing ?? 'immediate',
        backdateLimit: this.config.subscriptionBackdateLimit,
        billingAnchor: request.billingAnchor,
        alignment: request.alignment && { ...request.alignment },
        settlementMode: request.settlementMode,
        costBasisMode: request.costBasisMode,
        startingPhase: request.startingPhase,
        now,
        customerHasActiveSubscription:
          (await slotHolder(this.store, namespace, customer.id, now)) !== undefined,
      },
    };
    // Decided once before anything is written: a refused subscription must not take the customer's slot.
    subscriptionDecider.decide(command, subscriptionDecider.initialState());
    // The slot, not the look above, is what keeps two racing creates from both succeeding.
    const slot = { namespace, customerId: customer.id, holderId: id };
    await takeSlot(this.store, slot, now, metadata);
    try {
      await decideAndAppend(
        this.store,
        streamName(StreamCategory.subscription, id),
        subscriptionDecider,
        { ...command, data: { ...command.data, customerHasActiveSubscription: false } },
        { metadata },
      );
      this.projections.nudge();
      return { id };
    } catch (error) {
      await releaseSlot(this.store, slot, now, metadata);
      throw error;
    }
  }
}
