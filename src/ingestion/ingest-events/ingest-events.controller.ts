import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'Ingest one CloudEvent or a batch; a batch is all-or-nothing' })
  @ApiConsumes(...MEDIA_TYPES)
  ingest(@Req() request: TallyRequest): Promise<void> {
    return this.ingestion.execute(ingestEvents(request));
  }

  /** The path Kong Konnect's metering tutorial posts to, so its `curl` commands work unchanged. */
  @Post('v3/openmeter/events')
  @RouteConfig(EVENT_FIELDS)
  @HttpCode(202)
  @ApiOperation({ summary: 'Ingest one CloudEvent or a batch (Konnect path)' })
  @ApiConsumes(...MEDIA_TYPES)
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
