import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, eventMetadata, RequestContext } from '../../../auth/request-context';
import { BillingProfileParams } from '../billing-profile.params';
import { BillingProfiles } from '../billing-profiles.service';

@ApiTags('Billing')
@ApiBearerAuth()
@Controller('api/v1/billing/profiles')
export class DeleteBillingProfileController {
  constructor(private readonly profiles: BillingProfiles) {}

  /**
   * 204; the profile stays readable by id with `deletedAt`. 409 for the default profile and for one
   * a customer override pins. Deleting it again is a no-op.
   */
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteBillingProfile', summary: 'Delete a billing profile' })
  @ApiNoContentResponse()
  async delete(@Param() { id }: BillingProfileParams, @Ctx() ctx: RequestContext): Promise<void> {
    await this.profiles.decide(
      ctx.namespace,
      { type: 'DeleteBillingProfile', data: { namespace: ctx.namespace, id } },
      eventMetadata(ctx),
    );
  }
}
