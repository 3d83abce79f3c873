import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import {
  customerRowFor,
  CUSTOMERS_PROJECTION,
  runningAt,
  SUBSCRIPTIONS_PROJECTION,
  subscriptionsOf,
} from '../../customers';
import { EntitlementAccess, entitlementAt } from '../entitlement-access';

/** The customer's entitlement to a feature at `time` (default now); undefined for an unknown customer. */
export class GetEntitlementValue extends Query<EntitlementAccess | undefined> {
  constructor(
    readonly namespace: string,
    readonly customerIdOrKey: string,
    readonly featureKey: string,
    readonly time?: string,
  ) {
    super();
  }
}

@QueryHandler(GetEntitlementValue)
export class GetEntitlementValueHandler implements IQueryHandler<GetEntitlementValue> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    namespace,
    customerIdOrKey,
    featureKey,
    time,
  }: GetEntitlementValue): Promise<EntitlementAccess | undefined> {
    await this.projections.readYourWrites([CUSTOMERS_PROJECTION, SUBSCRIPTIONS_PROJECTION]);
    const customer = await customerRowFor(this.db, namespace, customerIdOrKey);
    if (customer === undefined) return undefined;
    const at = time ?? this.clock.now().toISOString();
    const running = runningAt(await subscriptionsOf(this.db, namespace, [customer.id]), at);
    return running === undefined ? { hasAccess: false } : entitlementAt(running.state, featureKey, at);
  }
}
