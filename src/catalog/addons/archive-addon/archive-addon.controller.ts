import { Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { CatalogErrorCode } from '../../catalog-errors';
import { ApiIfMatch, answer, ifMatchVersion } from '../../../shared/http/etag';
import { AddonIdParams } from '../addon.params';
import { AddonView, GetAddon } from '../addons-read-model/addons.query';
import { ArchiveAddonCommand } from './archive-addon.command';

@ApiTags('Add-ons')
@ApiBearerAuth()
@Controller('api/v1/addons')
export class ArchiveAddonController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 200 with the archived add-on; 409 for a draft. */
  @Post(':addonId/archive')
  @HttpCode(200)
  @ApiIfMatch('add-on')
  @ApiOperation({ operationId: 'archiveAddon' })
  async archive(
    @Param() { addonId }: AddonIdParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AddonView> {
    await this.commands.execute(
      new ArchiveAddonCommand(ctx.namespace, addonId, ifMatchVersion(ifMatch), eventMetadata(ctx)),
    );
    return answer(
      reply,
      await this.queries.execute(new GetAddon(ctx.namespace, addonId)),
      CatalogErrorCode.ADDON_NOT_FOUND,
      `Add-on ${addonId}`,
    );
  }
}
