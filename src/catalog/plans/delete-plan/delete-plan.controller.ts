import { Controller, Delete, Headers, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { ApiIfMatch, ifMatchVersion } from '../../../shared/http/etag';
import { PlanIdParams } from '../plan.params';
import { DeletePlanCommand } from './delete-plan.command';

@ApiTags('Plans')
@ApiBearerAuth()
@Controller('api/v1/plans')
export class DeletePlanController {
  constructor(private readonly commands: CommandBus) {}

  /** 204 for a draft or an archived version; 409 for the active one (archive it first). */
  @Delete(':planId')
  @HttpCode(204)
  @ApiIfMatch('plan')
  @ApiOperation({ operationId: 'deletePlan' })
  async delete(
    @Param() { planId }: PlanIdParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    await this.commands.execute(
      new DeletePlanCommand(ctx.namespace, planId, ifMatchVersion(ifMatch), eventMetadata(ctx)),
    );
  }
}
