import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags, ApiOperation } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext } from '../../../auth/request-context';
import { CatalogErrorCode } from '../../catalog-errors';
import { CATALOG_KEY_PATTERN } from '../../catalog-rules';
import { answer } from '../../../shared/http/etag';
import { Page, PageParams, QueryArray, QueryBoolean, ULID_PATTERN } from '../../../shared/http/list-params';
import { PlanIdOrKeyParams } from '../plan.params';
import {
  GetPlan,
  ListPlans,
  PLAN_ORDER_BY,
  PLAN_STATUSES,
  PlanListFilter,
  PlanOrderBy,
  PlanStatus,
  PlanView,
} from './plans.query';

export class ListPlansParams extends PageParams implements PlanListFilter {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @Matches(ULID_PATTERN, { each: true })
  id?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @Matches(CATALOG_KEY_PATTERN, { each: true })
  key?: string[];

  @ApiPropertyOptional({ enum: PLAN_STATUSES, isArray: true })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @IsIn(PLAN_STATUSES, { each: true })
  status?: PlanStatus[];

  @ApiPropertyOptional({ type: [String], example: ['USD'] })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @IsString({ each: true })
  currency?: string[];

  @ApiPropertyOptional({ enum: PLAN_ORDER_BY, default: 'created_at' })
  @IsOptional()
  @IsIn(PLAN_ORDER_BY)
  orderBy?: PlanOrderBy;
}

export class GetPlanParams {
  @ApiPropertyOptional({ default: false, description: 'By key: the latest version whatever its status' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeLatest?: boolean;
}

@ApiTags('Plans')
@ApiBearerAuth()
@Controller('api/v1/plans')
export class PlansController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ operationId: 'listPlans' })
  list(@Query() params: ListPlansParams, @Ctx() ctx: RequestContext): Promise<Page<PlanView>> {
    return this.queries.execute(new ListPlans(ctx.namespace, params));
  }

  /** By id, or by key: the key's active version (`includeLatest`: its latest version). */
  @Get(':planId')
  @ApiOperation({ operationId: 'getPlan' })
  async get(
    @Param() { planId }: PlanIdOrKeyParams,
    @Query() { includeLatest }: GetPlanParams,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    const found = await this.queries.execute(new GetPlan(ctx.namespace, planId, { includeLatest }));
    return answer(reply, found, CatalogErrorCode.PLAN_NOT_FOUND, `Plan ${planId}`);
  }
}
