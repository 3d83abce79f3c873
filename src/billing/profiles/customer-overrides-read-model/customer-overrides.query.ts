import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CustomerView, GetCustomer, ListCustomers } from '../../../customers';
import { notFound } from '../../../shared/errors';
import { MAX_PAGE_SIZE, Page, SortOrder, pageOf } from '../../../shared/http/list-params';
import { BillingProfilesState, effectiveWorkflow } from '../billing-profiles.decider';
import {
  appReferences,
  BillingProfilesQuery,
  BillingProfileView,
} from '../billing-profiles-read-model/billing-profiles.query';
import type { CustomerOverrideOrderBy } from '../customer-override.dto';
import type { Workflow, WorkflowInput } from '../workflow';

/** OpenMeter's `BillingProfileCustomerOverrideWithDetails` (with Tally's override `workflow`). */
export interface CustomerOverrideView {
  readonly customerOverride?: {
    readonly createdAt: string;
    readonly updatedAt: string;
    readonly billingProfileId?: string;
    readonly customerId: string;
    readonly workflow?: WorkflowInput;
  };
  readonly baseBillingProfileId: string;
  readonly customerProfile: {
    readonly supplier: BillingProfileView['supplier'];
    readonly workflow: Workflow;
    readonly apps: BillingProfileView['apps'];
  };
  readonly customer?: CustomerView;
}

export interface CustomerOverrideListFilter {
  readonly billingProfile?: readonly string[];
  readonly customersWithoutPinnedProfile?: boolean;
  readonly includeAllCustomers?: boolean;
  readonly customerId?: readonly string[];
  readonly customerName?: string;
  readonly customerKey?: string;
  readonly customerPrimaryEmail?: string;
  readonly expand?: readonly string[];
  readonly order?: SortOrder;
  readonly orderBy?: CustomerOverrideOrderBy;
  readonly page?: number;
  readonly pageSize?: number;
}

export const CustomerOverrideErrorCode = { CUSTOMER_NOT_FOUND: 'BILLING.CUSTOMER_NOT_FOUND' } as const;

/**
 * Customers' overrides and the merged settings each customer is billed under. Customers come from
 * the customers context's own queries; the settings from `billing_profiles@v1`.
 */
@Injectable()
export class CustomerOverridesQuery {
  constructor(
    private readonly profiles: BillingProfilesQuery,
    private readonly queries: QueryBus,
  ) {}

  /** A live customer by id or key; 404 otherwise. */
  async customer(namespace: string, idOrKey: string): Promise<CustomerView> {
    const found = await this.queries.execute(new GetCustomer(namespace, idOrKey));
    if (found === undefined || found.view.deletedAt !== undefined)
      throw notFound(CustomerOverrideErrorCode.CUSTOMER_NOT_FOUND, `Customer ${idOrKey} not found`);
    return found.view;
  }

  /** The customer's override, or (with none) the default profile's values, as OpenMeter answers. */
  async get(
    namespace: string,
    idOrKey: string,
    expand: readonly string[] = [],
  ): Promise<CustomerOverrideView> {
    const customer = await this.customer(namespace, idOrKey);
    return detailsOf(await this.profiles.settings(namespace), customer, expand.includes('customer'));
  }

  /**
   * Joins every live customer of the namespace with its override in memory, then filters, orders
   * and pages: the filters (effective profile, pinned or not) are known only after the join.
   */
  async list(namespace: string, filter: CustomerOverrideListFilter): Promise<Page<CustomerOverrideView>> {
    const settings = await this.profiles.settings(namespace);
    const includeAll = (filter.includeAllCustomers ?? true) || filter.customersWithoutPinnedProfile === true;
    const customers = (await this.allCustomers(namespace, filter)).filter((customer) => {
      const override = settings.overrides[customer.id]?.override;
      if (!includeAll && override === undefined) return false;
      if (filter.customersWithoutPinnedProfile && override?.billingProfileId !== undefined) return false;
      if (
        filter.customerId !== undefined &&
        !filter.customerId.includes(customer.id) &&
        !(customer.key !== undefined && filter.customerId.includes(customer.key))
      )
        return false;
      const base = override?.billingProfileId ?? settings.defaultId;
      return (
        filter.billingProfile === undefined || (base !== undefined && filter.billingProfile.includes(base))
      );
    });
    customers.sort(comparing(filter.orderBy ?? 'customerId', filter.order === 'DESC' ? -1 : 1));
    const { page, pageSize, offset } = pageOf(filter);
    const withCustomer = filter.expand?.includes('customer') ?? false;
    return {
      totalCount: customers.length,
      page,
      pageSize,
      items: customers.slice(offset, offset + pageSize).map((c) => detailsOf(settings, c, withCustomer)),
    };
  }

  private async allCustomers(namespace: string, filter: CustomerOverrideListFilter): Promise<CustomerView[]> {
    const customers: CustomerView[] = [];
    for (let page = 1; ; page++) {
      const answer = await this.queries.execute(
        new ListCustomers(namespace, {
          page,
          pageSize: MAX_PAGE_SIZE,
          key: filter.customerKey,
          name: filter.customerName,
          primaryEmail: filter.customerPrimaryEmail,
        }),
      );
      customers.push(...answer.items);
      if (answer.items.length < MAX_PAGE_SIZE) return customers;
    }
  }
}

function detailsOf(
  state: BillingProfilesState,
  customer: CustomerView,
  withCustomer: boolean,
): CustomerOverrideView {
  const record = state.overrides[customer.id];
  const effective = effectiveWorkflow(state, customer.id);
  if (effective === undefined)
    throw new Error(`namespace of customer ${customer.id} has no default billing profile`);
  return {
    ...(record !== undefined && {
      customerOverride: {
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        ...(record.override.billingProfileId !== undefined && {
          billingProfileId: record.override.billingProfileId,
        }),
        customerId: customer.id,
        ...(record.override.workflow !== undefined && { workflow: record.override.workflow }),
      },
    }),
    baseBillingProfileId: effective.profile.id,
    customerProfile: {
      supplier: effective.profile.supplier,
      workflow: effective.workflow,
      apps: appReferences(effective.profile.apps),
    },
    ...(withCustomer && { customer }),
  };
}

function comparing(orderBy: CustomerOverrideOrderBy, sign: number) {
  const value = (c: CustomerView): string =>
    ({
      customerId: c.id,
      customerName: c.name,
      customerKey: c.key ?? '',
      customerPrimaryEmail: c.primaryEmail ?? '',
      customerCreatedAt: c.createdAt,
    })[orderBy];
  return (a: CustomerView, b: CustomerView) =>
    sign * (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
