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
import { assertNotManaged, liveOwnerCustomer, ownedEntitlement } from '../entitlement-owners';
import { ENTITLEMENTS_PROJECTION } from '../entitlements-read-model/entitlements.projection';
import { CreateGrantCommand } from './create-grant.command';

/**
 * Grants are appended to the pair's stream, so many created at once queue on its version: a lost
 * race re-reads and appends again, and every grant is written once. More attempts than a command's
 * usual few, since top-ups of one entitlement may well arrive together.
 */
const ATTEMPTS = 50;

@CommandHandler(CreateGrantCommand)
export class CreateGrantHandler implements ICommandHandler<CreateGrantCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({
    namespace,
    owner,
    idOrFeatureKey,
    grant,
    metadata,
  }: CreateGrantCommand): Promise<{ id: string }> {
    await this.projections.readYourWrites([ENTITLEMENTS_PROJECTION]);
    const customer = await liveOwnerCustomer(this.db, namespace, owner);
    const now = this.clock.now().toISOString();
    const entitlement = await ownedEntitlement(this.db, namespace, customer, idOrFeatureKey, now);
    assertNotManaged(entitlement, 'grant to');
    const id = ulid();
    await decideAndAppend(
      this.store,
      entitlementStream(namespace, customer.id, entitlement.featureKey),
      entitlementDecider,
      { type: 'CreateGrant', data: { entitlementId: entitlement.id, grantId: id, grant, now } },
      { metadata, attempts: ATTEMPTS },
    );
    this.projections.nudge();
    return { id };
  }
}
