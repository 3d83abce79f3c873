import { Body, Controller, Headers, Param, Put, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { CatalogErrorCode } from '../../catalog-errors';
import { ApiIfMatch, answer, ifMatchVersion } from '../../../shared/http/etag';
import { AddonIdParams } from '../addon.params';
import { AddonView, GetAddon } from '../addons-read-model/addons.query';
import { UpdateAddonCommand } from './update-addon.command';
import { UpdateAddonRequest } from './update-addon.dto';

@ApiTags('Add-ons')
@ApiBearerAuth()
@Controller('api/v1/addons')
export class UpdateAddonController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Replaces a draft's content; 409 once the version is published. */
  @Put(':addonId')
  @ApiIfMatch('add-on')
  @ApiOperation({ operationId: 'updateAddon' })
  async update(
    @Param() { addonId }: AddonIdParams,
    @Body() body: UpdateAddonRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AddonView> {
    await this.commands.execute(
      new UpdateAddonCommand(ctx.namespace, addonId, body, ifMatchVersion(ifMatch), eventMetadata(ctx)),
    );
    return answer(
      reply,
      await this.queries.execute(new GetAddon(ctx.namespace, addonId)),
      CatalogErrorCode.ADDON_NOT_FOUND,
      `Add-on ${addonId}`,
    );
  }
}
