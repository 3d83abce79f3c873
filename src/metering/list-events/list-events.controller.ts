import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '../../auth/request-context';
import { parseRfc3339 } from '../../shared/instant';
import { ListEventsParams } from './list-events.params';
import { IngestedEvent, ListEvents } from './list-events.query';

const DEFAULT_LIMIT = 100;

@ApiTags('Events')
@ApiBearerAuth()
@Controller('api/v1/events')
export class ListEventsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    operationId: 'listEvents',
    summary: 'Recent ingested events, newest first, with why meters ignore any of them',
  })
  list(@QueryParams() params: ListEventsParams, @Ctx() ctx: RequestContext): Promise<IngestedEvent[]> {
    return this.queries.execute(
      new ListEvents(ctx.namespace, {
        from: instant(params.from),
        to: instant(params.to),
        subject: params.subject,
        id: params.id,
        limit: params.limit ?? DEFAULT_LIMIT,
      }),
    );
  }
}

function instant(text: string | undefined): Date | undefined {
  return text === undefined ? undefined : new Date(parseRfc3339(text)!);
}
