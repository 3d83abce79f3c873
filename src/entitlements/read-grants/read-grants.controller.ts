import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Ctx, RequestContext } from '../../auth/request-context';
import { CustomerEntitlementParams, SubjectEntitlementParams } from '../entitlement-params';
import { GrantPageView, GrantView, grantView } from '../entitlement-views';
import {
  EntitlementGrantListParams,
  EntitlementGrantListParamsV1,
  GrantListParamsV1,
  GrantListParamsV2,
  windowOf,
} from '../read-entitlements/read-entitlements.dto';
import { GrantsAnswer, ListGrants } from './read-grants.query';

/** More grants than one entitlement holds in practice; v1 answers them all at once, as OpenMeter does. */
const ALL = 10_000;

const views = (answer: GrantsAnswer) => answer.items.map((grant) => grantView(grant, answer.now));

@ApiTags('Entitlements')
@ApiBearerAuth()
@Controller()
export class ReadGrantsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('api/v2/customers/:customerIdOrKey/entitlements/:entitlementIdOrFeatureKey/grants')
  @ApiOperation({ operationId: 'listCustomerEntitlementGrantsV2', summary: "An entitlement's grants" })
  @ApiOkResponse({ type: GrantPageView })
  async ofCustomerEntitlement(
    @Param() { customerIdOrKey, entitlementIdOrFeatureKey }: CustomerEntitlementParams,
    @Query() params: EntitlementGrantListParams,
    @Ctx() ctx: RequestContext,
  ): Promise<GrantPageView> {
    const window = windowOf(params);
    const answer = await this.queries.execute(
      new ListGrants(ctx.namespace, {
        entitlement: { owner: { customerIdOrKey }, idOrFeatureKey: entitlementIdOrFeatureKey },
        includeDeleted: params.includeDeleted,
        orderBy: params.orderBy,
        order: params.order,
        limit: window.limit,
        offset: window.offset,
      }),
    );
    return {
      totalCount: answer.totalCount,
      page: window.page,
      pageSize: window.pageSize,
      items: views(answer),
    };
  }

  @Get('api/v1/subjects/:subjectIdOrKey/entitlements/:entitlementIdOrFeatureKey/grants')
  @ApiOperation({ operationId: 'listEntitlementGrants', summary: "An entitlement's grants" })
  @ApiOkResponse({ type: [GrantView] })
  async ofSubjectEntitlement(
    @Param() { subjectIdOrKey, entitlementIdOrFeatureKey }: SubjectEntitlementParams,
    @Query() params: EntitlementGrantListParamsV1,
    @Ctx() ctx: RequestContext,
  ): Promise<GrantView[]> {
    const answer = await this.queries.execute(
      new ListGrants(ctx.namespace, {
        entitlement: { owner: { subject: subjectIdOrKey }, idOrFeatureKey: entitlementIdOrFeatureKey },
        includeDeleted: params.includeDeleted,
        orderBy: params.orderBy ?? 'updatedAt',
        limit: ALL,
        offset: 0,
      }),
    );
    return views(answer);
  }

  /** Without `page`, a bare array (`offset`/`limit`), as OpenMeter answers it; with `page`, a page. */
  @Get('api/v1/grants')
  @ApiOperation({ operationId: 'listGrants', summary: 'Every grant of the namespace' })
  @ApiOkResponse({
    schema: {
      oneOf: [
        { type: 'array', items: { $ref: getSchemaPath(GrantView) } },
        { $ref: getSchemaPath(GrantPageView) },
      ],
    },
  })
  async listV1(
    @Query() params: GrantListParamsV1,
    @Ctx() ctx: RequestContext,
  ): Promise<GrantView[] | GrantPageView> {
    const window = windowOf(params);
    const answer = await this.queries.execute(
      new ListGrants(ctx.namespace, {
        subjects: params.subject,
        featureKeys: params.feature,
        includeDeleted: params.includeDeleted,
        orderBy: params.orderBy,
        order: params.order,
        limit: window.limit,
        offset: window.offset,
      }),
    );
    const items = views(answer);
    if (params.page === undefined) return items;
    return { totalCount: answer.totalCount, page: window.page, pageSize: window.pageSize, items };
  }

  @Get('api/v2/grants')
  @ApiOperation({ operationId: 'listGrantsV2', summary: 'Every grant of the namespace' })
  @ApiOkResponse({ type: GrantPageView })
  async listV2(@Query() params: GrantListParamsV2, @Ctx() ctx: RequestContext): Promise<GrantPageView> {
    const window = windowOf(params);
    const answer = await this.queries.execute(
      new ListGrants(ctx.namespace, {
        customers: params.customer,
        featureKeys: params.feature,
        includeDeleted: params.includeDeleted,
        orderBy: params.orderBy,
        order: params.order,
        limit: window.limit,
        offset: window.offset,
      }),
    );
    return {
      totalCount: answer.totalCount,
      page: window.page,
      pageSize: window.pageSize,
      items: views(answer),
    };
  }
}
