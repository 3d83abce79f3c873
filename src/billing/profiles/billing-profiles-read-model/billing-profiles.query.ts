import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectionsService } from '../../../projections/projections.service';
import { notFound } from '../../../shared/errors';
import { Page, SortOrder, pageOf } from '../../../shared/http/list-params';
import {
  BillingProfile,
  BillingProfileErrorCode,
  BillingProfilesState,
  CustomerOverride,
  OverrideRecord,
  ProfileRecord,
} from '../billing-profiles.decider';
import type { Workflow } from '../workflow';
import { BILLING_PROFILES_PROJECTION } from './billing-profiles.projection';

/** OpenMeter's `BillingProfile`. */
export interface BillingProfileView {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt?: string;
  readonly supplier: BillingProfile['supplier'];
  readonly workflow: Workflow;
  readonly apps: { tax: { id: string }; invoicing: { id: string }; payment: { id: string } };
  readonly default: boolean;
}

export const BILLING_PROFILE_ORDER_BY = ['createdAt', 'updatedAt', 'default', 'name'] as const;
export type BillingProfileOrderBy = (typeof BILLING_PROFILE_ORDER_BY)[number];
const ORDER_COLUMNS: Record<BillingProfileOrderBy, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  default: 'is_default',
  name: 'name',
};

export interface BillingProfileListFilter {
  readonly includeArchived?: boolean;
  readonly page?: number;
  readonly pageSize?: number;
  readonly order?: SortOrder;
  readonly orderBy?: BillingProfileOrderBy;
}

interface ProfileRow {
  profile: BillingProfile;
  is_default: boolean;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

/** Billing profiles from their read model (`billing_profiles@v1`), as of every write acknowledged before the read. */
@Injectable()
export class BillingProfilesQuery {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  /** One profile by id, deleted ones too (with `deletedAt`); 404 when the namespace has none by that id. */
  async get(namespace: string, id: string): Promise<BillingProfileView> {
    await this.projections.readYourWrites([BILLING_PROFILES_PROJECTION]);
    const [row] = await this.db.query<ProfileRow[]>(
      `SELECT * FROM billing_profiles WHERE namespace = $1 AND id = $2`,
      [namespace, id],
    );
    if (row === undefined)
      throw notFound(BillingProfileErrorCode.NOT_FOUND, `Billing profile ${id} not found`);
    return profileView(row);
  }

  /**
   * A namespace's profiles and live overrides, shaped as the decider's state, so that whoever asks
   * which workflow a customer is billed under (`effectiveWorkflow`) gets the one answer.
   */
  async settings(namespace: string): Promise<BillingProfilesState> {
    await this.projections.readYourWrites([BILLING_PROFILES_PROJECTION]);
    const rows = await this.db.query<ProfileRow[]>(`SELECT * FROM billing_profiles WHERE namespace = $1`, [
      namespace,
    ]);
    const overrides = await this.db.query<
      { override: CustomerOverride; created_at: Date; updated_at: Date }[]
    >(
      `SELECT override, created_at, updated_at FROM billing_customer_overrides
       WHERE namespace = $1 AND deleted_at IS NULL`,
      [namespace],
    );
    const profiles: Record<string, ProfileRecord> = {};
    for (const row of rows) {
      profiles[row.profile.id] = {
        profile: row.profile,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
        ...(row.deleted_at !== null && { deletedAt: row.deleted_at.toISOString() }),
      };
    }
    const byCustomer: Record<string, OverrideRecord> = {};
    for (const row of overrides) {
      byCustomer[row.override.customerId] = {
        override: row.override,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
      };
    }
    const defaultId = rows.find((row) => row.is_default)?.profile.id;
    return { profiles, overrides: byCustomer, ...(defaultId !== undefined && { defaultId }) };
  }

  async list(namespace: string, filter: BillingProfileListFilter): Promise<Page<BillingProfileView>> {
    await this.projections.readYourWrites([BILLING_PROFILES_PROJECTION]);
    const direction = filter.order === 'DESC' ? 'DESC' : 'ASC';
    const column = ORDER_COLUMNS[filter.orderBy ?? 'createdAt'];
    const where = `namespace = $1 AND ($2 OR deleted_at IS NULL)`;
    const params = [namespace, filter.includeArchived ?? false];
    const { page, pageSize, offset } = pageOf(filter);
    const rows = await this.db.query<ProfileRow[]>(
      `SELECT * FROM billing_profiles WHERE ${where} ORDER BY ${column} ${direction}, id ${direction}
       LIMIT $3 OFFSET $4`,
      [...params, pageSize, offset],
    );
    const [{ count }] = await this.db.query<{ count: string }[]>(
      `SELECT count(*) FROM billing_profiles WHERE ${where}`,
      params,
    );
    return { totalCount: Number(count), page, pageSize, items: rows.map(profileView) };
  }
}

/** OpenMeter's `BillingProfileAppReferences`. */
export function appReferences(apps: BillingProfile['apps']): BillingProfileView['apps'] {
  return { tax: { id: apps.tax }, invoicing: { id: apps.invoicing }, payment: { id: apps.payment } };
}

function profileView(row: ProfileRow): BillingProfileView {
  const { profile } = row;
  return {
    id: profile.id,
    name: profile.name,
    ...(profile.description !== undefined && { description: profile.description }),
    ...(profile.metadata !== undefined && { metadata: profile.metadata }),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(row.deleted_at !== null && { deletedAt: row.deleted_at.toISOString() }),
    supplier: profile.supplier,
    workflow: profile.workflow,
    apps: appReferences(profile.apps),
    default: row.is_default,
  };
}
