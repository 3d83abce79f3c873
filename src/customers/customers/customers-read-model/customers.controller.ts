import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext } from '../../../auth/request-context';
import { answer } from '../../../shared/http/etag';
import { Page, PageParams, QueryArray, QueryBoolean } from '../../../shared/http/list-params';
import { CustomerParams } from '../customer.params';
import { CustomerErrors } from '../customer.decider';
import {
  CUSTOMER_EXPANDS,
  CUSTOMER_ORDER_BY,
  CustomerExpand,
  CustomerListFilter,
  CustomerOrderBy,
  CustomerView,
  GetCustomer,
  ListCustomers,
} from './customers.query';

export class ExpandParams {
  @ApiPropertyOptional({ enum: CUSTOMER_EXPANDS, isArray: true })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @IsIn(CUSTOMER_EXPANDS, { each: true })
  expand?: CustomerExpand[];
}

export class ListCustomersParams extends PageParams implements CustomerListFilter {
  @ApiPropertyOptional({ enum: CUSTOMER_ORDER_BY, default: 'createdAt' })
  @IsOptional()
  @IsIn(CUSTOMER_ORDER_BY)
  orderBy?: CustomerOrderBy;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;

  @ApiPropertyOptional({ description: 'Part of the key, any case' })
  @IsOptional()
  @IsString()
  key?: string;

  @ApiPropertyOptional({ description: 'Part of the name, any case' })
  @IsOptional()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ description: 'Part of the primary email, any case' })
  @IsOptional()
  @IsString()
  primaryEmail?: string;

  @ApiPropertyOptional({ description: 'Part of a subject key the customer holds, any case' })
  @IsOptional()
  @IsString()
  subject?: string;

  @ApiPropertyOptional({ description: 'The plan key of the subscription running now, exactly' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  planKey?: string;

  @ApiPropertyOptional({ enum: CUSTOMER_EXPANDS, isArray: true })
  @IsOptional()
  @QueryArray()
  @IsArray()
  @IsIn(CUSTOMER_EXPANDS, { each: true })
  expand?: CustomerExpand[];
}

@ApiTags('Customers')
@ApiBearerAuth()
@Controller('api/v1/customers')
export class CustomersController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ operationId: 'listCustomers' })
  list(@Query() params: ListCustomersParams, @Ctx() ctx: RequestContext): Promise<Page<CustomerView>> {
    return this.queries.execute(new ListCustomers(ctx.namespace, params));
  }

  /** By id (deleted ones too) or by key. */
  @Get(':customerIdOrKey')
  @ApiOperation({ operationId: 'getCustomer' })
  async get(
    @Param() { customerIdOrKey }: CustomerParams,
    @Query() { expand }: ExpandParams,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerView> {
    const found = await this.queries.execute(new GetCustomer(ctx.namespace, customerIdOrKey, { expand }));
    return answer(reply, found, CustomerErrors.notFound, `Customer ${customerIdOrKey}`);
  }
}
