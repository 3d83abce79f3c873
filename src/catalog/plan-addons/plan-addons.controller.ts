import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsOptional, Matches } from 'class-validator';
import { Ctx, RequestContext, eventMetadata } from '../../auth/request-context';
import { notFound } from '../../shared/errors';
import { Page, PageParams, QueryArray, QueryBoolean, ULID_PATTERN } from '../../shared/http/list-params';
import { CatalogErrorCode } from '../catalog-errors';
import { CATALOG_KEY_PATTERN } from '../catalog-rules';
import { GetPlan } from '../plans/plans-read-model/plans.query';
import { AttachPlanAddonCommand } from './attach-plan-addon/attach-plan-addon.command';
import { DetachPlanAddonCommand } from './detach-plan-addon/detach-plan-addon.command';
import { GetPlanAddonParams, PlanAddonParams, PlanIdOrKeyOfAddonsParams } from './plan-addon.params';
import { PlanAddonCreateRequest, PlanAddonTermsDto } from './plan-addon.dto';
import {
  GetPlanAddon,
  ListPlanAddons,
  PlanAddonFilter,
  PlanAddonView,
} from './plan-addons-read-model/plan-addons.query';
import { UpdatePlanAddonCommand } from './update-plan-addon/update-plan-addon.command';

export class ListPlanAddonsParams extends PageParams implements PlanAddonFilter {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Filter by addon.id' })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @Matches(ULID_PATTERN, { each: true })
  id?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Filter by addon.key' })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @Matches(CATALOG_KEY_PATTERN, { each: true })
  key?: string[];
}

/**
 * A plan version's add-ons (OpenMeter's plan add-on assignments). Each route is one small use case
 * (attach, update, detach as commands on the plan's stream; list and get on `plan_addons@v1`), kept in
 * one controller as they share the path and its plan lookup.
 */
@ApiTags('Plans')
@ApiBearerAuth()
@Controller('api/v1/plans/:planId/addons')
export class PlanAddonsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listPlanAddons' })
  async list(
    @Param() { planId }: PlanIdOrKeyOfAddonsParams,
    @Query() params: ListPlanAddonsParams,
    @Ctx() ctx: RequestContext,
  ): Promise<Page<PlanAddonView>> {
    return this.queries.execute(new ListPlanAddons(ctx.namespace, await this.planIdOf(ctx, planId), params));
  }

  /** 201 with the assignment; 400 naming each problem (add-on not published, unknown phase…); 409 unless the plan is a draft. */
  @Post()
  @ApiOperation({ operationId: 'createPlanAddon' })
  async create(
    @Param() { planId }: PlanIdOrKeyOfAddonsParams,
    @Body() body: PlanAddonCreateRequest,
    @Ctx() ctx: RequestContext,
  ): Promise<PlanAddonView> {
    await this.commands.execute(new AttachPlanAddonCommand(ctx.namespace, planId, body, eventMetadata(ctx)));
    return this.found(ctx, planId, body.addonId);
  }

  @Get(':planAddonId')
  @ApiOperation({ operationId: 'getPlanAddon' })
  async get(
    @Param() { planId, planAddonId }: GetPlanAddonParams,
    @Ctx() ctx: RequestContext,
  ): Promise<PlanAddonView> {
    return this.found(ctx, await this.planIdOf(ctx, planId), planAddonId);
  }

  /** Replaces the terms (`fromPlanPhase`, `maxQuantity`, `metadata`); 409 unless the plan is a draft. */
  @Put(':planAddonId')
  @ApiOperation({ operationId: 'updatePlanAddon' })
  async update(
    @Param() { planId, planAddonId }: PlanAddonParams,
    @Body() body: PlanAddonTermsDto,
    @Ctx() ctx: RequestContext,
  ): Promise<PlanAddonView> {
    await this.commands.execute(
      new UpdatePlanAddonCommand(ctx.namespace, planId, planAddonId, body, eventMetadata(ctx)),
    );
    return this.found(ctx, planId, planAddonId);
  }

  /** 204; 409 unless the plan is a draft. */
  @Delete(':planAddonId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deletePlanAddon' })
  async delete(@Param() { planId, planAddonId }: PlanAddonParams, @Ctx() ctx: RequestContext): Promise<void> {
    await this.commands.execute(
      new DetachPlanAddonCommand(ctx.namespace, planId, planAddonId, eventMetadata(ctx)),
    );
  }

  private async planIdOf(ctx: RequestContext, idOrKey: string): Promise<string> {
    const plan = await this.queries.execute(new GetPlan(ctx.namespace, idOrKey));
    if (plan === undefined) throw notFound(CatalogErrorCode.PLAN_NOT_FOUND, `Plan ${idOrKey} not found`);
    return plan.view.id;
  }

  private async found(ctx: RequestContext, planId: string, addonIdOrKey: string): Promise<PlanAddonView> {
    const view = await this.queries.execute(new GetPlanAddon(ctx.namespace, planId, addonIdOrKey));
    if (view === undefined)
      throw notFound(
        CatalogErrorCode.PLAN_ADDON_NOT_FOUND,
        `Add-on ${addonIdOrKey} of plan ${planId} not found`,
      );
    return view;
  }
}
