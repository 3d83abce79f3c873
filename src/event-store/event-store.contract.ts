import { randomUUID } from 'node:crypto';
import {
  EventStore,
  ExpectedVersion,
  LOG_START,
  LogPosition,
  NewEvent,
  RecordedEvent,
  StreamVersionConflict,
  comparePositions,
  USAGE_RECORDED,
} from './event-store.port';

/**
 * The one suite every EventStore adapter must pass. `open` gives a store over an empty log (or a log
 * other suites may share: tests only look at streams they made themselves).
 */
export function describeEventStoreContract(
  adapterName: string,
  open: () => Promise<{ store: EventStore; close: () => Promise<void> }>,
  options: { skipReason?: string } = {},
): void {
  const describeOrSkip = options.skipReason ? describe.skip : describe;
  if (options.skipReason) {
    // Jest prints skipped tests as such; this says why in the output too.
    describe(`${adapterName} event store contract`, () => {
      it.skip(`skipped: ${options.skipReason}`, () => undefined);
    });
  }

  describeOrSkip(`${adapterName} event store contract`, () => {
    let store: EventStore;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ store, close } = await open());
    });
    afterAll(async () => {
      await close();
    });

    const stream = (): string => `contract-${randomUUID()}`;
    const event = (n: number, correlationId: string = randomUUID()): NewEvent => ({
      type: 'SomethingHappened',
      data: { n, amount: '10.50' },
      metadata: { namespace: 'default', correlationId, actor: { id: 'tok_1', name: 'test' } },
    });

    it('appends to a new stream and reads the events back with their metadata', async () => {
      const id = stream();
      const appended = await store.append(id, [event(1), event(2)], ExpectedVersion.noStream);
      expect(appended.nextVersion).toBe(2);
      const read = await store.readStream(id);
      expect(read.version).toBe(2);
      expect(read.events.map((e) => [e.streamVersion, e.type, e.data])).toEqual([
        [1, 'SomethingHappened', { n: 1, amount: '10.50' }],
        [2, 'SomethingHappened', { n: 2, amount: '10.50' }],
      ]);
      expect(read.events[0].metadata.actor).toEqual({ id: 'tok_1', name: 'test' });
      expect(read.events[0].recordedAt).toBeInstanceOf(Date);
      expect(await store.streamExists(id)).toBe(true);
    });

    it('reads a missing stream as version 0 with no events', async () => {
      const id = stream();
      expect(await store.readStream(id)).toEqual({ version: 0, events: [] });
      expect(await store.streamExists(id)).toBe(false);
    });

    it('appends at an exact version and refuses a stale one', async () => {
      const id = stream();
      await store.append(id, [event(1)], ExpectedVersion.noStream);
      await expect(store.append(id, [event(2)], ExpectedVersion.exact(1))).resolves.toEqual({
        nextVersion: 2,
      });
      await expect(store.append(id, [event(3)], ExpectedVersion.exact(1))).rejects.toBeInstanceOf(
        StreamVersionConflict,
      );
      expect((await store.readStream(id)).version).toBe(2);
    });

    it('refuses no-stream on an existing stream and stream-exists on a missing one', async () => {
      const id = stream();
      await expect(store.append(id, [event(1)], ExpectedVersion.streamExists)).rejects.toBeInstanceOf(
        StreamVersionConflict,
      );
      await store.append(id, [event(1)], ExpectedVersion.noStream);
      await expect(store.append(id, [event(2)], ExpectedVersion.noStream)).rejects.toBeInstanceOf(
        StreamVersionConflict,
      );
      await expect(store.append(id, [event(2)], ExpectedVersion.streamExists)).resolves.toEqual({
        nextVersion: 2,
      });
      await expect(store.append(id, [event(3)], ExpectedVersion.any)).resolves.toEqual({ nextVersion: 3 });
    });

    it('lets exactly one of many concurrent appenders at one version win, leaving no gap', async () => {
      const id = stream();
      await store.append(id, [event(0)], ExpectedVersion.noStream);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 12 }, (_, n) =>
          store.append(id, [event(n), event(n)], ExpectedVersion.exact(1)),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes) {
        if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(StreamVersionConflict);
      }
      const read = await store.readStream(id);
      expect(read.events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    });

    it('serialises concurrent any-version appenders without losing one', async () => {
      const id = stream();
      await Promise.all(
        Array.from({ length: 10 }, (_, n) => store.append(id, [event(n)], ExpectedVersion.any)),
      );
      const read = await store.readStream(id);
      expect(read.events.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(new Set(read.events.map((e) => (e.data as { n: number }).n)).size).toBe(10);
    });

    it('reads the global log in one order, after any position, up to the head', async () => {
      const id = stream();
      await store.append(id, [event(1), event(2), event(3)], ExpectedVersion.noStream);
      const head = await store.headPosition();
      const all = await readEverything(store, head);
      const mine = all.filter((e) => e.streamId === id);
      expect(mine.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
      expect(comparePositions(all[all.length - 1].position, head)).toBe(0);
      const afterFirst = await store.readAll(mine[0].position, 10_000);
      expect(afterFirst.filter((e) => e.streamId === id).map((e) => e.streamVersion)).toEqual([2, 3]);
      for (let i = 1; i < all.length; i++)
        expect(comparePositions(all[i - 1].position, all[i].position)).toBe(-1);
    });

    it('delivers every committed event to a subscriber exactly once while concurrent writers commit and fail', async () => {
      const from = await store.headPosition();
      const seen: RecordedEvent[] = [];
      const subscription = store.subscribe(from, async (e) => {
        seen.push(e);
      });
      const streams = Array.from({ length: 8 }, () => stream());
      const committed = new Set<string>();
      // Each writer appends to its own and to a shared stream; the shared stream's conflicts roll back.
      const shared = stream();
      await store.append(shared, [event(0)], ExpectedVersion.noStream);
      await Promise.all(
        streams.map(async (id, w) => {
          for (let i = 0; i < 15; i++) {
            const tag = `${w}:${i}`;
            await store.append(id, [event(i, tag)], ExpectedVersion.any);
            committed.add(tag);
            const version = (await store.readStream(shared)).version;
            const sharedTag = `shared:${tag}`;
            try {
              await store.append(
                shared,
                [event(i, sharedTag), event(i, sharedTag)],
                ExpectedVersion.exact(version),
              );
              committed.add(sharedTag);
            } catch (error) {
              if (!(error instanceof StreamVersionConflict)) throw error;
            }
          }
        }),
      );
      committed.add('shared-start');
      const mine = (e: RecordedEvent) => e.streamId === shared || streams.includes(e.streamId);
      await waitFor(async () => seen.filter(mine).length >= expectedCount(committed));
      await subscription.stop();

      const delivered = seen.filter(mine);
      const tags = delivered
        .filter((e) => e.streamId !== shared || e.streamVersion > 1)
        .map((e) => e.metadata.correlationId);
      const counts = new Map<string, number>();
      for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      for (const [tag, count] of counts)
        expect([tag, count]).toEqual([tag, tag.startsWith('shared:') ? 2 : 1]);
      expect(new Set(tags)).toEqual(new Set([...committed].filter((t) => t !== 'shared-start')));
      for (let i = 1; i < seen.length; i++)
        expect(comparePositions(seen[i - 1].position, seen[i].position)).toBe(-1);
    });

    it('records usage all or nothing, deduplicating where the adapter promises it', async () => {
      const usage = stream().replace('contract', 'usage');
      const key = (n: number) => `${usage}/${n}`;
      const record = (n: number) => ({
        dedupKey: key(n),
        data: { id: String(n) },
        metadata: { namespace: 'default', correlationId: 'c' },
      });
      const first = await store.recordUsage(usage, [record(1), record(2), record(2)]);
      const second = await store.recordUsage(usage, [record(2), record(3)]);
      const stored = (await readEverything(store, await store.headPosition())).filter(
        (e) => e.streamId === usage,
      );
      if (store.deduplicatesUsage) {
        expect([...first.storedKeys].sort()).toEqual([key(1), key(2)]);
        expect([...second.storedKeys]).toEqual([key(3)]);
        expect(stored.map((e) => (e.data as { id: string }).id)).toEqual(['1', '2', '3']);
      } else {
        expect(stored).toHaveLength(5);
      }
      expect(stored.every((e) => e.type === USAGE_RECORDED)).toBe(true);
    });

    it('says which usage keys the log holds, where it deduplicates usage', async () => {
      if (!store.storedUsageKeys) {
        expect(store.deduplicatesUsage).toBe(false);
        return;
      }
      const usage = stream().replace('contract', 'usage');
      await store.recordUsage(usage, [
        { dedupKey: `${usage}/1`, data: {}, metadata: { namespace: 'default', correlationId: 'c' } },
      ]);
      expect([...(await store.storedUsageKeys([`${usage}/1`, `${usage}/2`, `${usage}/1`]))]).toEqual([
        `${usage}/1`,
      ]);
      expect((await store.storedUsageKeys([])).size).toBe(0);
    });
  });
}

function expectedCount(committed: Set<string>): number {
  let count = 0;
  for (const tag of committed) count += tag.startsWith('shared:') ? 2 : 1;
  return count;
}

/**
 * The whole log, read the way a subscriber reads it. With `head`, keeps reading until it has got
 * there: a transaction still open elsewhere (PostgreSQL's transaction ids are cluster-wide) may hold
 * readers back for a moment, never make them skip.
 */
export async function readEverything(store: EventStore, head?: LogPosition): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let position = LOG_START;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const batch = await store.readAll(position, 1000);
    all.push(...batch);
    if (batch.length > 0) position = batch[batch.length - 1].position;
    const reached = !head || comparePositions(position, head) >= 0;
    if (batch.length === 0 && reached) return all;
    if (batch.length === 0) {
      if (Date.now() > deadline) throw new Error('the log did not reach its head in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the subscriber');
    await new Promise((r) => setTimeout(r, 50));
  }
}
