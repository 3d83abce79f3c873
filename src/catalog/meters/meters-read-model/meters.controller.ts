import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags, ApiOperation } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext } from '../../../auth/request-context';
import { CatalogErrorCode } from '../../catalog-errors';
import { answer } from '../../../shared/http/etag';
import { PageParams, QueryBoolean } from '../../../shared/http/list-params';
import { MeterParams } from '../meter.params';
import {
  GetMeter,
  ListMeters,
  METER_ORDER_BY,
  MeterListFilter,
  MeterOrderBy,
  MeterView,
} from './meters.query';

export class ListMetersParams extends PageParams implements MeterListFilter {
  @ApiPropertyOptional({ enum: METER_ORDER_BY, default: 'createdAt' })
  @IsOptional()
  @IsIn(METER_ORDER_BY)
  orderBy?: MeterOrderBy;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;
}

@ApiTags('Meters')
@ApiBearerAuth()
@Controller('api/v1/meters')
export class MetersController {
  constructor(private readonly queries: QueryBus) {}

  /** A bare array, as OpenMeter answers. */
  @Get()
  @ApiOperation({ operationId: 'listMeters' })
  list(@Query() params: ListMetersParams, @Ctx() ctx: RequestContext): Promise<MeterView[]> {
    return this.queries.execute(new ListMeters(ctx.namespace, params));
  }

  @Get(':meterIdOrSlug')
  @ApiOperation({ operationId: 'getMeter' })
  async get(
    @Param() { meterIdOrSlug }: MeterParams,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeterView> {
    const found = await this.queries.execute(new GetMeter(ctx.namespace, meterIdOrSlug));
    return answer(reply, found, CatalogErrorCode.METER_NOT_FOUND, `Meter ${meterIdOrSlug}`);
  }
}
