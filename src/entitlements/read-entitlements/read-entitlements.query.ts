import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import { notFound } from '../../shared/errors';
import type { EntitlementType } from '../entitlement.decider';
import { EntitlementErrorCode } from '../entitlement-errors';
import { Owner, ownedEntitlement, ownerCustomer } from '../entitlement-owners';
import { ENTITLEMENTS_PROJECTION } from '../entitlements-read-model/entitlements.projection';
import {
  customerFor,
  customerOfSubject,
  CustomerRecord,
  customersByIds,
  entitlementById,
  EntitlementRecord,
  listEntitlements,
} from '../entitlements-read-model/entitlements.query';

/** Entitlements with the customers they belong to, and the instant their periods are shown at. */
export interface EntitlementsAnswer {
  readonly items: readonly EntitlementRecord[];
  readonly customers: ReadonlyMap<string, CustomerRecord>;
  readonly totalCount: number;
  readonly now: string;
}

/** One entitlement of a customer (or of a subject's customer), by id or by feature key in force now. */
export class GetOwnedEntitlement extends Query<EntitlementsAnswer> {
  constructor(
    readonly namespace: string,
    readonly owner: Owner,
    readonly idOrFeatureKey: string,
  ) {
    super();
  }
}

/** One entitlement of the namespace by id. */
export class GetEntitlementById extends Query<EntitlementsAnswer> {
  constructor(
    readonly namespace: string,
    readonly id: string,
  ) {
    super();
  }
}

export interface EntitlementListFilter {
  readonly owner?: Owner;
  readonly customerIds?: readonly string[];
  readonly customerKeys?: readonly string[];
  /** Subject keys: the customers holding them. */
  readonly subjects?: readonly string[];
  readonly featureKeys?: readonly string[];
  readonly types?: readonly EntitlementType[];
  readonly includeDeleted?: boolean;
  /** Only those in force now. */
  readonly excludeInactive?: boolean;
  readonly orderBy?: 'createdAt' | 'updatedAt';
  readonly order?: 'ASC' | 'DESC';
  readonly limit: number;
  readonly offset: number;
}

export class ListEntitlements extends Query<EntitlementsAnswer> {
  constructor(
    readonly namespace: string,
    readonly filter: EntitlementListFilter,
  ) {
    super();
  }
}

abstract class EntitlementReader {
  constructor(
    protected readonly db: DataSource,
    protected readonly projections: ProjectionsService,
    protected readonly clock: Clock,
  ) {}

  protected async answer(
    namespace: string,
    items: readonly EntitlementRecord[],
    totalCount: number,
    now: string,
  ): Promise<EntitlementsAnswer> {
    const customers = await customersByIds(
      this.db,
      namespace,
      items.map((item) => item.customerId),
    );
    return { items, customers, totalCount, now };
  }
}

@QueryHandler(GetOwnedEntitlement)
export class GetOwnedEntitlementHandler
  extends EntitlementReader
  implements IQueryHandler<GetOwnedEntitlement>
{
  constructor(db: DataSource, projections: ProjectionsService, @Inject(CLOCK) clock: Clock) {
    super(db, projections, clock);
  }

  async execute({ namespace, owner, idOrFeatureKey }: GetOwnedEntitlement): Promise<EntitlementsAnswer> {
    await this.projections.readYourWrites([ENTITLEMENTS_PROJECTION]);
    const now = this.clock.now().toISOString();
    const customer = await ownerCustomer(this.db, namespace, owner);
    const entitlement = await ownedEntitlement(this.db, namespace, customer, idOrFeatureKey, now);
    return { items: [entitlement], customers: new Map([[customer.id, customer]]), totalCount: 1, now };
  }
}

@QueryHandler(GetEntitlementById)
export class GetEntitlementByIdHandler
  extends EntitlementReader
  implements IQueryHandler<GetEntitlementById>
{
  constructor(db: DataSource, projections: ProjectionsService, @Inject(CLOCK) clock: Clock) {
    super(db, projections, clock);
  }

  async execute({ namespace, id }: GetEntitlementById): Promise<EntitlementsAnswer> {
    await this.projections.readYourWrites([ENTITLEMENTS_PROJECTION]);
    const entitlement = await entitlementById(this.db, namespace, id);
    if (!entitlement) throw notFound(EntitlementErrorCode.NOT_FOUND, `Entitlement ${id} not found`);
    return this.answer(namespace, [entitlement], 1, this.clock.now().toISOString());
  }
}

@QueryHandler(ListEntitlements)
export class ListEntitlementsHandler extends EntitlementReader implements IQueryHandler<ListEntitlements> {
  constructor(db: DataSource, projections: ProjectionsService, @Inject(CLOCK) clock: Clock) {
    super(db, projections, clock);
  }

  async execute({ namespace, filter }: ListEntitlements): Promise<EntitlementsAnswer> {
    await this.projections.readYourWrites([ENTITLEMENTS_PROJECTION]);
    const now = this.clock.now().toISOString();
    const customerIds = await this.customerIds(namespace, filter);
    if (customerIds !== undefined && customerIds.length === 0)
      return { items: [], customers: new Map(), totalCount: 0, now };
    const { items, totalCount } = await listEntitlements(this.db, namespace, {
      ...(customerIds !== undefined && { customerIds }),
      ...(filter.featureKeys !== undefined && { featureKeys: filter.featureKeys }),
      ...(filter.types !== undefined && { types: filter.types }),
      includeDeleted: filter.includeDeleted ?? false,
      ...(filter.excludeInactive && { activeAt: now }),
      ...(filter.orderBy !== undefined && { orderBy: filter.orderBy }),
      ...(filter.order !== undefined && { order: filter.order }),
      limit: filter.limit,
      offset: filter.offset,
    });
    return this.answer(namespace, items, totalCount, now);
  }

  /** The customers the filter narrows to (undefined: all of them). */
  private async customerIds(namespace: string, filter: EntitlementListFilter): Promise<string[] | undefined> {
    if (filter.owner) return [(await ownerCustomer(this.db, namespace, filter.owner)).id];
    const named = [...(filter.customerIds ?? [])];
    if (filter.customerKeys === undefined && filter.subjects === undefined)
      return filter.customerIds === undefined ? undefined : named;
    for (const key of filter.customerKeys ?? []) {
      const customer = await customerFor(this.db, namespace, key);
      if (customer) named.push(customer.id);
    }
    for (const subject of filter.subjects ?? []) {
      const customer = await customerOfSubject(this.db, namespace, subject);
      if (customer) named.push(customer.id);
    }
    return named;
  }
}
