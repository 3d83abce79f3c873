import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, eventMetadata, RequestContext } from '../../../auth/request-context';
import type { Page } from '../../../shared/http/list-params';
import { BillingProfiles } from '../billing-profiles.service';
import {
  CustomerOverrideParams,
  GetCustomerOverrideParams,
  ListCustomerOverridesParams,
} from '../customer-override.dto';
import { CustomerOverridesQuery, CustomerOverrideView } from './customer-overrides.query';

@ApiTags('Billing')
@ApiBearerAuth()
@Controller('api/v1/billing/customers')
export class CustomerOverridesController {
  constructor(
    private readonly profiles: BillingProfiles,
    private readonly query: CustomerOverridesQuery,
  ) {}

  /** Every customer (or, with `includeAllCustomers=false`, those with an override) and the settings it is billed under. */
  @Get()
  @ApiOperation({ operationId: 'listBillingProfileCustomerOverrides', summary: 'List customer overrides' })
  async list(
    @Query() params: ListCustomerOverridesParams,
    @Ctx() ctx: RequestContext,
  ): Promise<Page<CustomerOverrideView>> {
    await this.profiles.ensureDefault(ctx.namespace, eventMetadata(ctx));
    return this.query.list(ctx.namespace, params);
  }

  /** The customer's override and merged settings; with no override, the default profile's. */
  @Get(':customerId')
  @ApiOperation({ operationId: 'getBillingProfileCustomerOverride', summary: 'Get a customer override' })
  async get(
    @Param() { customerId }: CustomerOverrideParams,
    @Query() { expand }: GetCustomerOverrideParams,
    @Ctx() ctx: RequestContext,
  ): Promise<CustomerOverrideView> {
    await this.query.customer(ctx.namespace, customerId);
    await this.profiles.ensureDefault(ctx.namespace, eventMetadata(ctx));
    return this.query.get(ctx.namespace, customerId, expand);
  }
}
