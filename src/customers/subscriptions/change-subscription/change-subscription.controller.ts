import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { ApiIfMatch, ifMatchVersion } from '../../../shared/http/etag';
import { notFound } from '../../../shared/errors';
import { SubscriptionErrors } from '../subscription.decider';
import { SubscriptionParams } from '../subscription.params';
import {
  GetSubscription,
  SubscriptionExpandedView,
  SubscriptionView,
} from '../subscriptions-read-model/subscriptions.query';
import { ChangeSubscriptionCommand, ChangeTarget } from './change-subscription.command';
import { ChangeSubscriptionRequest, MigrateSubscriptionRequest } from './change-subscription.dto';

/** OpenMeter's `SubscriptionChangeResponseBody`: the subscription that ends, and the one that follows it. */
export interface SubscriptionChangeView {
  readonly current: SubscriptionView;
  readonly next: SubscriptionExpandedView;
}

@ApiTags('Subscriptions')
@ApiBearerAuth()
@Controller('api/v1/subscriptions')
export class ChangeSubscriptionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 200 with both subscriptions; 409 when this one already has an end (canceled or changed). */
  @Post(':subscriptionId/change')
  @HttpCode(200)
  @ApiIfMatch('subscription')
  @ApiOperation({ operationId: 'changeSubscription' })
  change(
    @Param() { subscriptionId }: SubscriptionParams,
    @Body() body: ChangeSubscriptionRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SubscriptionChangeView> {
    return this.run(ctx, subscriptionId, { kind: 'change', request: body }, ifMatch);
  }

  /** 200 with both subscriptions; 409 for a custom plan, or one already on the target version. */
  @Post(':subscriptionId/migrate')
  @HttpCode(200)
  @ApiIfMatch('subscription')
  @ApiOperation({ operationId: 'migrateSubscription' })
  migrate(
    @Param() { subscriptionId }: SubscriptionParams,
    @Body() body: MigrateSubscriptionRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SubscriptionChangeView> {
    return this.run(ctx, subscriptionId, { kind: 'migrate', request: body }, ifMatch);
  }

  private async run(
    ctx: RequestContext,
    id: string,
    target: ChangeTarget,
    ifMatch: string | undefined,
  ): Promise<SubscriptionChangeView> {
    const next = await this.commands.execute(
      new ChangeSubscriptionCommand(ctx.namespace, id, target, ifMatchVersion(ifMatch), eventMetadata(ctx)),
    );
    const [current, started] = await Promise.all([
      this.queries.execute(new GetSubscription(ctx.namespace, id)),
      this.queries.execute(new GetSubscription(ctx.namespace, next.id)),
    ]);
    if (!current || !started) throw notFound(SubscriptionErrors.notFound, `Subscription ${id} not found`);
    return { current: current.view, next: started.view };
  }
}
