import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { TallyConfig } from '../../config/config';
import { TALLY_CONFIG } from '../../config/config.module';
import type { UsageRecord } from '../../event-store/event-store.port';
import { usageDedupKey } from '../../event-store/stream-names';
import { CLOCK, Clock } from '../../shared/clock';
import { DomainError, FieldProblem, invalid } from '../../shared/errors';
import { EnvelopeRules, readCloudEvent } from '../cloud-event';
import { IngestionErrorCode, IngestionProblemCode } from '../ingestion-errors';
import { usageTimeMs, type UsageCloudEvent, type UsageRecordedData } from '../usage-recorded';
import { UsageWriter } from '../usage-writer';
import { IngestEvents, IngestMediaType } from './ingest-events.command';

/** A 10,000-event batch of bad events would otherwise answer with a multi-megabyte problem list. */
const MAX_REPORTED_PROBLEMS = 100;

@CommandHandler(IngestEvents)
export class IngestEventsHandler implements ICommandHandler<IngestEvents> {
  constructor(
    private readonly writer: UsageWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TALLY_CONFIG) private readonly config: TallyConfig,
  ) {}

  async execute({ body, mediaType, metadata }: IngestEvents): Promise<void> {
    const receivedAt = this.clock.now();
    const rules: EnvelopeRules = { receivedAt, futureToleranceMs: this.config.futureEventToleranceMs };
    const ingestedAt = receivedAt.toISOString();
    const toRecord = (event: UsageCloudEvent): UsageRecord => ({
      dedupKey: usageDedupKey(metadata.namespace, event.source, event.id),
      data: { event, ingestedAt } satisfies UsageRecordedData,
      metadata,
      occurredAt: new Date(usageTimeMs(event)),
    });

    if (Array.isArray(body)) {
      const events = this.readBatch(body, mediaType, rules);
      await this.writer.recordBatch(metadata.namespace, events.map(toRecord));
    } else {
      const event = this.readSingle(body, mediaType, rules);
      await this.writer.recordOne(metadata.namespace, toRecord(event));
    }
  }

  private readSingle(body: unknown, mediaType: IngestMediaType, rules: EnvelopeRules): UsageCloudEvent {
    if (mediaType === 'application/cloudevents-batch+json') {
      throw invalid(
        IngestionErrorCode.INVALID_EVENTS,
        'An application/cloudevents-batch+json body must be an array of events',
        [{ field: 'body', code: IngestionProblemCode.NOT_AN_EVENT, message: 'must be an array' }],
      );
    }
    const result = readCloudEvent(body, '', rules);
    if (!result.ok)
      throw invalid(
        IngestionErrorCode.INVALID_EVENTS,
        'The event is not valid; it was not stored',
        result.problems,
      );
    return result.event;
  }

  private readBatch(
    body: readonly unknown[],
    mediaType: IngestMediaType,
    rules: EnvelopeRules,
  ): UsageCloudEvent[] {
    if (mediaType === 'application/cloudevents+json') {
      throw invalid(
        IngestionErrorCode.INVALID_EVENTS,
        'A batch must be sent as application/cloudevents-batch+json or application/json',
        [{ field: 'body', code: IngestionProblemCode.NOT_AN_EVENT, message: 'must be a single event' }],
      );
    }
    if (body.length === 0) throw invalid(IngestionErrorCode.EMPTY_BATCH, 'The batch holds no events');
    if (body.length > this.config.maxBatchEvents) {
      throw new DomainError(
        'payload_too_large',
        IngestionErrorCode.BATCH_TOO_LARGE,
        `A batch may hold at most ${this.config.maxBatchEvents} events (got ${body.length})`,
      );
    }
    const events: UsageCloudEvent[] = [];
    const problems: FieldProblem[] = [];
    let invalidEvents = 0;
    let problemCount = 0;
    body.forEach((input, index) => {
      const result = readCloudEvent(input, `events[${index}]`, rules);
      if (result.ok) {
        events.push(result.event);
      } else {
        invalidEvents += 1;
        problemCount += result.problems.length;
        problems.push(...result.problems.slice(0, MAX_REPORTED_PROBLEMS - problems.length));
      }
    });
    if (invalidEvents > 0) {
      const listed =
        problemCount > problems.length
          ? ` (the first ${problems.length} of ${problemCount} problems are listed)`
          : '';
      throw invalid(
        IngestionErrorCode.INVALID_EVENTS,
        `${invalidEvents} of ${body.length} events are not valid; none was stored${listed}`,
        problems,
      );
    }
    return events;
  }
}
