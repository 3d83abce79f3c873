import { ManualClock } from '../../src/shared/clock';
import { createMeter, usageEventCount } from '../metering/meters';
import { startTestApp, TestApp } from '../support/test-app';

const NOW = new Date('2025-03-10T12:00:00.000Z');

function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: `evt-${Math.random().toString(36).slice(2)}`,
    source: 'checkout',
    type: 'api_call',
    subject: 'customer-1',
    time: '2025-03-10T11:59:00Z',
    data: { tokens: 10 },
    ...overrides,
  };
}

function without(name: string): Record<string, unknown> {
  const copy = event();
  delete copy[name];
  return copy;
}

describe('POST /api/v1/events and /v3/openmeter/events', () => {
  let app: TestApp;
  const clock = new ManualClock(NOW);

  beforeAll(async () => {
    app = await startTestApp({ clock, config: { maxBodyBytes: 64 * 1024, maxBatchEvents: 20 } });
  });
  afterAll(() => app.close());

  const storedIds = async (): Promise<string[]> =>
    (
      await app.db.dataSource.query(
        `SELECT data->'event'->>'id' AS id FROM tally_events WHERE type = 'UsageRecorded' ORDER BY global_position`,
      )
    ).map((row: { id: string }) => row.id);

  it('stores one event sent under each accepted media type, charset tolerated', async () => {
    const mediaTypes = [
      'application/json',
      'application/cloudevents+json',
      'application/cloudevents+json; charset=utf-8',
      'Application/JSON;charset=UTF-8',
    ];
    for (const mediaType of mediaTypes) {
      const sent = event();
      const answer = await app.request('POST', '/api/v1/events', {
        body: sent,
        headers: { 'content-type': mediaType },
      });
      expect(answer.status).toBe(204);
      expect(await storedIds()).toContain(sent.id);
    }
  });

  it('stores a batch in one request and answers 204 (202 on the Konnect path)', async () => {
    const batch = [event(), event(), event()];
    const first = await app.request('POST', '/api/v1/events', {
      body: batch,
      headers: { 'content-type': 'application/cloudevents-batch+json' },
    });
    expect(first.status).toBe(204);
    const second = [event(), event()];
    expect((await app.request('POST', '/v3/openmeter/events', { body: second })).status).toBe(202);
    expect(await storedIds()).toEqual(expect.arrayContaining([...batch, ...second].map((e) => e.id)));
  });

  it('stores duplicates inside a batch once, and acknowledges a retried event without storing it again', async () => {
    const repeated = event();
    const before = await usageEventCount(app);
    const answer = await app.request('POST', '/api/v1/events', {
      body: [repeated, event(), { ...repeated, data: { tokens: 99 } }],
    });
    expect(answer.status).toBe(204);
    expect(await usageEventCount(app)).toBe(before + 2);
    expect((await app.request('POST', '/api/v1/events', { body: repeated })).status).toBe(204);
    expect(await usageEventCount(app)).toBe(before + 2);
    const [stored] = await app.db.dataSource.query(
      `SELECT data->'event'->'data' AS data FROM tally_events WHERE data->'event'->>'id' = $1`,
      [repeated.id],
    );
    expect(stored.data).toEqual({ tokens: 10 });
  });

  it('treats the same id from another source as another event', async () => {
    const sent = event();
    const before = await usageEventCount(app);
    expect(
      (await app.request('POST', '/api/v1/events', { body: [sent, { ...sent, source: 'billing-worker' }] }))
        .status,
    ).toBe(204);
    expect(await usageEventCount(app)).toBe(before + 2);
  });

  it('fills in a missing time with the ingestion time, and keeps the log metadata', async () => {
    const sent = without('time');
    expect(
      (await app.request('POST', '/api/v1/events', { body: sent, headers: { 'x-request-id': 'req-time' } }))
        .status,
    ).toBe(204);
    const [stored] = await app.db.dataSource.query(
      `SELECT data, metadata FROM tally_events WHERE data->'event'->>'id' = $1`,
      [sent.id],
    );
    expect(stored.data).toEqual({
      event: { ...sent, time: NOW.toISOString() },
      ingestedAt: NOW.toISOString(),
    });
    expect(stored.metadata).toMatchObject({
      namespace: 'default',
      correlationId: 'req-time',
      actor: { id: expect.any(String) },
    });
  });

  it('lets ingest and admin tokens ingest, and refuses read tokens', async () => {
    const ingest = await app.token('ingest');
    const read = await app.token('read');
    expect((await app.request('POST', '/api/v1/events', { body: event(), token: ingest })).status).toBe(204);
    const refused = await app.request('POST', '/api/v1/events', { body: event(), token: read });
    expect(refused.status).toBe(403);
    expect((await app.request('POST', '/api/v1/events', { body: event(), token: null })).status).toBe(401);
  });

  describe('refuses bad input with problem+json and writes nothing', () => {
    const cases: [
      string,
      { body?: unknown; rawBody?: string; contentType?: string },
      number,
      string,
      string[],
    ][] = [
      [
        'malformed JSON',
        { rawBody: '{"specversion": "1.0", "id": ', contentType: 'application/json' },
        400,
        'HTTP.MALFORMED_JSON',
        [],
      ],
      [
        'a text/plain body',
        { rawBody: JSON.stringify(event()), contentType: 'text/plain' },
        415,
        'INGESTION.UNSUPPORTED_MEDIA_TYPE',
        [],
      ],
      [
        // No route parses forms: Fastify refuses the body before any handler runs.
        'a form body',
        { rawBody: 'id=1&source=x', contentType: 'application/x-www-form-urlencoded' },
        415,
        'HTTP.UNSUPPORTED_MEDIA_TYPE',
        [],
      ],
      [
        'an XML body',
        { rawBody: '<event/>', contentType: 'application/xml' },
        415,
        'HTTP.UNSUPPORTED_MEDIA_TYPE',
        [],
      ],
      ['a missing id', { body: without('id') }, 400, 'INGESTION.INVALID_EVENTS', ['id']],
      ['a missing source', { body: without('source') }, 400, 'INGESTION.INVALID_EVENTS', ['source']],
      ['a missing type', { body: without('type') }, 400, 'INGESTION.INVALID_EVENTS', ['type']],
      ['a missing subject', { body: without('subject') }, 400, 'INGESTION.INVALID_EVENTS', ['subject']],
      [
        'a missing specversion',
        { body: without('specversion') },
        400,
        'INGESTION.INVALID_EVENTS',
        ['specversion'],
      ],
      [
        'specversion 0.3',
        { body: event({ specversion: '0.3' }) },
        400,
        'INGESTION.INVALID_EVENTS',
        ['specversion'],
      ],
      [
        'an empty id and a numeric subject',
        { body: event({ id: '', subject: 42 }) },
        400,
        'INGESTION.INVALID_EVENTS',
        ['id', 'subject'],
      ],
      [
        'a time that is not a date',
        { body: event({ time: 'yesterday' }) },
        400,
        'INGESTION.INVALID_EVENTS',
        ['time'],
      ],
      [
        'a time without an offset',
        { body: event({ time: '2025-03-10T11:00:00' }) },
        400,
        'INGESTION.INVALID_EVENTS',
        ['time'],
      ],
      [
        'an impossible date',
        { body: event({ time: '2025-02-30T11:00:00Z' }) },
        400,
        'INGESTION.INVALID_EVENTS',
        ['time'],
      ],
      [
        'a time more than 24 h ahead',
        { body: event({ time: '2025-03-11T12:00:01Z' }) },
        400,
        'INGESTION.INVALID_EVENTS',
        ['time'],
      ],
      [
        'data that is a string',
        { body: event({ data: 'tokens=10' }) },
        400,
        'INGESTION.INVALID_EVENTS',
        ['data'],
      ],
      ['data that is an array', { body: event({ data: [1, 2] }) }, 400, 'INGESTION.INVALID_EVENTS', ['data']],
      [
        'a non-JSON datacontenttype',
        { body: event({ datacontenttype: 'text/xml' }) },
        400,
        'INGESTION.INVALID_EVENTS',
        ['datacontenttype'],
      ],
      [
        'a source that is not a URI reference',
        { body: event({ source: 'two words' }) },
        400,
        'INGESTION.INVALID_EVENTS',
        ['source'],
      ],
      [
        'a NUL character in data',
        { body: event({ data: { user: 'a\u0000b' } }) },
        400,
        'INGESTION.INVALID_EVENTS',
        ['data'],
      ],
      [
        'an id longer than 256 characters',
        { body: event({ id: 'x'.repeat(257) }) },
        400,
        'INGESTION.INVALID_EVENTS',
        ['id'],
      ],
      ['a JSON number as the body', { body: 42 }, 400, 'INGESTION.INVALID_EVENTS', ['body']],
      ['an empty batch', { body: [] }, 400, 'INGESTION.EMPTY_BATCH', []],
      [
        'a batch under the single-event media type',
        { body: [event()], contentType: 'application/cloudevents+json' },
        400,
        'INGESTION.INVALID_EVENTS',
        ['body'],
      ],
      [
        'one event under the batch media type',
        { body: event(), contentType: 'application/cloudevents-batch+json' },
        400,
        'INGESTION.INVALID_EVENTS',
        ['body'],
      ],
      [
        'a batch with some invalid events',
        { body: [event(), without('id'), event(), event({ time: 'soon', data: 1 }), 'not an event'] },
        400,
        'INGESTION.INVALID_EVENTS',
        ['events[1].id', 'events[3].data', 'events[3].time', 'events[4]'],
      ],
      [
        'a batch longer than the limit',
        { body: Array.from({ length: 21 }, () => event()) },
        413,
        'INGESTION.BATCH_TOO_LARGE',
        [],
      ],
      [
        'a body larger than the limit',
        { body: event({ data: { blob: 'x'.repeat(70 * 1024) } }) },
        413,
        'HTTP.BODY_TOO_LARGE',
        [],
      ],
    ];

    it.each(cases)('%s', async (_, input, status, code, fields) => {
      const before = await usageEventCount(app);
      const answer = await app.request('POST', '/api/v1/events', {
        ...(input.rawBody !== undefined ? { rawBody: input.rawBody } : { body: input.body }),
        headers: { 'content-type': input.contentType ?? 'application/json' },
      });
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.body).toMatchObject({
        status,
        code,
        type: expect.any(String),
        title: expect.any(String),
        detail: expect.any(String),
      });
      expect((answer.body.errors ?? []).map((e: { field: string }) => e.field).sort()).toEqual(fields);
      expect(await usageEventCount(app)).toBe(before);
    });
  });

  it('accepts an event whose value a SUM meter cannot read, ignores it there, and says why in the listing', async () => {
    await createMeter(app, {
      slug: 'tokens_total',
      eventType: 'llm_call',
      aggregation: 'SUM',
      valueProperty: '$.tokens',
    });
    const good = event({ type: 'llm_call', subject: 'garbage-test', data: { tokens: '12.5' } });
    const garbage = event({ type: 'llm_call', subject: 'garbage-test', data: { tokens: 'lots' } });
    expect((await app.request('POST', '/api/v1/events', { body: [good, garbage] })).status).toBe(204);

    const query = await app.request('GET', '/api/v1/meters/tokens_total/query?subject=garbage-test');
    expect(query.body.data).toEqual([expect.objectContaining({ value: 12.5 })]);
    const listed = await app.request('GET', '/api/v1/events?subject=garbage-test');
    expect(listed.status).toBe(200);
    const byId = new Map(listed.body.map((e: { event: { id: string } }) => [e.event.id, e]));
    expect(byId.get(good.id as string)).toMatchObject({
      validationError: 'no customer found for event subject: garbage-test',
    });
    expect(byId.get(garbage.id as string)).toMatchObject({
      validationError:
        'invalid event: value cannot be parsed as float64: lots\nno customer found for event subject: garbage-test',
    });
  });
});
