import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, eventMetadata, RequestContext } from '../../auth/request-context';
import { CustomerEntitlementParams, SubjectEntitlementIdParams } from '../entitlement-params';
import { ResetUsageRequest } from '../entitlement-requests.dto';
import { ResetUsageCommand } from './reset-usage.command';

@ApiTags('Entitlements')
@ApiBearerAuth()
@Controller()
export class ResetUsageController {
  constructor(private readonly commands: CommandBus) {}

  /** 204; 400 for a reset in the future, before the usage period in progress, or at its start. */
  @Post('api/v2/customers/:customerIdOrKey/entitlements/:entitlementIdOrFeatureKey/reset')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'resetCustomerEntitlementUsageV2',
    summary: "Reset a metered entitlement's usage",
  })
  @ApiNoContentResponse()
  async resetOfCustomer(
    @Param() { customerIdOrKey, entitlementIdOrFeatureKey }: CustomerEntitlementParams,
    @Body() body: ResetUsageRequest,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    await this.commands.execute(
      new ResetUsageCommand(
        ctx.namespace,
        { customerIdOrKey },
        entitlementIdOrFeatureKey,
        body,
        eventMetadata(ctx),
      ),
    );
  }

  @Post('api/v1/subjects/:subjectIdOrKey/entitlements/:entitlementId/reset')
  @HttpCode(204)
  @ApiOperation({ operationId: 'resetEntitlementUsage', summary: "Reset a metered entitlement's usage" })
  @ApiNoContentResponse()
  async resetOfSubject(
    @Param() { subjectIdOrKey, entitlementId }: SubjectEntitlementIdParams,
    @Body() body: ResetUsageRequest,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    await this.commands.execute(
      new ResetUsageCommand(
        ctx.namespace,
        { subject: subjectIdOrKey },
        entitlementId,
        body,
        eventMetadata(ctx),
      ),
    );
  }
}
