import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ulid } from 'ulid';
import { decideAndAppend } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { entitlementStream } from '../../event-store/stream-names';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import { entitlementDecider } from '../entitlement.decider';
import { liveOwnerCustomer, requestedFeature } from '../entitlement-owners';
import { ENTITLEMENTS_PROJECTION } from '../entitlements-read-model/entitlements.projection';
import { providedEntitlementOf } from '../entitlements-read-model/entitlements.query';
import { CreateEntitlementCommand } from './create-entitlement.command';

/** Grants one entitlement takes at most at creation: its `issueAfterReset` grant and the body's. */
const MAX_INITIAL_GRANTS = 101;

/**
 * A new entitlement of a customer to a feature, refused (409) while another is in force for the
 * pair — one created here (decided on the pair's stream), or one a subscription provides (checked
 * against the read model; should both race, the one created here wins for as long as it is in force).
 */
@CommandHandler(CreateEntitlementCommand)
export class CreateEntitlementHandler implements ICommandHandler<CreateEntitlementCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({
    namespace,
    owner,
    body,
    request,
    metadata,
  }: CreateEntitlementCommand): Promise<{ id: string }> {
    await this.projections.readYourWrites([ENTITLEMENTS_PROJECTION]);
    const customer = await liveOwnerCustomer(this.db, namespace, owner);
    const feature = await requestedFeature(this.db, namespace, body);
    const now = this.clock.now().toISOString();
    const provided = await providedEntitlementOf(this.db, namespace, customer.id, feature.key, now);
    const id = ulid();
    await decideAndAppend(
      this.store,
      entitlementStream(namespace, customer.id, feature.key),
      entitlementDecider,
      {
        type: 'CreateEntitlement',
        data: {
          id,
          namespace,
          customerId: customer.id,
          feature,
          request,
          grantIds: Array.from({ length: MAX_INITIAL_GRANTS }, () => ulid()),
          now,
          ...(provided !== undefined && { subscriptionEntitlementId: provided }),
        },
      },
      { metadata },
    );
    this.projections.nudge();
    return { id };
  }
}
