import { startTestApp, TestApp } from '../support/test-app';

/** Billing profiles through HTTP: the lazily made default, CRUD, one default per namespace, refusals. */
describe('billing profiles API', () => {
  let app: TestApp;
  const eventCount = async () =>
    Number((await app.db.dataSource.query(`SELECT count(*) AS n FROM tally_events`))[0].n);

  beforeAll(async () => {
    app = await startTestApp({ config: { collectionGraceMs: 2 * 3600_000 } });
  });
  afterAll(() => app.close());

  const defaults = async () =>
    (await app.request('GET', '/api/v1/billing/profiles')).body.items.filter(
      (p: { default: boolean }) => p.default,
    );

  it("makes the namespace's default on first use, by a decision in the log, with COLLECTION_GRACE_SECONDS as its interval", async () => {
    const first = await app.request('GET', '/api/v1/billing/profiles');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ totalCount: 1, page: 1, pageSize: 100 });
    const [profile] = first.body.items;
    expect(profile).toEqual({
      id: expect.stringMatching(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/),
      name: 'Default billing profile',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      supplier: {},
      workflow: {
        collection: { alignment: { type: 'subscription' }, interval: 'PT2H' },
        invoicing: { autoAdvance: true, draftPeriod: 'P0D', dueAfter: 'P30D', progressiveBilling: true },
        payment: { collectionMethod: 'charge_automatically' },
        tax: { enabled: true, enforced: false },
      },
      apps: {
        tax: { id: '00000000000000000000000000' },
        invoicing: { id: '00000000000000000000000000' },
        payment: { id: '00000000000000000000000000' },
      },
      default: true,
    });
    const log = await app.request('GET', '/api/v1/audit/events?type=BillingProfileCreated');
    expect(log.body.items ?? log.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'BillingProfileCreated' })]),
    );
    const before = await eventCount();
    expect((await app.request('GET', '/api/v1/billing/profiles')).body.items).toEqual([profile]);
    expect(await eventCount()).toBe(before);
  });

  it('creates a profile (201), and making it the default unsets the old one', async () => {
    const [old] = await defaults();
    const created = await app.request('POST', '/api/v1/billing/profiles', {
      body: {
        name: 'EU entity',
        supplier: { name: 'Tally GmbH', addresses: [{ country: 'DE', city: 'Berlin' }] },
        default: true,
        workflow: { invoicing: { dueAfter: 'P14D' }, payment: { collectionMethod: 'send_invoice' } },
        apps: {
          tax: '01G65Z755AFWAKHE12NY0CQ9FH',
          invoicing: '01G65Z755AFWAKHE12NY0CQ9FH',
          payment: '01G65Z755AFWAKHE12NY0CQ9FH',
        },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'EU entity',
      default: true,
      supplier: { name: 'Tally GmbH', addresses: [{ country: 'DE', city: 'Berlin' }] },
      workflow: {
        collection: { interval: 'PT1H' },
        invoicing: { dueAfter: 'P14D', draftPeriod: 'P0D' },
        payment: { collectionMethod: 'send_invoice' },
      },
      apps: { tax: { id: '01G65Z755AFWAKHE12NY0CQ9FH' } },
    });
    expect((await defaults()).map((p: { id: string }) => p.id)).toEqual([created.body.id]);
    expect((await app.request('GET', `/api/v1/billing/profiles/${old.id}`)).body.default).toBe(false);

    // Back again through an update: one default throughout.
    const updated = await app.request('PUT', `/api/v1/billing/profiles/${old.id}`, {
      body: { name: 'Renamed default', supplier: { name: 'Tally Inc' }, default: true, workflow: {} },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: 'Renamed default',
      default: true,
      supplier: { name: 'Tally Inc' },
    });
    expect((await defaults()).map((p: { id: string }) => p.id)).toEqual([old.id]);

    // Deleting: refused for the default (409); the other goes (204) and stays readable with deletedAt.
    expect((await app.request('DELETE', `/api/v1/billing/profiles/${old.id}`)).status).toBe(409);
    expect((await app.request('DELETE', `/api/v1/billing/profiles/${created.body.id}`)).status).toBe(204);
    expect((await app.request('DELETE', `/api/v1/billing/profiles/${created.body.id}`)).status).toBe(204);
    const gone = await app.request('GET', `/api/v1/billing/profiles/${created.body.id}`);
    expect(gone.body.deletedAt).toEqual(expect.any(String));
    const live = await app.request('GET', '/api/v1/billing/profiles');
    expect(live.body.items.map((p: { id: string }) => p.id)).toEqual([old.id]);
    const all = await app.request('GET', '/api/v1/billing/profiles?includeArchived=true');
    expect(all.body.totalCount).toBe(2);
  });

  it('refuses unsetting the default with 409 naming `default`', async () => {
    const [current] = await defaults();
    const answer = await app.request('PUT', `/api/v1/billing/profiles/${current.id}`, {
      body: { name: 'x', supplier: {}, default: false, workflow: {} },
    });
    expect(answer.status).toBe(409);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['default']);
  });

  it('refuses bad durations and bad shapes with 400 naming each field, writing nothing', async () => {
    const before = await eventCount();
    const answer = await app.request('POST', '/api/v1/billing/profiles', {
      body: {
        name: 'Bad',
        supplier: {},
        default: false,
        workflow: {
          collection: { interval: 'one hour', alignment: { type: 'anchored' } },
          invoicing: { progressiveBilling: true, dueAfter: 'P-1D' },
          payment: { collectionMethod: 'cash' },
        },
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'workflow.collection.alignment.type',
      'workflow.payment.collectionMethod',
    ]);
    const decided = await app.request('POST', '/api/v1/billing/profiles', {
      body: {
        name: 'Bad',
        supplier: {},
        default: false,
        workflow: {
          collection: { interval: 'one hour' },
          invoicing: { draftPeriod: 'P', dueAfter: 'P-1D' },
        },
      },
    });
    expect(decided.status).toBe(400);
    expect(decided.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'workflow.collection.interval',
      'workflow.invoicing.draftPeriod',
      'workflow.invoicing.dueAfter',
    ]);
    expect(await eventCount()).toBe(before);
  });

  it('answers 404 for a profile it does not have, and 400 for an id that is not a ULID', async () => {
    expect((await app.request('GET', '/api/v1/billing/profiles/01G65Z755AFWAKHE12NY0CQ9FH')).status).toBe(
      404,
    );
    expect((await app.request('GET', '/api/v1/billing/profiles/nope')).status).toBe(400);
    const put = await app.request('PUT', '/api/v1/billing/profiles/01G65Z755AFWAKHE12NY0CQ9FH', {
      body: { name: 'x', supplier: {}, default: false, workflow: {} },
    });
    expect(put.status).toBe(404);
  });
});
