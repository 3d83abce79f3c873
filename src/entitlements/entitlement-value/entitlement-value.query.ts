import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import { DomainError, notFound } from '../../shared/errors';
import { EntitlementErrorCode } from '../entitlement-errors';
import { Owner, ownedEntitlement, ownerCustomer } from '../entitlement-owners';
import {
  customerAndEntitlement,
  customerAndEntitlementsInForce,
  CustomerRecord,
} from '../entitlements-read-model/entitlements.query';
import { EntitlementBalances, EntitlementValue } from './entitlement-balances';
import { ValueRead } from './value-read';

/**
 * A customer's entitlement to a feature at `time` (default now). The customer routes answer
 * `hasAccess: false` where the customer has none (`whenNone: 'no-access'`), the v1 subject route 404,
 * as OpenMeter's do; a deleted customer's value is 412.
 */
export class GetEntitlementValue extends Query<EntitlementValue> {
  constructor(
    readonly namespace: string,
    readonly owner: Owner,
    readonly idOrFeatureKey: string,
    readonly time: string | undefined,
    readonly whenNone: 'no-access' | 'not-found',
  ) {
    super();
  }
}

/** Every feature the customer has an entitlement to now, and its value. */
export class GetCustomerAccess extends Query<ReadonlyMap<string, EntitlementValue>> {
  constructor(
    readonly namespace: string,
    readonly customerIdOrKey: string,
  ) {
    super();
  }
}

@QueryHandler(GetEntitlementValue)
export class GetEntitlementValueHandler implements IQueryHandler<GetEntitlementValue> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
    private readonly balances: EntitlementBalances,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    namespace,
    owner,
    idOrFeatureKey,
    time,
    whenNone,
  }: GetEntitlementValue): Promise<EntitlementValue> {
    const read = new ValueRead(this.projections);
    const at = time ?? this.clock.now().toISOString();
    // The customer routes' hot path: the customer and its entitlement in one statement.
    const { customer, entitlement: found } =
      'customerIdOrKey' in owner
        ? await read.entitlements((projections) =>
            customerAndEntitlement(
              this.db,
              namespace,
              owner.customerIdOrKey,
              idOrFeatureKey,
              at,
              projections,
            ),
          )
        : await this.subjectCustomer(read, namespace, owner);
    if (!customer)
      throw notFound(EntitlementErrorCode.CUSTOMER_NOT_FOUND, `Customer ${idOrKeyOf(owner)} not found`);
    if (customer.deleted)
      throw new DomainError(
        'precondition_failed',
        EntitlementErrorCode.CUSTOMER_DELETED,
        `Customer ${customer.id} is deleted`,
      );
    const entitlement =
      found ??
      (whenNone === 'not-found'
        ? await ownedEntitlement(this.db, namespace, customer, idOrFeatureKey, at)
        : undefined);
    return entitlement === undefined ? { hasAccess: false } : this.balances.value(entitlement, at, read);
  }

  /** The v1 subject routes: the subject's customer, the entitlement read after it. */
  private async subjectCustomer(
    read: ValueRead,
    namespace: string,
    owner: Owner,
  ): Promise<{ customer: CustomerRecord; entitlement?: undefined }> {
    await read.entitlementsCaughtUp();
    return { customer: await ownerCustomer(this.db, namespace, owner) };
  }
}

@QueryHandler(GetCustomerAccess)
export class GetCustomerAccessHandler implements IQueryHandler<GetCustomerAccess> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
    private readonly balances: EntitlementBalances,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    namespace,
    customerIdOrKey,
  }: GetCustomerAccess): Promise<ReadonlyMap<string, EntitlementValue>> {
    const read = new ValueRead(this.projections);
    const now = this.clock.now().toISOString();
    const { customer, entitlements } = await read.entitlements((projections) =>
      customerAndEntitlementsInForce(this.db, namespace, customerIdOrKey, now, projections),
    );
    if (!customer)
      throw notFound(EntitlementErrorCode.CUSTOMER_NOT_FOUND, `Customer ${customerIdOrKey} not found`);
    const access = new Map<string, EntitlementValue>();
    for (const entitlement of entitlements)
      access.set(entitlement.featureKey, await this.balances.value(entitlement, now, read));
    return access;
  }
}

const idOrKeyOf = (owner: Owner) => ('customerIdOrKey' in owner ? owner.customerIdOrKey : owner.subject);
