import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext } from '../../../auth/request-context';
import { CatalogErrorCode } from '../../catalog-errors';
import { answer } from '../../../shared/http/etag';
import {
  MAX_OFFSET,
  MAX_PAGE_SIZE,
  Page,
  PageParams,
  QueryArray,
  QueryBoolean,
} from '../../../shared/http/list-params';
import { FeatureParams } from '../feature.params';
import {
  FEATURE_ORDER_BY,
  FeatureListFilter,
  FeatureOrderBy,
  FeatureView,
  GetFeature,
  ListFeatures,
} from './features.query';

export class ListFeaturesParams extends PageParams implements FeatureListFilter {
  @ApiPropertyOptional({ type: [String], description: 'Repeat the parameter for several meters' })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @IsString({ each: true })
  meterSlug?: string[];

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeArchived?: boolean;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_OFFSET,
    default: 0,
    description: 'Without page/pageSize: items to skip',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: 100,
    description: 'Without page/pageSize: items to return',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ enum: FEATURE_ORDER_BY, default: 'createdAt' })
  @IsOptional()
  @IsIn(FEATURE_ORDER_BY)
  orderBy?: FeatureOrderBy;
}

@ApiTags('Features')
@ApiBearerAuth()
@Controller('api/v1/features')
export class FeaturesController {
  constructor(private readonly queries: QueryBus) {}

  /** A page when `page` or `pageSize` is given, else a bare array (OpenMeter's `ListFeaturesResult`). */
  @Get()
  @ApiOperation({ operationId: 'listFeatures' })
  list(
    @Query() params: ListFeaturesParams,
    @Ctx() ctx: RequestContext,
  ): Promise<Page<FeatureView> | FeatureView[]> {
    return this.queries.execute(new ListFeatures(ctx.namespace, params));
  }

  @Get(':featureId')
  @ApiOperation({ operationId: 'getFeature' })
  async get(
    @Param() { featureId }: FeatureParams,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FeatureView> {
    const found = await this.queries.execute(new GetFeature(ctx.namespace, featureId));
    return answer(reply, found, CatalogErrorCode.FEATURE_NOT_FOUND, `Feature ${featureId}`);
  }
}
