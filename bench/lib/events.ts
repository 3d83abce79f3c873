/**
 * Deterministic CloudEvents for the benchmark: AI-gateway style requests, each from a user of one
 * subject (customer), with a token count. Event `i` of a data set is a pure function of the data set
 * and `i`, so a data set can be generated in chunks (one per run) that together are the whole, and
 * the expected meter values are known without reading anything back.
 */
export const EVENT_TYPE = 'ai_request';
export const EVENT_SOURCE = 'bench-gateway';
const MODELS = ['small', 'medium', 'large'] as const;

export interface DataSet {
  /** Events in the whole data set. */
  readonly events: number;
  /** Distinct `data.user_id` values; the first `users` events use each once, so all appear once `events ≥ users`. */
  readonly users: number;
  /** Distinct `subject` values. */
  readonly subjects: number;
  /** Event times are spread evenly at random over `[from, to)`. */
  readonly from: Date;
  readonly to: Date;
  /** Makes the ids of this data set unique among every other (dedup is forever). */
  readonly idPrefix: string;
  readonly seed: number;
  /** The CloudEvents `type`; `EVENT_TYPE` (what the benchmark's meters count) unless set. */
  readonly type?: string;
}

/** A type rather than an interface, so it is assignable to plain records (Emmett's event data). */
export type CloudEvent = {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly data: { readonly user_id: string; readonly tokens: number; readonly model: string };
};

export function subjectKey(index: number): string {
  return `customer-${String(index).padStart(4, '0')}`;
}

export function subjectKeys(set: Pick<DataSet, 'subjects'>): string[] {
  return Array.from({ length: set.subjects }, (_, i) => subjectKey(i));
}

/** Event `index` (0-based) of the data set. */
export function eventAt(set: DataSet, index: number): CloudEvent {
  const user = index < set.users ? index : hash(set.seed, index, 1) % set.users;
  const span = set.to.getTime() - set.from.getTime();
  return {
    specversion: '1.0',
    id: `${set.idPrefix}-${index}`,
    source: EVENT_SOURCE,
    type: set.type ?? EVENT_TYPE,
    subject: subjectKey(hash(set.seed, index, 2) % set.subjects),
    time: new Date(set.from.getTime() + (hash(set.seed, index, 3) % span)).toISOString(),
    data: {
      user_id: `user-${user}`,
      tokens: tokensAt(set, index),
      model: MODELS[hash(set.seed, index, 5) % MODELS.length],
    },
  };
}

/** Events `[start, start + count)` of the data set. */
export function eventsOf(set: DataSet, start: number, count: number): CloudEvent[] {
  return Array.from({ length: Math.min(count, set.events - start) }, (_, k) => eventAt(set, start + k));
}

export interface Expected {
  /** UNIQUE_COUNT of `$.user_id` over the events. */
  readonly distinctUsers: number;
  /** SUM of `$.tokens` over the events. */
  readonly tokens: number;
}

/** What the meters must show over the whole data set. */
export function expectedTotals(set: DataSet): Expected {
  let tokens = 0;
  for (let i = 0; i < set.events; i++) tokens += tokensAt(set, i);
  return { distinctUsers: Math.min(set.users, set.events), tokens };
}

function tokensAt(set: DataSet, index: number): number {
  return 1 + (hash(set.seed, index, 4) % 4000);
}

/** A 32-bit mix of (seed, index, stream): independent-looking values without carrying generator state. */
function hash(seed: number, index: number, stream: number): number {
  let h =
    Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^
    Math.imul(index + 1, 0xc2b2ae35) ^
    Math.imul(stream, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}
