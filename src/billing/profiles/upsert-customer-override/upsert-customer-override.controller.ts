import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, eventMetadata, RequestContext } from '../../../auth/request-context';
import { BillingProfiles } from '../billing-profiles.service';
import { CustomerOverrideParams, UpsertCustomerOverrideRequest } from '../customer-override.dto';
import {
  CustomerOverridesQuery,
  CustomerOverrideView,
} from '../customer-overrides-read-model/customer-overrides.query';

@ApiTags('Billing')
@ApiBearerAuth()
@Controller('api/v1/billing/customers')
export class UpsertCustomerOverrideController {
  constructor(
    private readonly profiles: BillingProfiles,
    private readonly query: CustomerOverridesQuery,
  ) {}

  /**
   * Replaces the customer's override: a pinned profile (else the default) and workflow settings over
   * it. 404 for an unknown customer, 400 naming `billingProfileId` for a profile the namespace lacks.
   */
  @Put(':customerId')
  @ApiOperation({
    operationId: 'upsertBillingProfileCustomerOverride',
    summary: 'Create a new or update a customer override',
  })
  async upsert(
    @Param() { customerId }: CustomerOverrideParams,
    @Body() body: UpsertCustomerOverrideRequest,
    @Ctx() ctx: RequestContext,
  ): Promise<CustomerOverrideView> {
    const customer = await this.query.customer(ctx.namespace, customerId);
    await this.profiles.decide(
      ctx.namespace,
      {
        type: 'SetCustomerOverride',
        data: {
          namespace: ctx.namespace,
          customerId: customer.id,
          billingProfileId: body.billingProfileId,
          workflow: body.workflow,
        },
      },
      eventMetadata(ctx),
    );
    return this.query.get(ctx.namespace, customer.id);
  }
}
