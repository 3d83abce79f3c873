import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Ctx, RequestContext, eventMetadata } from '../../../auth/request-context';
import { CatalogErrorCode } from '../../catalog-errors';
import { answer } from '../../../shared/http/etag';
import { GetMeter, MeterView } from '../meters-read-model/meters.query';
import { CreateMeterCommand } from './create-meter.command';
import { CreateMeterRequest } from './create-meter.dto';

@ApiTags('Meters')
@ApiBearerAuth()
@Controller('api/v1/meters')
export class CreateMeterController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 201 with the meter; 409 when a live meter has the slug. */
  @Post()
  @ApiOperation({ operationId: 'createMeter' })
  async create(
    @Body() body: CreateMeterRequest,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeterView> {
    const { id } = await this.commands.execute(
      new CreateMeterCommand(ctx.namespace, body, eventMetadata(ctx)),
    );
    const created = await this.queries.execute(new GetMeter(ctx.namespace, id));
    return answer(reply, created, CatalogErrorCode.METER_NOT_FOUND, `Meter ${id}`);
  }
}
