import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { decideAndAppend } from '../../event-store/decide-and-append';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { entitlementStream } from '../../event-store/stream-names';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import { notFound } from '../../shared/errors';
import { entitlementDecider } from '../entitlement.decider';
import { EntitlementErrorCode } from '../entitlement-errors';
import { assertNotManaged } from '../entitlement-owners';
import { ENTITLEMENTS_PROJECTION } from '../entitlements-read-model/entitlements.projection';
import { entitlementById, grantById } from '../entitlements-read-model/entitlements.query';
import { VoidGrantCommand } from './void-grant.command';

/**
 * Voids a grant from `at` (default now) on: it burns nothing after, and what it covered before
 * stays covered. Decided on the stream of the entitlement it belongs to; voiding again is a no-op.
 */
@CommandHandler(VoidGrantCommand)
export class VoidGrantHandler implements ICommandHandler<VoidGrantCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, grantId, at, metadata }: VoidGrantCommand): Promise<void> {
    await this.projections.readYourWrites([ENTITLEMENTS_PROJECTION]);
    const grant = await grantById(this.db, namespace, grantId);
    const entitlement = grant && (await entitlementById(this.db, namespace, grant.entitlementId));
    if (!grant || !entitlement)
      throw notFound(EntitlementErrorCode.GRANT_NOT_FOUND, `Grant ${grantId} not found`);
    assertNotManaged(entitlement, 'void the grants of');
    await decideAndAppend(
      this.store,
      entitlementStream(namespace, entitlement.customerId, entitlement.featureKey),
      entitlementDecider,
      {
        type: 'VoidGrant',
        data: { grantId, ...(at !== undefined && { at }), now: this.clock.now().toISOString() },
      },
      { metadata, attempts: 50 },
    );
    this.projections.nudge();
  }
}
