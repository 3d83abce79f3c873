import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext } from '../../../auth/request-context';
import { CatalogErrorCode } from '../../catalog-errors';
import { CATALOG_KEY_PATTERN } from '../../catalog-rules';
import { answer } from '../../../shared/http/etag';
import { Page, PageParams, QueryArray, QueryBoolean, ULID_PATTERN } from '../../../shared/http/list-params';
import { AddonIdOrKeyParams } from '../addon.params';
import {
  ADDON_ORDER_BY,
  ADDON_STATUSES,
  AddonListFilter,
  AddonOrderBy,
  AddonStatus,
  AddonView,
  GetAddon,
  ListAddons,
} from './addons.query';

export class ListAddonsParams extends PageParams implements AddonListFilter {
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

  @ApiPropertyOptional({ enum: ADDON_STATUSES, isArray: true })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @IsIn(ADDON_STATUSES, { each: true })
  status?: AddonStatus[];

  @ApiPropertyOptional({ type: [String], example: ['USD'] })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @IsString({ each: true })
  currency?: string[];

  @ApiPropertyOptional({ enum: ADDON_ORDER_BY, default: 'created_at' })
  @IsOptional()
  @IsIn(ADDON_ORDER_BY)
  orderBy?: AddonOrderBy;
}

export class GetAddonParams {
  @ApiPropertyOptional({ default: false, description: 'By key: the latest version whatever its status' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeLatest?: boolean;
}

@ApiTags('Add-ons')
@ApiBearerAuth()
@Controller('api/v1/addons')
export class AddonsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ operationId: 'listAddons' })
  list(@Query() params: ListAddonsParams, @Ctx() ctx: RequestContext): Promise<Page<AddonView>> {
    return this.queries.execute(new ListAddons(ctx.namespace, params));
  }

  /** By id, or by key: the key's active version (`includeLatest`: its latest version). */
  @Get(':addonId')
  @ApiOperation({ operationId: 'getAddon' })
  async get(
    @Param() { addonId }: AddonIdOrKeyParams,
    @Query() { includeLatest }: GetAddonParams,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AddonView> {
    const found = await this.queries.execute(new GetAddon(ctx.namespace, addonId, { includeLatest }));
    return answer(reply, found, CatalogErrorCode.ADDON_NOT_FOUND, `Add-on ${addonId}`);
  }
}
