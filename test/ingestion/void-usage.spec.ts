import { TokenService } from '../../src/auth/tokens/token.service';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { readModels } from '../support/read-models';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM_JSON = 'application/problem+json';
const AGGREGATIONS = ['SUM', 'COUNT', 'UNIQUE_COUNT', 'AVG', 'MIN', 'MAX', 'LATEST'] as const;

const usage = (id: string, time: string, data: Record<string, unknown>, subject = 'acme') => ({
  specversion: '1.0',
  id,
  source: 'void-spec',
  type: 'call',
  subject,
  time,
  data,
});

/**
 * `POST /api/v1/events/void`: a compensating event per usage event, all or nothing; the voided
 * event stays in the log, listed and marked, its identity still consumed; and it counts nowhere —
 * every aggregation, for the whole meter and for its customer, answers as if it had never been sent.
 */
describe('voiding usage events', () => {
  let app: TestApp;
  let clean: string;

  beforeAll(async () => {
    app = await startTestApp();
    clean = (
      await app.tally.resolve(TokenService).create({ namespace: 'clean', name: 'clean admin', role: 'admin' })
    ).secret;
    for (const token of [undefined, clean]) {
      for (const aggregation of AGGREGATIONS) {
        const meter = await app.request('POST', '/api/v1/meters', {
          token,
          body: {
            slug: aggregation.toLowerCase(),
            eventType: 'call',
            aggregation,
            ...(aggregation === 'COUNT'
              ? {}
              : { valueProperty: aggregation === 'UNIQUE_COUNT' ? '$.user' : '$.n' }),
            groupBy: { region: '$.region' },
          },
        });
        expect(meter.status).toBe(201);
      }
      const customer = await app.request('POST', '/api/v1/customers', {
        token,
        body: { name: 'Acme', key: 'acme', usageAttribution: { subjectKeys: ['acme', 'acme-2'] } },
      });
      expect(customer.status).toBe(201);
    }
  });
  afterAll(() => app.close());

  const post = (path: string, body: unknown, token?: string) => app.request('POST', path, { body, token });
  const voidEvents = (ids: string[], reason: string, token?: string) =>
    post('/api/v1/events/void', { events: ids.map((id) => ({ source: 'void-spec', id })), reason }, token);
  const count = async (token?: string) =>
    (await app.request('GET', '/api/v1/meters/count/query', { token })).body.data[0]?.value ?? 0;

  it('voids all or nothing, answers a repeat with the first void, and keeps the identity consumed', async () => {
    expect(
      (
        await post('/api/v1/events', [
          usage('a1', '2026-03-01T10:00:00Z', { n: 1, user: 'u1' }),
          usage('a2', '2026-03-01T10:01:00Z', { n: 2, user: 'u2' }),
          usage('a3', '2026-03-01T10:02:00Z', { n: 3, user: 'u3' }),
        ])
      ).status,
    ).toBe(204);
    expect(await count()).toBe(3);

    // One unknown event refuses the batch, naming it: nothing is voided.
    const refused = await voidEvents(['a1', 'nope'], 'typo');
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-type')).toContain(PROBLEM_JSON);
    expect(refused.body).toMatchObject({ code: 'INGESTION.EVENT_NOT_FOUND' });
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'events[1]' })]);
    expect(await voidCount(app)).toBe(0);
    expect(await count()).toBe(3);

    const ingest = await app.token('ingest', 'the ingest token');
    const first = await voidEvents(['a1', 'a2', 'a1'], 'sent by a test client', ingest);
    expect(first.status).toBe(200);
    expect(first.body.events).toEqual([
      expect.objectContaining({ source: 'void-spec', id: 'a1', reason: 'sent by a test client' }),
      expect.objectContaining({ source: 'void-spec', id: 'a2', reason: 'sent by a test client' }),
    ]);
    expect(first.body.events[0].actor).toMatchObject({ name: 'the ingest token' });
    expect(await count()).toBe(1);

    // Again, by someone else, for another reason: the same answer, and nothing new in the log.
    const again = await voidEvents(['a1'], 'another reason');
    expect(again.status).toBe(200);
    expect(again.body.events).toEqual([first.body.events[0]]);
    expect(await voidCount(app)).toBe(2);

    // Sent again, a voided event is still a duplicate: acknowledged, stored once, counted nowhere.
    expect((await post('/api/v1/events', usage('a1', '2026-03-01T10:00:00Z', { n: 1 }))).status).toBe(204);
    expect(await count()).toBe(1);
    const [{ n }] = await app.db.dataSource.query(
      `SELECT count(*)::int AS n FROM tally_events WHERE type = 'UsageRecorded' AND data->'event'->>'id' = 'a1'`,
    );
    expect(n).toBe(1);

    // Listed still, marked with reason, actor and time.
    const listed = await app.request(
      'GET',
      '/api/v1/events?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z',
    );
    const marks = Object.fromEntries(
      listed.body.map((e: { event: { id: string }; voided?: unknown }) => [e.event.id, e.voided ?? null]),
    );
    expect(marks).toEqual({
      a1: first.body.events[0] && {
        reason: 'sent by a test client',
        voidedAt: first.body.events[0].voidedAt,
        actor: first.body.events[0].actor,
      },
      a2: expect.objectContaining({ reason: 'sent by a test client' }),
      a3: null,
    });

    // Audited: the voids are in the log with the token as actor.
    const audit = await app.request('GET', '/api/v1/audit/events?type=UsageVoided');
    expect(audit.status).toBe(200);
    expect(JSON.stringify(audit.body)).toContain('the ingest token');
  });

  it('refuses bad input naming each field, and read tokens', async () => {
    const bad = await post('/api/v1/events/void', { events: [{ source: '', id: 5 }], reason: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      expect.arrayContaining(['events[0].id', 'events[0].source', 'reason']),
    );
    expect((await post('/api/v1/events/void', { events: [], reason: 'x' })).status).toBe(400);
    const reader = await app.token('read');
    expect((await voidEvents(['a3'], 'x', reader)).status).toBe(403);
    expect(await voidCount(app)).toBe(2);
  });

  it('of two concurrent voids of one event, records exactly one, and both answer the same', async () => {
    expect((await post('/api/v1/events', usage('c1', '2026-03-02T10:00:00Z', { n: 5 }))).status).toBe(204);
    const answers = await Promise.all(
      ['first', 'second', 'third', 'fourth'].map((reason) => voidEvents(['c1'], reason)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    for (const answer of answers) expect(answer.body).toEqual(answers[0].body);
    const [{ n }] = await app.db.dataSource.query(
      `SELECT count(*)::int AS n FROM tally_events WHERE type = 'UsageVoided' AND data->>'id' = 'c1'`,
    );
    expect(n).toBe(1);
  });

  it('leaves every aggregation, for the meter and for its customer, as if the event had never been sent', async () => {
    // Two months, two subjects of one customer and one of nobody's, repeated users and values, and
    // voids that take a minute's, an hour's, a day's or a month's only event, or one of many.
    const events = Array.from({ length: 120 }, (_, i) =>
      usage(
        `m${i}`,
        new Date(Date.parse('2026-04-29T22:00:00Z') + (i % 60) * 47 * 60_000 + (i % 7) * 1000).toISOString(),
        { n: ((i * 37) % 11) - 3, user: `u${i % 9}`, region: i % 3 ? 'eu' : 'us' },
        ['acme', 'acme-2', 'nobody'][i % 3],
      ),
    );
    const voided = new Set(events.filter((_, i) => i % 4 === 1 || i === 58 || i === 119).map((e) => e.id));
    expect((await post('/api/v1/events', events)).status).toBe(204);
    expect((await voidEvents([...voided].slice(0, 20), 'first half')).status).toBe(200);
    expect((await voidEvents([...voided].slice(20), 'second half')).status).toBe(200);
    expect(
      (
        await post(
          '/api/v1/events',
          events.filter((e) => !voided.has(e.id)),
          clean,
        )
      ).status,
    ).toBe(204);

    const customerId = async (token?: string) =>
      (await app.request('GET', '/api/v1/customers/acme', { token })).body.id;
    const ids = { voided: await customerId(), clean: await customerId(clean) };
    const queries = [
      '',
      'windowSize=HOUR',
      'windowSize=DAY',
      'windowSize=MONTH',
      'groupBy=subject',
      'groupBy=region&windowSize=DAY',
      'from=2026-04-30T00:00:00Z&to=2026-05-01T00:00:00Z',
      'from=2026-04-30T03:10:30Z&to=2026-05-01T12:00:00Z',
      'filterCustomerId=CUSTOMER',
      'filterCustomerId=CUSTOMER&windowSize=MONTH',
      'filterCustomerId=CUSTOMER&from=2026-05-01T00:00:00Z&to=2026-06-01T00:00:00Z',
      'groupBy=customer_id&filterCustomerId=CUSTOMER',
    ];
    const differ: string[] = [];
    for (const aggregation of AGGREGATIONS) {
      for (const query of queries) {
        const answer = async (token: string | undefined, customer: string) => {
          const got = await app.request(
            'GET',
            `/api/v1/meters/${aggregation.toLowerCase()}/query?${withRange(query).replace('CUSTOMER', customer)}`,
            { token },
          );
          expect(got.status).toBe(200);
          return JSON.stringify(
            got.body.data.map((row: { customerId?: string }) => ({
              ...row,
              customerId: row.customerId && 'acme',
            })),
          );
        };
        const [withVoids, neverSent] = [await answer(undefined, ids.voided), await answer(clean, ids.clean)];
        if (withVoids !== neverSent) differ.push(`${aggregation} ${query}: ${withVoids} vs ${neverSent}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('answers 501, voiding nothing, on a log that cannot say which usage events it holds (EventStoreDB)', async () => {
    expect((await post('/api/v1/events', usage('esdb-1', '2026-03-03T10:00:00Z', { n: 1 }))).status).toBe(
      204,
    );
    const store = app.tally.app!.get<EventStore>(EVENT_STORE);
    const before = await voidCount(app);
    // As on the EventStoreDB adapter, which has no such method.
    (store as { storedUsageKeys?: unknown }).storedUsageKeys = undefined;
    try {
      const refused = await voidEvents(['esdb-1'], 'no index to ask');
      expect(refused.status).toBe(501);
      expect(refused.headers.get('content-type')).toContain(PROBLEM_JSON);
      expect(refused.body).toMatchObject({ code: 'INGESTION.VOID_UNSUPPORTED' });
    } finally {
      // The method is the adapter's own: dropping the shadow brings it back.
      delete (store as { storedUsageKeys?: unknown }).storedUsageKeys;
    }
    expect(await voidCount(app)).toBe(before);
  });

  it('rebuilds to the same read models: a replay voids the same way', async () => {
    await app.tally.projections.drain();
    const before = await readModels(app.db.dataSource);
    await app.tally.projections.rebuild('usage@v3');
    expect(await readModels(app.db.dataSource)).toEqual(before);
  });
});

/** The earlier specs' usage is in March: leave it out of the comparison. */
function withRange(query: string): string {
  return query.includes('from=') ? query : `from=2026-04-01T00:00:00Z&to=2026-07-01T00:00:00Z&${query}`;
}

async function voidCount(app: TestApp): Promise<number> {
  const [{ n }] = await app.db.dataSource.query(
    `SELECT count(*)::int AS n FROM tally_events WHERE type = 'UsageVoided'`,
  );
  return n;
}
