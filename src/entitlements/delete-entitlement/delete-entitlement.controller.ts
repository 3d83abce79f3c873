import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, eventMetadata, RequestContext } from '../../auth/request-context';
import { CustomerEntitlementParams, SubjectEntitlementIdParams } from '../entitlement-params';
import { DeleteEntitlementCommand } from './delete-entitlement.command';

@ApiTags('Entitlements')
@ApiBearerAuth()
@Controller()
export class DeleteEntitlementController {
  constructor(private readonly commands: CommandBus) {}

  /** 204; 403 for one a subscription provides (override it instead). */
  @Delete('api/v2/customers/:customerIdOrKey/entitlements/:entitlementIdOrFeatureKey')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteCustomerEntitlementV2', summary: 'Delete a customer entitlement' })
  @ApiNoContentResponse()
  async deleteOfCustomer(
    @Param() { customerIdOrKey, entitlementIdOrFeatureKey }: CustomerEntitlementParams,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    await this.commands.execute(
      new DeleteEntitlementCommand(
        ctx.namespace,
        { customerIdOrKey },
        entitlementIdOrFeatureKey,
        eventMetadata(ctx),
      ),
    );
  }

  @Delete('api/v1/subjects/:subjectIdOrKey/entitlements/:entitlementId')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteEntitlement',
    summary: "Delete an entitlement of a subject's customer",
  })
  @ApiNoContentResponse()
  async deleteOfSubject(
    @Param() { subjectIdOrKey, entitlementId }: SubjectEntitlementIdParams,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    await this.commands.execute(
      new DeleteEntitlementCommand(
        ctx.namespace,
        { subject: subjectIdOrKey },
        entitlementId,
        eventMetadata(ctx),
      ),
    );
  }
}
