import { Command } from '@nestjs/cqrs';
import type { EventMetadata } from '../../event-store/event-store.port';

/** The three media types usage may arrive as (parameters such as `charset` already stripped). */
export type IngestMediaType =
  'application/json' | 'application/cloudevents+json' | 'application/cloudevents-batch+json';

/** Ingest the parsed JSON body of one request: a single CloudEvent or an array of them. */
export class IngestEvents extends Command<void> {
  constructor(
    readonly body: unknown,
    readonly mediaType: IngestMediaType,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
