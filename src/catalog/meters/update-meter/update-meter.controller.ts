import { Body, Controller, Headers, Param, Put, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { CatalogErrorCode } from '../../catalog-errors';
import { ApiIfMatch, answer, ifMatchVersion } from '../../../shared/http/etag';
import { MeterParams } from '../meter.params';
import { GetMeter, MeterView } from '../meters-read-model/meters.query';
import { UpdateMeterCommand } from './update-meter.command';
import { UpdateMeterRequest } from './update-meter.dto';

@ApiTags('Meters')
@ApiBearerAuth()
@Controller('api/v1/meters')
export class UpdateMeterController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Name, description, group-by and metadata only; 409 when a feature filters on a group-by it drops. */
  @Put(':meterIdOrSlug')
  @ApiIfMatch('meter')
  @ApiOperation({ operationId: 'updateMeter' })
  async update(
    @Param() { meterIdOrSlug }: MeterParams,
    @Body() body: UpdateMeterRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeterView> {
    const { id } = await this.commands.execute(
      new UpdateMeterCommand(ctx.namespace, meterIdOrSlug, body, ifMatchVersion(ifMatch), eventMetadata(ctx)),
    );
    const updated = await this.queries.execute(new GetMeter(ctx.namespace, id));
    return answer(reply, updated, CatalogErrorCode.METER_NOT_FOUND, `Meter ${id}`);
  }
}
