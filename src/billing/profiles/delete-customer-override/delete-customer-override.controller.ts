import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, eventMetadata, RequestContext } from '../../../auth/request-context';
import { BillingProfiles } from '../billing-profiles.service';
import { CustomerOverrideParams } from '../customer-override.dto';
import { CustomerOverridesQuery } from '../customer-overrides-read-model/customer-overrides.query';

@ApiTags('Billing')
@ApiBearerAuth()
@Controller('api/v1/billing/customers')
export class DeleteCustomerOverrideController {
  constructor(
    private readonly profiles: BillingProfiles,
    private readonly query: CustomerOverridesQuery,
  ) {}

  /** 204: the customer is billed under the default profile again. 404 when it has no override. */
  @Delete(':customerId')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteBillingProfileCustomerOverride',
    summary: 'Delete a customer override',
  })
  @ApiNoContentResponse()
  async delete(@Param() { customerId }: CustomerOverrideParams, @Ctx() ctx: RequestContext): Promise<void> {
    const customer = await this.query.customer(ctx.namespace, customerId);
    await this.profiles.decide(
      ctx.namespace,
      { type: 'DeleteCustomerOverride', data: { namespace: ctx.namespace, customerId: customer.id } },
      eventMetadata(ctx),
    );
  }
}
