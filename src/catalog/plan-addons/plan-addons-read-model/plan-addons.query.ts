import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Metadata } from '../../catalog-rules';
import { OpenMeterValidationError, openMeterValidationError } from '../../../shared/http/problem';
import { Page, pageOf } from '../../../shared/http/list-params';
import { ProjectionsService } from '../../../projections/projections.service';
import { AddonView, GetAddon } from '../../addons/addons-read-model/addons.query';
import { PLANS_PROJECTION } from '../../plans/plans-read-model/plans.projection';
import { strandedProblem } from '../plan-addon.decider';
import { PLAN_ADDONS_PROJECTION } from './plan-addons.projection';

/** OpenMeter's `PlanAddon`. */
export interface PlanAddonView {
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt?: string;
  readonly metadata: Metadata;
  readonly addon: AddonView;
  readonly fromPlanPhase: string;
  readonly maxQuantity?: number;
  /** Its phase gone from the draft plan (edited since), which refuses the plan's publishing; else null. */
  readonly validationErrors: readonly OpenMeterValidationError[] | null;
}

export interface PlanAddonFilter {
  readonly includeDeleted?: boolean;
  readonly id?: readonly string[];
  readonly key?: readonly string[];
  readonly page?: number;
  readonly pageSize?: number;
}

/** A plan version's add-on assignments (by the plan version's id). */
export class ListPlanAddons extends Query<Page<PlanAddonView>> {
  constructor(
    readonly namespace: string,
    readonly planId: string,
    readonly filter: PlanAddonFilter,
  ) {
    super();
  }
}

/** One assignment, by the add-on's id or key; a detached one too only when asked by id. */
export class GetPlanAddon extends Query<PlanAddonView | undefined> {
  constructor(
    readonly namespace: string,
    readonly planId: string,
    readonly addonIdOrKey: string,
  ) {
    super();
  }
}

interface PlanAddonRow {
  addon_id: string;
  from_plan_phase: string;
  max_quantity: number | null;
  metadata: Metadata;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

abstract class PlanAddonReader {
  constructor(
    protected readonly db: DataSource,
    protected readonly projections: ProjectionsService,
    protected readonly queries: QueryBus,
  ) {}

  protected async views(
    namespace: string,
    planId: string,
    rows: readonly PlanAddonRow[],
  ): Promise<PlanAddonView[]> {
    const phases = await this.db.query<{ key: string }[]>(
      `SELECT key FROM plan_phases WHERE namespace = $1 AND plan_id = $2`,
      [namespace, planId],
    );
    const phaseKeys = new Set(phases.map((phase) => phase.key));
    const views: PlanAddonView[] = [];
    for (const row of rows) {
      const addon = await this.queries.execute(new GetAddon(namespace, row.addon_id));
      // An assigned add-on is published, and a published one is never deleted: always found.
      if (addon === undefined) continue;
      views.push({
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
        ...(row.deleted_at !== null && { deletedAt: row.deleted_at.toISOString() }),
        metadata: row.metadata,
        addon: addon.view,
        fromPlanPhase: row.from_plan_phase,
        ...(row.max_quantity !== null && { maxQuantity: row.max_quantity }),
        validationErrors: phaseKeys.has(row.from_plan_phase)
          ? null
          : [openMeterValidationError(strandedProblem('fromPlanPhase', row.from_plan_phase))],
      });
    }
    return views;
  }
}

@QueryHandler(ListPlanAddons)
export class ListPlanAddonsHandler extends PlanAddonReader implements IQueryHandler<ListPlanAddons> {
  constructor(db: DataSource, projections: ProjectionsService, queries: QueryBus) {
    super(db, projections, queries);
  }

  async execute({ namespace, planId, filter }: ListPlanAddons): Promise<Page<PlanAddonView>> {
    await this.projections.readYourWrites([PLAN_ADDONS_PROJECTION, PLANS_PROJECTION]);
    const where = `p.namespace = $1 AND p.plan_id = $2 AND ($3 OR p.deleted_at IS NULL)
      AND ($4::text[] IS NULL OR p.addon_id = ANY($4)) AND ($5::text[] IS NULL OR a.key = ANY($5))`;
    const params = [namespace, planId, filter.includeDeleted ?? false, filter.id ?? null, filter.key ?? null];
    const from = `plan_addons p JOIN addons a ON a.namespace = p.namespace AND a.id = p.addon_id`;
    const { page, pageSize, offset } = pageOf(filter);
    const rows = await this.db.query<PlanAddonRow[]>(
      `SELECT p.* FROM ${from} WHERE ${where} ORDER BY p.created_at, p.addon_id LIMIT $6 OFFSET $7`,
      [...params, pageSize, offset],
    );
    const [{ count }] = await this.db.query<{ count: string }[]>(
      `SELECT count(*) FROM ${from} WHERE ${where}`,
      params,
    );
    return { totalCount: Number(count), page, pageSize, items: await this.views(namespace, planId, rows) };
  }
}

@QueryHandler(GetPlanAddon)
export class GetPlanAddonHandler extends PlanAddonReader implements IQueryHandler<GetPlanAddon> {
  constructor(db: DataSource, projections: ProjectionsService, queries: QueryBus) {
    super(db, projections, queries);
  }

  async execute({ namespace, planId, addonIdOrKey }: GetPlanAddon): Promise<PlanAddonView | undefined> {
    await this.projections.readYourWrites([PLAN_ADDONS_PROJECTION, PLANS_PROJECTION]);
    const rows = await this.db.query<PlanAddonRow[]>(
      `SELECT p.* FROM plan_addons p JOIN addons a ON a.namespace = p.namespace AND a.id = p.addon_id
       WHERE p.namespace = $1 AND p.plan_id = $2 AND (p.addon_id = $3 OR (a.key = $3 AND p.deleted_at IS NULL))
       ORDER BY p.addon_id = $3 DESC LIMIT 1`,
      [namespace, planId, addonIdOrKey],
    );
    const [view] = await this.views(namespace, planId, rows);
    return view;
  }
}
