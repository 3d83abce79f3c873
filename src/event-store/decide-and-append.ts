import { Decider, Message, fold } from '../shared/decider';
import { DomainError, conflict } from '../shared/errors';
import {
  EventMetadata,
  EventStore,
  ExpectedVersion,
  StreamVersion,
  StreamVersionConflict,
} from './event-store.port';

export interface DecideOptions {
  readonly metadata: EventMetadata;
  /** The version the client last saw (`If-Match`): if the stream moved since, the answer is 412, not a retry. */
  readonly ifMatch?: StreamVersion;
  /** Attempts when someone else appended between our read and our write, and no `If-Match` was given. */
  readonly attempts?: number;
}

export interface Decided<Event, State> {
  readonly events: readonly Event[];
  readonly state: State;
  /** The stream's version after the append (its ETag). */
  readonly version: StreamVersion;
}

/**
 * The one command pipeline: read the stream, fold it, decide, append at the version read. A lost race
 * re-reads and decides again, since the decision may differ on the newer state.
 */
export async function decideAndAppend<C extends Message, E extends Message, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  command: C,
  options: DecideOptions,
): Promise<Decided<E, S>> {
  const attempts = options.ifMatch === undefined ? (options.attempts ?? 5) : 1;
  for (let attempt = 1; ; attempt++) {
    const { version, events: history } = await store.readStream(streamId);
    if (options.ifMatch !== undefined && options.ifMatch !== version)
      throw stale(streamId, options.ifMatch, version);
    const state = fold(
      decider,
      history.map((e) => ({ type: e.type, data: e.data }) as E),
    );
    const events = decider.decide(command, state);
    if (events.length === 0) return { events, state, version };
    try {
      const expected = version === 0 ? ExpectedVersion.noStream : ExpectedVersion.exact(version);
      const { nextVersion } = await store.append(
        streamId,
        events.map((e) => ({ type: e.type, data: e.data, metadata: options.metadata })),
        expected,
      );
      return { events, state: events.reduce(decider.evolve, state), version: nextVersion };
    } catch (error) {
      if (!(error instanceof StreamVersionConflict)) throw error;
      if (options.ifMatch !== undefined) throw stale(streamId, options.ifMatch, error.actual);
      if (attempt >= attempts) {
        throw conflict('CONCURRENCY.CONFLICT', `${streamId} kept changing while this command ran; retry it`);
      }
    }
  }
}

/** Reads a stream's current state without deciding anything. */
export async function loadState<E extends Message, S>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<Message, E, S>, 'initialState' | 'evolve'>,
): Promise<{ state: S; version: StreamVersion }> {
  const { version, events } = await store.readStream(streamId);
  return {
    state: fold(
      decider,
      events.map((e) => ({ type: e.type, data: e.data }) as E),
    ),
    version,
  };
}

function stale(streamId: string, expected: StreamVersion, actual: StreamVersion | undefined): DomainError {
  return new DomainError(
    'precondition_failed',
    'CONCURRENCY.STALE_VERSION',
    `If-Match names version ${expected} of ${streamId}, but it is at ${actual ?? 'a newer version'}`,
  );
}
