import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '../../auth/request-context';
import { parseRfc3339 } from '../../shared/instant';
import { parseEventsV2Params } from './list-events-v2.params';
import { ListEventsParams } from './list-events.params';
import { IngestedEvent, IngestedEventsPage, ListEvents, ListEventsV2 } from './list-events.query';

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
        ingestedAtFrom: instant(params.ingestedAtFrom),
        ingestedAtTo: instant(params.ingestedAtTo),
        subject: params.subject,
        id: params.id,
        customerIds: params.customerId,
        limit: params.limit ?? DEFAULT_LIMIT,
      }),
    );
  }
}

@ApiTags('Events')
@ApiBearerAuth()
@Controller('api/v2/events')
export class ListEventsV2Controller {
  constructor(private readonly queries: QueryBus) {}

  /** OpenMeter's `listEventsV2`: a page at a time, the next one from `nextCursor`. */
  @Get()
  @ApiOperation({
    operationId: 'listEventsV2',
    summary: 'Ingested events, newest first, filtered and paged by cursor',
  })
  @ApiQuery({ name: 'cursor', required: false, description: "The previous page's nextCursor" })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 100 },
  })
  @ApiQuery({ name: 'clientId', required: false, description: 'Accepted; changes nothing' })
  @ApiQuery({
    name: 'filter',
    required: false,
    description:
      'JSON (or deepObject brackets): id, source, subject, type (FilterString); customerId ({ $in }); time, ingestedAt (FilterTime)',
  })
  list(
    @QueryParams() params: Record<string, unknown>,
    @Ctx() ctx: RequestContext,
  ): Promise<IngestedEventsPage> {
    return this.queries.execute(new ListEventsV2(ctx.namespace, parseEventsV2Params(params)));
  }
}

function instant(text: string | undefined): Date | undefined {
  return text === undefined ? undefined : new Date(parseRfc3339(text)!);
}
