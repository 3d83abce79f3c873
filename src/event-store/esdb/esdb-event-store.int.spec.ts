import { ANY, NO_STREAM, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import { describeEventStoreContract } from '../event-store.contract';
import { ExpectedVersion } from '../event-store.port';
import {
  EsdbEventStore,
  expectedRevision,
  isSystemEvent,
  versionOfCurrentRevision,
} from './esdb-event-store';

const eventStoreUrl = process.env.EVENTSTORE_URL;

describeEventStoreContract(
  'EventStoreDB',
  async () => {
    const store = new EsdbEventStore(eventStoreUrl!);
    return { store, close: () => store.close() };
  },
  { skipReason: eventStoreUrl ? undefined : 'EVENTSTORE_URL is not set' },
);

// Pure mappings between the port and the client; everything that talks to a server is in the contract above.
describe('EventStoreDB adapter mappings', () => {
  it('maps expected versions to expected revisions, version N being revision N-1', () => {
    expect(expectedRevision(ExpectedVersion.any)).toBe(ANY);
    expect(expectedRevision(ExpectedVersion.noStream)).toBe(NO_STREAM);
    expect(expectedRevision(ExpectedVersion.streamExists)).toBe(STREAM_EXISTS);
    expect(expectedRevision(ExpectedVersion.exact(0))).toBe(NO_STREAM);
    expect(expectedRevision(ExpectedVersion.exact(1))).toBe(0n);
    expect(expectedRevision(ExpectedVersion.exact(42))).toBe(41n);
    expect(() => expectedRevision(ExpectedVersion.exact(-1))).toThrow(RangeError);
    expect(versionOfCurrentRevision(NO_STREAM)).toBe(0);
    expect(versionOfCurrentRevision(4n)).toBe(5);
    expect(versionOfCurrentRevision(undefined)).toBeUndefined();
  });

  it('treats $-prefixed event types and streams as system events', () => {
    expect(isSystemEvent({ type: '$>', streamId: '$ce-meter' })).toBe(true);
    expect(isSystemEvent({ type: 'Anything', streamId: '$projections-x' })).toBe(true);
    expect(isSystemEvent({ type: 'MeterCreated', streamId: 'meter-1' })).toBe(false);
  });
});

describe('EventStoreDB connection strings', () => {
  it('takes esdb:// as well as kurrentdb://, without the client warning that esdb:// is deprecated', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (const url of ['esdb://127.0.0.1:1?tls=false', 'kurrentdb://127.0.0.1:1?tls=false']) {
        await new EsdbEventStore(url).close();
      }
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
