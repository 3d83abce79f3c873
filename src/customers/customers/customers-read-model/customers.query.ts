import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Versioned } from '../../../shared/http/etag';
import { Page, SortOrder, pageOf } from '../../../shared/http/list-params';
import { ProjectionsService } from '../../../projections/projections.service';
import { CLOCK, Clock } from '../../../shared/clock';
import { SUBSCRIPTIONS_PROJECTION } from '../../subscriptions/subscriptions-read-model/subscriptions.projection';
import {
  SubscriptionRecord,
  SubscriptionView,
  runningAt,
  subscriptionView,
  subscriptionsOf,
} from '../../subscriptions/subscriptions-read-model/subscriptions.query';
import type { Address, Metadata } from '../customer.decider';
import { CUSTOMERS_PROJECTION } from './customers.projection';

/** OpenMeter's `Customer`. */
export interface CustomerView {
  readonly id: string;
  readonly key?: string;
  readonly name: string;
  readonly description?: string;
  readonly usageAttribution: { readonly subjectKeys: readonly string[] };
  readonly currency?: string;
  readonly primaryEmail?: string;
  readonly billingAddress?: Address;
  readonly metadata?: Metadata;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt?: string;
  /** The subscription running now, if any. */
  readonly currentSubscriptionId?: string;
  /** With `expand=subscriptions`. */
  readonly subscriptions?: readonly SubscriptionView[];
}

export const CUSTOMER_EXPANDS = ['subscriptions'] as const;
export type CustomerExpand = (typeof CUSTOMER_EXPANDS)[number];

export const CUSTOMER_ORDER_BY = ['id', 'name', 'createdAt'] as const;
export type CustomerOrderBy = (typeof CUSTOMER_ORDER_BY)[number];
const ORDER_COLUMNS: Record<CustomerOrderBy, string> = { id: 'id', name: 'name', createdAt: 'created_at' };

export interface CustomerListFilter {
  readonly page?: number;
  readonly pageSize?: number;
  readonly order?: SortOrder;
  readonly orderBy?: CustomerOrderBy;
  readonly includeDeleted?: boolean;
  /** Case-insensitive, partial (OpenMeter's `key`). */
  readonly key?: string;
  /** Case-insensitive, partial. */
  readonly name?: string;
  /** Case-insensitive, partial. */
  readonly primaryEmail?: string;
  /** Case-insensitive, partial: a subject the customer's usage is attributed by (its key or a subject key). */
  readonly subject?: string;
  /** Exactly: the key of the catalog plan of the customer's subscription running now. */
  readonly planKey?: string;
  readonly expand?: readonly CustomerExpand[];
}

/** One customer by id (deleted ones too) or by key (live ones only). */
export class GetCustomer extends Query<Versioned<CustomerView> | undefined> {
  constructor(
    readonly namespace: string,
    readonly idOrKey: string,
    readonly options: { readonly expand?: readonly CustomerExpand[] } = {},
  ) {
    super();
  }
}

export class ListCustomers extends Query<Page<CustomerView>> {
  constructor(
    readonly namespace: string,
    readonly filter: CustomerListFilter,
  ) {
    super();
  }
}

interface CustomerRow {
  id: string;
  key: string | null;
  name: string;
  description: string | null;
  subject_keys: string[];
  currency: string | null;
  primary_email: string | null;
  billing_address: Address | null;
  metadata: Metadata | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  stream_version: number;
}

/** The customer row that `idOrKey` names, from the read model; callers have caught it up. */
export async function customerRowFor(
  db: DataSource,
  namespace: string,
  idOrKey: string,
): Promise<CustomerRow | undefined> {
  const [row] = await db.query<CustomerRow[]>(
    `SELECT * FROM customers WHERE namespace = $1 AND (id = $2 OR (key = $2 AND deleted_at IS NULL))
     ORDER BY id = $2 DESC LIMIT 1`,
    [namespace, idOrKey],
  );
  return row;
}

abstract class CustomerReader {
  constructor(
    protected readonly db: DataSource,
    protected readonly projections: ProjectionsService,
    protected readonly clock: Clock,
  ) {}

  protected async views(
    namespace: string,
    rows: readonly CustomerRow[],
    expand: readonly CustomerExpand[] = [],
  ) {
    const now = this.clock.now().toISOString();
    const subscriptions = await subscriptionsOf(
      this.db,
      namespace,
      rows.map((row) => row.id),
    );
    return rows.map((row) => {
      const own = subscriptions.filter((record) => record.state.subscription.customerId === row.id);
      return toView(row, own, now, expand.includes('subscriptions'));
    });
  }
}

@QueryHandler(GetCustomer)
export class GetCustomerHandler extends CustomerReader implements IQueryHandler<GetCustomer> {
  constructor(db: DataSource, projections: ProjectionsService, @Inject(CLOCK) clock: Clock) {
    super(db, projections, clock);
  }

  async execute({ namespace, idOrKey, options }: GetCustomer): Promise<Versioned<CustomerView> | undefined> {
    await this.projections.readYourWrites([CUSTOMERS_PROJECTION, SUBSCRIPTIONS_PROJECTION]);
    const row = await customerRowFor(this.db, namespace, idOrKey);
    if (row === undefined) return undefined;
    const [view] = await this.views(namespace, [row], options.expand);
    return { view, version: row.stream_version };
  }
}

@QueryHandler(ListCustomers)
export class ListCustomersHandler extends CustomerReader implements IQueryHandler<ListCustomers> {
  constructor(db: DataSource, projections: ProjectionsService, @Inject(CLOCK) clock: Clock) {
    super(db, projections, clock);
  }

  async execute({ namespace, filter }: ListCustomers): Promise<Page<CustomerView>> {
    await this.projections.readYourWrites([CUSTOMERS_PROJECTION, SUBSCRIPTIONS_PROJECTION]);
    const direction = filter.order === 'DESC' ? 'DESC' : 'ASC';
    const column = ORDER_COLUMNS[filter.orderBy ?? 'createdAt'];
    // OpenMeter's filters: key, name, email and subject match any part, in any case; planKey exactly,
    // among subscriptions running now.
    const where = `c.namespace = $1 AND ($2 OR c.deleted_at IS NULL)
      AND ($3::text IS NULL OR strpos(lower(c.key), lower($3)) > 0)
      AND ($4::text IS NULL OR strpos(lower(c.name), lower($4)) > 0)
      AND ($5::text IS NULL OR strpos(lower(c.primary_email), lower($5)) > 0)
      AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM unnest(c.key || c.subject_keys) AS s(key)
        WHERE strpos(lower(s.key), lower($6)) > 0))
      AND ($7::text IS NULL OR EXISTS (SELECT 1 FROM subscriptions s WHERE s.namespace = c.namespace
        AND s.customer_id = c.id AND s.plan_key = $7 AND s.active_from <= $8
        AND (s.active_to IS NULL OR s.active_to > $8)))`;
    const params = [
      namespace,
      filter.includeDeleted ?? false,
      filter.key ?? null,
      filter.name ?? null,
      filter.primaryEmail ?? null,
      filter.subject ?? null,
      filter.planKey ?? null,
      this.clock.now(),
    ];
    const { page, pageSize, offset } = pageOf(filter);
    const rows = await this.db.query<CustomerRow[]>(
      `SELECT c.* FROM customers c WHERE ${where}
       ORDER BY c.${column} ${direction}, c.id ${direction} LIMIT $9 OFFSET $10`,
      [...params, pageSize, offset],
    );
    const [{ count }] = await this.db.query<{ count: string }[]>(
      `SELECT count(*) FROM customers c WHERE ${where}`,
      params,
    );
    return {
      totalCount: Number(count),
      page,
      pageSize,
      items: await this.views(namespace, rows, filter.expand),
    };
  }
}

function toView(
  row: CustomerRow,
  subscriptions: readonly SubscriptionRecord[],
  now: string,
  expand: boolean,
): CustomerView {
  const current = runningAt(subscriptions, now);
  return {
    id: row.id,
    ...(row.key !== null && { key: row.key }),
    name: row.name,
    ...(row.description !== null && { description: row.description }),
    usageAttribution: { subjectKeys: row.subject_keys },
    ...(row.currency !== null && { currency: row.currency }),
    ...(row.primary_email !== null && { primaryEmail: row.primary_email }),
    ...(row.billing_address !== null && { billingAddress: row.billing_address }),
    ...(row.metadata !== null && { metadata: row.metadata }),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(row.deleted_at !== null && { deletedAt: row.deleted_at.toISOString() }),
    ...(current !== undefined && { currentSubscriptionId: current.state.subscription.id }),
    ...(expand && { subscriptions: subscriptions.map((record) => subscriptionView(record, now)) }),
  };
}
