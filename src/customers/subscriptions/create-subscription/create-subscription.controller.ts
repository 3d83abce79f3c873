import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { answer } from '../../../shared/http/etag';
import { SubscriptionErrors } from '../subscription.decider';
import { GetSubscription, SubscriptionExpandedView } from '../subscriptions-read-model/subscriptions.query';
import { CreateSubscriptionCommand } from './create-subscription.command';
import { CreateSubscriptionRequest } from './create-subscription.dto';

@ApiTags('Subscriptions')
@ApiBearerAuth()
@Controller('api/v1/subscriptions')
export class CreateSubscriptionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 201 with the subscription; 409 when the customer already has one that has not ended, or the plan is not published. */
  @Post()
  @ApiOperation({ operationId: 'createSubscription' })
  async create(
    @Body() body: CreateSubscriptionRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubscriptionExpandedView> {
    const { id } = await this.commands.execute(
      new CreateSubscriptionCommand(ctx.namespace, body, eventMetadata(ctx)),
    );
    const created = await this.queries.execute(new GetSubscription(ctx.namespace, id));
    return answer(reply, created, SubscriptionErrors.notFound, `Subscription ${id}`);
  }
}
