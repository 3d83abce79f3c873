import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Versioned } from '../../../shared/http/etag';
import { Page, SortOrder, pageOf } from '../../../shared/http/list-params';
import { ProjectionsService } from '../../../projections/projections.service';
import type { GroupByFilters } from '../../../shared/string-filter';
import type { FeatureUnitCost } from '../feature.decider';
import { FEATURES_PROJECTION } from './features.projection';

/** OpenMeter's `Feature`. */
export interface FeatureView {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly meterSlug?: string;
  /** While every filter is a plain equality (OpenMeter's legacy form). */
  readonly meterGroupByFilters?: Readonly<Record<string, string>>;
  /** What the feature counts of its meter; for a metered feature. */
  readonly advancedMeterGroupByFilters?: GroupByFilters;
  readonly unitCost?: FeatureUnitCost;
  readonly metadata: Readonly<Record<string, string>>;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly archivedAt?: string;
}

export const FEATURE_ORDER_BY = ['id', 'key', 'name', 'createdAt', 'updatedAt'] as const;
export type FeatureOrderBy = (typeof FEATURE_ORDER_BY)[number];
const ORDER_COLUMNS: Record<FeatureOrderBy, string> = {
  id: 'id',
  key: 'key',
  name: 'name',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

export interface FeatureListFilter {
  readonly meterSlug?: readonly string[];
  readonly includeArchived?: boolean;
  readonly page?: number;
  readonly pageSize?: number;
  readonly offset?: number;
  readonly limit?: number;
  readonly order?: SortOrder;
  readonly orderBy?: FeatureOrderBy;
}

/** One feature by id, archived ones too. */
export class GetFeature extends Query<Versioned<FeatureView> | undefined> {
  constructor(
    readonly namespace: string,
    readonly id: string,
  ) {
    super();
  }
}

/**
 * OpenMeter's `ListFeaturesResult`: a page (`{ totalCount, page, pageSize, items }`) when `page` or
 * `pageSize` is given, else a bare array cut by `offset` and `limit`.
 */
export class ListFeatures extends Query<Page<FeatureView> | FeatureView[]> {
  constructor(
    readonly namespace: string,
    readonly filter: FeatureListFilter,
  ) {
    super();
  }
}

/** The live features measured by a meter, with the group-by names they filter on. */
export class LiveFeaturesOfMeter extends Query<{ key: string; filteredGroupBys: string[] }[]> {
  constructor(
    readonly namespace: string,
    readonly meterSlug: string,
  ) {
    super();
  }
}

interface FeatureRow {
  id: string;
  key: string;
  name: string;
  meter_slug: string | null;
  meter_group_by_filters: Record<string, string> | null;
  advanced_meter_group_by_filters: GroupByFilters | null;
  unit_cost: FeatureUnitCost | null;
  metadata: Record<string, string>;
  created_at: Date;
  updated_at: Date;
  archived_at: Date | null;
  stream_version: number;
}

@QueryHandler(GetFeature)
export class GetFeatureHandler implements IQueryHandler<GetFeature> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, id }: GetFeature): Promise<Versioned<FeatureView> | undefined> {
    await this.projections.readYourWrites([FEATURES_PROJECTION]);
    const [row] = await this.db.query<FeatureRow[]>(
      `SELECT * FROM features WHERE namespace = $1 AND id = $2`,
      [namespace, id],
    );
    return row && { view: toView(row), version: row.stream_version };
  }
}

@QueryHandler(ListFeatures)
export class ListFeaturesHandler implements IQueryHandler<ListFeatures> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, filter }: ListFeatures): Promise<Page<FeatureView> | FeatureView[]> {
    await this.projections.readYourWrites([FEATURES_PROJECTION]);
    const direction = filter.order === 'DESC' ? 'DESC' : 'ASC';
    const column = ORDER_COLUMNS[filter.orderBy ?? 'createdAt'];
    const where = `namespace = $1 AND ($2 OR archived_at IS NULL) AND ($3::text[] IS NULL OR meter_slug = ANY($3))`;
    const params = [namespace, filter.includeArchived ?? false, filter.meterSlug ?? null];
    const paged = filter.page !== undefined || filter.pageSize !== undefined;
    const { page, pageSize, offset } = pageOf(filter);
    const rows = await this.db.query<FeatureRow[]>(
      `SELECT * FROM features WHERE ${where} ORDER BY ${column} ${direction}, id ${direction} LIMIT $4 OFFSET $5`,
      [...params, paged ? pageSize : (filter.limit ?? 100), paged ? offset : (filter.offset ?? 0)],
    );
    const items = rows.map(toView);
    if (!paged) return items;
    const [{ count }] = await this.db.query<{ count: string }[]>(
      `SELECT count(*) FROM features WHERE ${where}`,
      params,
    );
    return { totalCount: Number(count), page, pageSize, items };
  }
}

@QueryHandler(LiveFeaturesOfMeter)
export class LiveFeaturesOfMeterHandler implements IQueryHandler<LiveFeaturesOfMeter> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, meterSlug }: LiveFeaturesOfMeter) {
    await this.projections.readYourWrites([FEATURES_PROJECTION]);
    const rows = await this.db.query<Pick<FeatureRow, 'key' | 'advanced_meter_group_by_filters'>[]>(
      `SELECT key, advanced_meter_group_by_filters FROM features
       WHERE namespace = $1 AND meter_slug = $2 AND archived_at IS NULL ORDER BY key`,
      [namespace, meterSlug],
    );
    return rows.map((row) => ({
      key: row.key,
      filteredGroupBys: Object.keys(row.advanced_meter_group_by_filters ?? {}),
    }));
  }
}

function toView(row: FeatureRow): FeatureView {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    ...(row.meter_slug !== null && { meterSlug: row.meter_slug }),
    ...(row.meter_group_by_filters !== null && { meterGroupByFilters: row.meter_group_by_filters }),
    ...(row.advanced_meter_group_by_filters !== null && {
      advancedMeterGroupByFilters: row.advanced_meter_group_by_filters,
    }),
    ...(row.unit_cost !== null && { unitCost: row.unit_cost }),
    metadata: row.metadata,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(row.archived_at !== null && { archivedAt: row.archived_at.toISOString() }),
  };
}
