import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { CatalogErrorCode } from '../../catalog-errors';
import { ApiIfMatch, answer, ifMatchVersion } from '../../../shared/http/etag';
import { PlanIdParams } from '../plan.params';
import { GetPlan, PlanView } from '../plans-read-model/plans.query';
import { PublishPlanCommand } from './publish-plan.command';
import { PublishPlanRequest } from './publish-plan.dto';

@ApiTags('Plans')
@ApiBearerAuth()
@Controller('api/v1/plans')
export class PublishPlanController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /**
   * 200 with the plan, active from now; 400 naming each problem (unknown features…, an `effectiveFrom`
   * it cannot honour); 409 unless it is a draft.
   */
  @Post(':planId/publish')
  @HttpCode(200)
  @ApiIfMatch('plan')
  @ApiOperation({ operationId: 'publishPlan' })
  // OpenMeter's publishPlan has no body: one is optional here, only to be refused field by field.
  @ApiBody({ type: PublishPlanRequest, required: false })
  async publish(
    @Param() { planId }: PlanIdParams,
    @Body() _schedule: PublishPlanRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    await this.commands.execute(
      new PublishPlanCommand(ctx.namespace, planId, ifMatchVersion(ifMatch), eventMetadata(ctx)),
    );
    return answer(
      reply,
      await this.queries.execute(new GetPlan(ctx.namespace, planId)),
      CatalogErrorCode.PLAN_NOT_FOUND,
      `Plan ${planId}`,
    );
  }
}
