import { startTestApp, TestApp } from '../support/test-app';

describe('features API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    const meters = [
      {
        slug: 'active_users_total',
        eventType: 'user_activity',
        aggregation: 'UNIQUE_COUNT',
        valueProperty: '$.user_id',
      },
      {
        slug: 'tokens_total',
        eventType: 'prompt',
        aggregation: 'SUM',
        valueProperty: '$.tokens',
        groupBy: { model: '$.model' },
      },
      { slug: 'latency_avg', eventType: 'request', aggregation: 'AVG', valueProperty: '$.ms' },
    ];
    for (const body of meters)
      expect((await app.request('POST', '/api/v1/meters', { body })).status).toBe(201);
  });
  afterAll(() => app.close());

  it('creates a metered feature (201) and reads it back (200, ETag)', async () => {
    const created = await app.request('POST', '/api/v1/features', {
      body: { key: 'active_users', name: 'active-users', meterSlug: 'active_users_total' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/),
      key: 'active_users',
      name: 'active-users',
      meterSlug: 'active_users_total',
      meterGroupByFilters: {},
      advancedMeterGroupByFilters: {},
      metadata: {},
      createdAt: expect.any(String),
      updatedAt: created.body.createdAt,
    });
    const read = await app.request('GET', `/api/v1/features/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('etag')).toBe('"1"');
  });

  it('creates features with group-by filters and without a meter', async () => {
    const gpt4 = await app.request('POST', '/api/v1/features', {
      body: {
        key: 'gpt_4_tokens',
        name: 'GPT-4 tokens',
        meterSlug: 'tokens_total',
        meterGroupByFilters: { model: 'gpt-4' },
      },
    });
    expect(gpt4.status).toBe(201);
    expect(gpt4.body.meterGroupByFilters).toEqual({ model: 'gpt-4' });
    expect(gpt4.body.advancedMeterGroupByFilters).toEqual({ model: { $eq: 'gpt-4' } });
    // OpenMeter's advanced filters and unit cost: kept and shown back; no legacy map for a non-equality.
    const gpt = await app.request('POST', '/api/v1/features', {
      body: {
        key: 'gpt_tokens',
        name: 'GPT tokens',
        meterSlug: 'tokens_total',
        advancedMeterGroupByFilters: { model: { $or: [{ $like: 'gpt-%' }, { $in: ['o1', 'o3'] }] } },
        unitCost: { type: 'llm', providerProperty: 'provider', model: 'gpt-4' },
      },
    });
    expect(gpt.status).toBe(201);
    expect(gpt.body).toMatchObject({
      advancedMeterGroupByFilters: { model: { $or: [{ $like: 'gpt-%' }, { $in: ['o1', 'o3'] }] } },
      unitCost: { type: 'llm', providerProperty: 'provider', model: 'gpt-4' },
    });
    expect(gpt.body).not.toHaveProperty('meterGroupByFilters');
    expect((await app.request('GET', `/api/v1/features/${gpt.body.id}`)).body).toEqual(gpt.body);
    const sso = await app.request('POST', '/api/v1/features', {
      body: { key: 'sso', name: 'SSO', metadata: { tier: 'enterprise' } },
    });
    expect(sso.status).toBe(201);
    expect(sso.body).not.toHaveProperty('meterSlug');
    expect(sso.body.metadata).toEqual({ tier: 'enterprise' });
  });

  it('refuses a missing meter, an unsuitable aggregation and unknown group-bys (400), writing nothing', async () => {
    const before = await eventCount(app);
    const missing = await app.request('POST', '/api/v1/features', {
      body: { key: 'x', name: 'x', meterSlug: 'nope' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ field: 'meterSlug', code: 'CATALOG.METER_NOT_FOUND' }),
    ]);
    const avg = await app.request('POST', '/api/v1/features', {
      body: { key: 'x', name: 'x', meterSlug: 'latency_avg' },
    });
    expect(avg.status).toBe(400);
    expect(avg.body.errors[0].code).toBe('CATALOG.UNSUPPORTED_AGGREGATION');
    const groupBy = await app.request('POST', '/api/v1/features', {
      body: { key: 'x', name: 'x', meterSlug: 'tokens_total', meterGroupByFilters: { region: 'eu' } },
    });
    expect(groupBy.status).toBe(400);
    expect(groupBy.body.errors[0].field).toBe('meterGroupByFilters.region');
    const shape = await app.request('POST', '/api/v1/features', {
      body: { key: 'Bad Key', meterGroupByFilters: { a: 1 }, unitCost: {} },
    });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['key', 'name', 'meterGroupByFilters', 'unitCost.type']),
    );
    expect(await eventCount(app)).toBe(before);
  });

  it('answers 409 for a key a live feature holds', async () => {
    const again = await app.request('POST', '/api/v1/features', { body: { key: 'sso', name: 'SSO again' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CATALOG.FEATURE_KEY_TAKEN', errors: [{ field: 'key' }] });
  });

  it('archives on delete (204), keeps the feature readable, frees the key, and is idempotent', async () => {
    const sso = (await app.request('GET', '/api/v1/features?meterSlug=active_users_total')).body;
    expect(sso.map((f: { key: string }) => f.key)).toEqual(['active_users']);
    const all = (await app.request('GET', '/api/v1/features')).body as { id: string; key: string }[];
    const feature = all.find((f) => f.key === 'sso')!;
    expect(
      (await app.request('DELETE', `/api/v1/features/${feature.id}`, { headers: { 'if-match': '"7"' } }))
        .status,
    ).toBe(412);
    expect(
      (await app.request('DELETE', `/api/v1/features/${feature.id}`, { headers: { 'if-match': '"1"' } }))
        .status,
    ).toBe(204);
    expect((await app.request('DELETE', `/api/v1/features/${feature.id}`)).status).toBe(204);
    const archived = await app.request('GET', `/api/v1/features/${feature.id}`);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    expect(archived.headers.get('etag')).toBe('"2"');
    expect(
      (await app.request('GET', '/api/v1/features')).body.map((f: { key: string }) => f.key),
    ).not.toContain('sso');
    expect(
      (await app.request('POST', '/api/v1/features', { body: { key: 'sso', name: 'SSO v2' } })).status,
    ).toBe(201);
  });

  it('lists a bare array by default, a page with page/pageSize, archived ones on request', async () => {
    const array = await app.request('GET', '/api/v1/features?limit=2&offset=1');
    expect(Array.isArray(array.body)).toBe(true);
    expect(array.body).toHaveLength(2);
    const page = await app.request(
      'GET',
      '/api/v1/features?page=1&pageSize=2&includeArchived=true&orderBy=key',
    );
    expect(page.body).toMatchObject({ totalCount: 5, page: 1, pageSize: 2 });
    expect(page.body.items.map((f: { key: string }) => f.key)).toEqual(['active_users', 'gpt_4_tokens']);
    const three = await app.request(
      'GET',
      '/api/v1/features?meterSlug=tokens_total&meterSlug=active_users_total',
    );
    expect(three.body).toHaveLength(3);
  });

  it('answers 404 for an unknown feature, on read and on delete', async () => {
    expect((await app.request('GET', '/api/v1/features/01J0000000000000000000000Z')).status).toBe(404);
    expect((await app.request('DELETE', '/api/v1/features/01J0000000000000000000000Z')).status).toBe(404);
  });
});

async function eventCount(app: TestApp): Promise<number> {
  const [{ n }] = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_events`);
  return n;
}
