import { CloudEvent, DataSet, eventAt } from '../lib/events';
import { httpLoad } from '../lib/http-load';
import { chunk } from '../lib/stats';

export const BATCH_MEDIA_TYPE = 'application/cloudevents-batch+json';
const SINGLE_MEDIA_TYPE = 'application/cloudevents+json';

/**
 * Batches of `batchSize` events posted by `clients` concurrent clients (`httpLoad`), each waiting for
 * its answer (204: durable and deduplicated) before sending its next batch. Bodies are encoded before
 * the clock starts, as a client that has its events ready would have them. Events/s; any answer but
 * 2xx, or none, fails it.
 */
export async function batchIngest(
  baseUrl: string,
  token: string,
  events: readonly CloudEvent[],
  options: {
    readonly batchSize: number;
    readonly clients: number;
    readonly onBatch?: (events: number) => void;
  },
): Promise<number> {
  const sizes = new Map<string | Buffer, number>();
  const bodies = chunk(events, options.batchSize).map((batch) => {
    const body = Buffer.from(JSON.stringify(batch));
    sizes.set(body, batch.length);
    return body;
  });
  let next = 0;
  const result = await httpLoad({
    url: `${baseUrl}/api/v1/events`,
    headers: { authorization: `Bearer ${token}`, 'content-type': BATCH_MEDIA_TYPE },
    body: () => bodies[next++],
    connections: options.clients,
    onAnswer: (status, body) => {
      if (status >= 200 && status < 300) options.onBatch?.(sizes.get(body)!);
    },
  });
  const failures = result.non2xx + result.errors;
  if (failures > 0) {
    throw new Error(`${failures} of ${result.sent} batches failed (first: ${result.firstFailure})`);
  }
  return events.length / result.seconds;
}

export interface SingleIngestResult {
  readonly eps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Answers other than 2xx, and requests or connections that got no answer; any makes the run invalid. */
  readonly failures: number;
  /** What the first failure was, if any. */
  readonly firstFailure?: string;
  readonly sent: number;
  /** Events acknowledged (2xx). */
  readonly stored: number;
}

/**
 * One event per request (`application/cloudevents+json`), each a new event of the data set, over
 * `connections` keep-alive connections for `seconds`, each sending its next request once the last is
 * answered (`httpLoad`). Events/s counts 2xx answers.
 */
export async function singleIngest(
  baseUrl: string,
  token: string,
  set: DataSet,
  options: { readonly connections: number; readonly seconds: number },
): Promise<SingleIngestResult> {
  let next = 0;
  const result = await httpLoad({
    url: `${baseUrl}/api/v1/events`,
    headers: { authorization: `Bearer ${token}`, 'content-type': SINGLE_MEDIA_TYPE },
    body: () => JSON.stringify(eventAt(set, next++)),
    connections: options.connections,
    seconds: options.seconds,
  });
  return {
    eps: result.ok / result.seconds,
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    failures: result.non2xx + result.errors,
    ...(result.firstFailure === undefined ? {} : { firstFailure: result.firstFailure }),
    sent: result.sent,
    stored: result.ok,
  };
}
