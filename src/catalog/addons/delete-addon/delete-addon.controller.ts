import { Controller, Delete, Headers, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { ApiIfMatch, ifMatchVersion } from '../../../shared/http/etag';
import { AddonIdParams } from '../addon.params';
import { DeleteAddonCommand } from './delete-addon.command';

@ApiTags('Add-ons')
@ApiBearerAuth()
@Controller('api/v1/addons')
export class DeleteAddonController {
  constructor(private readonly commands: CommandBus) {}

  /** 204 for a draft; 409 for a published or archived version, which plans and subscriptions may name. */
  @Delete(':addonId')
  @HttpCode(204)
  @ApiIfMatch('add-on')
  @ApiOperation({ operationId: 'deleteAddon' })
  async delete(
    @Param() { addonId }: AddonIdParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    await this.commands.execute(
      new DeleteAddonCommand(ctx.namespace, addonId, ifMatchVersion(ifMatch), eventMetadata(ctx)),
    );
  }
}
