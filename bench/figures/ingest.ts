import type { Api } from '../lib/api';
import { CloudEvent, DataSet, eventAt } from '../lib/events';
import { httpLoad } from '../lib/http-load';
import { chunk, inParallel, timed } from '../lib/stats';

export const BATCH_MEDIA_TYPE = 'application/cloudevents-batch+json';
const SINGLE_MEDIA_TYPE = 'application/cloudevents+json';

/**
 * Batches of `batchSize` events posted by `clients` concurrent clients, each waiting for its answer
 * (204: durable and deduplicated) before sending its next batch. Bodies are encoded before the clock
 * starts, as a client that has its events ready would have them. Events/s.
 */
export async function batchIngest(
  api: Api,
  token: string,
  events: readonly CloudEvent[],
  options: {
    readonly batchSize: number;
    readonly clients: number;
    readonly onBatch?: (events: number) => void;
  },
): Promise<number> {
  const batches = chunk(events, options.batchSize).map((batch) => ({
    size: batch.length,
    body: JSON.stringify(batch),
  }));
  const { ms } = await timed(() =>
    inParallel(batches, options.clients, async ({ size, body }) => {
      await api.ok('POST', '/api/v1/events', { rawBody: body, contentType: BATCH_MEDIA_TYPE, token });
      options.onBatch?.(size);
    }),
  );
  return (events.length * 1000) / ms;
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
