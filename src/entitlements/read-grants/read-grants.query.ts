import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ProjectionsService } from '../../projections/projections.service';
import { CLOCK, Clock } from '../../shared/clock';
import { Owner, ownedEntitlement, ownerCustomer } from '../entitlement-owners';
import { ENTITLEMENTS_PROJECTION } from '../entitlements-read-model/entitlements.projection';
import {
  customerFor,
  customerOfSubject,
  GrantFilter,
  GrantRecord,
  listGrants,
} from '../entitlements-read-model/entitlements.query';

export interface GrantsAnswer {
  readonly items: readonly GrantRecord[];
  readonly totalCount: number;
  readonly now: string;
}

export interface GrantListFilter extends Omit<GrantFilter, 'entitlementIds' | 'customerIds'> {
  /** The grants of one entitlement of a customer (by id, or the one in force now to a feature key). */
  readonly entitlement?: { readonly owner: Owner; readonly idOrFeatureKey: string };
  /** Customers by id or key. */
  readonly customers?: readonly string[];
  readonly subjects?: readonly string[];
}

export class ListGrants extends Query<GrantsAnswer> {
  constructor(
    readonly namespace: string,
    readonly filter: GrantListFilter,
  ) {
    super();
  }
}

@QueryHandler(ListGrants)
export class ListGrantsHandler implements IQueryHandler<ListGrants> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ namespace, filter }: ListGrants): Promise<GrantsAnswer> {
    await this.projections.readYourWrites([ENTITLEMENTS_PROJECTION]);
    const now = this.clock.now().toISOString();
    const { entitlement, customers, subjects, ...rest } = filter;
    let entitlementIds: string[] | undefined;
    if (entitlement) {
      const customer = await ownerCustomer(this.db, namespace, entitlement.owner);
      entitlementIds = [
        (await ownedEntitlement(this.db, namespace, customer, entitlement.idOrFeatureKey, now)).id,
      ];
    }
    let customerIds: string[] | undefined;
    if (customers !== undefined || subjects !== undefined) {
      customerIds = [];
      for (const idOrKey of customers ?? []) {
        const customer = await customerFor(this.db, namespace, idOrKey);
        if (customer) customerIds.push(customer.id);
      }
      for (const subject of subjects ?? []) {
        const customer = await customerOfSubject(this.db, namespace, subject);
        if (customer) customerIds.push(customer.id);
      }
      if (customerIds.length === 0) return { items: [], totalCount: 0, now };
    }
    const { items, totalCount } = await listGrants(this.db, namespace, {
      ...rest,
      ...(entitlementIds !== undefined && { entitlementIds }),
      ...(customerIds !== undefined && { customerIds }),
    });
    return { items, totalCount, now };
  }
}
