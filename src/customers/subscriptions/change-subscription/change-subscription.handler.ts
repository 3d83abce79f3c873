import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ulid } from 'ulid';
import { PlanLookup, PlanToSubscribe } from '../../../catalog';
import { decideAndAppend, loadState } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { ProjectionsService } from '../../../projections/projections.service';
import { CLOCK, Clock } from '../../../shared/clock';
import { conflict, notFound } from '../../../shared/errors';
import { passSlot } from '../subscription-slot';
import {
  ChangeSubscription,
  CreateSubscription,
  Subscription,
  SubscriptionCanceled,
  SubscriptionErrors,
  subscriptionDecider,
} from '../subscription.decider';
import { ChangeSubscriptionCommand, ChangeTarget } from './change-subscription.command';

/**
 * Changes a subscription to another plan (or a custom one), or migrates it to another version of its
 * plan: the current subscription ends at the change's instant and a new one, linked both ways,
 * starts there with the current one's billing anchor unless another is given — so each side bills its
 * own segment of the period the change falls in.
 *
 * Both are decided before anything is written, so a refused change writes nothing. The end is
 * appended first, at the version read: of a change and a cancel racing on one subscription, one is
 * appended and the other, decided again on the newer state, is refused (409). A crash between the
 * end and the successor's start leaves the customer without a subscription from the change on (never
 * with two): visible on the old one's `nextSubscriptionId`, which then names no subscription.
 */
@CommandHandler(ChangeSubscriptionCommand)
export class ChangeSubscriptionHandler implements ICommandHandler<ChangeSubscriptionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly plans: PlanLookup,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({
    namespace,
    id,
    target,
    ifMatch,
    metadata,
  }: ChangeSubscriptionCommand): Promise<{ id: string }> {
    const now = this.clock.now().toISOString();
    const stream = streamName(StreamCategory.subscription, id);
    const { state } = await loadState(this.store, stream, subscriptionDecider);
    if (state.status === 'empty' || state.subscription.namespace !== namespace)
      throw notFound(SubscriptionErrors.notFound, `Subscription ${id} not found`);
    const current = state.subscription;
    const nextId = ulid();
    const change: ChangeSubscription = {
      type: 'ChangeSubscription',
      data: { id, namespace, timing: target.request.timing ?? 'immediate', nextSubscriptionId: nextId, now },
    };
    const [ending] = subscriptionDecider.decide(change, state) as SubscriptionCanceled[];
    const { plan, status, custom } = await this.planFor(namespace, current, target, now);
    const start = (activeTo: string): CreateSubscription => ({
      type: 'CreateSubscription',
      data: {
        id: nextId,
        namespace,
        customerId: current.customerId,
        customerKey: current.customerKey,
        plan: custom ? { ...plan, custom } : plan,
        planStatus: status,
        timing: activeTo,
        billingAnchor: target.request.billingAnchor ?? current.billingAnchor,
        startingPhase: target.request.startingPhase,
        now,
        customerHasActiveSubscription: false,
        previousSubscriptionId: id,
        ...(target.kind === 'change'
          ? {
              name: target.request.name,
              description: target.request.description,
              metadata: target.request.metadata,
              alignment: target.request.alignment && { ...target.request.alignment },
              settlementMode: target.request.settlementMode,
              costBasisMode: target.request.costBasisMode,
            }
          : {
              description: current.description,
              metadata: current.metadata,
              alignment: current.alignment,
              settlementMode: current.settlementMode,
              costBasisMode: current.costBasisMode,
            }),
      },
    });
    subscriptionDecider.decide(start(ending!.data.activeTo), subscriptionDecider.initialState());

    const { events } = await decideAndAppend(this.store, stream, subscriptionDecider, change, {
      metadata,
      ifMatch,
    });
    const { activeTo } = (events[0] as SubscriptionCanceled).data;
    const slot = { namespace, customerId: current.customerId, from: id, to: nextId };
    await passSlot(this.store, slot, now, metadata);
    await decideAndAppend(
      this.store,
      streamName(StreamCategory.subscription, nextId),
      subscriptionDecider,
      start(activeTo),
      { metadata },
    );
    this.projections.nudge();
    return { id: nextId };
  }

  /** A change names its plan; a migration takes another version of the subscription's own plan. */
  private async planFor(
    namespace: string,
    current: Subscription,
    target: ChangeTarget,
    now: string,
  ): Promise<PlanToSubscribe> {
    if (target.kind === 'change') {
      const { request } = target;
      return request.customPlan !== undefined
        ? this.plans.customPlan(namespace, request.customPlan)
        : this.plans.planToSubscribe(namespace, request.plan!, now);
    }
    if (current.plan.custom) {
      throw conflict(
        SubscriptionErrors.notMigratable,
        `Subscription ${current.id} is on a custom plan, which has no other versions: change it instead`,
      );
    }
    const found = await this.plans.planToSubscribe(
      namespace,
      { key: current.plan.key, version: target.request.targetVersion },
      now,
    );
    if (found.plan.version === current.plan.version) {
      throw conflict(
        SubscriptionErrors.notMigratable,
        `Subscription ${current.id} is already on plan ${current.plan.key} v${current.plan.version}`,
      );
    }
    return found;
  }
}
