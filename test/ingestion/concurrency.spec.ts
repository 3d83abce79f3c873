import type { UsageRecord } from '../../src/event-store/event-store.port';
import { createMeter, usageEventCount } from '../metering/meters';
import { startTestApp, TestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function event(id: string, type: string, subject = 'acme') {
  return {
    specversion: '1.0',
    id,
    source: 'concurrency-spec',
    type,
    subject,
    time: new Date().toISOString(),
    data: {},
  };
}

describe('concurrent ingestion', () => {
  let app: TestApp;

  beforeAll(async () => {
    // The 503 case logs each failed request as a server error; that is expected here.
    app = await startTestApp({ logDestination: { write: () => undefined } });
    await createMeter(app, { slug: 'calls', eventType: 'call', aggregation: 'COUNT' });
  });
  afterAll(() => app.close());
  afterEach(() => jest.restoreAllMocks());

  const storedTimes = async (id: string): Promise<number> => {
    const [{ n }] = await app.db.dataSource.query(
      `SELECT count(*)::int AS n FROM tally_events WHERE type = 'UsageRecorded' AND data->'event'->>'id' = $1`,
      [id],
    );
    return n;
  };
  const counted = async (subject: string): Promise<number> => {
    const answer = await app.request('GET', `/api/v1/meters/calls/query?subject=${subject}`);
    expect(answer.status).toBe(200);
    return answer.body.data[0]?.value ?? 0;
  };

  it('stores and counts once the same event posted 50 times at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        app.request('POST', '/api/v1/events', { body: event('same-single', 'call', 'single') }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(204));
    expect(await storedTimes('same-single')).toBe(1);
    expect(await counted('single')).toBe(1);
  });

  it('stores and counts once an event repeated inside and across 20 concurrent batches', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        app.request('POST', '/api/v1/events', {
          body: [
            event('same-batched', 'call', 'batched'),
            event(`own-${n}`, 'call', 'batched'),
            event('same-batched', 'call', 'batched'),
          ],
          headers: { 'content-type': 'application/cloudevents-batch+json' },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(204));
    expect(await storedTimes('same-batched')).toBe(1);
    expect(await counted('batched')).toBe(21);
  });

  it('group-commits concurrent single-event requests, acknowledging each only after its commit', async () => {
    const store = app.tally.eventStore;
    const original = store.recordUsage.bind(store);
    const durableAt = new Map<string, number>();
    const commitSizes: number[] = [];
    jest
      .spyOn(store, 'recordUsage')
      .mockImplementation(async (stream: string, records: readonly UsageRecord[]) => {
        await sleep(50);
        const result = await original(stream, records);
        const now = Date.now();
        for (const record of records) durableAt.set(JSON.parse(record.dedupKey)[2], now);
        commitSizes.push(records.length);
        return result;
      });

    const answers = await Promise.all(
      Array.from({ length: 50 }, async (_, n) => {
        const answer = await app.request('POST', '/api/v1/events', {
          body: event(`grouped-${n}`, 'call', 'grouped'),
        });
        return { id: `grouped-${n}`, status: answer.status, at: Date.now() };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(204));
    expect(commitSizes.reduce((sum, size) => sum + size, 0)).toBe(50);
    expect(commitSizes.length).toBeLessThan(50);
    expect(answers.filter((a) => !(a.at >= durableAt.get(a.id)!))).toEqual([]);
    expect(await counted('grouped')).toBe(50);
  });

  it('fails every request of a group with 503 when the database is unreachable, and stores none', async () => {
    const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    jest.spyOn(app.tally.eventStore, 'recordUsage').mockRejectedValue(outage);
    const before = await usageEventCount(app);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        app.request('POST', '/api/v1/events', { body: event(`lost-${n}`, 'call', 'lost') }),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(answer.body.code).toBe('SERVICE.DATABASE_UNAVAILABLE');
    }
    expect(await usageEventCount(app)).toBe(before);
  });
});
