import { startTestApp, TestApp } from '../support/test-app';

/**
 * OpenMeter's subjects: upserted by key (a list in, the list out), read by id or key, listed,
 * deleted — each showing the customer whose usage it is, as the customers' subject keys say now.
 */
describe('subjects API', () => {
  let app: TestApp;
  let acmeId: string;

  beforeAll(async () => {
    app = await startTestApp();
    acmeId = (
      await app.request('POST', '/api/v1/customers', {
        body: { name: 'Acme', key: 'acme', usageAttribution: { subjectKeys: ['acme-web'] } },
      })
    ).body.id;
  });
  afterAll(() => app.close());

  const eventCount = async () =>
    Number((await app.db.dataSource.query(`SELECT count(*) AS n FROM tally_events`))[0].n);

  it('creates subjects (200, the list back), each with the customer holding its key', async () => {
    const upserted = await app.request('POST', '/api/v1/subjects', {
      body: [
        { key: 'acme-web', displayName: 'Acme web', metadata: { hubspotId: '123', seats: 4 } },
        { key: 'loner', stripeCustomerId: 'cus_JMOlctsKV8', currentPeriodStart: '2024-01-01T00:00:00Z' },
      ],
    });
    expect(upserted.status).toBe(200);
    expect(upserted.body).toEqual([
      {
        id: expect.stringMatching(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/),
        key: 'acme-web',
        displayName: 'Acme web',
        metadata: { hubspotId: '123', seats: 4 },
        customerId: acmeId,
        customerKey: 'acme',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
      expect.objectContaining({
        key: 'loner',
        stripeCustomerId: 'cus_JMOlctsKV8',
        currentPeriodStart: '2024-01-01T00:00:00.000Z',
      }),
    ]);
    expect(upserted.body[1]).not.toHaveProperty('customerId');
    const byKey = await app.request('GET', '/api/v1/subjects/acme-web');
    expect(byKey.body).toEqual(upserted.body[0]);
    expect((await app.request('GET', `/api/v1/subjects/${byKey.body.id}`)).body).toEqual(byKey.body);
    expect((await app.request('GET', '/api/v1/subjects')).body.map((s: { key: string }) => s.key)).toEqual([
      'acme-web',
      'loner',
    ]);
  });

  it('updates in part (left out kept, null cleared), and follows the customers: a key claimed later shows its customer', async () => {
    const updated = await app.request('POST', '/api/v1/subjects', {
      body: [{ key: 'acme-web', displayName: null }],
    });
    expect(updated.body[0]).toMatchObject({ key: 'acme-web', metadata: { hubspotId: '123', seats: 4 } });
    expect(updated.body[0]).not.toHaveProperty('displayName');
    const loner = await app.request('POST', '/api/v1/customers', {
      body: { name: 'Loner', key: 'loner-co', usageAttribution: { subjectKeys: ['loner'] } },
    });
    expect((await app.request('GET', '/api/v1/subjects/loner')).body.customerId).toBe(loner.body.id);
  });

  it('refuses bad items (400 naming each at its index), and a key given twice, writing nothing', async () => {
    const before = await eventCount();
    const bad = await app.request('POST', '/api/v1/subjects', {
      body: [{ key: 'ok' }, { key: '', metadata: 'x', color: 'red' }, { displayName: 'no key' }],
    });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
      '[1].color',
      '[1].key',
      '[1].metadata',
      '[2].key',
    ]);
    expect(bad.body.extensions.validationErrors.map((e: { field: string }) => e.field)).toContain('$[1].key');
    const twice = await app.request('POST', '/api/v1/subjects', { body: [{ key: 'a' }, { key: 'a' }] });
    expect([twice.status, twice.body.errors[0].field]).toEqual([400, '[1].key']);
    const notAList = await app.request('POST', '/api/v1/subjects', { body: { key: 'a' } });
    expect(notAList.status).toBe(400);
    expect(await eventCount()).toBe(before);
  });

  // Found by the write-route fuzz: a key holding NUL was written, and the subjects projection could
  // not store it — the upsert waited for it past the client's patience.
  it('refuses text PostgreSQL cannot hold (400 naming each field), writing nothing; subjects still answer', async () => {
    const before = await eventCount();
    const bad = await app.request('POST', '/api/v1/subjects', {
      body: [{ key: 'nul\u0000key' }, { key: 'ok-key', displayName: '\ud800', metadata: { 'a\u0000': 'b' } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      '[0].key',
      '[1].displayName',
      '[1].metadata.a\u0000',
    ]);
    expect(await eventCount()).toBe(before);
    expect((await app.request('POST', '/api/v1/subjects', { body: [{ key: 'after-nul' }] })).status).toBe(
      200,
    );
  });

  it('deletes (204, idempotent by id), keeping the id readable and freeing the key for a new subject', async () => {
    const { id } = (await app.request('GET', '/api/v1/subjects/loner')).body;
    expect((await app.request('DELETE', '/api/v1/subjects/loner')).status).toBe(204);
    expect((await app.request('DELETE', `/api/v1/subjects/${id}`)).status).toBe(204);
    expect((await app.request('GET', '/api/v1/subjects/loner')).status).toBe(404);
    const gone = await app.request('GET', `/api/v1/subjects/${id}`);
    expect(gone.body).toMatchObject({ key: 'loner', deletedAt: expect.any(String) });
    expect(gone.body).not.toHaveProperty('customerId');
    const again = await app.request('POST', '/api/v1/subjects', { body: [{ key: 'loner' }] });
    expect(again.body[0].id).not.toBe(id);
    expect((await app.request('DELETE', '/api/v1/subjects/never')).status).toBe(404);
  });
});
