import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../../../shared/clock';
import { Metadata } from '../../catalog-rules';
import { Versioned } from '../../../shared/http/etag';
import { OpenMeterValidationError, openMeterValidationError } from '../../../shared/http/problem';
import { Page, SortOrder, pageOf } from '../../../shared/http/list-params';
import { ProjectionsService } from '../../../projections/projections.service';
import type { Alignment, ProRatingConfig, SettlementMode } from '../plan.decider';
import { customPlanProblems } from '../plan-validation';
import type { RateCard } from '../rate-card';
import { PLANS_PROJECTION } from './plans.projection';

/** OpenMeter's `PlanStatus`, a function of the effective range and the time of the question. */
export const PLAN_STATUSES = ['draft', 'active', 'archived', 'scheduled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface PlanPhaseView {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly metadata?: Metadata;
  readonly duration: string | null;
  readonly rateCards: readonly RateCard[];
}

/** OpenMeter's `Plan`. */
export interface PlanView {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly name: string;
  readonly description?: string;
  readonly metadata: Metadata;
  readonly currency: string;
  readonly billingCadence: string;
  readonly proRatingConfig: ProRatingConfig;
  /** As given; absent when the plan was written without it. */
  readonly alignment?: Alignment;
  readonly settlementMode?: SettlementMode;
  readonly phases: readonly PlanPhaseView[];
  readonly status: PlanStatus;
  readonly effectiveFrom?: string;
  readonly effectiveTo?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt?: string;
  /**
   * A draft's problems that would refuse its publishing (its rate cards' cadences against its own),
   * as OpenMeter lists them; null when there are none, and for every plan not a draft. What depends
   * on features is checked when it is published (400 with every problem).
   */
  readonly validationErrors: readonly OpenMeterValidationError[] | null;
}

export const PLAN_ORDER_BY = ['id', 'key', 'version', 'created_at', 'updated_at'] as const;
export type PlanOrderBy = (typeof PLAN_ORDER_BY)[number];
const ORDER_COLUMNS: Record<PlanOrderBy, string> = {
  id: 'id',
  key: 'key',
  version: 'version',
  created_at: 'created_at',
  updated_at: 'updated_at',
};

export interface PlanListFilter {
  readonly includeDeleted?: boolean;
  readonly id?: readonly string[];
  readonly key?: readonly string[];
  readonly status?: readonly PlanStatus[];
  readonly currency?: readonly string[];
  readonly page?: number;
  readonly pageSize?: number;
  readonly order?: SortOrder;
  readonly orderBy?: PlanOrderBy;
}

/**
 * A version by id (deleted ones too), or by key: the key's active version — or with `includeLatest`,
 * its latest version that is not deleted, whatever its status (OpenMeter's `getPlan`).
 */
export class GetPlan extends Query<Versioned<PlanView> | undefined> {
  constructor(
    readonly namespace: string,
    readonly idOrKey: string,
    readonly options: { readonly includeLatest?: boolean } = {},
  ) {
    super();
  }
}

export class ListPlans extends Query<Page<PlanView>> {
  constructor(
    readonly namespace: string,
    readonly filter: PlanListFilter,
  ) {
    super();
  }
}

export interface PlanVersionRef {
  readonly id: string;
  readonly version: number;
  readonly status: PlanStatus;
  readonly deleted: boolean;
}

/** Every version of a plan key, deleted ones too, oldest first: what the plan handlers choose from. */
export class PlanVersionsOf extends Query<PlanVersionRef[]> {
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
  WHEN effective_from > $2 THEN 'scheduled'
  ELSE 'active' END`;

interface PlanRow {
  id: string;
  key: string;
  version: number;
  name: string;
  description: string | null;
  currency: string;
  billing_cadence: string;
  pro_rating_config: ProRatingConfig;
  metadata: Metadata;
  alignment: Alignment | null;
  settlement_mode: SettlementMode | null;
  effective_from: Date | null;
  effective_to: Date | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  stream_version: number;
  status: PlanStatus;
}

interface PhaseRow {
  plan_id: string;
  phase_index: number;
  key: string;
  name: string;
  description: string | null;
  metadata: Metadata | null;
  duration: string | null;
}

interface RateCardRow {
  plan_id: string;
  phase_index: number;
  definition: RateCard;
}

/** Reads plan rows with their phases and rate cards, and renders them. */
abstract class PlanReader {
  constructor(
    protected readonly db: DataSource,
    protected readonly projections: ProjectionsService,
    protected readonly clock: Clock,
  ) {}

  protected async views(rows: readonly PlanRow[], namespace: string): Promise<PlanView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const phases = await this.db.query<PhaseRow[]>(
      `SELECT * FROM plan_phases WHERE namespace = $1 AND plan_id = ANY($2) ORDER BY plan_id, phase_index`,
      [namespace, ids],
    );
    const rateCards = await this.db.query<RateCardRow[]>(
      `SELECT plan_id, phase_index, definition FROM plan_rate_cards WHERE namespace = $1 AND plan_id = ANY($2)
       ORDER BY plan_id, phase_index, rate_card_index`,
      [namespace, ids],
    );
    return rows.map((row) => toView(row, phases, rateCards));
  }
}

@QueryHandler(GetPlan)
export class GetPlanHandler extends PlanReader implements IQueryHandler<GetPlan> {
  constructor(db: DataSource, projections: ProjectionsService, @Inject(CLOCK) clock: Clock) {
    super(db, projections, clock);
  }

  async execute({ namespace, idOrKey, options }: GetPlan): Promise<Versioned<PlanView> | undefined> {
    await this.projections.readYourWrites([PLANS_PROJECTION]);
    const [row] = await this.db.query<PlanRow[]>(
      `SELECT *, ${STATUS_AT} AS status FROM plans
       WHERE namespace = $1 AND (id = $3 OR (key = $3 AND deleted_at IS NULL AND ($4 OR ${STATUS_AT} = 'active')))
       ORDER BY id = $3 DESC, version DESC LIMIT 1`,
      [namespace, this.clock.now(), idOrKey, options.includeLatest ?? false],
    );
    if (row === undefined) return undefined;
    const [view] = await this.views([row], namespace);
    return { view, version: row.stream_version };
  }
}

@QueryHandler(ListPlans)
export class ListPlansHandler extends PlanReader implements IQueryHandler<ListPlans> {
  constructor(db: DataSource, projections: ProjectionsService, @Inject(CLOCK) clock: Clock) {
    super(db, projections, clock);
  }

  async execute({ namespace, filter }: ListPlans): Promise<Page<PlanView>> {
    await this.projections.readYourWrites([PLANS_PROJECTION]);
    const direction = filter.order === 'DESC' ? 'DESC' : 'ASC';
    const column = ORDER_COLUMNS[filter.orderBy ?? 'created_at'];
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
    const rows = await this.db.query<PlanRow[]>(
      `SELECT *, ${STATUS_AT} AS status FROM plans WHERE ${where}
       ORDER BY ${column} ${direction}, id ${direction} LIMIT $8 OFFSET $9`,
      [...params, pageSize, offset],
    );
    const [{ count }] = await this.db.query<{ count: string }[]>(
      `SELECT count(*) FROM plans WHERE ${where}`,
      params,
    );
    return { totalCount: Number(count), page, pageSize, items: await this.views(rows, namespace) };
  }
}

@QueryHandler(PlanVersionsOf)
export class PlanVersionsOfHandler implements IQueryHandler<PlanVersionsOf> {
  constructor(
    private readonly db: DataSource,
    private readonly projections: ProjectionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ namespace, key }: PlanVersionsOf): Promise<PlanVersionRef[]> {
    await this.projections.readYourWrites([PLANS_PROJECTION]);
    const rows = await this.db.query<{ id: string; version: number; status: PlanStatus; deleted: boolean }[]>(
      `SELECT id, version, ${STATUS_AT} AS status, deleted_at IS NOT NULL AS deleted FROM plans
       WHERE namespace = $1 AND key = $3 ORDER BY version`,
      [namespace, this.clock.now(), key],
    );
    return rows;
  }
}

function toView(row: PlanRow, phases: readonly PhaseRow[], rateCards: readonly RateCardRow[]): PlanView {
  const view = viewOf(row, phases, rateCards);
  return { ...view, validationErrors: view.status === 'draft' ? publishProblems(view) : null };
}

/** Its key and version were checked when it was written; what publishing adds is about its content. */
function publishProblems(view: PlanView): readonly OpenMeterValidationError[] | null {
  const problems = customPlanProblems(view, 'publish');
  return problems.length > 0 ? problems.map(openMeterValidationError) : null;
}

function viewOf(row: PlanRow, phases: readonly PhaseRow[], rateCards: readonly RateCardRow[]): PlanView {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    ...(row.description !== null && { description: row.description }),
    metadata: row.metadata,
    currency: row.currency,
    billingCadence: row.billing_cadence,
    proRatingConfig: row.pro_rating_config,
    ...(row.alignment !== null && { alignment: row.alignment }),
    ...(row.settlement_mode !== null && { settlementMode: row.settlement_mode }),
    phases: phases
      .filter((phase) => phase.plan_id === row.id)
      .map((phase) => ({
        key: phase.key,
        name: phase.name,
        ...(phase.description !== null && { description: phase.description }),
        ...(phase.metadata !== null && { metadata: phase.metadata }),
        duration: phase.duration,
        rateCards: rateCards
          .filter((card) => card.plan_id === row.id && card.phase_index === phase.phase_index)
          .map((card) => card.definition),
      })),
    status: row.status,
    ...(row.effective_from !== null && { effectiveFrom: row.effective_from.toISOString() }),
    ...(row.effective_to !== null && { effectiveTo: row.effective_to.toISOString() }),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(row.deleted_at !== null && { deletedAt: row.deleted_at.toISOString() }),
    validationErrors: null,
  };
}
