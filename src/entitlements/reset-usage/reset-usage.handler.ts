import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { decideAndAppend } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { entitlementStream } from '../../event-store/stream-names';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import { entitlementDecider } from '../entitlement.decider';
import { assertNotManaged, liveOwnerCustomer, ownedEntitlement } from '../entitlement-owners';
import { ENTITLEMENTS_PROJECTION } from '../entitlements-read-model/entitlements.projection';
import { ResetUsageCommand } from './reset-usage.command';

/** A manual reset of a metered entitlement: a new usage period from `effectiveAt`, grants rolled over. */
@CommandHandler(ResetUsageCommand)
export class ResetUsageHandler implements ICommandHandler<ResetUsageCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, owner, idOrFeatureKey, request, metadata }: ResetUsageCommand): Promise<void> {
    await this.projections.readYourWrites([ENTITLEMENTS_PROJECTION]);
    const customer = await liveOwnerCustomer(this.db, namespace, owner);
    const now = this.clock.now().toISOString();
    const entitlement = await ownedEntitlement(this.db, namespace, customer, idOrFeatureKey, now);
    assertNotManaged(entitlement, 'reset');
    await decideAndAppend(
      this.store,
      entitlementStream(namespace, customer.id, entitlement.featureKey),
      entitlementDecider,
      {
        type: 'ResetUsage',
        data: {
          id: entitlement.id,
          ...(request.effectiveAt !== undefined && { effectiveAt: request.effectiveAt }),
          ...(request.retainAnchor !== undefined && { retainAnchor: request.retainAnchor }),
          ...(request.preserveOverage !== undefined && { preserveOverage: request.preserveOverage }),
          now,
        },
      },
      { metadata },
    );
    this.projections.nudge();
  }
}
