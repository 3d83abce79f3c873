/**
 * The EventStoreDB adapter of the event store port, chosen with `EVENTSTORE_URL=kurrentdb://…` (or
 * `esdb://…`). It speaks through `@kurrent/kurrentdb-client`, the maintained successor of
 * `@eventstore/db-client` (the same API; it serves EventStoreDB 20.10 and later and KurrentDB alike).
 * Catch-up subscriptions on `$all` feed the projections; the server's own (`$`-prefixed) events never
 * reach them.
 *
 * Exactly-once usage: EventStoreDB has no unique index in which to claim a (namespace, source, id) key
 * atomically with the write, so this adapter does not deduplicate (`deduplicatesUsage = false`). It
 * stores every record, keeping its key in `metadata.dedupKey`, and exactly-once is enforced by the usage
 * projection instead: it claims the key (unique on (namespace, source, id)) in the same PostgreSQL
 * transaction that updates the usage read models and its checkpoint, and skips the event when the
 * claim already exists. A duplicate costs some bytes in the log but is never counted twice.
 */
import {
  ANY,
  BACKWARDS,
  END,
  ErrorType,
  KurrentDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  excludeSystemEvents,
  isCommandError,
  jsonEvent,
} from '@kurrent/kurrentdb-client';
import type {
  AllStreamRecordedEvent,
  AllStreamSubscription,
  AppendStreamState,
  AppendResult as EsdbAppendResult,
  CurrentStreamState,
  JSONType,
  Position,
  ReadPosition,
} from '@kurrent/kurrentdb-client';
import {
  AppendResult,
  EventMetadata,
  EventStore,
  ExpectedVersion,
  LOG_START,
  LogPosition,
  NewEvent,
  ReadStreamResult,
  RecordUsageResult,
  RecordedEvent,
  StreamVersion,
  StreamVersionConflict,
  Subscription,
  UsageRecord,
  comparePositions,
  USAGE_RECORDED,
} from '../event-store.port';

/** Where `recordUsage` keeps each record's dedup key, for the usage projection to claim. */
export const DEDUP_KEY_METADATA_FIELD = 'dedupKey';

export interface EsdbEventStoreOptions {
  /** Longest wait between attempts to re-establish a dropped subscription. */
  readonly maxResubscribeDelayMs?: number;
}

/** Errors after which a catch-up subscription can simply be re-established from its last event. */
const TRANSIENT_ERRORS: ReadonlySet<string> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.NOT_LEADER,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.CANCELLED,
]);

/** Backwards page sizes for `headPosition`: usually the head is near, but system projections may trail it. */
const HEAD_PAGE_SIZES = [8, 64, 512];

export class EsdbEventStore implements EventStore {
  readonly deduplicatesUsage = false;
  /**
   * No: an append to EventStoreDB and a PostgreSQL counter cannot commit atomically, so reconciliation
   * reports accepted, stored and deduplicated as unknown (null) rather than counts that could drift.
   */
  readonly countsIntake = false;
  private readonly client: KurrentDBClient;
  private readonly maxResubscribeDelayMs: number;
  private readonly running = new Set<Subscription>();
  private closed = false;

  /** A connection string (`kurrentdb://host:2113?tls=false`), or a client this store then owns. */
  constructor(connection: string | KurrentDBClient, options: EsdbEventStoreOptions = {}) {
    // `esdb://` still works, but the client warns on every parse that the scheme is deprecated.
    this.client =
      typeof connection === 'string'
        ? KurrentDBClient.connectionString(connection.replace(/^esdb(\+discover)?:/, 'kurrentdb$1:'))
        : connection;
    this.maxResubscribeDelayMs = options.maxResubscribeDelayMs ?? 5_000;
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    if (events.length === 0) {
      // An empty append would not say whether the stream exists, so check the version by reading.
      const version = await this.currentVersion(streamId);
      if (!satisfies(expected, version)) throw new StreamVersionConflict(streamId, expected, version);
      return { nextVersion: version };
    }
    const result = await this.appendEvents(
      streamId,
      events.map((e) => jsonEvent({ type: e.type, data: e.data as JSONType, metadata: { ...e.metadata } })),
      expected,
    );
    return { nextVersion: versionOfRevision(result.nextExpectedRevision) };
  }

  async readStream(streamId: string): Promise<ReadStreamResult> {
    const events: RecordedEvent[] = [];
    let version: StreamVersion = 0;
    try {
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision: START,
        direction: FORWARDS,
        resolveLinkTos: false,
      })) {
        if (!resolved.event) continue;
        events.push(toRecordedEvent(resolved.event));
        version = versionOfRevision(resolved.event.revision);
      }
    } catch (error) {
      if (isStreamNotFound(error)) return { version: 0, events: [] };
      throw error;
    }
    return { version, events };
  }

  async streamExists(streamId: string): Promise<boolean> {
    return (await this.currentVersion(streamId)) > 0;
  }

  async readAll(after: LogPosition, limit: number): Promise<readonly RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    if (limit <= 0) return events;
    let from = after;
    for (;;) {
      // One more than needed, since a read from a position includes the event at that position.
      const pageSize = limit - events.length + 1;
      let received = 0;
      let last: LogPosition | undefined;
      for await (const resolved of this.client.readAll({
        fromPosition: readPosition(from),
        maxCount: pageSize,
        direction: FORWARDS,
        resolveLinkTos: false,
      })) {
        received++;
        const event = resolved.event;
        if (!event) continue;
        last = event.position;
        if (comparePositions(event.position, from) <= 0 || isSystemEvent(event)) continue;
        if (events.length < limit) events.push(toRecordedEvent(event));
      }
      // A page made only of system events must not look like the end of the log to the caller.
      const endOfLog = received < pageSize || last === undefined || comparePositions(last, from) <= 0;
      if (events.length >= limit || endOfLog) return events;
      from = last!;
    }
  }

  async headPosition(): Promise<LogPosition> {
    let before: LogPosition | undefined;
    for (let page = 0; ; page++) {
      const pageSize = HEAD_PAGE_SIZES[Math.min(page, HEAD_PAGE_SIZES.length - 1)];
      let received = 0;
      let head: LogPosition | undefined;
      let last: LogPosition | undefined;
      for await (const resolved of this.client.readAll({
        fromPosition: before ? readPosition(before) : END,
        maxCount: pageSize,
        direction: BACKWARDS,
        resolveLinkTos: false,
      })) {
        received++;
        const event = resolved.event;
        if (!event) continue;
        last = event.position;
        if (before && comparePositions(event.position, before) >= 0) continue;
        if (!head && !isSystemEvent(event)) head = event.position;
      }
      if (head) return toLogPosition(head);
      if (received < pageSize || last === undefined || (before && comparePositions(last, before) >= 0))
        return LOG_START;
      before = toLogPosition(last);
    }
  }

  subscribe(from: LogPosition, onEvent: (event: RecordedEvent) => Promise<void>): Subscription {
    let stopped = false;
    let current: AllStreamSubscription | undefined;
    let wake: (() => void) | undefined;

    const loop = (async () => {
      let position = from;
      let delayMs = 100;
      while (!stopped && !this.closed) {
        const subscription = this.client.subscribeToAll({
          fromPosition: readPosition(position),
          resolveLinkTos: false,
          filter: excludeSystemEvents(),
        });
        current = subscription;
        try {
          for await (const resolved of subscription) {
            if (stopped) break;
            const event = resolved.event;
            // The position check also keeps a re-established subscription from repeating an event.
            if (!event || isSystemEvent(event) || comparePositions(event.position, position) <= 0) continue;
            try {
              await onEvent(toRecordedEvent(event));
            } catch (error) {
              throw new HandlerFailed(error);
            }
            position = toLogPosition(event.position);
            delayMs = 100;
          }
        } catch (error) {
          if (error instanceof HandlerFailed) throw error.cause;
          if (stopped || this.closed) break;
          if (!isTransient(error)) throw error;
        } finally {
          await subscription.unsubscribe().catch(() => undefined);
        }
        if (stopped || this.closed) break;
        // The server ended or dropped the subscription: come back from the last event handled.
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, delayMs);
        });
        delayMs = Math.min(delayMs * 2, this.maxResubscribeDelayMs);
      }
    })();

    const handle: Subscription = {
      stop: async () => {
        stopped = true;
        this.running.delete(handle);
        wake?.();
        await current?.unsubscribe().catch(() => undefined);
        // Ends the iteration even if the cancelled call never ends the stream; the loop sees `stopped`.
        current?.destroy();
        await loop;
      },
    };
    this.running.add(handle);
    return handle;
  }

  async recordUsage(streamId: string, records: readonly UsageRecord[]): Promise<RecordUsageResult> {
    if (records.length === 0) return { storedKeys: new Set() };
    // One append is one atomic write in EventStoreDB, however many events (and gRPC messages) it spans.
    await this.appendEvents(
      streamId,
      records.map((r) =>
        jsonEvent({
          type: USAGE_RECORDED,
          data: r.data as JSONType,
          metadata: { ...r.metadata, [DEDUP_KEY_METADATA_FIELD]: r.dedupKey },
        }),
      ),
      ExpectedVersion.any,
    );
    return { storedKeys: new Set(records.map((r) => r.dedupKey)) };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.running].map((s) => s.stop()));
    await this.client.dispose();
  }

  private async appendEvents(
    streamId: string,
    events: ReturnType<typeof jsonEvent>[],
    expected: ExpectedVersion,
  ): Promise<EsdbAppendResult> {
    let result: EsdbAppendResult;
    try {
      result = await this.client.appendToStream(streamId, events, {
        streamState: expectedRevision(expected),
      });
    } catch (error) {
      if (
        error instanceof Error &&
        isCommandError(error) &&
        error.type === ErrorType.WRONG_EXPECTED_VERSION
      ) {
        throw new StreamVersionConflict(streamId, expected, versionOfCurrentRevision(error.actualState));
      }
      throw error;
    }
    // Only with `throwOnAppendFailure=false` in the connection string; its revision is unreliable then.
    if (!result.success) throw new StreamVersionConflict(streamId, expected, undefined);
    return result;
  }

  private async currentVersion(streamId: string): Promise<StreamVersion> {
    try {
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision: END,
        direction: BACKWARDS,
        maxCount: 1,
        resolveLinkTos: false,
      })) {
        if (resolved.event) return versionOfRevision(resolved.event.revision);
      }
    } catch (error) {
      if (isStreamNotFound(error)) return 0;
      throw error;
    }
    return 0;
  }
}

/** Wraps a subscriber's own failure so it is told apart from the subscription's. */
class HandlerFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('subscriber failed');
  }
}

export function expectedRevision(expected: ExpectedVersion): AppendStreamState {
  switch (expected.kind) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'exact':
      if (!Number.isSafeInteger(expected.version) || expected.version < 0) {
        throw new RangeError(`not a stream version: ${expected.version}`);
      }
      // Version 0 is "no events yet", which EventStoreDB spells NO_STREAM rather than revision -1.
      return expected.version === 0 ? NO_STREAM : BigInt(expected.version - 1);
  }
}

/** Our versions count events; EventStoreDB revisions number them from 0. */
export function versionOfRevision(revision: bigint): StreamVersion {
  return Number(revision) + 1;
}

export function versionOfCurrentRevision(current: CurrentStreamState | undefined): StreamVersion | undefined {
  if (current === undefined) return undefined;
  return current === NO_STREAM ? 0 : versionOfRevision(current);
}

/** `$`-prefixed types and streams belong to EventStoreDB itself (stats, links, metadata, projections). */
export function isSystemEvent(event: { readonly type: string; readonly streamId: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

function satisfies(expected: ExpectedVersion, version: StreamVersion): boolean {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'no_stream':
      return version === 0;
    case 'stream_exists':
      return version > 0;
    case 'exact':
      return version === expected.version;
  }
}

function readPosition(position: LogPosition): ReadPosition {
  return comparePositions(position, LOG_START) <= 0
    ? START
    : { commit: position.commit, prepare: position.prepare };
}

function toLogPosition(position: Position): LogPosition {
  return { commit: position.commit, prepare: position.prepare };
}

type EsdbRecordedEvent = Pick<
  AllStreamRecordedEvent,
  'streamId' | 'revision' | 'type' | 'data' | 'metadata' | 'created'
> & {
  readonly position?: Position;
};

function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  return {
    streamId: event.streamId,
    // The port gives usage events no stream version, as the PostgreSQL adapter stores them outside streams.
    streamVersion: event.type === USAGE_RECORDED ? 0 : versionOfRevision(event.revision),
    // Servers before 22.6 give no log position on stream reads; only `$all` reads need it.
    position: event.position ? toLogPosition(event.position) : LOG_START,
    type: event.type,
    data: event.data,
    metadata: event.metadata as unknown as EventMetadata,
    recordedAt: event.created,
  };
}

function isStreamNotFound(error: unknown): boolean {
  return error instanceof Error && isCommandError(error) && error.type === ErrorType.STREAM_NOT_FOUND;
}

function isTransient(error: unknown): boolean {
  return error instanceof Error && isCommandError(error) && TRANSIENT_ERRORS.has(error.type);
}
