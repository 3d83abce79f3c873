import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Ctx, RequestContext } from '../../auth/request-context';
import { pageOf } from '../../shared/http/list-params';
import {
  CustomerEntitlementParams,
  CustomerParams,
  EntitlementIdParams,
  SubjectEntitlementIdParams,
  SubjectParams,
} from '../entitlement-params';
import {
  EntitlementV1PageView,
  EntitlementV1View,
  EntitlementV2PageView,
  EntitlementV2View,
  entitlementV1View,
  entitlementV2View,
  subjectKeyOf,
} from '../entitlement-views';
import {
  CustomerEntitlementListParams,
  EntitlementListParamsV1,
  EntitlementListParamsV2,
  IncludeDeletedParams,
  windowOf,
} from './read-entitlements.dto';
import {
  EntitlementsAnswer,
  GetEntitlementById,
  GetOwnedEntitlement,
  ListEntitlements,
} from './read-entitlements.query';

const v2 = (answer: EntitlementsAnswer) =>
  answer.items.map((item) => entitlementV2View(item, answer.customers.get(item.customerId), answer.now));
const v1 = (answer: EntitlementsAnswer, subject?: string) =>
  answer.items.map((item) =>
    entitlementV1View(item, subjectKeyOf(answer.customers.get(item.customerId), subject), answer.now),
  );

@ApiTags('Entitlements')
@ApiBearerAuth()
@ApiExtraModels(EntitlementV1PageView)
@Controller()
export class ReadEntitlementsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('api/v2/customers/:customerIdOrKey/entitlements')
  @ApiOperation({ operationId: 'listCustomerEntitlementsV2', summary: "A customer's entitlements" })
  @ApiOkResponse({ type: EntitlementV2PageView })
  async listOfCustomer(
    @Param() { customerIdOrKey }: CustomerParams,
    @Query() params: CustomerEntitlementListParams,
    @Ctx() ctx: RequestContext,
  ): Promise<EntitlementV2PageView> {
    const { page, pageSize, offset } = pageOf(params);
    const answer = await this.queries.execute(
      new ListEntitlements(ctx.namespace, {
        owner: { customerIdOrKey },
        includeDeleted: params.includeDeleted,
        orderBy: params.orderBy,
        order: params.order,
        limit: pageSize,
        offset,
      }),
    );
    return { totalCount: answer.totalCount, page, pageSize, items: v2(answer) };
  }

  @Get('api/v2/customers/:customerIdOrKey/entitlements/:entitlementIdOrFeatureKey')
  @ApiOperation({
    operationId: 'getCustomerEntitlementV2',
    summary: 'A customer entitlement, by id or by the feature key of the one in force now',
  })
  @ApiOkResponse({ type: EntitlementV2View })
  async getOfCustomer(
    @Param() { customerIdOrKey, entitlementIdOrFeatureKey }: CustomerEntitlementParams,
    @Ctx() ctx: RequestContext,
  ): Promise<EntitlementV2View> {
    const answer = await this.queries.execute(
      new GetOwnedEntitlement(ctx.namespace, { customerIdOrKey }, entitlementIdOrFeatureKey),
    );
    return v2(answer)[0];
  }

  @Get('api/v1/subjects/:subjectIdOrKey/entitlements')
  @ApiOperation({
    operationId: 'listSubjectEntitlements',
    summary: "The entitlements of a subject's customer",
  })
  @ApiOkResponse({ type: [EntitlementV1View] })
  async listOfSubject(
    @Param() { subjectIdOrKey }: SubjectParams,
    @Query() { includeDeleted }: IncludeDeletedParams,
    @Ctx() ctx: RequestContext,
  ): Promise<EntitlementV1View[]> {
    const answer = await this.queries.execute(
      new ListEntitlements(ctx.namespace, {
        owner: { subject: subjectIdOrKey },
        includeDeleted,
        limit: 10_000,
        offset: 0,
      }),
    );
    return v1(answer, subjectIdOrKey);
  }

  @Get('api/v1/subjects/:subjectIdOrKey/entitlements/:entitlementId')
  @ApiOperation({ operationId: 'getEntitlement', summary: "One entitlement of a subject's customer" })
  @ApiOkResponse({ type: EntitlementV1View })
  async getOfSubject(
    @Param() { subjectIdOrKey, entitlementId }: SubjectEntitlementIdParams,
    @Ctx() ctx: RequestContext,
  ): Promise<EntitlementV1View> {
    const answer = await this.queries.execute(
      new GetOwnedEntitlement(ctx.namespace, { subject: subjectIdOrKey }, entitlementId),
    );
    return v1(answer, subjectIdOrKey)[0];
  }

  /** Without `page`, a bare array (`offset`/`limit`), as OpenMeter answers it; with `page`, a page. */
  @Get('api/v1/entitlements')
  @ApiOperation({ operationId: 'listEntitlements', summary: 'Every entitlement of the namespace' })
  @ApiOkResponse({
    schema: {
      oneOf: [
        { type: 'array', items: { $ref: getSchemaPath(EntitlementV1View) } },
        { $ref: getSchemaPath(EntitlementV1PageView) },
      ],
    },
  })
  async listV1(
    @Query() params: EntitlementListParamsV1,
    @Ctx() ctx: RequestContext,
  ): Promise<EntitlementV1View[] | EntitlementV1PageView> {
    const window = windowOf(params);
    const answer = await this.queries.execute(
      new ListEntitlements(ctx.namespace, {
        subjects: params.subject,
        featureKeys: params.feature,
        types: params.entitlementType,
        excludeInactive: params.excludeInactive,
        orderBy: params.orderBy,
        order: params.order,
        limit: window.limit,
        offset: window.offset,
      }),
    );
    const items = v1(answer);
    if (params.page === undefined) return items;
    return { totalCount: answer.totalCount, page: window.page, pageSize: window.pageSize, items };
  }

  @Get('api/v1/entitlements/:entitlementId')
  @ApiOperation({ operationId: 'getEntitlementById', summary: 'One entitlement by id' })
  @ApiOkResponse({ type: EntitlementV1View })
  async getV1(
    @Param() { entitlementId }: EntitlementIdParams,
    @Ctx() ctx: RequestContext,
  ): Promise<EntitlementV1View> {
    return v1(await this.queries.execute(new GetEntitlementById(ctx.namespace, entitlementId)))[0];
  }

  @Get('api/v2/entitlements')
  @ApiOperation({ operationId: 'listEntitlementsV2', summary: 'Every entitlement of the namespace' })
  @ApiOkResponse({ type: EntitlementV2PageView })
  async listV2(
    @Query() params: EntitlementListParamsV2,
    @Ctx() ctx: RequestContext,
  ): Promise<EntitlementV2PageView> {
    const window = windowOf(params);
    const answer = await this.queries.execute(
      new ListEntitlements(ctx.namespace, {
        customerIds: params.customerIds,
        customerKeys: params.customerKeys,
        featureKeys: params.feature,
        types: params.entitlementType,
        excludeInactive: params.excludeInactive,
        orderBy: params.orderBy,
        order: params.order,
        limit: window.limit,
        offset: window.offset,
      }),
    );
    return { totalCount: answer.totalCount, page: window.page, pageSize: window.pageSize, items: v2(answer) };
  }

  @Get('api/v2/entitlements/:entitlementId')
  @ApiOperation({ operationId: 'getEntitlementByIdV2', summary: 'One entitlement by id' })
  @ApiOkResponse({ type: EntitlementV2View })
  async getV2(
    @Param() { entitlementId }: EntitlementIdParams,
    @Ctx() ctx: RequestContext,
  ): Promise<EntitlementV2View> {
    return v2(await this.queries.execute(new GetEntitlementById(ctx.namespace, entitlementId)))[0];
  }
}
