import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../auth/access.decorator';
import type { RequestContext, TallyRequest } from '../../auth/request-context';
import type { EventMetadata } from '../../event-store/event-store.port';
import { DomainError } from '../../shared/errors';
import type { BodyFields } from '../../shared/http/exact-numbers';
import { IngestionErrorCode } from '../ingestion-errors';
import { IngestEvents, IngestMediaType } from './ingest-events.command';
import { IngestEventsHandler } from './ingest-events.handler';

const MEDIA_TYPES: readonly IngestMediaType[] = [
  'application/json',
  'application/cloudevents+json',
  'application/cloudevents-batch+json',
];

/** What the handler reads, which no request class describes: the raw body is read by the event reader. */
const CLOUD_EVENT = {
  type: 'object',
  required: ['specversion', 'id', 'source', 'type', 'subject'],
  properties: {
    specversion: { type: 'string', enum: ['1.0'] },
    id: {
      type: 'string',
      description: 'With `source`, the identity of the event: a second send is a duplicate',
    },
    source: { type: 'string' },
    type: { type: 'string', description: 'The meters whose eventType it is count it' },
    subject: { type: 'string', description: 'A subject key of the customer whose usage it is' },
    time: { type: 'string', format: 'date-time', description: 'RFC 3339; the time of ingestion when absent' },
    datacontenttype: {
      type: 'string',
      nullable: true,
      description: 'A JSON media type such as application/json',
    },
    dataschema: { type: 'string', nullable: true },
    data: { type: 'object', nullable: true, additionalProperties: true },
  },
  additionalProperties: true,
};
const EVENTS_BODY = { schema: { oneOf: [CLOUD_EVENT, { type: 'array', items: CLOUD_EVENT }] } };

/** Problems name an event's members as the event reader does: `data.value`, `events[3].data.value`. */
const EVENT_FIELDS = { bodyFields: { object: '', array: 'events' } satisfies BodyFields };

@ApiTags('Events')
@ApiBearerAuth()
@Allow('ingest', 'admin')
@Controller()
export class IngestEventsController {
  // The hot path at 10k requests/s: the handler is called directly (no command bus hop) and the
  // request is the one parameter, so no global pipe runs (the handler validates the raw body itself).
  constructor(private readonly ingestion: IngestEventsHandler) {}

  @Post('api/v1/events')
  @RouteConfig(EVENT_FIELDS)
  @HttpCode(204)
  @ApiOperation({
    operationId: 'ingestEvents',
    summary: 'Ingest one CloudEvent or a batch; a batch is all-or-nothing',
  })
  @ApiConsumes(...MEDIA_TYPES)
  @ApiBody(EVENTS_BODY)
  ingest(@Req() request: TallyRequest): Promise<void> {
    return this.ingestion.execute(ingestEvents(request));
  }

  /** The path Kong Konnect's metering tutorial posts to, so its `curl` commands work unchanged. */
  @Post('v3/openmeter/events')
  @RouteConfig(EVENT_FIELDS)
  @HttpCode(202)
  @ApiOperation({
    operationId: 'ingestMeteringEvents',
    summary: 'Ingest one CloudEvent or a batch (Konnect path)',
  })
  @ApiConsumes(...MEDIA_TYPES)
  @ApiBody(EVENTS_BODY)
  ingestKonnect(@Req() request: TallyRequest): Promise<void> {
    return this.ingestion.execute(ingestEvents(request));
  }
}

/** The command of one ingestion request (its context set by authentication). */
function ingestEvents(request: TallyRequest): IngestEvents {
  if (!request.tally) throw new Error('no request context: is the route public?');
  return new IngestEvents(
    request.body,
    mediaTypeOf(request.headers['content-type']),
    usageMetadata(request.tally),
  );
}

/**
 * The HTTP layer also parses text/plain and form bodies for other routes; usage must be JSON
 * under one of the CloudEvents-compatible media types.
 */
function mediaTypeOf(contentType: string | undefined): IngestMediaType {
  const essence = contentType?.split(';')[0].trim().toLowerCase();
  const mediaType = MEDIA_TYPES.find((type) => type === essence);
  if (!mediaType) {
    throw new DomainError(
      'unsupported_media_type',
      IngestionErrorCode.UNSUPPORTED_MEDIA_TYPE,
      `Content-Type must be one of ${MEDIA_TYPES.join(', ')} (got ${contentType ?? 'none'})`,
    );
  }
  return mediaType;
}

/**
 * The log metadata of every event of the request. A request causes its usage directly, so the
 * causation id would repeat the correlation id in every stored row (a fifth of its metadata).
 */
function usageMetadata(ctx: RequestContext): EventMetadata {
  return {
    namespace: ctx.namespace,
    correlationId: ctx.requestId,
    actor: { id: ctx.tokenId, name: ctx.tokenName },
  };
}
