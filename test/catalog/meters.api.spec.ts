import { startTestApp, TestApp } from '../support/test-app';

const activeUsers = {
  slug: 'active_users_total',
  name: 'Active users total',
  description: 'Active Users',
  eventType: 'user_activity',
  aggregation: 'UNIQUE_COUNT',
  valueProperty: '$.user_id',
};

describe('meters API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('creates a meter (201) and reads it back by id and by slug, with its version as ETag', async () => {
    const created = await app.request('POST', '/api/v1/meters', { body: activeUsers });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toEqual({
      ...activeUsers,
      id: expect.stringMatching(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/),
      groupBy: {},
      metadata: {},
      createdAt: expect.any(String),
      updatedAt: created.body.createdAt,
    });
    const byId = await app.request('GET', `/api/v1/meters/${created.body.id}`);
    const bySlug = await app.request('GET', '/api/v1/meters/active_users_total');
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual(created.body);
    expect(bySlug.body).toEqual(created.body);
    expect(bySlug.headers.get('etag')).toBe('"1"');
    const list = await app.request('GET', '/api/v1/meters');
    expect(list.body).toEqual([created.body]);
  });

  it('defaults the name to the slug and takes COUNT without a value property', async () => {
    const created = await app.request('POST', '/api/v1/meters', {
      body: { slug: 'api_calls', eventType: 'request', aggregation: 'COUNT', groupBy: { path: '$.path' } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'api_calls', groupBy: { path: '$.path' } });
    expect(created.body).not.toHaveProperty('valueProperty');
  });

  it('refuses invalid meters with 400 naming each problem, and writes nothing', async () => {
    const before = await eventCount(app);
    const answer = await app.request('POST', '/api/v1/meters', {
      body: { slug: 'Bad-Slug', eventType: '', aggregation: 'MEDIAN', extra: true },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(fields(answer.body)).toEqual(
      expect.arrayContaining(['slug', 'eventType', 'aggregation', 'extra']),
    );

    const rules = await app.request('POST', '/api/v1/meters', {
      body: { slug: 'tokens', eventType: 'prompt', aggregation: 'SUM', groupBy: { 'not an id': '$.x' } },
    });
    expect(rules.status).toBe(400);
    expect(rules.body.code).toBe('CATALOG.METER_INVALID');
    expect(fields(rules.body)).toEqual(['valueProperty', 'groupBy.not an id']);

    const count = await app.request('POST', '/api/v1/meters', {
      body: { slug: 'tokens', eventType: 'prompt', aggregation: 'COUNT', valueProperty: '$.tokens' },
    });
    expect(count.status).toBe(400);
    expect(fields(count.body)).toEqual(['valueProperty']);
    expect(await eventCount(app)).toBe(before);
  });

  it('answers 409 for a slug a live meter holds', async () => {
    const again = await app.request('POST', '/api/v1/meters', { body: activeUsers });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CATALOG.METER_SLUG_TAKEN', errors: [{ field: 'slug' }] });
  });

  it('updates the editable fields (PUT replaces them) and bumps the ETag', async () => {
    const meter = (await app.request('GET', '/api/v1/meters/active_users_total')).body;
    const updated = await app.request('PUT', '/api/v1/meters/active_users_total', {
      body: { name: 'Active users', groupBy: { plan: '$.plan' }, metadata: { team: 'growth' } },
      headers: { 'if-match': '"1"' },
    });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"2"');
    expect(updated.body).toEqual({
      ...meter,
      name: 'Active users',
      groupBy: { plan: '$.plan' },
      metadata: { team: 'growth' },
      description: undefined,
      updatedAt: expect.any(String),
    });
    expect(updated.body).not.toHaveProperty('description');
  });

  it('answers 412 to a stale If-Match, 400 to a malformed one, and 400 to fields that cannot change', async () => {
    const stale = await app.request('PUT', '/api/v1/meters/active_users_total', {
      body: { name: 'Stale' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('CONCURRENCY.STALE_VERSION');
    const listed = await app.request('PUT', '/api/v1/meters/active_users_total', {
      body: { name: 'Stale' },
      headers: { 'if-match': '"1", "2"' },
    });
    expect(listed.status).toBe(400);
    const slug = await app.request('PUT', '/api/v1/meters/active_users_total', { body: { slug: 'renamed' } });
    expect(slug.status).toBe(400);
    expect(fields(slug.body)).toEqual(['slug']);
    expect((await app.request('GET', '/api/v1/meters/active_users_total')).body.name).toBe('Active users');
  });

  it('answers 404 for unknown meters and 400 for ids that are neither a ULID nor a slug', async () => {
    expect((await app.request('GET', '/api/v1/meters/nothing_here')).status).toBe(404);
    expect((await app.request('GET', '/api/v1/meters/01J0000000000000000000000Z')).status).toBe(404);
    expect((await app.request('PUT', '/api/v1/meters/nothing_here', { body: {} })).status).toBe(404);
    expect((await app.request('DELETE', '/api/v1/meters/nothing_here')).status).toBe(404);
    const bad = await app.request('GET', '/api/v1/meters/Not-A-Slug');
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(['meterIdOrSlug']);
  });

  it('refuses to delete a meter a live feature uses (409), then deletes it softly once archived (204)', async () => {
    const meter = (await app.request('GET', '/api/v1/meters/active_users_total')).body;
    const feature = await app.request('POST', '/api/v1/features', {
      body: {
        key: 'active_users',
        name: 'active-users',
        meterSlug: 'active_users_total',
        meterGroupByFilters: { plan: 'pro' },
      },
    });
    expect(feature.status).toBe(201);
    const dropsFilteredGroupBy = await app.request('PUT', `/api/v1/meters/${meter.id}`, {
      body: { name: 'x' },
    });
    expect(dropsFilteredGroupBy.status).toBe(409);
    expect(dropsFilteredGroupBy.body.code).toBe('CATALOG.METER_GROUP_BY_IN_USE');
    const inUse = await app.request('DELETE', '/api/v1/meters/active_users_total');
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('CATALOG.METER_IN_USE');

    expect((await app.request('DELETE', `/api/v1/features/${feature.body.id}`)).status).toBe(204);
    expect(
      (await app.request('DELETE', '/api/v1/meters/active_users_total', { headers: { 'if-match': '"1"' } }))
        .status,
    ).toBe(412);
    // The feature's link moved the meter's version: the ETag read now is the one that matches.
    const etag = (await app.request('GET', '/api/v1/meters/active_users_total')).headers.get('etag')!;
    expect(etag).not.toBe('"1"');
    expect(
      (await app.request('DELETE', '/api/v1/meters/active_users_total', { headers: { 'if-match': etag } }))
        .status,
    ).toBe(204);
    expect((await app.request('DELETE', `/api/v1/meters/${meter.id}`)).status).toBe(204);

    expect((await app.request('GET', '/api/v1/meters/active_users_total')).status).toBe(404);
    const byId = await app.request('GET', `/api/v1/meters/${meter.id}`);
    expect(byId.body.deletedAt).toEqual(expect.any(String));
    expect((await app.request('GET', '/api/v1/meters')).body.map((m: { slug: string }) => m.slug)).toEqual([
      'api_calls',
    ]);
    const withDeleted = await app.request('GET', '/api/v1/meters?includeDeleted=true');
    expect(withDeleted.body).toHaveLength(2);

    const reused = await app.request('POST', '/api/v1/meters', { body: activeUsers });
    expect(reused.status).toBe(201);
    expect(reused.body.id).not.toBe(meter.id);
  });

  it('pages and orders the list when asked, and refuses bad list parameters', async () => {
    const page = await app.request('GET', '/api/v1/meters?orderBy=key&order=DESC&pageSize=1&page=2');
    expect(page.status).toBe(200);
    expect(page.body.map((m: { slug: string }) => m.slug)).toEqual(['active_users_total']);
    const bad = await app.request(
      'GET',
      '/api/v1/meters?pageSize=1001&orderBy=color&includeDeleted=maybe&x=1',
    );
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(expect.arrayContaining(['pageSize', 'orderBy', 'includeDeleted', 'x']));
  });

  it('lets read tokens read and only admin tokens write', async () => {
    const read = await app.token('read');
    expect((await app.request('GET', '/api/v1/meters', { token: read })).status).toBe(200);
    expect((await app.request('POST', '/api/v1/meters', { token: read, body: activeUsers })).status).toBe(
      403,
    );
    expect((await app.request('GET', '/api/v1/meters', { token: null })).status).toBe(401);
  });

  it('bounds eventType as ingestion bounds an event type (256 characters), and meters the longest', async () => {
    // 2,000 characters (8,000 bytes) once made a meter the usage read model could not index.
    const before = await eventCount(app);
    for (const eventType of ['t'.repeat(257), '😀'.repeat(1_000)]) {
      const refused = await app.request('POST', '/api/v1/meters', {
        body: { slug: 'long_type', eventType, aggregation: 'COUNT' },
      });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(fields(refused.body)).toEqual(['eventType']);
    }
    expect(await eventCount(app)).toBe(before);

    const longest = '😀'.repeat(128); // 256 UTF-16 characters, as ingestion counts them
    const meter = await app.request('POST', '/api/v1/meters', {
      body: { slug: 'long_type', eventType: longest, aggregation: 'COUNT' },
    });
    expect(meter.status).toBe(201);
    const sent = await app.request('POST', '/api/v1/events', {
      body: {
        specversion: '1.0',
        id: 'long-1',
        source: 'meters-api',
        type: longest,
        subject: 's1',
        data: {},
      },
      headers: { 'content-type': 'application/cloudevents+json' },
    });
    expect(sent.status).toBe(204);
    const query = await app.request('GET', '/api/v1/meters/long_type/query');
    expect(query.status).toBe(200);
    expect(query.body.data.map((row: { value: number }) => row.value)).toEqual([1]);
    expect((await app.request('GET', '/readyz', { token: null })).status).toBe(200);
  });
});

function fields(problem: { errors?: { field: string }[] }): string[] {
  return (problem.errors ?? []).map((e) => e.field);
}

async function eventCount(app: TestApp): Promise<number> {
  const [{ n }] = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_events`);
  return n;
}
