import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, eventMetadata, RequestContext } from '../../../auth/request-context';
import { UpdateBillingProfileRequest } from '../billing-profile.dto';
import { BillingProfileParams } from '../billing-profile.params';
import { BillingProfiles } from '../billing-profiles.service';
import {
  BillingProfilesQuery,
  BillingProfileView,
} from '../billing-profiles-read-model/billing-profiles.query';

@ApiTags('Billing')
@ApiBearerAuth()
@Controller('api/v1/billing/profiles')
export class UpdateBillingProfileController {
  constructor(
    private readonly profiles: BillingProfiles,
    private readonly query: BillingProfilesQuery,
  ) {}

  /**
   * Replaces the profile but its apps; settings left out take their defaults. Invoices already
   * issued keep the workflow and supplier they were issued under. 409 when it would unset the default.
   */
  @Put(':id')
  @ApiOperation({ operationId: 'updateBillingProfile', summary: 'Update a billing profile' })
  async update(
    @Param() { id }: BillingProfileParams,
    @Body() body: UpdateBillingProfileRequest,
    @Ctx() ctx: RequestContext,
  ): Promise<BillingProfileView> {
    await this.profiles.decide(
      ctx.namespace,
      {
        type: 'UpdateBillingProfile',
        data: {
          namespace: ctx.namespace,
          id,
          name: body.name,
          description: body.description,
          metadata: body.metadata ?? undefined,
          supplier: { ...body.supplier },
          default: body.default,
          workflow: body.workflow,
        },
      },
      eventMetadata(ctx),
    );
    return this.query.get(ctx.namespace, id);
  }
}
