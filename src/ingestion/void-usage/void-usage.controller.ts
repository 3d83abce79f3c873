import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../auth/access.decorator';
import { Ctx, eventMetadata, RequestContext } from '../../auth/request-context';
import { VoidUsageCommand } from './void-usage.command';
import { VoidUsageAnswer, VoidUsageRequest } from './void-usage.dto';

@ApiTags('Events')
@ApiBearerAuth()
@Allow('ingest', 'admin')
@Controller('api/v1/events')
export class VoidUsageController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * 200 with each event's void; voiding again answers the same. 404 names each event not stored,
   * and then nothing is voided.
   */
  @Post('void')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'voidEvents',
    summary: 'Void usage events: they stop counting everywhere, stay in the log, and stay deduplicated',
  })
  @ApiOkResponse({ type: VoidUsageAnswer })
  void(@Body() body: VoidUsageRequest, @Ctx() ctx: RequestContext): Promise<VoidUsageAnswer> {
    return this.commands.execute(new VoidUsageCommand(body, eventMetadata(ctx)));
  }
}
