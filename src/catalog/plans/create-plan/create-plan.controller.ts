import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { CatalogErrorCode } from '../../catalog-errors';
import { answer } from '../../../shared/http/etag';
import { GetPlan, PlanView } from '../plans-read-model/plans.query';
import { CreatePlanCommand } from './create-plan.command';
import { CreatePlanRequest } from './create-plan.dto';

@ApiTags('Plans')
@ApiBearerAuth()
@Controller('api/v1/plans')
export class CreatePlanController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 201 with the new draft; 409 while the key already has a draft. */
  @Post()
  @ApiOperation({ operationId: 'createPlan' })
  async create(
    @Body() body: CreatePlanRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanView> {
    const { id } = await this.commands.execute(
      new CreatePlanCommand(ctx.namespace, body, eventMetadata(ctx)),
    );
    return answer(
      reply,
      await this.queries.execute(new GetPlan(ctx.namespace, id)),
      CatalogErrorCode.PLAN_NOT_FOUND,
      `Plan ${id}`,
    );
  }
}
