import { Body, Controller, Headers, Param, Patch, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { ApiIfMatch, answer, ifMatchVersion } from '../../../shared/http/etag';
import { SubscriptionErrors } from '../subscription.decider';
import { SubscriptionParams } from '../subscription.params';
import { GetSubscription, SubscriptionExpandedView } from '../subscriptions-read-model/subscriptions.query';
import { EditSubscriptionCommand } from './edit-subscription.command';
import { EditSubscriptionRequest } from './edit-subscription.dto';

@ApiTags('Subscriptions')
@ApiBearerAuth()
@Controller('api/v1/subscriptions')
export class EditSubscriptionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /**
   * 200 with the subscription as it now stands (`customized`, its phases and item timelines); 400
   * naming each operation that cannot apply; 409 when it has ended or was changed into another.
   */
  @Patch(':subscriptionId')
  @ApiIfMatch('subscription')
  @ApiOperation({ operationId: 'editSubscription' })
  async edit(
    @Param() { subscriptionId }: SubscriptionParams,
    @Body() body: EditSubscriptionRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubscriptionExpandedView> {
    await this.commands.execute(
      new EditSubscriptionCommand(
        ctx.namespace,
        subscriptionId,
        body.customizations,
        body.timing ?? 'immediate',
        ifMatchVersion(ifMatch),
        eventMetadata(ctx),
      ),
    );
    const edited = await this.queries.execute(new GetSubscription(ctx.namespace, subscriptionId));
    return answer(reply, edited, SubscriptionErrors.notFound, `Subscription ${subscriptionId}`);
  }
}
