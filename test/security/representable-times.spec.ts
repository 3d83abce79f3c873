import { startTestApp, TestApp } from '../support/test-app';
import { createTutorialCatalog, TUTORIAL } from '../support/tutorial';

/** Valid RFC 3339 texts whose instant falls outside what PostgreSQL and `Date#toISOString` hold in UTC. */
const YEAR_ZERO = '0001-01-01T00:30:00+01:00';
const YEAR_10000 = '9999-12-31T23:00:00-05:00';
const EDGES = [YEAR_ZERO, YEAR_10000];

/**
 * Blast radius one, for times: an instant the log or a read model cannot hold is refused at the edge
 * of every command and query (400 naming the field), so it never reaches the log, where it stopped
 * `usage@v3` (an event), `meters@v1` + `usage@v3` (a meter's `eventFrom`) or `subscriptions@v1` (a
 * billing anchor) for every namespace, nor the database in a query, where it was a 500.
 */
describe('instants the log and the read models cannot hold', () => {
  let app: TestApp;
  let subscriptionId: string;

  beforeAll(async () => {
    app = await startTestApp();
    await createTutorialCatalog(app);
    const subscribed = await app.request('POST', '/api/v1/subscriptions', { body: TUTORIAL.subscription });
    expect(subscribed.status).toBe(201);
    subscriptionId = subscribed.body.id;
  });
  afterAll(() => app.close());

  const eventCount = async (): Promise<number> => {
    const [{ n }] = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_events`);
    return n;
  };
  const event = (time: string) => ({
    specversion: '1.0',
    id: `edge-${Math.random().toString(36).slice(2)}`,
    source: 'edge',
    type: 'user_activity',
    subject: 'acme-inc',
    time,
    data: { user_id: 'edge' },
  });

  async function expectRefused(
    method: string,
    path: string,
    body: unknown,
    field: string,
    message: RegExp = /1000-01-01T00:00:00Z/,
  ): Promise<void> {
    const before = await eventCount();
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    expect([method, path, answer.status, answer.headers.get('content-type')]).toEqual([
      method,
      path,
      400,
      'application/problem+json',
    ]);
    expect(answer.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]),
    );
    expect(await eventCount()).toBe(before);
  }

  it.each(EDGES)('refuses %s as an event time, single or in a batch, and stores nothing', async (time) => {
    await expectRefused('POST', '/api/v1/events', event(time), 'time');
    await expectRefused(
      'POST',
      '/api/v1/events',
      [event('2024-01-01T00:00:00Z'), event(time)],
      'events[1].time',
    );
  });

  it.each(EDGES)("refuses %s as a meter's eventFrom", async (time) => {
    const meter = { ...TUTORIAL.meter, slug: 'edge_meter', eventFrom: time };
    await expectRefused('POST', '/api/v1/meters', meter, 'eventFrom');
  });

  it.each(EDGES)(
    "refuses %s as a subscription's billingAnchor and timing, and as a cancel's timing",
    async (time) => {
      await expectRefused(
        'POST',
        '/api/v1/subscriptions',
        { ...TUTORIAL.subscription, billingAnchor: time },
        'billingAnchor',
      );
      await expectRefused(
        'POST',
        '/api/v1/subscriptions',
        { ...TUTORIAL.subscription, timing: time },
        'timing',
      );
      await expectRefused(
        'POST',
        `/api/v1/subscriptions/${subscriptionId}/cancel`,
        { timing: time },
        'timing',
      );
    },
  );

  it.each(EDGES)('refuses %s as a query bound on every read that takes one', async (time) => {
    const at = encodeURIComponent(time);
    await expectRefused('GET', `/api/v1/meters/active_users_total/query?from=${at}`, undefined, 'from');
    await expectRefused('GET', `/api/v1/meters/active_users_total/query?to=${at}`, undefined, 'to');
    await expectRefused('GET', `/api/v1/events?from=${at}`, undefined, 'from');
    await expectRefused('GET', `/api/v1/events?to=${at}`, undefined, 'to');
    await expectRefused('GET', `/api/v1/audit/events?from=${at}`, undefined, 'from');
    await expectRefused('GET', `/api/v1/audit/events?to=${at}`, undefined, 'to');
    await expectRefused(
      'GET',
      `/api/v1/admin/reconciliation?from=${at}&to=2024-01-01T00:00:00Z`,
      undefined,
      'from',
    );
    await expectRefused(
      'GET',
      `/api/v1/admin/reconciliation?from=2024-01-01T00:00:00Z&to=${at}`,
      undefined,
      'to',
    );
    await expectRefused('GET', `/api/v1/subscriptions/${subscriptionId}?at=${at}`, undefined, 'at');
    await expectRefused(
      'GET',
      `/api/v1/customers/acme-inc/entitlements/active_users/value?time=${at}`,
      undefined,
      'time',
    );
  });

  it('keeps every projection running, and usage, previews and listings answering, after all of it', async () => {
    const sent = event(new Date().toISOString());
    expect((await app.request('POST', '/api/v1/events', { body: sent })).status).toBe(204);
    const query = await app.request('GET', '/api/v1/meters/active_users_total/query');
    expect([query.status, query.body.data?.[0]?.value]).toEqual([200, 1]);
    expect((await app.request('GET', '/api/v1/billing/customers/acme-inc/invoices/preview')).status).toBe(
      200,
    );
    expect((await app.request('GET', '/api/v1/events')).status).toBe(200);
    const projections = await app.request('GET', '/api/v1/admin/projections');
    expect(projections.body.filter((p: { state: string }) => p.state !== 'running')).toEqual([]);
  });

  describe('leap seconds', () => {
    it('stores a leap second as sent and counts it in the last millisecond of its minute, day and period', async () => {
      const leap = { ...event('2016-12-31T23:59:60Z'), type: 'leap_activity' };
      await app.request('POST', '/api/v1/meters', {
        body: { slug: 'leaps', name: 'leaps', eventType: 'leap_activity', aggregation: 'COUNT' },
      });
      expect((await app.request('POST', '/api/v1/events', { body: leap })).status).toBe(204);
      const [stored] = await app.db.dataSource.query(
        `SELECT data->'event'->>'time' AS time FROM tally_events WHERE data->'event'->>'id' = $1`,
        [leap.id],
      );
      expect(stored.time).toBe('2016-12-31T23:59:60Z');
      const byDay = await app.request('GET', '/api/v1/meters/leaps/query?windowSize=DAY');
      expect(byDay.body.data).toEqual([
        expect.objectContaining({
          value: 1,
          windowStart: '2016-12-31T00:00:00.000Z',
          windowEnd: '2017-01-01T00:00:00.000Z',
        }),
      ]);
      const lastMillisecond = await app.request(
        'GET',
        `/api/v1/meters/leaps/query?from=${encodeURIComponent('2016-12-31T23:59:59.999Z')}&to=2017-01-01T00:00:00Z`,
      );
      expect(lastMillisecond.body.data).toEqual([expect.objectContaining({ value: 1 })]);
      const asBound = await app.request(
        'GET',
        `/api/v1/meters/leaps/query?from=2016-12-31T23:59:00Z&to=${encodeURIComponent('2016-12-31T23:59:60Z')}`,
      );
      expect([asBound.status, asBound.body.data]).toEqual([200, []]);
    });
  });
});
