import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags, ApiOperation } from '@nestjs/swagger';
import { IsArray, IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext } from '../../../auth/request-context';
import { notFound } from '../../../shared/errors';
import { IsInstant } from '../../../shared/http/is-instant';
import { answer } from '../../../shared/http/etag';
import { Page, PageParams, QueryArray } from '../../../shared/http/list-params';
import { CustomerParams } from '../../customers/customer.params';
import { CustomerErrors } from '../../customers/customer.decider';
import { GetCustomer } from '../../customers/customers-read-model/customers.query';
import { SubscriptionErrors, SubscriptionStatus } from '../subscription.decider';
import { SubscriptionParams } from '../subscription.params';
import {
  CUSTOMER_SUBSCRIPTION_ORDER_BY,
  CustomerSubscriptionFilter,
  CustomerSubscriptionOrderBy,
  GetSubscription,
  ListCustomerSubscriptions,
  SubscriptionExpandedView,
  SubscriptionView,
} from './subscriptions.query';

const STATUSES: readonly SubscriptionStatus[] = ['active', 'inactive', 'canceled', 'scheduled'];

export class GetSubscriptionParams {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Status and periods as at this time; defaults to now',
  })
  @IsOptional()
  @IsInstant()
  at?: string;
}

export class ListCustomerSubscriptionsParams extends PageParams implements CustomerSubscriptionFilter {
  @ApiPropertyOptional({ enum: STATUSES, isArray: true })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @IsIn(STATUSES, { each: true })
  status?: SubscriptionStatus[];

  @ApiPropertyOptional({ enum: CUSTOMER_SUBSCRIPTION_ORDER_BY, default: 'activeFrom' })
  @IsOptional()
  @IsIn(CUSTOMER_SUBSCRIPTION_ORDER_BY)
  orderBy?: CustomerSubscriptionOrderBy;
}

@ApiTags('Subscriptions')
@ApiBearerAuth()
@Controller('api/v1')
export class SubscriptionsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('subscriptions/:subscriptionId')
  @ApiOperation({ operationId: 'getSubscription' })
  async get(
    @Param() { subscriptionId }: SubscriptionParams,
    @Query() { at }: GetSubscriptionParams,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubscriptionExpandedView> {
    const found = await this.queries.execute(new GetSubscription(ctx.namespace, subscriptionId, { at }));
    return answer(reply, found, SubscriptionErrors.notFound, `Subscription ${subscriptionId}`);
  }

  @ApiTags('Customers')
  @Get('customers/:customerIdOrKey/subscriptions')
  @ApiOperation({ operationId: 'listCustomerSubscriptions' })
  async ofCustomer(
    @Param() { customerIdOrKey }: CustomerParams,
    @Query() params: ListCustomerSubscriptionsParams,
    @Ctx() ctx: RequestContext,
  ): Promise<Page<SubscriptionView>> {
    const customer = await this.queries.execute(new GetCustomer(ctx.namespace, customerIdOrKey));
    if (customer === undefined)
      throw notFound(CustomerErrors.notFound, `Customer ${customerIdOrKey} not found`);
    return this.queries.execute(new ListCustomerSubscriptions(ctx.namespace, customer.view.id, params));
  }
}
