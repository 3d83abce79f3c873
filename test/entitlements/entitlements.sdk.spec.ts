import { OpenMeter } from '@openmeter/sdk';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';
import { createTutorialCatalog, sendTutorialEvents } from '../support/tutorial';

/**
 * Entitlements and grants through OpenMeter's own JavaScript SDK, every figure checked by hand.
 * The service runs on a clock the spec moves, so usage periods, expiries and resets fall where the
 * figures say.
 */
describe('entitlements through @openmeter/sdk', () => {
  const clock = new ManualClock(new Date('2026-03-05T10:00:00Z'));
  let app: TestApp;
  let sdk: OpenMeter;

  const at = (iso: string) => clock.set(new Date(iso));
  const tokens = async (subject: string, entries: readonly [string, number][]) => {
    const answer = await app.request('POST', '/api/v1/events', {
      body: entries.map(([time, amount], n) => ({
        specversion: '1.0',
        id: `${subject}-${time}-${n}`,
        source: 'sdk-spec',
        type: 'ai_tokens',
        subject,
        time,
        data: { tokens: amount },
      })),
    });
    expect(answer.status).toBe(204);
  };
  const customer = async (key: string) => {
    await sdk.customers.create({ name: key, key, usageAttribution: { subjectKeys: [key] } });
  };
  const present = <T>(value: T | undefined): T => {
    expect(value).toBeDefined();
    return value as T;
  };
  const monthly = { interval: 'MONTH' as const, anchor: new Date('2026-03-01T00:00:00Z') };

  beforeAll(async () => {
    app = await startTestApp({ clock });
    sdk = new OpenMeter({ baseUrl: app.url, apiKey: app.adminToken });
    await sdk.meters.create({
      slug: 'ai_tokens',
      name: 'AI tokens',
      eventType: 'ai_tokens',
      aggregation: 'SUM',
      valueProperty: '$.tokens',
    });
    await sdk.features.create({ key: 'tokens', name: 'Tokens', meterSlug: 'ai_tokens' });
    await sdk.features.create({ key: 'sso', name: 'SSO' });
    await sdk.features.create({ key: 'seats_config', name: 'Seats config' });
  });
  afterAll(() => app.close());

  it('burns the priority-1 grant first: 100 monthly + 50 granted, 120 used → 30 left, from the 100-grant', async () => {
    at('2026-03-05T10:00:00Z');
    await customer('burn');
    const created = present(
      await sdk.customers.entitlements.create('burn', {
        type: 'metered',
        featureKey: 'tokens',
        usagePeriod: monthly,
      }),
    );
    expect(created).toMatchObject({
      type: 'metered',
      featureKey: 'tokens',
      isSoftLimit: false,
      measureUsageFrom: new Date('2026-03-05T10:00:00Z'),
      currentUsagePeriod: { from: new Date('2026-03-05T10:00:00Z'), to: new Date('2026-04-01T00:00:00Z') },
      usagePeriod: { interval: 'MONTH', intervalISO: 'P1M' },
    });
    const monthlyGrant = present(
      await sdk.customers.entitlements.createGrant('burn', 'tokens', {
        amount: 100,
        priority: 2,
        effectiveAt: new Date('2026-03-05T10:00:00Z'),
        recurrence: monthly,
      }),
    );
    const topUp = present(
      await sdk.customers.entitlements.createGrant('burn', 'tokens', {
        amount: 50,
        priority: 1,
        effectiveAt: new Date('2026-03-05T10:00:00Z'),
      }),
    );
    await tokens('burn', [
      ['2026-03-05T10:00:30Z', 80],
      ['2026-03-05T10:20:00Z', 40],
    ]);
    at('2026-03-05T10:30:00Z');
    const value = await sdk.customers.entitlements.value('burn', 'tokens');
    expect(value).toEqual({
      hasAccess: true,
      balance: 30,
      usage: 120,
      overage: 0,
      totalAvailableGrantAmount: 150,
      grantBalances: { [monthlyGrant.id]: 30, [topUp.id]: 0 },
    });
    // The monthly grant recurs with the period: April starts with its 100 again, the top-up spent.
    at('2026-04-01T00:00:00Z');
    expect(await sdk.customers.entitlements.value('burn', 'tokens')).toMatchObject({
      balance: 100,
      usage: 0,
    });
  });

  it('keeps access under a soft limit, counting the usage beyond the grants as overage', async () => {
    at('2026-03-05T10:00:00Z');
    await customer('soft');
    await sdk.customers.entitlements.create('soft', {
      type: 'metered',
      featureKey: 'tokens',
      usagePeriod: monthly,
      isSoftLimit: true,
      issue: { amount: 100 },
    });
    await tokens('soft', [['2026-03-05T10:05:00Z', 130]]);
    at('2026-03-05T11:00:00Z');
    expect(await sdk.customers.entitlements.value('soft', 'tokens')).toMatchObject({
      hasAccess: true,
      balance: 0,
      usage: 130,
      overage: 30,
    });
  });

  it('rolls at most maxRolloverAmount over a reset: 30 left, maxRolloverAmount 20 → 20', async () => {
    at('2026-03-05T10:00:00Z');
    await customer('rollover');
    await sdk.customers.entitlements.create('rollover', {
      type: 'metered',
      featureKey: 'tokens',
      usagePeriod: monthly,
      grants: [{ amount: 100, effectiveAt: new Date('2026-03-05T10:00:00Z'), maxRolloverAmount: 20 }],
    });
    await tokens('rollover', [['2026-03-05T10:10:00Z', 70]]);
    at('2026-03-05T12:00:00Z');
    expect(await sdk.customers.entitlements.value('rollover', 'tokens')).toMatchObject({
      balance: 30,
      usage: 70,
    });
    await sdk.customers.entitlements.resetUsage('rollover', 'tokens', {
      effectiveAt: new Date('2026-03-05T11:00:00Z'),
    });
    expect(await sdk.customers.entitlements.value('rollover', 'tokens')).toMatchObject({
      balance: 20,
      usage: 0,
      hasAccess: true,
    });
    const entitlement = await sdk.customers.entitlements.get('rollover', 'tokens');
    expect(entitlement).toMatchObject({ lastReset: new Date('2026-03-05T11:00:00Z') });
    // Asked before the reset, the value is the one of then.
    expect(
      await sdk.customers.entitlements.value('rollover', 'tokens', {
        query: { time: new Date('2026-03-05T10:59:00Z') },
      }),
    ).toMatchObject({ balance: 30, usage: 70 });
  });

  it('stops counting an expired grant at its expiry', async () => {
    at('2026-03-05T10:00:00Z');
    await customer('expiry');
    await sdk.customers.entitlements.create('expiry', {
      type: 'metered',
      featureKey: 'tokens',
      usagePeriod: monthly,
    });
    await sdk.customers.entitlements.createGrant('expiry', 'tokens', {
      amount: 50,
      effectiveAt: new Date('2026-03-05T10:00:00Z'),
      expiration: { duration: 'HOUR', count: 1 },
    });
    await tokens('expiry', [
      ['2026-03-05T10:10:00Z', 20],
      ['2026-03-05T11:10:00Z', 5],
    ]);
    at('2026-03-05T10:59:00Z');
    expect(await sdk.customers.entitlements.value('expiry', 'tokens')).toMatchObject({
      hasAccess: true,
      balance: 30,
      usage: 20,
    });
    at('2026-03-05T11:30:00Z');
    expect(await sdk.customers.entitlements.value('expiry', 'tokens')).toMatchObject({
      hasAccess: false,
      balance: 0,
      usage: 25,
      overage: 5,
      totalAvailableGrantAmount: 20,
    });
  });

  it('counts the seed scenario’s seats: UNIQUE_COUNT of 4 events by 3 users → usage 3, no access at a limit of 3', async () => {
    at('2026-03-05T10:00:00Z');
    await createTutorialCatalog(app);
    await sdk.customers.entitlements.create('acme-inc', {
      type: 'metered',
      featureKey: 'active_users',
      usagePeriod: monthly,
      issue: { amount: 3 },
    });
    expect(await sendTutorialEvents(app, '2026-03-05T10:01:00Z')).toEqual([202, 202, 202, 202]);
    at('2026-03-05T10:30:00Z');
    expect(await sdk.customers.entitlements.value('acme-inc', 'active_users')).toMatchObject({
      hasAccess: false,
      balance: 0,
      usage: 3,
      overage: 0,
    });
  });

  it('grants boolean and static entitlements, and answers every feature at once', async () => {
    at('2026-03-05T10:00:00Z');
    await customer('flags');
    await sdk.customers.entitlements.create('flags', { type: 'boolean', featureKey: 'sso' });
    await sdk.customers.entitlements.create('flags', {
      type: 'static',
      featureKey: 'seats_config',
      config: '{"seats":10}',
    });
    expect(await sdk.customers.entitlements.value('flags', 'sso')).toEqual({ hasAccess: true });
    expect(await sdk.customers.entitlementsV1.value('flags', 'seats_config')).toEqual({
      hasAccess: true,
      config: '{"seats":10}',
    });
    expect(await sdk.customers.entitlements.value('flags', 'tokens')).toEqual({ hasAccess: false });
    expect(await sdk.customers.getAccess('flags')).toEqual({
      entitlements: { sso: { hasAccess: true }, seats_config: { hasAccess: true, config: '{"seats":10}' } },
    });
  });

  it('lists, overrides, voids and deletes through the v2 routes', async () => {
    at('2026-03-06T09:00:00Z');
    await customer('ops');
    const first = present(
      await sdk.customers.entitlements.create('ops', {
        type: 'metered',
        featureKey: 'tokens',
        usagePeriod: monthly,
        issue: { amount: 10 },
      }),
    );
    await expect(
      sdk.customers.entitlements.create('ops', { type: 'boolean', featureKey: 'tokens' }),
    ).rejects.toMatchObject({ status: 409 });
    const grant = present(
      await sdk.customers.entitlements.createGrant('ops', 'tokens', {
        amount: 5,
        effectiveAt: new Date('2026-03-06T09:00:00Z'),
      }),
    );
    const grants = present(await sdk.customers.entitlements.listGrants('ops', 'tokens'));
    expect(grants.items.map((g) => [g.amount, g.annotations])).toEqual([
      [10, { issueAfterReset: true }],
      [5, undefined],
    ]);
    expect(present(await sdk.entitlements.grants.list({ query: { customer: ['ops'] } })).totalCount).toBe(2);
    at('2026-03-06T09:10:00Z');
    await sdk.entitlements.grants.void(grant.id);
    expect(await sdk.customers.entitlements.value('ops', 'tokens')).toMatchObject({ balance: 10 });

    at('2026-03-06T10:00:00Z');
    const second = present(
      await sdk.customers.entitlements.override('ops', 'tokens', {
        type: 'metered',
        featureKey: 'tokens',
        usagePeriod: monthly,
        issue: { amount: 1000 },
      }),
    );
    expect(second.id).not.toBe(first.id);
    expect(await sdk.customers.entitlements.get('ops', first.id)).toMatchObject({
      deletedAt: new Date('2026-03-06T10:00:00Z'),
    });
    expect(await sdk.customers.entitlements.value('ops', 'tokens')).toMatchObject({ balance: 1000 });
    const listed = present(await sdk.customers.entitlements.list('ops', { query: { includeDeleted: true } }));
    expect(listed.items.map((e) => e.id)).toEqual([first.id, second.id]);
    expect(
      present(await sdk.entitlements.list({ query: { customerKeys: ['ops'] } })).items.map((e) => e.id),
    ).toEqual([second.id]);
    expect(await sdk.entitlements.get(second.id)).toMatchObject({ id: second.id, customerKey: 'ops' });

    const history = present(
      await sdk.customers.entitlements.history('ops', 'tokens', 'HOUR', {
        query: { from: new Date('2026-03-06T10:00:00Z'), to: new Date('2026-03-06T10:00:00Z') },
      }),
    );
    expect(history).toMatchObject({ windowedHistory: [], burndownHistory: [] });

    await sdk.customers.entitlements.delete('ops', 'tokens');
    expect(await sdk.customers.entitlements.value('ops', 'tokens')).toEqual({ hasAccess: false });
  });

  it('answers the v1 subject routes for the customer holding the subject', async () => {
    at('2026-03-07T09:00:00Z');
    await sdk.customers.create({
      name: 'V1',
      key: 'v1-customer',
      usageAttribution: { subjectKeys: ['v1-subject'] },
    });
    const created = present(
      await sdk.entitlementsV1.create('v1-subject', {
        type: 'metered',
        featureKey: 'tokens',
        usagePeriod: { interval: 'DAY' },
        issueAfterReset: 10,
      }),
    );
    expect(created).toMatchObject({ subjectKey: 'v1-subject', isUnlimited: false, issueAfterReset: 10 });
    const grant = present(
      await sdk.entitlementsV1.grants.create('v1-subject', 'tokens', {
        amount: 5,
        effectiveAt: new Date('2026-03-07T09:00:00Z'),
        expiration: { duration: 'DAY', count: 7 },
      }),
    );
    expect(grant).toMatchObject({ maxRolloverAmount: 0, expiresAt: new Date('2026-03-14T09:00:00Z') });
    await tokens('v1-subject', [['2026-03-07T09:05:00Z', 12]]);
    at('2026-03-07T10:00:00Z');
    expect(await sdk.entitlementsV1.value('v1-subject', 'tokens')).toEqual({
      hasAccess: true,
      balance: 3,
      usage: 12,
      overage: 0,
      totalAvailableGrantAmount: 15,
    });
    expect(
      present(await sdk.entitlementsV1.grants.list('v1-subject', 'tokens'))
        .map((g) => g.amount)
        .sort(),
    ).toEqual([10, 5]);
    expect((await sdk.entitlementsV1.list({ subject: ['v1-subject'] })) as unknown[]).toHaveLength(1);
    expect(await sdk.entitlementsV1.get(created.id)).toMatchObject({ id: created.id });
    const history = present(
      await sdk.entitlementsV1.history('v1-subject', created.id, { windowSize: 'HOUR' }),
    );
    expect(history.windowedHistory).toEqual([
      {
        period: { from: new Date('2026-03-07T09:00:00Z'), to: new Date('2026-03-07T10:00:00Z') },
        usage: 12,
        balanceAtStart: 15,
      },
    ]);
    await sdk.entitlementsV1.reset('v1-subject', created.id, {
      effectiveAt: new Date('2026-03-07T09:30:00Z'),
    });
    expect(await sdk.entitlementsV1.value('v1-subject', 'tokens')).toMatchObject({ usage: 0, balance: 10 });
    const replaced = present(
      await sdk.entitlementsV1.override('v1-subject', 'tokens', { type: 'boolean', featureKey: 'tokens' }),
    );
    expect(replaced).toMatchObject({ type: 'boolean', subjectKey: 'v1-subject' });
    expect(
      (await sdk.entitlementsV1.grants.listAll({
        subject: ['v1-subject'],
        includeDeleted: true,
      })) as unknown[],
    ).toHaveLength(2);
    await sdk.entitlementsV1.delete('v1-subject', replaced.id);
    await expect(sdk.entitlementsV1.value('v1-subject', 'tokens')).rejects.toMatchObject({ status: 404 });
  });

  it("runs the README's Entitlements steps: 100 a month, 50 more that burn first, 120 used → 30 left", async () => {
    // README "Entitlements", with NOW = 2026-03-09T08:00:00Z and the two events a few seconds later.
    at('2026-03-09T08:00:20Z');
    const post = async (path: string, body: unknown, status = 201) => {
      const answer = await app.request('POST', path, { body });
      expect([path, answer.status]).toEqual([path, status]);
      return answer.body;
    };
    await post('/api/v1/meters', {
      slug: 'llm_tokens',
      name: 'LLM tokens',
      eventType: 'llm_request',
      aggregation: 'SUM',
      valueProperty: '$.tokens',
    });
    await post('/api/v1/features', { key: 'llm_tokens', name: 'LLM tokens', meterSlug: 'llm_tokens' });
    await post('/api/v1/customers', {
      name: 'Readme Inc',
      key: 'readme-inc',
      usageAttribution: { subjectKeys: ['readme-inc'] },
    });
    const NOW = '2026-03-09T08:00:00Z';
    await post('/api/v2/customers/readme-inc/entitlements', {
      type: 'metered',
      featureKey: 'llm_tokens',
      usagePeriod: { interval: 'MONTH', anchor: NOW },
      issue: { amount: 100, priority: 2 },
    });
    const grant = await post('/api/v2/customers/readme-inc/entitlements/llm_tokens/grants', {
      amount: 50,
      priority: 1,
      effectiveAt: NOW,
      expiration: { duration: 'MONTH', count: 1 },
    });
    expect(grant).toMatchObject({ amount: 50, priority: 1, expiresAt: '2026-04-09T08:00:00.000Z' });
    for (const [id, tokens] of [
      ['readme-1', 80],
      ['readme-2', 40],
    ] as const)
      await post(
        '/api/v1/events',
        {
          specversion: '1.0',
          id,
          source: 'readme',
          type: 'llm_request',
          subject: 'readme-inc',
          time: '2026-03-09T08:00:25Z',
          data: { tokens },
        },
        204,
      );
    at('2026-03-09T08:00:30Z');
    const value = await app.request('GET', '/api/v2/customers/readme-inc/entitlements/llm_tokens/value');
    expect(value.body).toMatchObject({
      hasAccess: true,
      balance: 30,
      usage: 120,
      overage: 0,
      totalAvailableGrantAmount: 150,
    });
    expect(value.body.grantBalances[grant.id]).toBe(0);
    const v1 = await app.request('GET', '/api/v1/customers/readme-inc/entitlements/llm_tokens/value');
    expect(v1.body).toEqual({
      hasAccess: true,
      balance: 30,
      usage: 120,
      overage: 0,
      totalAvailableGrantAmount: 150,
    });
  });

  it('documents every entitlement route in /docs-json, with its answer', async () => {
    const docs = await app.request('GET', '/docs-json', { token: null });
    const operations = Object.entries(
      docs.body.paths as Record<string, Record<string, { operationId?: string }>>,
    ).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /api/v2/customers/{customerIdOrKey}/entitlements createCustomerEntitlementV2',
        'GET /api/v2/customers/{customerIdOrKey}/entitlements listCustomerEntitlementsV2',
        'GET /api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey} getCustomerEntitlementV2',
        'DELETE /api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey} deleteCustomerEntitlementV2',
        'GET /api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/grants listCustomerEntitlementGrantsV2',
        'POST /api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/grants createCustomerEntitlementGrantV2',
        'GET /api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/value getCustomerEntitlementValueV2',
        'GET /api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/history getCustomerEntitlementHistoryV2',
        'PUT /api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/override overrideCustomerEntitlementV2',
        'POST /api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/reset resetCustomerEntitlementUsageV2',
        'POST /api/v1/subjects/{subjectIdOrKey}/entitlements createEntitlement',
        'GET /api/v1/subjects/{subjectIdOrKey}/entitlements listSubjectEntitlements',
        'GET /api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementId} getEntitlement',
        'DELETE /api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementId} deleteEntitlement',
        'GET /api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/grants listEntitlementGrants',
        'POST /api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/grants createGrant',
        'GET /api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/value getEntitlementValue',
        'PUT /api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/override overrideEntitlement',
        'GET /api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementId}/history getEntitlementHistory',
        'POST /api/v1/subjects/{subjectIdOrKey}/entitlements/{entitlementId}/reset resetEntitlementUsage',
        'GET /api/v1/entitlements listEntitlements',
        'GET /api/v1/entitlements/{entitlementId} getEntitlementById',
        'GET /api/v2/entitlements listEntitlementsV2',
        'GET /api/v2/entitlements/{entitlementId} getEntitlementByIdV2',
        'GET /api/v1/grants listGrants',
        'DELETE /api/v1/grants/{grantId} voidGrant',
        'GET /api/v2/grants listGrantsV2',
        'GET /api/v1/customers/{customerIdOrKey}/access getCustomerAccess',
        'GET /api/v1/customers/{customerIdOrKey}/entitlements/{featureKey}/value getCustomerEntitlementValue',
      ]),
    );
    const schemas = docs.body.components.schemas;
    expect(schemas.EntitlementCreateRequest.properties).toHaveProperty('usagePeriod');
    expect(schemas.GrantCreateRequestV1.required).toEqual(
      expect.arrayContaining(['amount', 'effectiveAt', 'expiration']),
    );
    expect(Object.keys(schemas.EntitlementValueV2View.properties)).toEqual(
      expect.arrayContaining([
        'hasAccess',
        'balance',
        'usage',
        'overage',
        'totalAvailableGrantAmount',
        'grantBalances',
      ]),
    );
    const value =
      docs.body.paths['/api/v2/customers/{customerIdOrKey}/entitlements/{entitlementIdOrFeatureKey}/value'];
    expect(value.get.responses['200'].content['application/json'].schema.$ref).toMatch(
      /EntitlementValueV2View/,
    );
  });
});
