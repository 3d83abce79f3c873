import { Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { ApiIfMatch, answer, ifMatchVersion } from '../../../shared/http/etag';
import { SubscriptionErrors } from '../subscription.decider';
import { SubscriptionParams } from '../subscription.params';
import { GetSubscription, SubscriptionExpandedView } from '../subscriptions-read-model/subscriptions.query';
import { RestoreSubscriptionCommand } from './restore-subscription.command';

@ApiTags('Subscriptions')
@ApiBearerAuth()
@Controller('api/v1/subscriptions')
export class RestoreSubscriptionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 200 with the subscription, its end taken back; 409 when the end has passed, or a successor started. */
  @Post(':subscriptionId/restore')
  @HttpCode(200)
  @ApiIfMatch('subscription')
  @ApiOperation({ operationId: 'restoreSubscription' })
  restore(
    @Param() { subscriptionId }: SubscriptionParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubscriptionExpandedView> {
    return this.run(subscriptionId, ifMatch, ctx, reply);
  }

  /** The same as `restore`: Tally schedules no other kind of end. */
  @Post(':subscriptionId/unschedule-cancelation')
  @HttpCode(200)
  @ApiIfMatch('subscription')
  @ApiOperation({ operationId: 'unscheduleCancelation' })
  unschedule(
    @Param() { subscriptionId }: SubscriptionParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubscriptionExpandedView> {
    return this.run(subscriptionId, ifMatch, ctx, reply);
  }

  private async run(
    id: string,
    ifMatch: string | undefined,
    ctx: RequestContext,
    reply: FastifyReply,
  ): Promise<SubscriptionExpandedView> {
    await this.commands.execute(
      new RestoreSubscriptionCommand(ctx.namespace, id, ifMatchVersion(ifMatch), eventMetadata(ctx)),
    );
    const restored = await this.queries.execute(new GetSubscription(ctx.namespace, id));
    return answer(reply, restored, SubscriptionErrors.notFound, `Subscription ${id}`);
  }
}
