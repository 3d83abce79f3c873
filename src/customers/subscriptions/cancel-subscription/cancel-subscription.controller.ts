import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { ApiIfMatch, answer, ifMatchVersion } from '../../../shared/http/etag';
import { SubscriptionErrors } from '../subscription.decider';
import { SubscriptionParams } from '../subscription.params';
import { GetSubscription, SubscriptionExpandedView } from '../subscriptions-read-model/subscriptions.query';
import { CancelSubscriptionCommand } from './cancel-subscription.command';
import { CancelSubscriptionRequest } from './cancel-subscription.dto';

@ApiTags('Subscriptions')
@ApiBearerAuth()
@Controller('api/v1/subscriptions')
export class CancelSubscriptionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 200 with the subscription and its `activeTo`; canceling again can only bring the end earlier. */
  @Post(':subscriptionId/cancel')
  @HttpCode(200)
  @ApiIfMatch('subscription')
  @ApiOperation({ operationId: 'cancelSubscription' })
  async cancel(
    @Param() { subscriptionId }: SubscriptionParams,
    @Body() body: CancelSubscriptionRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubscriptionExpandedView> {
    await this.commands.execute(
      new CancelSubscriptionCommand(
        ctx.namespace,
        subscriptionId,
        body.timing ?? 'immediate',
        ifMatchVersion(ifMatch),
        eventMetadata(ctx),
      ),
    );
    const canceled = await this.queries.execute(new GetSubscription(ctx.namespace, subscriptionId));
    return answer(reply, canceled, SubscriptionErrors.notFound, `Subscription ${subscriptionId}`);
  }
}
