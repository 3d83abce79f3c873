import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { Ctx, eventMetadata, RequestContext } from '../../../auth/request-context';
import { Page, PageParams, QueryArray, QueryBoolean } from '../../../shared/http/list-params';
import { BillingProfileParams } from '../billing-profile.params';
import { BillingProfiles } from '../billing-profiles.service';
import {
  BILLING_PROFILE_ORDER_BY,
  BillingProfileOrderBy,
  BillingProfilesQuery,
  BillingProfileView,
} from './billing-profiles.query';

/** `expand=apps` is accepted; apps are answered as references either way (Tally has no app objects). */
export class ListBillingProfilesParams extends PageParams {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeArchived?: boolean;

  @ApiPropertyOptional({ type: [String], enum: ['apps'] })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @IsIn(['apps'], { each: true })
  expand?: string[];

  @ApiPropertyOptional({ enum: BILLING_PROFILE_ORDER_BY, default: 'createdAt' })
  @IsOptional()
  @IsIn(BILLING_PROFILE_ORDER_BY)
  orderBy?: BillingProfileOrderBy;
}

export class GetBillingProfileParams {
  @ApiPropertyOptional({ type: [String], enum: ['apps'] })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @IsIn(['apps'], { each: true })
  expand?: string[];
}

@ApiTags('Billing')
@ApiBearerAuth()
@Controller('api/v1/billing/profiles')
export class BillingProfilesController {
  constructor(
    private readonly profiles: BillingProfiles,
    private readonly query: BillingProfilesQuery,
  ) {}

  /** The namespace's profiles; its default is created on this first use if it has none yet. */
  @Get()
  @ApiOperation({ operationId: 'listBillingProfiles', summary: 'List billing profiles' })
  async list(
    @Query() params: ListBillingProfilesParams,
    @Ctx() ctx: RequestContext,
  ): Promise<Page<BillingProfileView>> {
    await this.profiles.ensureDefault(ctx.namespace, eventMetadata(ctx));
    return this.query.list(ctx.namespace, params);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getBillingProfile', summary: 'Get a billing profile' })
  get(
    @Param() { id }: BillingProfileParams,
    @Query() _params: GetBillingProfileParams,
    @Ctx() ctx: RequestContext,
  ): Promise<BillingProfileView> {
    return this.query.get(ctx.namespace, id);
  }
}
