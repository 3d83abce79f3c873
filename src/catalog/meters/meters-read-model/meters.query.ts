import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Versioned } from '../../../shared/http/etag';
import { SortOrder, pageOf } from '../../../shared/http/list-params';
import { ProjectionsService } from '../../../projections/projections.service';
import type { MeterAggregation } from '../meter.decider';
import { METERS_PROJECTION } from './meters.projection';

/** OpenMeter's `Meter`. */
export interface MeterView {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly description?: string;
  readonly eventType: string;
  readonly aggregation: MeterAggregation;
  readonly valueProperty?: string;
  readonly groupBy: Readonly<Record<string, string>>;
  readonly eventFrom?: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt?: string;
}

export const METER_ORDER_BY = ['key', 'name', 'aggregation', 'createdAt', 'updatedAt'] as const;
export type MeterOrderBy = (typeof METER_ORDER_BY)[number];
const ORDER_COLUMNS: Record<MeterOrderBy, string> = {
  key: 'slug',
  name: 'name',
  aggregation: 'aggregation',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

export interface MeterListFilter {
  readonly page?: number;
  readonly pageSize?: number;
  readonly order?: SortOrder;
  readonly orderBy?: MeterOrderBy;
  readonly includeDeleted?: boolean;
}

/**
 * One meter by id — deleted ones too, an id is forever — or by slug, which only a live meter holds.
 */
export class GetMeter extends Query<Versioned<MeterView> | undefined> {
  constructor(
    readonly namespace: string,
    readonly idOrSlug: string,
  ) {
    super();
  }
}

/** OpenMeter answers a bare array here; `page` and `pageSize` apply only when given. */
export class ListMeters extends Query<MeterView[]> {
  constructor(
    readonly namespace: string,
    readonly filter: MeterListFilter,
  ) {
    super();
  }
}

interface MeterRow {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  event_type: string;
  aggregation: MeterAggregation;
  value_property: string | null;
  group_by: Record<string, string>;
  event_from: Date | null;
  metadata: Record<string, string>;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  stream_version: number;
}

@QueryHandler(GetMeter)
export class GetMeterHandler implements IQueryHandler<GetMeter> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, idOrSlug }: GetMeter): Promise<Versioned<MeterView> | undefined> {
    await this.projections.readYourWrites([METERS_PROJECTION]);
    const [row] = await this.db.query<MeterRow[]>(
      `SELECT * FROM meters WHERE namespace = $1 AND (id = $2 OR (slug = $2 AND deleted_at IS NULL))
       ORDER BY id = $2 DESC LIMIT 1`,
      [namespace, idOrSlug],
    );
    return row && { view: toView(row), version: row.stream_version };
  }
}

@QueryHandler(ListMeters)
export class ListMetersHandler implements IQueryHandler<ListMeters> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ namespace, filter }: ListMeters): Promise<MeterView[]> {
    await this.projections.readYourWrites([METERS_PROJECTION]);
    const direction = filter.order === 'DESC' ? 'DESC' : 'ASC';
    const column = ORDER_COLUMNS[filter.orderBy ?? 'createdAt'];
    const paged = filter.page !== undefined || filter.pageSize !== undefined;
    const { pageSize, offset } = pageOf(filter);
    const rows = await this.db.query<MeterRow[]>(
      `SELECT * FROM meters WHERE namespace = $1 AND ($2 OR deleted_at IS NULL)
       ORDER BY ${column} ${direction}, id ${direction}
       ${paged ? 'LIMIT $3 OFFSET $4' : ''}`,
      [namespace, filter.includeDeleted ?? false, ...(paged ? [pageSize, offset] : [])],
    );
    return rows.map(toView);
  }
}

function toView(row: MeterRow): MeterView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    ...(row.description !== null && { description: row.description }),
    eventType: row.event_type,
    aggregation: row.aggregation,
    ...(row.value_property !== null && { valueProperty: row.value_property }),
    groupBy: row.group_by,
    ...(row.event_from !== null && { eventFrom: row.event_from.toISOString() }),
    metadata: row.metadata,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(row.deleted_at !== null && { deletedAt: row.deleted_at.toISOString() }),
  };
}
