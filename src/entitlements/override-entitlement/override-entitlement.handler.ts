import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ulid } from 'ulid';
import { decideAndAppend } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { entitlementStream } from '../../event-store/stream-names';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import { invalid } from '../../shared/errors';
import { entitlementDecider } from '../entitlement.decider';
import { EntitlementErrorCode, EntitlementProblemCode } from '../entitlement-errors';
import { liveOwnerCustomer, ownedEntitlement, requestedFeature } from '../entitlement-owners';
import { ENTITLEMENTS_PROJECTION } from '../entitlements-read-model/entitlements.projection';
import { OverrideEntitlementCommand } from './override-entitlement.command';

const MAX_INITIAL_GRANTS = 101;

/**
 * Replaces the entitlement in force with a new one for the same customer and feature, in one append
 * on the pair's stream: the old one deleted, the new one created, no moment without either. An
 * entitlement a subscription provides may be overridden too: the override wins, and the
 * subscription's entitlement to the feature ends for good.
 */
@CommandHandler(OverrideEntitlementCommand)
export class OverrideEntitlementHandler implements ICommandHandler<OverrideEntitlementCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  async execute(command: OverrideEntitlementCommand): Promise<{ id: string }> {
    const { namespace, owner, idOrFeatureKey, body, request, metadata } = command;
    await this.projections.readYourWrites([ENTITLEMENTS_PROJECTION]);
    const customer = await liveOwnerCustomer(this.db, namespace, owner);
    const now = this.clock.now().toISOString();
    const target = await ownedEntitlement(this.db, namespace, customer, idOrFeatureKey, now);
    const feature = await requestedFeature(this.db, namespace, body);
    if (feature.key !== target.featureKey)
      throw invalid(EntitlementErrorCode.INVALID, 'An override is for the same feature', [
        {
          field: `body.${feature.field}`,
          code: EntitlementProblemCode.INVALID_VALUE,
          message: `must name feature ${target.featureKey}, that of the entitlement overridden`,
        },
      ]);
    const id = ulid();
    await decideAndAppend(
      this.store,
      entitlementStream(namespace, customer.id, feature.key),
      entitlementDecider,
      {
        type: 'OverrideEntitlement',
        data: {
          id,
          namespace,
          customerId: customer.id,
          feature,
          request,
          grantIds: Array.from({ length: MAX_INITIAL_GRANTS }, () => ulid()),
          now,
          target: { id: target.id, managed: target.subscriptionId !== undefined },
        },
      },
      { metadata },
    );
    this.projections.nudge();
    return { id };
  }
}
