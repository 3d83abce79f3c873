import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { decideAndAppend } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { entitlementStream } from '../../event-store/stream-names';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import { entitlementDecider } from '../entitlement.decider';
import { assertNotManaged, ownedEntitlement, ownerCustomer } from '../entitlement-owners';
import { ENTITLEMENTS_PROJECTION } from '../entitlements-read-model/entitlements.projection';
import { DeleteEntitlementCommand } from './delete-entitlement.command';

/** Deletes an entitlement (its history and grants stay readable); deleting it again is a no-op. */
@CommandHandler(DeleteEntitlementCommand)
export class DeleteEntitlementHandler implements ICommandHandler<DeleteEntitlementCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, owner, idOrFeatureKey, metadata }: DeleteEntitlementCommand): Promise<void> {
    await this.projections.readYourWrites([ENTITLEMENTS_PROJECTION]);
    const customer = await ownerCustomer(this.db, namespace, owner);
    const now = this.clock.now().toISOString();
    const entitlement = await ownedEntitlement(this.db, namespace, customer, idOrFeatureKey, now);
    assertNotManaged(entitlement, 'cancel its subscription, or replace');
    await decideAndAppend(
      this.store,
      entitlementStream(namespace, customer.id, entitlement.featureKey),
      entitlementDecider,
      { type: 'DeleteEntitlement', data: { id: entitlement.id, now } },
      { metadata },
    );
    this.projections.nudge();
  }
}
