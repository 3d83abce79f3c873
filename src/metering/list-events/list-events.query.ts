import { Query } from '@nestjs/cqrs';
import type { UsageCloudEvent } from '../../ingestion';
import type { EventsV2Params } from './list-events-v2.params';

/** OpenMeter's `IngestedEvent`. */
export interface IngestedEvent {
  readonly event: UsageCloudEvent;
  readonly customerId?: string;
  /**
   * Why live meters of the event's type ignore it (e.g. a SUM meter's value is not a number), that no
   * meter reads its type, and whether no customer claims its subject (its usage is then never
   * billed): one line each, worded as OpenMeter words them.
   */
  readonly validationError?: string;
  readonly ingestedAt: string;
  readonly storedAt: string;
  /** Present once the event is voided (Tally's addition): it stays listed, and counts nowhere. */
  readonly voided?: {
    readonly reason: string;
    readonly voidedAt: string;
    readonly actor: { readonly id: string; readonly name: string };
  };
}

/** `GET /api/v1/events`' filters (OpenMeter's `listEvents`). */
export interface ListEventsFilter {
  /** Event time, inclusive. */
  readonly from?: Date;
  /** Event time, exclusive. */
  readonly to?: Date;
  /** Ingestion time, inclusive. */
  readonly ingestedAtFrom?: Date;
  /** Ingestion time, exclusive. */
  readonly ingestedAtTo?: Date;
  /** Part of the subject (OpenMeter: "accepts partial subject"). */
  readonly subject?: string;
  /** Part of the event id. */
  readonly id?: string;
  readonly customerIds?: readonly string[];
  readonly limit: number;
}

/** Stored usage events, newest (by event time) first. */
export class ListEvents extends Query<IngestedEvent[]> {
  constructor(
    readonly namespace: string,
    readonly filter: ListEventsFilter,
  ) {
    super();
  }
}

/** OpenMeter's `IngestedEventCursorPaginatedResponse`. */
export interface IngestedEventsPage {
  readonly items: readonly IngestedEvent[];
  /** Present when there may be more: pass it as `cursor` for the next page. */
  readonly nextCursor?: string;
}

/** `GET /api/v2/events`: the same events, filtered as OpenMeter's v2 listing filters, a page at a time. */
export class ListEventsV2 extends Query<IngestedEventsPage> {
  constructor(
    readonly namespace: string,
    readonly params: EventsV2Params,
  ) {
    super();
  }
}
