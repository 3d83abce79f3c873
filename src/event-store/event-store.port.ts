/**
 * The event store port. Two adapters implement it (PostgreSQL, EventStoreDB) and both pass the one
 * contract suite in `event-store.contract.ts`. Nothing outside `src/event-store` knows which is in use.
 */
export const EVENT_STORE = Symbol('EventStore');

/** A stream's version is how many events it holds: 0 for a stream that does not exist. */
export type StreamVersion = number;

export type ExpectedVersion =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'exact'; readonly version: StreamVersion };

export const ExpectedVersion = {
  any: { kind: 'any' } as ExpectedVersion,
  noStream: { kind: 'no_stream' } as ExpectedVersion,
  streamExists: { kind: 'stream_exists' } as ExpectedVersion,
  exact: (version: StreamVersion): ExpectedVersion => ({ kind: 'exact', version }),
} as const;

/**
 * A place in the global log. Ordered by `commit`, then `prepare` — the shape of EventStoreDB's
 * `$all` position; the PostgreSQL adapter stores (transaction id, sequence number) in it.
 */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export const LOG_START: LogPosition = { commit: 0n, prepare: 0n };

export interface Actor {
  readonly id: string;
  readonly name: string;
}

export interface EventMetadata {
  readonly namespace: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly actor?: Actor;
}

export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly streamId: string;
  /** 1-based position within its stream; usage events, which live outside aggregate streams, have 0. */
  readonly streamVersion: StreamVersion;
  readonly position: LogPosition;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}

export interface AppendResult {
  readonly nextVersion: StreamVersion;
}

export interface ReadStreamResult {
  /** 0 when the stream does not exist. */
  readonly version: StreamVersion;
  readonly events: readonly RecordedEvent[];
}

/** The log event type of every usage record (`recordUsage`): a stored contract, never renamed. */
export const USAGE_RECORDED = 'UsageRecorded';

/** One usage event to record: `dedupKey` identifies it forever (namespace, source, id). */
export interface UsageRecord {
  readonly dedupKey: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  /** When the usage happened (the event's time): reconciliation counts intake by its hour. */
  readonly occurredAt?: Date;
}

/**
 * Reconciliation's intake count for one `recordUsage` call: the time of every accepted event behind
 * it, repeats the caller dropped before the write included. Adapters whose `countsIntake` is true
 * add these (accepted) and the records they store (stored) to per-hour counters in the same atomic
 * write, so accepted = stored + deduplicated holds whatever fails.
 */
export interface UsageIntake {
  readonly acceptedAt: readonly Date[];
}

/** Reconciliation's intake counters of one UTC day (see `UsageIntake`). */
export interface IntakeDay {
  readonly day: Date;
  readonly accepted: number;
  readonly stored: number;
}

export interface RecordUsageResult {
  /** The dedup keys written now; keys absent from it were already stored (or repeated in the batch). */
  readonly storedKeys: ReadonlySet<string>;
}

/** Which event types a reader wants: only some, or all but some. */
export type EventTypeFilter = { readonly only: readonly string[] } | { readonly except: readonly string[] };

export interface FilteredRead {
  readonly events: readonly RecordedEvent[];
  /**
   * How far the log was scanned: a reader may move its checkpoint here, past the events it was not
   * given, without ever skipping one it wanted.
   */
  readonly scannedTo: LogPosition;
}

export function matchesFilter(filter: EventTypeFilter, type: string): boolean {
  return 'only' in filter ? filter.only.includes(type) : !filter.except.includes(type);
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface EventStore {
  /** Appends atomically, or throws `StreamVersionConflict` when the stream is not at `expected`. */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  readStream(streamId: string): Promise<ReadStreamResult>;
  streamExists(streamId: string): Promise<boolean>;
  /**
   * Committed events strictly after `after`, in global order, at most `limit`. Never returns an event
   * if an event that sorts before it may still commit: a reader that advances its checkpoint to the
   * last event it got can never skip one.
   */
  readAll(after: LogPosition, limit: number): Promise<readonly RecordedEvent[]>;
  /**
   * Like `readAll`, but only events whose type passes `filter` (at most `limit` of them), and how far
   * the scan got. Where supported: readers of a few event types then skip the bulk of the log (usage)
   * in the database instead of receiving and discarding it.
   */
  readAllMatching?(after: LogPosition, limit: number, filter: EventTypeFilter): Promise<FilteredRead>;
  /**
   * The position of the last committed event (`LOG_START` for an empty log). `readAll` reaches it
   * once every transaction that might still commit before it has ended.
   */
  headPosition(): Promise<LogPosition>;
  /** Calls `onEvent` for every event after `from`, in order, until stopped. */
  subscribe(from: LogPosition, onEvent: (event: RecordedEvent) => Promise<void>): Subscription;
  /**
   * Records a batch of usage events (type `UsageRecorded`) in the stream `streamId`, all or nothing.
   * Adapters whose `deduplicatesUsage` is true skip keys already stored, atomically with the write;
   * the others store every record and leave deduplication to the usage projection.
   */
  recordUsage(
    streamId: string,
    records: readonly UsageRecord[],
    intake?: UsageIntake,
  ): Promise<RecordUsageResult>;
  readonly deduplicatesUsage: boolean;
  /**
   * Which of these usage dedup keys are stored in the log, from the log's own record of them, not a
   * read model that may lag: where the adapter deduplicates usage (its unique index answers).
   */
  storedUsageKeys?(dedupKeys: readonly string[]): Promise<ReadonlySet<string>>;
  /** Whether `recordUsage` keeps reconciliation's accepted/stored counters (see `UsageIntake`). */
  readonly countsIntake: boolean;
  /** The intake counters of a namespace's usage whose event time lies in `[from, to)`, per UTC day; where `countsIntake`. */
  intakeByDay?(namespace: string, range: { readonly from: Date; readonly to: Date }): Promise<IntakeDay[]>;
  /**
   * How many committed events lie after `after` (of the types in `filter`), at most `cap`, whether
   * `readAll` may return them yet or not; where supported.
   */
  countAfter?(after: LogPosition, cap: number, filter?: EventTypeFilter): Promise<number>;
  /**
   * How long ago, in seconds by the store's clock, the first committed event after `after` (of the
   * types in `filter`) was recorded, readable yet or not; 0 when there is none. Where supported.
   */
  secondsBehind?(after: LogPosition, filter?: EventTypeFilter): Promise<number>;
  close(): Promise<void>;
}

export class StreamVersionConflict extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: StreamVersion | undefined,
  ) {
    super(
      `stream ${streamId} is not at the expected version (${describe(expected)}; actual ${actual ?? 'unknown'})`,
    );
    this.name = 'StreamVersionConflict';
  }
}

function describe(expected: ExpectedVersion): string {
  return expected.kind === 'exact' ? `exactly ${expected.version}` : expected.kind;
}

export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** `"<commit>/<prepare>"`, the form positions take in checkpoints and on the API. */
export function formatPosition(position: LogPosition): string {
  return `${position.commit}/${position.prepare}`;
}

export function parsePosition(text: string): LogPosition {
  const match = /^(\d{1,20})\/(\d{1,20})$/.exec(text);
  if (!match) throw new Error(`not a log position: ${text}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
