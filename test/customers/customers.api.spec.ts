import { startTestApp, TestApp } from '../support/test-app';

const acme = {
  name: 'Acme Inc',
  key: 'acme-inc',
  usageAttribution: { subjectKeys: ['acme-inc', 'acme-eu'] },
};

describe('customers API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  async function subjects(): Promise<Record<string, string>> {
    await app.request('GET', '/api/v1/customers'); // read-your-writes: the index is caught up
    const rows = await app.db.dataSource.query(
      `SELECT subject_key, customer_id FROM customer_subjects ORDER BY subject_key`,
    );
    return Object.fromEntries(
      rows.map((r: { subject_key: string; customer_id: string }) => [r.subject_key, r.customer_id]),
    );
  }

  let acmeId: string;

  it('creates a customer (201) and reads it back by id and by key', async () => {
    const created = await app.request('POST', '/api/v1/customers', {
      body: {
        ...acme,
        currency: 'USD',
        primaryEmail: 'billing@acme.example',
        billingAddress: { country: 'US', city: 'Springfield' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toEqual({
      ...acme,
      id: expect.stringMatching(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/),
      currency: 'USD',
      primaryEmail: 'billing@acme.example',
      billingAddress: { country: 'US', city: 'Springfield' },
      createdAt: expect.any(String),
      updatedAt: created.body.createdAt,
    });
    acmeId = created.body.id;
    expect((await app.request('GET', `/api/v1/customers/${acmeId}`)).body).toEqual(created.body);
    const byKey = await app.request('GET', '/api/v1/customers/acme-inc');
    expect(byKey.body).toEqual(created.body);
    expect(byKey.headers.get('etag')).toBe('"1"');
    expect(await subjects()).toEqual({ 'acme-eu': acmeId, 'acme-inc': acmeId });
  });

  it('refuses invalid customers with 400 naming each problem, writing nothing', async () => {
    const before = await eventCount(app);
    const shape = await app.request('POST', '/api/v1/customers', {
      body: {
        key: '',
        currency: 'usd',
        usageAttribution: { subjectKeys: [''] },
        billingAddress: { country: 'usa' },
        plan: 'x',
      },
    });
    expect(shape.status).toBe(400);
    expect(fields(shape.body)).toEqual(
      expect.arrayContaining([
        'name',
        'key',
        'currency',
        'usageAttribution.subjectKeys',
        'billingAddress.country',
        'plan',
      ]),
    );
    const rules = await app.request('POST', '/api/v1/customers', {
      body: { name: 'No usage', currency: 'XYZ' },
    });
    expect(rules.status).toBe(400);
    expect(rules.body.code).toBe('CUSTOMERS.INVALID');
    expect(fields(rules.body)).toEqual(['body.usageAttribution.subjectKeys', 'body.currency']);
    expect(await eventCount(app)).toBe(before);
  });

  it('answers 409 when the key or a subject key is another customer’s, naming the field, writing nothing', async () => {
    const before = await eventCount(app);
    const sameKey = await app.request('POST', '/api/v1/customers', {
      body: { name: 'Other', key: 'acme-inc' },
    });
    expect(sameKey.status).toBe(409);
    expect(sameKey.body).toMatchObject({ code: 'CUSTOMERS.KEY_TAKEN', errors: [{ field: 'body.key' }] });
    const keyIsSubject = await app.request('POST', '/api/v1/customers', {
      body: { name: 'Other', key: 'acme-eu' },
    });
    expect(keyIsSubject.status).toBe(409);
    const subject = await app.request('POST', '/api/v1/customers', {
      body: { name: 'Other', key: 'other', usageAttribution: { subjectKeys: ['other', 'acme-eu'] } },
    });
    expect(subject.status).toBe(409);
    expect(subject.body).toMatchObject({
      code: 'CUSTOMERS.SUBJECT_KEY_TAKEN',
      errors: [{ field: 'body.usageAttribution.subjectKeys[1]' }],
    });
    expect(await eventCount(app)).toBe(before);
    expect(
      (await app.request('POST', '/api/v1/customers', { body: { name: 'Other', key: 'other' } })).status,
    ).toBe(201);
  });

  it('replaces a customer with PUT: dropped subject keys become free, stale If-Match is 412', async () => {
    const updated = await app.request('PUT', '/api/v1/customers/acme-inc', {
      body: { name: 'Acme Incorporated', key: 'acme-inc', usageAttribution: { subjectKeys: ['acme-us'] } },
      headers: { 'if-match': '"1"' },
    });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"2"');
    expect(updated.body).toMatchObject({
      name: 'Acme Incorporated',
      usageAttribution: { subjectKeys: ['acme-us'] },
    });
    expect(updated.body).not.toHaveProperty('currency');
    expect(await subjects()).toEqual(expect.objectContaining({ 'acme-inc': acmeId, 'acme-us': acmeId }));
    expect(await subjects()).not.toHaveProperty('acme-eu');

    const written = await eventCount(app);
    const stale = await app.request('PUT', `/api/v1/customers/${acmeId}`, {
      body: { name: 'x', key: 'acme-inc' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(await eventCount(app)).toBe(written);
    const taken = await app.request('PUT', '/api/v1/customers/other', {
      body: { name: 'Other', key: 'other', usageAttribution: { subjectKeys: ['acme-us'] } },
    });
    expect(taken.status).toBe(409);
    const eu = await app.request('POST', '/api/v1/customers', {
      body: { name: 'Acme EU', usageAttribution: { subjectKeys: ['acme-eu'] } },
    });
    expect(eu.status).toBe(201);
    expect(eu.body).not.toHaveProperty('key');
  });

  it('lists pages of customers with filters', async () => {
    const all = await app.request('GET', '/api/v1/customers');
    expect(all.body).toMatchObject({ totalCount: 3, page: 1, pageSize: 100 });
    const page = await app.request('GET', '/api/v1/customers?orderBy=name&order=DESC&pageSize=1&page=2');
    expect(page.body.items.map((c: { name: string }) => c.name)).toEqual(['Acme Incorporated']);
    expect((await app.request('GET', '/api/v1/customers?name=ACME')).body.totalCount).toBe(2);
    expect((await app.request('GET', '/api/v1/customers?subject=acme-us')).body.items[0].id).toBe(acmeId);
    expect((await app.request('GET', '/api/v1/customers?key=other')).body.totalCount).toBe(1);
    const bad = await app.request('GET', '/api/v1/customers?orderBy=email&expand=invoices');
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(expect.arrayContaining(['orderBy', 'expand']));
  });

  it('deletes softly (204): the key and subject keys are freed, the id still reads, the key no longer', async () => {
    expect(
      (await app.request('DELETE', '/api/v1/customers/other', { headers: { 'if-match': '"5"' } })).status,
    ).toBe(412);
    expect((await app.request('DELETE', '/api/v1/customers/other')).status).toBe(204);
    expect((await app.request('GET', '/api/v1/customers/other')).status).toBe(404);
    expect((await app.request('DELETE', '/api/v1/customers/other')).status).toBe(404);
    const deletedId = (await app.request('GET', '/api/v1/customers?includeDeleted=true&key=other')).body
      .items[0].id;
    expect((await app.request('DELETE', `/api/v1/customers/${deletedId}`)).status).toBe(204);
    const byId = await app.request('GET', `/api/v1/customers/${deletedId}`);
    expect(byId.body.deletedAt).toEqual(expect.any(String));
    expect(await subjects()).not.toHaveProperty('other');
    expect((await app.request('GET', '/api/v1/customers')).body.totalCount).toBe(2);
    expect(
      (await app.request('POST', '/api/v1/customers', { body: { name: 'Other again', key: 'other' } }))
        .status,
    ).toBe(201);
  });

  it('answers 404 for unknown customers', async () => {
    expect((await app.request('GET', '/api/v1/customers/nobody')).status).toBe(404);
    expect(
      (await app.request('PUT', '/api/v1/customers/nobody', { body: { name: 'x', key: 'nobody' } })).status,
    ).toBe(404);
    expect((await app.request('DELETE', '/api/v1/customers/01J0000000000000000000000Z')).status).toBe(404);
    // A subject key is not a customer key.
    expect((await app.request('GET', '/api/v1/customers/acme-us')).status).toBe(404);
    expect((await app.request('DELETE', '/api/v1/customers/acme-us')).status).toBe(404);
  });
});

function fields(problem: { errors?: { field: string }[] }): string[] {
  return (problem.errors ?? []).map((e) => e.field);
}

async function eventCount(app: TestApp): Promise<number> {
  const [{ n }] = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_events`);
  return n;
}
