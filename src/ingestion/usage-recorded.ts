import { parseRfc3339 } from '../shared/instant';
import { USAGE_RECORDED } from '../event-store/event-store.port';

/**
 * The stored contract of a usage event: the log event type is `UsageRecorded` (the PostgreSQL
 * adapter writes that type for every usage record) and its data is this.
 */
export { USAGE_RECORDED };

/** The CloudEvent as received, except that a missing `time` is filled in with the ingestion time. */
export interface UsageCloudEvent {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype?: string | null;
  readonly dataschema?: string | null;
  readonly data?: Readonly<Record<string, unknown>> | null;
  /** CloudEvents extension attributes, kept as sent. */
  readonly [extension: string]: unknown;
}

export interface UsageRecordedData {
  readonly event: UsageCloudEvent;
  /** When Tally accepted the request (its clock); the log's own timestamp says when it was stored. */
  readonly ingestedAt: string;
}

/** The event time in epoch milliseconds; a stored event's time was checked, or filled in, at ingestion. */
export function usageTimeMs(event: UsageCloudEvent): number {
  const ms = parseRfc3339(event.time);
  if (ms === undefined)
    throw new Error(`stored usage event ${event.source}/${event.id} has an invalid time: ${event.time}`);
  return ms;
}
