import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { CatalogErrorCode } from '../../catalog-errors';
import { answer } from '../../../shared/http/etag';
import { AddonView, GetAddon } from '../addons-read-model/addons.query';
import { CreateAddonCommand } from './create-addon.command';
import { CreateAddonRequest } from './create-addon.dto';

@ApiTags('Add-ons')
@ApiBearerAuth()
@Controller('api/v1/addons')
export class CreateAddonController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 201 with the new draft; 409 while the key already has a draft. */
  @Post()
  @ApiOperation({ operationId: 'createAddon' })
  async create(
    @Body() body: CreateAddonRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AddonView> {
    const { id } = await this.commands.execute(
      new CreateAddonCommand(ctx.namespace, body, eventMetadata(ctx)),
    );
    return answer(
      reply,
      await this.queries.execute(new GetAddon(ctx.namespace, id)),
      CatalogErrorCode.ADDON_NOT_FOUND,
      `Add-on ${id}`,
    );
  }
}
