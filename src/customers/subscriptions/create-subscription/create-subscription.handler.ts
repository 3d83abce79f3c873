import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { ulid } from 'ulid';
import { CatalogErrorCode } from '../../../catalog/catalog-errors';
import { KeyKind, keyOwner, planVersionKey } from '../../../catalog/key-claims';
import { Plan, PlanState, planDecider } from '../../../catalog/plans/plan.decider';
import { PlanVersionsOf } from '../../../catalog/plans/plans-read-model/plans.query';
import { ProjectionsService } from '../../../core/projections.service';
import { decideAndAppend, loadState } from '../../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../../event-store/stream-names';
import { CLOCK, Clock } from '../../../shared/clock';
import { notFound } from '../../../shared/errors';
import { liveCustomer } from '../../customers/customer-refs';
import { releaseSlot, slotHolder, takeSlot } from '../subscription-slot';
import { CreateSubscription, PlanStatus, subscriptionDecider } from '../subscription.decider';
import { CreateSubscriptionCommand } from './create-subscription.command';
import { PlanReferenceInputDto } from './create-subscription.dto';

/**
 * Subscribes a customer to a published plan version. The plan is copied whole from its own events
 * into `SubscriptionCreated`, so billing prices from that event alone, whatever becomes of the plan.
 */
@CommandHandler(CreateSubscriptionCommand)
export class CreateSubscriptionHandler implements ICommandHandler<CreateSubscriptionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queries: QueryBus,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, request, metadata }: CreateSubscriptionCommand): Promise<{ id: string }> {
    const now = this.clock.now().toISOString();
    const customer = await liveCustomer(
      this.store,
      namespace,
      request.customerId !== undefined ? { id: request.customerId } : { key: request.customerKey },
    );
    const { plan, status } = await this.planFor(namespace, request.plan, now);
    const id = ulid();
    const command: CreateSubscription = {
      type: 'CreateSubscription',
      data: {
        id,
        namespace,
        customerId: customer.id,
        customerKey: customer.key,
        plan,
        planStatus: status,
        name: request.name,
        description: request.description,
        metadata: request.metadata,
        timing: request.timing ?? 'immediate',
        billingAnchor: request.billingAnchor,
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

  /** The version asked for, else the key's active version — else its latest, for the decider to refuse. */
  private async planFor(
    namespace: string,
    ref: PlanReferenceInputDto,
    now: string,
  ): Promise<{ plan: Plan; status: PlanStatus }> {
    const id =
      ref.version !== undefined
        ? await keyOwner(this.store, namespace, KeyKind.planVersion, planVersionKey(ref.key, ref.version))
        : await this.currentVersionOf(namespace, ref.key);
    const { state } =
      id === undefined
        ? { state: undefined }
        : await loadState(this.store, streamName(StreamCategory.plan, id), planDecider);
    if (
      state === undefined ||
      state.status === 'empty' ||
      state.status === 'deleted' ||
      state.plan.namespace !== namespace
    ) {
      const version = ref.version === undefined ? '' : ` version ${ref.version}`;
      throw notFound(CatalogErrorCode.PLAN_NOT_FOUND, `Plan ${ref.key}${version} not found`);
    }
    return { plan: state.plan, status: planStatusAt(state, now) };
  }

  private async currentVersionOf(namespace: string, key: string): Promise<string | undefined> {
    const versions = (await this.queries.execute(new PlanVersionsOf(namespace, key))).filter(
      (version) => !version.deleted,
    );
    return (versions.filter((version) => version.status === 'active').at(-1) ?? versions.at(-1))?.id;
  }
}

function planStatusAt(state: Exclude<PlanState, { status: 'empty' | 'deleted' }>, now: string): PlanStatus {
  if (state.status !== 'active') return state.status;
  return Date.parse(state.effectiveFrom) > Date.parse(now) ? 'scheduled' : 'active';
}
