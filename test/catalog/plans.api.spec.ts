import { startTestApp, TestApp } from '../support/test-app';

const activeUsersCard = {
  type: 'usage_based',
  key: 'active_users',
  name: 'active-users',
  featureKey: 'active_users',
  billingCadence: 'P1M',
  price: { type: 'unit', amount: '1' },
  entitlementTemplate: { type: 'boolean' },
};

const perSeat = {
  key: 'per_seat',
  name: 'Per-Seat',
  currency: 'USD',
  billingCadence: 'P1M',
  phases: [{ key: 'default', name: 'Default', duration: null, rateCards: [activeUsersCard] }],
};

describe('plans API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    const meter = {
      slug: 'active_users_total',
      eventType: 'user_activity',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user_id',
    };
    expect((await app.request('POST', '/api/v1/meters', { body: meter })).status).toBe(201);
  });
  afterAll(() => app.close());

  let draftId: string;

  it('creates a plan as draft version 1 (201), phases and rate cards as given', async () => {
    const created = await app.request('POST', '/api/v1/plans', { body: perSeat });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toEqual({
      ...perSeat,
      id: expect.stringMatching(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/),
      version: 1,
      status: 'draft',
      proRatingConfig: { enabled: true, mode: 'prorate_prices' },
      metadata: {},
      validationErrors: null,
      createdAt: expect.any(String),
      updatedAt: created.body.createdAt,
    });
    draftId = created.body.id;
    expect((await app.request('GET', `/api/v1/plans/${draftId}`)).body).toEqual(created.body);
  });

  it('refuses a second draft of the key (409) and malformed plans (400 naming each problem), writing nothing', async () => {
    const before = await eventCount(app);
    const second = await app.request('POST', '/api/v1/plans', { body: perSeat });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('CATALOG.PLAN_VERSION_TAKEN');

    const shape = await app.request('POST', '/api/v1/plans', {
      body: {
        ...perSeat,
        key: 'bad',
        currency: 'usd',
        alignment: { billablesMustAlign: 'yes' },
        settlementMode: 'barter',
        phases: [
          {
            key: 'default',
            name: 'Default',
            rateCards: [
              { ...activeUsersCard, price: { type: 'per_unit', amount: '1' } },
              { ...activeUsersCard, key: 'x', type: 'subscription' },
              {
                ...activeUsersCard,
                key: 'z',
                price: { type: 'dynamic', multiplier: 1.5 },
                taxConfig: { stripe: {} },
              },
              {
                ...activeUsersCard,
                key: 'y',
                price: { type: 'unit', amount: 1 },
                entitlementTemplate: { type: 'boolean', extra: 1 },
              },
            ],
          },
        ],
      },
    });
    expect(shape.status).toBe(400);
    expect(shape.body.code).toBe('REQUEST.INVALID');
    expect(fields(shape.body)).toEqual(
      expect.arrayContaining([
        'currency',
        'alignment.billablesMustAlign',
        'settlementMode',
        'phases[0].duration',
        'phases[0].rateCards[0].price.type',
        'phases[0].rateCards[1].type',
        'phases[0].rateCards[2].price.multiplier',
        'phases[0].rateCards[2].taxConfig.stripe.code',
        'phases[0].rateCards[3].price.amount',
        'phases[0].rateCards[3].entitlementTemplate.extra',
      ]),
    );

    const rules = await app.request('POST', '/api/v1/plans', {
      body: {
        ...perSeat,
        key: 'rules',
        billingCadence: 'P1M15D',
        phases: [
          { key: 'trial', name: 'Trial', duration: null, rateCards: [] },
          {
            key: 'default',
            name: 'Default',
            duration: null,
            rateCards: [
              {
                ...activeUsersCard,
                price: {
                  type: 'tiered',
                  mode: 'graduated',
                  tiers: [{ upToAmount: '10', flatPrice: null, unitPrice: null }],
                },
              },
            ],
          },
        ],
      },
    });
    expect(rules.status).toBe(400);
    expect(rules.body.code).toBe('CATALOG.PLAN_INVALID');
    expect(fields(rules.body)).toEqual(
      expect.arrayContaining([
        'billingCadence',
        'phases[0].duration',
        'phases[1].rateCards[0].price.tiers[0]',
      ]),
    );
    expect(await eventCount(app)).toBe(before);
  });

  it('replaces a draft with PUT (If-Match), and answers 412 to a stale one', async () => {
    const body = { ...perSeat, name: 'Per seat' };
    delete (body as Partial<typeof perSeat>).key;
    delete (body as Partial<typeof perSeat>).currency;
    const updated = await app.request('PUT', `/api/v1/plans/${draftId}`, {
      body,
      headers: { 'if-match': '"1"' },
    });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"2"');
    expect(updated.body).toMatchObject({ name: 'Per seat', version: 1, status: 'draft', currency: 'USD' });
    const stale = await app.request('PUT', `/api/v1/plans/${draftId}`, {
      body,
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    const keyChange = await app.request('PUT', `/api/v1/plans/${draftId}`, {
      body: { ...body, key: 'other' },
    });
    expect(keyChange.status).toBe(400);
  });

  it('refuses to publish while a rate card names no live feature (400), then publishes (200)', async () => {
    const missing = await app.request('POST', `/api/v1/plans/${draftId}/publish`);
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({
        field: 'phases[0].rateCards[0].featureKey',
        code: 'CATALOG.FEATURE_NOT_FOUND',
      }),
    ]);
    const feature = { key: 'active_users', name: 'active-users', meterSlug: 'active_users_total' };
    expect((await app.request('POST', '/api/v1/features', { body: feature })).status).toBe(201);
    expect(
      (await app.request('POST', `/api/v1/plans/${draftId}/publish`, { headers: { 'if-match': '"1"' } }))
        .status,
    ).toBe(412);
    const published = await app.request('POST', `/api/v1/plans/${draftId}/publish`, {
      headers: { 'if-match': '"2"' },
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'active', effectiveFrom: expect.any(String) });
    expect(published.headers.get('etag')).toBe('"3"');
    const byKey = await app.request('GET', '/api/v1/plans/per_seat');
    expect(byKey.body.id).toBe(draftId);
  });

  it('keeps a published version immutable (409) and answers 404 for unknown plans', async () => {
    const put = await app.request('PUT', `/api/v1/plans/${draftId}`, {
      body: { name: 'x', billingCadence: 'P1M', phases: perSeat.phases },
    });
    expect(put.status).toBe(409);
    expect(put.body.code).toBe('CATALOG.PLAN_NOT_DRAFT');
    expect((await app.request('POST', `/api/v1/plans/${draftId}/publish`)).status).toBe(409);
    expect((await app.request('DELETE', `/api/v1/plans/${draftId}`)).status).toBe(409);
    const unknown = '01J0000000000000000000000Z';
    expect((await app.request('GET', `/api/v1/plans/${unknown}`)).status).toBe(404);
    expect((await app.request('GET', '/api/v1/plans/no_such_plan')).status).toBe(404);
    expect((await app.request('POST', `/api/v1/plans/${unknown}/publish`)).status).toBe(404);
    expect((await app.request('POST', `/api/v1/plans/${unknown}/archive`)).status).toBe(404);
    expect((await app.request('DELETE', `/api/v1/plans/${unknown}`)).status).toBe(404);
    expect((await app.request('POST', '/api/v1/plans/no_such_plan/next')).status).toBe(404);
    expect((await app.request('PUT', '/api/v1/plans/per_seat', { body: {} })).status).toBe(400);
  });

  it('makes the next version from the key (201), one draft at a time; publishing it archives v1', async () => {
    const next = await app.request('POST', '/api/v1/plans/per_seat/next');
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({
      key: 'per_seat',
      version: 2,
      status: 'draft',
      name: 'Per seat',
      phases: perSeat.phases,
    });
    expect((await app.request('POST', `/api/v1/plans/${draftId}/next`)).status).toBe(409);
    expect((await app.request('GET', '/api/v1/plans/per_seat?includeLatest=true')).body.id).toBe(
      next.body.id,
    );

    expect((await app.request('POST', `/api/v1/plans/${next.body.id}/publish`)).status).toBe(200);
    const v1 = await app.request('GET', `/api/v1/plans/${draftId}`);
    expect(v1.body).toMatchObject({ status: 'archived', effectiveTo: expect.any(String) });
    expect((await app.request('GET', '/api/v1/plans/per_seat')).body.version).toBe(2);
  });

  it('deletes a draft (204) and an archived version, never reusing a version number', async () => {
    const v3 = (await app.request('POST', '/api/v1/plans', { body: { ...perSeat, name: 'Per-Seat v3' } }))
      .body;
    expect(v3.version).toBe(3);
    expect((await app.request('DELETE', `/api/v1/plans/${v3.id}`)).status).toBe(204);
    expect((await app.request('DELETE', `/api/v1/plans/${v3.id}`)).status).toBe(204);
    expect((await app.request('GET', `/api/v1/plans/${v3.id}`)).body.deletedAt).toEqual(expect.any(String));
    expect((await app.request('DELETE', `/api/v1/plans/${draftId}`)).status).toBe(204);
    const v4 = await app.request('POST', '/api/v1/plans/per_seat/next');
    expect(v4.status).toBe(201);
    expect(v4.body.version).toBe(4);
  });

  it('archives the active version (200), after which the key has none', async () => {
    const active = (await app.request('GET', '/api/v1/plans/per_seat')).body;
    expect((await app.request('POST', `/api/v1/plans/${active.id}/archive`)).status).toBe(200);
    expect((await app.request('GET', '/api/v1/plans/per_seat')).status).toBe(404);
  });

  it('lists pages of plans, filtered by key, status and currency', async () => {
    const all = await app.request('GET', '/api/v1/plans');
    expect(all.body).toMatchObject({ totalCount: 2, page: 1, pageSize: 100 });
    const deleted = await app.request(
      'GET',
      '/api/v1/plans?includeDeleted=true&orderBy=version&order=DESC&pageSize=3',
    );
    expect(deleted.body.totalCount).toBe(4);
    expect(deleted.body.items.map((p: { version: number }) => p.version)).toEqual([4, 3, 2]);
    const drafts = await app.request('GET', '/api/v1/plans?status=draft&key=per_seat&currency=USD');
    expect(drafts.body.items.map((p: { version: number }) => p.version)).toEqual([4]);
    const archived = await app.request('GET', '/api/v1/plans?status=archived&status=draft');
    expect(archived.body.totalCount).toBe(2);
    const bad = await app.request('GET', '/api/v1/plans?status=gone&pageSize=0');
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(expect.arrayContaining(['status', 'pageSize']));
  });

  it("accepts every field of OpenMeter's plan schemas, keeps them and shows them back", async () => {
    const body = {
      key: 'everything',
      name: 'Everything',
      description: 'every field the spec defines',
      metadata: { team: 'billing' },
      currency: 'USD',
      billingCadence: 'P1M',
      proRatingConfig: { enabled: false, mode: 'prorate_prices' },
      alignment: { billablesMustAlign: true },
      settlementMode: 'credit_then_invoice',
      phases: [
        {
          key: 'trial',
          name: 'Trial',
          description: 'free month',
          metadata: { phase: 'one' },
          duration: 'P1M',
          rateCards: [{ type: 'flat_fee', key: 'setup', name: 'Setup', billingCadence: null, price: null }],
        },
        {
          key: 'paid',
          name: 'Paid',
          duration: null,
          rateCards: [
            {
              ...activeUsersCard,
              description: 'per seat',
              metadata: { kind: 'seat' },
              taxConfig: {
                behavior: 'exclusive',
                stripe: { code: 'txcd_10000000' },
                customInvoicing: { code: 'VAT-20' },
                taxCodeId: '01G65Z755AFWAKHE12NY0CQ9FH',
              },
              price: { type: 'unit', amount: '1', minimumAmount: '5', maximumAmount: '500' },
              discounts: { percentage: { percentage: 10 }, usage: { quantity: '2' } },
            },
            {
              type: 'flat_fee',
              key: 'platform',
              name: 'Platform',
              billingCadence: 'P1M',
              price: { type: 'flat', amount: '10', paymentTerm: 'in_arrears' },
              taxConfig: { behavior: 'inclusive' },
              discounts: { percentage: { percentage: 5 } },
            },
            {
              type: 'usage_based',
              key: 'cost',
              name: 'Cost passed through',
              featureKey: 'cost',
              billingCadence: 'P1M',
              price: { type: 'dynamic', multiplier: '1.25' },
            },
          ],
        },
      ],
    };
    const created = await app.request('POST', '/api/v1/plans', { body });
    expect([created.status, created.text]).toEqual([201, expect.any(String)]);
    expect(created.body).toMatchObject(body);
    expect((await app.request('GET', `/api/v1/plans/${created.body.id}`)).body).toEqual(created.body);
    // PUT takes them too.
    const { key: _key, currency: _currency, ...replacement } = body;
    const replaced = await app.request('PUT', `/api/v1/plans/${created.body.id}`, {
      body: { ...replacement, settlementMode: 'credit_only', alignment: { billablesMustAlign: false } },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      settlementMode: 'credit_only',
      alignment: { billablesMustAlign: false },
    });
  });

  it('keeps a misaligned draft, lists why in validationErrors, refuses to publish it (400, OpenMeter field path) until mended', async () => {
    const weekly = { ...activeUsersCard, billingCadence: 'P1W' };
    const body = {
      ...perSeat,
      key: 'aligned',
      billingCadence: 'P4W',
      alignment: { billablesMustAlign: true },
      phases: [{ key: 'default', name: 'Default', duration: null, rateCards: [weekly] }],
    };
    const draft = await app.request('POST', '/api/v1/plans', { body });
    expect(draft.status).toBe(201);
    const unaligned = {
      field: '$.phases[0].rateCards[0].billingCadence',
      code: 'CATALOG.CADENCE_UNALIGNED',
      message: expect.stringContaining('billablesMustAlign'),
    };
    expect(draft.body).toMatchObject({ status: 'draft', validationErrors: [unaligned] });
    expect((await app.request('GET', `/api/v1/plans/${draft.body.id}`)).body.validationErrors).toEqual([
      unaligned,
    ]);

    const before = await eventCount(app);
    const refused = await app.request('POST', `/api/v1/plans/${draft.body.id}/publish`);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      extensions: { validationErrors: [{ field: unaligned.field, code: unaligned.code }] },
    });
    expect(await eventCount(app)).toBe(before);

    const { key: _key, currency: _currency, ...content } = body;
    const mended = await app.request('PUT', `/api/v1/plans/${draft.body.id}`, {
      body: { ...content, alignment: { billablesMustAlign: false } },
    });
    expect([mended.status, mended.body.validationErrors]).toEqual([200, null]);
    const publishedPlan = await app.request('POST', `/api/v1/plans/${draft.body.id}/publish`);
    expect([publishedPlan.status, publishedPlan.body.status, publishedPlan.body.validationErrors]).toEqual([
      200,
      'active',
      null,
    ]);
  });

  it('refuses a schedule it cannot honour: publishPlan takes no body, 400 naming each field', async () => {
    const draft = (
      await app.request('POST', '/api/v1/plans', { body: { ...perSeat, key: 'scheduled_seat' } })
    ).body;
    const refused = await app.request('POST', `/api/v1/plans/${draft.id}/publish`, {
      body: { effectiveFrom: '2099-01-01T00:00:00Z', effectiveTo: '2099-02-01T00:00:00Z' },
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'effectiveFrom',
      'effectiveTo',
    ]);
    expect((await app.request('GET', `/api/v1/plans/${draft.id}`)).body.status).toBe('draft');
    const published = await app.request('POST', `/api/v1/plans/${draft.id}/publish`, { body: {} });
    expect([published.status, published.body.status]).toEqual([200, 'active']);
    expect((await app.request('POST', `/api/v1/plans/${draft.id}/archive`)).status).toBe(200);
    expect((await app.request('DELETE', `/api/v1/plans/${draft.id}`)).status).toBe(204);
  });
});

function fields(problem: { errors?: { field: string }[] }): string[] {
  return (problem.errors ?? []).map((e) => e.field);
}

async function eventCount(app: TestApp): Promise<number> {
  const [{ n }] = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_events`);
  return n;
}
