import { startTestApp, TestApp } from '../support/test-app';

const BASE = Date.parse('2024-06-01T00:00:00Z');

/**
 * The events listings as OpenMeter has them: `GET /api/v2/events` (cursor pages, FilterString and
 * FilterTime filters as JSON or deepObject brackets) and the v1 listing's parameters and
 * `validationError` wording, through the real server.
 */
describe('GET /api/v2/events and the v1 listing', () => {
  let app: TestApp;
  let acmeId: string;

  const events = Array.from({ length: 25 }, (_, n) => ({
    specversion: '1.0',
    id: `ev-${String(n).padStart(2, '0')}`,
    source: n % 2 === 0 ? 'web' : 'batch',
    type: n % 5 === 0 ? 'unmetered' : 'api_call',
    subject: n % 3 === 0 ? 'acme-api' : 'stranger',
    // Three events share each minute: the cursor must tell them apart by their place in the log.
    time: new Date(BASE + Math.floor(n / 3) * 60_000).toISOString(),
    data: n === 7 ? { tokens: 'many' } : n === 8 ? {} : { tokens: n },
  }));

  beforeAll(async () => {
    app = await startTestApp();
    const meter = { slug: 'calls', eventType: 'api_call', aggregation: 'SUM', valueProperty: '$.tokens' };
    expect((await app.request('POST', '/api/v1/meters', { body: meter })).status).toBe(201);
    acmeId = (
      await app.request('POST', '/api/v1/customers', {
        body: { name: 'Acme', key: 'acme', usageAttribution: { subjectKeys: ['acme-api'] } },
      })
    ).body.id;
    expect((await app.request('POST', '/api/v1/events', { body: events })).status).toBe(204);
  });
  afterAll(() => app.close());

  const v2 = (query: string) => app.request('GET', `/api/v2/events${query}`);
  const ids = (items: { event: { id: string } }[]) => items.map((item) => item.event.id);
  const newestFirst = (list: typeof events) =>
    [...list].sort((a, b) => b.time.localeCompare(a.time) || b.id.localeCompare(a.id)).map((e) => e.id);

  it('pages through every event, newest first, by cursor, each exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await v2(`?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...ids(page.body.items));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen).toEqual(newestFirst(events));
    expect(pages).toBe(7);
  });

  it('filters as the spec says: FilterString fields, customerId, time and ingestedAt, JSON or brackets', async () => {
    const filter = {
      subject: { $eq: 'acme-api' },
      source: { $in: ['web'] },
      time: { $and: [{ $gte: '2024-06-01T00:02:00Z' }, { $lt: '2024-06-01T00:07:00Z' }] },
    };
    const json = await v2(`?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    const expected = newestFirst(
      events.filter(
        (e) =>
          e.subject === 'acme-api' &&
          e.source === 'web' &&
          e.time >= '2024-06-01T00:02:00' &&
          e.time < '2024-06-01T00:07:00',
      ),
    );
    expect(ids(json.body.items)).toEqual(expected);
    const brackets = await v2(
      '?filter[subject][$eq]=acme-api&filter[source][$in]=web&filter[time][$and][0][$gte]=2024-06-01T00:02:00Z',
    );
    expect(brackets.status).toBe(400);
    const simple = await v2(
      '?filter[subject][$eq]=acme-api&filter[source][$in]=web&filter[id][$like]=ev-1%25',
    );
    expect(ids(simple.body.items)).toEqual(
      newestFirst(
        events.filter((e) => e.subject === 'acme-api' && e.source === 'web' && e.id.startsWith('ev-1')),
      ),
    );
    const byCustomer = await v2(
      `?filter=${encodeURIComponent(JSON.stringify({ customerId: { $in: [acmeId] } }))}`,
    );
    expect(ids(byCustomer.body.items)).toEqual(newestFirst(events.filter((e) => e.subject === 'acme-api')));
    expect(byCustomer.body.items.every((item: { customerId: string }) => item.customerId === acmeId)).toBe(
      true,
    );
    const later = await v2(
      `?filter=${encodeURIComponent(JSON.stringify({ ingestedAt: { $gt: new Date(Date.now() + 60_000).toISOString() } }))}`,
    );
    expect(later.body).toEqual({ items: [] });
  });

  it('refuses bad cursors, limits and filters (400, naming each), and unknown parameters', async () => {
    const answer = await v2(
      `?limit=101&cursor=nope&color=red&filter=${encodeURIComponent(
        JSON.stringify({
          subject: { $eq: 'a', $ne: 'b' },
          time: { $gt: 'yesterday' },
          customerId: { $in: ['x'] },
          size: {},
        }),
      )}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'color',
      'cursor',
      'filter.customerId.$in[0]',
      'filter.size',
      'filter.subject',
      'filter.time.$gt',
      'limit',
    ]);
  });

  it("says why each event is not counted, in OpenMeter's words, one line each", async () => {
    const byId = new Map(
      ((await v2('?limit=100')).body.items as { event: { id: string }; validationError?: string }[]).map(
        (item) => [item.event.id, item.validationError],
      ),
    );
    expect(byId.get('ev-00')).toBe('no meter found for event type: unmetered');
    expect(byId.get('ev-03')).toBeUndefined();
    expect(byId.get('ev-05')).toBe(
      'no meter found for event type: unmetered\nno customer found for event subject: stranger',
    );
    expect(byId.get('ev-07')).toBe(
      'invalid event: value cannot be parsed as float64: many\nno customer found for event subject: stranger',
    );
    expect(byId.get('ev-08')).toBe(
      'invalid event: missing value property: "$.tokens"\nno customer found for event subject: stranger',
    );
  });

  it('takes the v1 parameters the spec lists: ingestion times, customers, partial subject and id', async () => {
    const list = (query: string) => app.request('GET', `/api/v1/events?${query}`).then((a) => ids(a.body));
    expect(await list(`customerId=${acmeId}&limit=100`)).toEqual(
      newestFirst(events.filter((e) => e.subject === 'acme-api')),
    );
    expect(await list('subject=api&id=ev-2&clientId=x')).toEqual(
      newestFirst(events.filter((e) => e.subject.includes('api') && e.id.includes('ev-2'))),
    );
    expect(await list(`ingestedAtFrom=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
    expect(await list('ingestedAtTo=2024-01-01T00:00:00Z')).toEqual([]);
    const bad = await app.request('GET', '/api/v1/events?customerId=acme&ingestedAtFrom=soon');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'customerId',
      'ingestedAtFrom',
    ]);
  });
});
