import { Body, Controller, Headers, Param, Put, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { CatalogErrorCode } from '../../catalog-errors';
import { ApiIfMatch, answer, ifMatchVersion } from '../../../shared/http/etag';
import { PlanIdParams } from '../plan.params';
import { GetPlan, PlanView } from '../plans-read-model/plans.query';
import { UpdatePlanCommand } from './update-plan.command';
import { UpdatePlanRequest } from './update-plan.dto';

@ApiTags('Plans')
@ApiBearerAuth()
@Controller('api/v1/plans')
export class UpdatePlanController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Replaces a draft's content; 409 once the version is published. */
  @Put(':planId')
  @ApiIfMatch('plan')
  @ApiOperation({ operationId: 'updatePlan' })
  async update(
    @Param() { planId }: PlanIdParams,
    @Body() body: UpdatePlanRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    await this.commands.execute(
      new UpdatePlanCommand(ctx.namespace, planId, body, ifMatchVersion(ifMatch), eventMetadata(ctx)),
    );
    return answer(
      reply,
      await this.queries.execute(new GetPlan(ctx.namespace, planId)),
      CatalogErrorCode.PLAN_NOT_FOUND,
      `Plan ${planId}`,
    );
  }
}
