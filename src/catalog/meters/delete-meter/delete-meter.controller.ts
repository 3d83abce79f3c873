import { Controller, Delete, Headers, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { ApiIfMatch, ifMatchVersion } from '../../../shared/http/etag';
import { MeterParams } from '../meter.params';
import { DeleteMeterCommand } from './delete-meter.command';

@ApiTags('Meters')
@ApiBearerAuth()
@Controller('api/v1/meters')
export class DeleteMeterController {
  constructor(private readonly commands: CommandBus) {}

  /** 204; 409 while a live feature uses the meter. */
  @Delete(':meterIdOrSlug')
  @HttpCode(204)
  @ApiIfMatch('meter')
  @ApiOperation({ operationId: 'deleteMeter' })
  async delete(
    @Param() { meterIdOrSlug }: MeterParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    await this.commands.execute(
      new DeleteMeterCommand(ctx.namespace, meterIdOrSlug, ifMatchVersion(ifMatch), eventMetadata(ctx)),
    );
  }
}
