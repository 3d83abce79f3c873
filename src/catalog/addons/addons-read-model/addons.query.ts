import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../../../shared/clock';
import { Metadata } from '../../catalog-rules';
import { Versioned } from '../../../shared/http/etag';
import { OpenMeterValidationError } from '../../../shared/http/problem';
import { Page, SortOrder, pageOf } from '../../../shared/http/list-params';
import { ProjectionsService } from '../../../projections/projections.service';
import type { RateCard } from '../../plans/rate-card';
import type { AddonInstanceType } from '../addon.decider';
import { ADDONS_PROJECTION } from './addons.projection';

/** OpenMeter's `AddonStatus`, a function of the effective range and the time of the question. */
export const ADDON_STATUSES = ['draft', 'active', 'archived'] as const;
export type AddonStatus = (typeof ADDON_STATUSES)[number];

/** OpenMeter's `Addon`. */
export interface AddonView {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly name: string;
  readonly description?: string;
  readonly metadata: Metadata;
  readonly instanceType: AddonInstanceType;
  readonly currency: string;
  readonly rateCards: readonly RateCard[];
  readonly status: AddonStatus;
  readonly effectiveFrom?: string;
  readonly effectiveTo?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt?: string;
  /** Null: what depends on features is checked when it is published (400 with every problem). */
  readonly validationErrors: readonly OpenMeterValidationError[] | null;
}

export const ADDON_ORDER_BY = ['id', 'key', 'version', 'created_at', 'updated_at'] as const;
export type AddonOrderBy = (typeof ADDON_ORDER_BY)[number];

export interface AddonListFilter {
  readonly includeDeleted?: boolean;
  readonly id?: readonly string[];
  readonly key?: readonly string[];
  readonly status?: readonly AddonStatus[];
  readonly currency?: readonly string[];
  readonly page?: number;
  readonly pageSize?: number;
  readonly order?: SortOrder;
  readonly orderBy?: AddonOrderBy;
}

/**
 * A version by id (deleted ones too), or by key: the key's active version — or with `includeLatest`,
 * its latest version that is not deleted, whatever its status (OpenMeter's `getAddon`).
 */
export class GetAddon extends Query<Versioned<AddonView> | undefined> {
  constructor(
    readonly namespace: string,
    readonly idOrKey: string,
    readonly options: { readonly includeLatest?: boolean } = {},
  ) {
    super();
  }
}

export class ListAddons extends Query<Page<AddonView>> {
  constructor(
    readonly namespace: string,
    readonly filter: AddonListFilter,
  ) {
    super();
  }
}

export interface AddonVersionRef {
  readonly id: string;
  readonly version: number;
  readonly status: AddonStatus;
  readonly deleted: boolean;
}

/** Every version of an add-on key, deleted ones too, oldest first: what the add-on handlers choose from. */
export class AddonVersionsOf extends Query<AddonVersionRef[]> {
  constructor(
    readonly namespace: string,
    readonly key: string,
  ) {
    super();
  }
}

/** The status of a version at $2, in SQL, so lists can filter on it. */
const STATUS_AT = `CASE
  WHEN effective_from IS NULL THEN 'draft'
  WHEN effective_to IS NOT NULL AND effective_to <= $2 THEN 'archived'
  ELSE 'active' END`;

interface AddonRow {
  id: string;
  key: string;
  version: number;
  name: string;
  description: string | null;
  currency: string;
  instance_type: AddonInstanceType;
  metadata: Metadata;
  rate_cards: RateCard[];
  effective_from: Date | null;
  effective_to: Date | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  stream_version: number;
  status: AddonStatus;
}

@QueryHandler(GetAddon)
export class GetAddonHandler implements IQueryHandler<GetAddon> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ namespace, idOrKey, options }: GetAddon): Promise<Versioned<AddonView> | undefined> {
    await this.projections.readYourWrites([ADDONS_PROJECTION]);
    const [row] = await this.db.query<AddonRow[]>(
      `SELECT *, ${STATUS_AT} AS status FROM addons
       WHERE namespace = $1 AND (id = $3 OR (key = $3 AND deleted_at IS NULL AND ($4 OR ${STATUS_AT} = 'active')))
       ORDER BY id = $3 DESC, version DESC LIMIT 1`,
      [namespace, this.clock.now(), idOrKey, options.includeLatest ?? false],
    );
    return row === undefined ? undefined : { view: viewOf(row), version: row.stream_version };
  }
}

@QueryHandler(ListAddons)
export class ListAddonsHandler implements IQueryHandler<ListAddons> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ namespace, filter }: ListAddons): Promise<Page<AddonView>> {
    await this.projections.readYourWrites([ADDONS_PROJECTION]);
    const direction = filter.order === 'DESC' ? 'DESC' : 'ASC';
    // Column names equal the enum values: a closed list, checked at the edge.
    const column = filter.orderBy ?? 'created_at';
    const where = `namespace = $1 AND ($3 OR deleted_at IS NULL)
      AND ($4::text[] IS NULL OR id = ANY($4)) AND ($5::text[] IS NULL OR key = ANY($5))
      AND ($6::text[] IS NULL OR ${STATUS_AT} = ANY($6)) AND ($7::text[] IS NULL OR currency = ANY($7))`;
    const params = [
      namespace,
      this.clock.now(),
      filter.includeDeleted ?? false,
      filter.id ?? null,
      filter.key ?? null,
      filter.status ?? null,
      filter.currency ?? null,
    ];
    const { page, pageSize, offset } = pageOf(filter);
    const rows = await this.db.query<AddonRow[]>(
      `SELECT *, ${STATUS_AT} AS status FROM addons WHERE ${where}
       ORDER BY ${column} ${direction}, id ${direction} LIMIT $8 OFFSET $9`,
      [...params, pageSize, offset],
    );
    const [{ count }] = await this.db.query<{ count: string }[]>(
      `SELECT count(*) FROM addons WHERE ${where}`,
      params,
    );
    return { totalCount: Number(count), page, pageSize, items: rows.map(viewOf) };
  }
}

@QueryHandler(AddonVersionsOf)
export class AddonVersionsOfHandler implements IQueryHandler<AddonVersionsOf> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ namespace, key }: AddonVersionsOf): Promise<AddonVersionRef[]> {
    await this.projections.readYourWrites([ADDONS_PROJECTION]);
    return this.db.query<AddonVersionRef[]>(
      `SELECT id, version, ${STATUS_AT} AS status, deleted_at IS NOT NULL AS deleted FROM addons
       WHERE namespace = $1 AND key = $3 ORDER BY version`,
      [namespace, this.clock.now(), key],
    );
  }
}

function viewOf(row: AddonRow): AddonView {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    ...(row.description !== null && { description: row.description }),
    metadata: row.metadata,
    instanceType: row.instance_type,
    currency: row.currency,
    rateCards: row.rate_cards,
    status: row.status,
    ...(row.effective_from !== null && { effectiveFrom: row.effective_from.toISOString() }),
    ...(row.effective_to !== null && { effectiveTo: row.effective_to.toISOString() }),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(row.deleted_at !== null && { deletedAt: row.deleted_at.toISOString() }),
    validationErrors: null,
  };
}
