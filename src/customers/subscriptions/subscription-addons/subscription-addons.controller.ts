import { Body, Controller, Get, Headers, Param, Patch, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { ApiIfMatch, answer, ifMatchVersion } from '../../../shared/http/etag';
import { notFound } from '../../../shared/errors';
import { SubscriptionErrors } from '../subscription.decider';
import { SubscriptionParams } from '../subscription.params';
import {
  CreateSubscriptionAddonCommand,
  UpdateSubscriptionAddonCommand,
} from './subscription-addon.commands';
import {
  CreateSubscriptionAddonRequest,
  SubscriptionAddonParams,
  UpdateSubscriptionAddonRequest,
} from './subscription-addon.dto';
import { ListSubscriptionAddons, SubscriptionAddonView } from './subscription-addons.query';

/** OpenMeter's subscription add-ons: events on the subscription's stream, read from its read model. */
@ApiTags('Subscriptions')
@ApiBearerAuth()
@Controller('api/v1/subscriptions')
export class SubscriptionAddonsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 201 with the add-on; 400/409 naming the field a rule refuses (see the README's "Add-ons on a subscription"). */
  @Post(':subscriptionId/addons')
  @ApiIfMatch('subscription')
  @ApiOperation({ operationId: 'createSubscriptionAddon' })
  async create(
    @Param() { subscriptionId }: SubscriptionParams,
    @Body() body: CreateSubscriptionAddonRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubscriptionAddonView> {
    const id = await this.commands.execute(
      new CreateSubscriptionAddonCommand(
        ctx.namespace,
        subscriptionId,
        body,
        ifMatchVersion(ifMatch),
        eventMetadata(ctx),
      ),
    );
    return this.one(ctx.namespace, subscriptionId, id, reply);
  }

  @Get(':subscriptionId/addons')
  @ApiOperation({ operationId: 'listSubscriptionAddons' })
  async list(
    @Param() { subscriptionId }: SubscriptionParams,
    @Ctx() ctx: RequestContext,
  ): Promise<SubscriptionAddonView[]> {
    const found = await this.queries.execute(new ListSubscriptionAddons(ctx.namespace, subscriptionId));
    if (!found) throw notFound(SubscriptionErrors.notFound, `Subscription ${subscriptionId} not found`);
    return found.view;
  }

  @Get(':subscriptionId/addons/:subscriptionAddonId')
  @ApiOperation({ operationId: 'getSubscriptionAddon' })
  get(
    @Param() { subscriptionId, subscriptionAddonId }: SubscriptionAddonParams,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubscriptionAddonView> {
    return this.one(ctx.namespace, subscriptionId, subscriptionAddonId, reply);
  }

  /** 200 with the add-on as it now stands; quantity 0 ends it from `timing`. */
  @Patch(':subscriptionId/addons/:subscriptionAddonId')
  @ApiIfMatch('subscription')
  @ApiOperation({ operationId: 'updateSubscriptionAddon' })
  async update(
    @Param() { subscriptionId, subscriptionAddonId }: SubscriptionAddonParams,
    @Body() body: UpdateSubscriptionAddonRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubscriptionAddonView> {
    await this.commands.execute(
      new UpdateSubscriptionAddonCommand(
        ctx.namespace,
        subscriptionId,
        subscriptionAddonId,
        body,
        ifMatchVersion(ifMatch),
        eventMetadata(ctx),
      ),
    );
    return this.one(ctx.namespace, subscriptionId, subscriptionAddonId, reply);
  }

  /** One add-on, with the subscription's version as its ETag (its changes are the subscription's events). */
  private async one(
    namespace: string,
    subscriptionId: string,
    subscriptionAddonId: string,
    reply: FastifyReply,
  ): Promise<SubscriptionAddonView> {
    const found = await this.queries.execute(new ListSubscriptionAddons(namespace, subscriptionId));
    const addon = found?.view.find((candidate) => candidate.id === subscriptionAddonId);
    return answer(
      reply,
      found && addon && { view: addon, version: found.version },
      SubscriptionErrors.addonNotFound,
      `Subscription add-on ${subscriptionAddonId}`,
    );
  }
}
