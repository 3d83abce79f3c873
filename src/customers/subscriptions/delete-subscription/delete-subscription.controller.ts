import { Controller, Delete, Headers, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { ApiIfMatch, ifMatchVersion } from '../../../shared/http/etag';
import { SubscriptionParams } from '../subscription.params';
import { DeleteSubscriptionCommand } from './delete-subscription.command';

@ApiTags('Subscriptions')
@ApiBearerAuth()
@Controller('api/v1/subscriptions')
export class DeleteSubscriptionController {
  constructor(private readonly commands: CommandBus) {}

  /** 204; 409 once the subscription has started (cancel it instead); 404 once deleted. */
  @Delete(':subscriptionId')
  @HttpCode(204)
  @ApiIfMatch('subscription')
  @ApiOperation({ operationId: 'deleteSubscription' })
  async remove(
    @Param() { subscriptionId }: SubscriptionParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    await this.commands.execute(
      new DeleteSubscriptionCommand(
        ctx.namespace,
        subscriptionId,
        ifMatchVersion(ifMatch),
        eventMetadata(ctx),
      ),
    );
  }
}
