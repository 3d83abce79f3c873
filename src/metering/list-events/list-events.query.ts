import { Query } from '@nestjs/cqrs';
import type { UsageCloudEvent } from '../../ingestion';

/** OpenMeter's `IngestedEvent`. */
export interface IngestedEvent {
  readonly event: UsageCloudEvent;
  readonly customerId?: string;
  /**
   * Why live meters of the event's type ignore it (e.g. a SUM meter's value is not a number), and
   * whether no customer claims its subject (its usage is then never billed).
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

export interface ListEventsFilter {
  /** Event time, inclusive. */
  readonly from?: Date;
  /** Event time, exclusive. */
  readonly to?: Date;
  readonly subject?: string;
  readonly id?: string;
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
