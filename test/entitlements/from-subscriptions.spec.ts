import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Entitlements a subscription provides, from its plan's entitlement templates: in force from the
 * subscription's start, managed by it (only an override replaces them), ended with it.
 */
describe('entitlements from subscriptions', () => {
  const clock = new ManualClock(new Date('2026-05-10T08:00:00Z'));
  let app: TestApp;

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    return answer;
  };
  const ok = async (method: string, path: string, body?: unknown) => {
    const answer = await call(method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const usage = (id: string, time: string, tokens: number) =>
    ok('POST', '/api/v1/events', {
      specversion: '1.0',
      id,
      source: 'subscriptions-spec',
      type: 'llm',
      subject: 'globex',
      time,
      data: { tokens },
    });

  beforeAll(async () => {
    app = await startTestApp({ clock });
    await ok('POST', '/api/v1/meters', {
      slug: 'llm_tokens',
      eventType: 'llm',
      aggregation: 'SUM',
      valueProperty: '$.tokens',
    });
    await ok('POST', '/api/v1/features', { key: 'llm_tokens', name: 'LLM tokens', meterSlug: 'llm_tokens' });
    await ok('POST', '/api/v1/features', { key: 'sso', name: 'SSO' });
    const plan = await ok('POST', '/api/v1/plans', {
      key: 'team',
      name: 'Team',
      currency: 'USD',
      billingCadence: 'P1M',
      phases: [
        {
          key: 'default',
          name: 'Default',
          duration: null,
          rateCards: [
            {
              type: 'usage_based',
              key: 'llm_tokens',
              name: 'LLM tokens',
              featureKey: 'llm_tokens',
              billingCadence: 'P1M',
              price: { type: 'unit', amount: '0.01' },
              entitlementTemplate: { type: 'metered', issueAfterReset: 100 },
            },
            {
              type: 'flat_fee',
              key: 'sso',
              name: 'SSO',
              featureKey: 'sso',
              billingCadence: 'P1M',
              price: null,
              entitlementTemplate: { type: 'boolean' },
            },
          ],
        },
      ],
    });
    await ok('POST', `/api/v1/plans/${plan.id}/publish`);
    await ok('POST', '/api/v1/customers', {
      name: 'Globex',
      key: 'globex',
      usageAttribution: { subjectKeys: ['globex'] },
    });
  });
  afterAll(() => app.close());

  it('answers a metered template with its balance: 100 issued, 25 used → 75 left (it answered hasAccess false)', async () => {
    const subscription = await ok('POST', '/api/v1/subscriptions', {
      customerKey: 'globex',
      plan: { key: 'team' },
      timing: 'immediate',
    });
    await usage('u1', '2026-05-10T08:00:30Z', 25);
    clock.set(new Date('2026-05-10T09:00:00Z'));
    expect(await ok('GET', '/api/v1/customers/globex/entitlements/llm_tokens/value')).toEqual({
      hasAccess: true,
      balance: 75,
      usage: 25,
      overage: 0,
      totalAvailableGrantAmount: 100,
    });
    const entitlement = await ok('GET', '/api/v2/customers/globex/entitlements/llm_tokens');
    expect(entitlement).toMatchObject({
      type: 'metered',
      annotations: { 'subscription.id': subscription.id },
      activeFrom: '2026-05-10T08:00:00.000Z',
      measureUsageFrom: '2026-05-10T08:00:00.000Z',
      usagePeriod: { interval: 'MONTH', anchor: '2026-05-10T08:00:00.000Z' },
      currentUsagePeriod: { from: '2026-05-10T08:00:00.000Z', to: '2026-06-10T08:00:00.000Z' },
      issue: { amount: 100, priority: 1 },
    });
    expect((await ok('GET', '/api/v1/customers/globex/access')).entitlements).toEqual({
      llm_tokens: { hasAccess: true, balance: 75, usage: 25, overage: 0, totalAvailableGrantAmount: 100 },
      sso: { hasAccess: true },
    });
  });

  it('refuses manual changes to what the subscription manages, but lets an override win', async () => {
    const managed = await ok('GET', '/api/v2/customers/globex/entitlements/llm_tokens');
    for (const [method, path, body] of [
      ['DELETE', '/api/v2/customers/globex/entitlements/llm_tokens', undefined],
      ['POST', '/api/v2/customers/globex/entitlements/llm_tokens/reset', {}],
      [
        'POST',
        '/api/v2/customers/globex/entitlements/llm_tokens/grants',
        { amount: 5, effectiveAt: '2026-05-10T09:00:00Z' },
      ],
    ] as const) {
      const answer = await call(method, path, body);
      expect([path, answer.status, answer.body.code]).toEqual([
        path,
        403,
        'ENTITLEMENTS.MANAGED_BY_SUBSCRIPTION',
      ]);
    }
    const grants = await ok('GET', '/api/v2/customers/globex/entitlements/llm_tokens/grants');
    expect((await call('DELETE', `/api/v1/grants/${grants.items[0].id}`)).status).toBe(403);
    const created = await call('POST', '/api/v2/customers/globex/entitlements', {
      type: 'boolean',
      featureKey: 'llm_tokens',
    });
    expect([created.status, created.body.code]).toEqual([409, 'ENTITLEMENTS.ALREADY_EXISTS']);

    const override = await ok('PUT', '/api/v2/customers/globex/entitlements/llm_tokens/override', {
      type: 'metered',
      featureKey: 'llm_tokens',
      usagePeriod: { interval: 'MONTH' },
      issue: { amount: 500 },
    });
    expect(override.annotations).toBeUndefined();
    expect(await ok('GET', `/api/v2/customers/globex/entitlements/${managed.id}`)).toMatchObject({
      deletedAt: '2026-05-10T09:00:00.000Z',
    });
    await usage('u2', '2026-05-10T09:00:10Z', 30);
    clock.set(new Date('2026-05-10T09:30:00Z'));
    expect(await ok('GET', '/api/v1/customers/globex/entitlements/llm_tokens/value')).toMatchObject({
      balance: 470,
      usage: 30,
    });
  });

  it('ends what the subscription provides when it ends; the override stays', async () => {
    const [subscription] = (await ok('GET', '/api/v1/customers/globex/subscriptions')).items;
    await ok('POST', `/api/v1/subscriptions/${subscription.id}/cancel`, { timing: 'immediate' });
    clock.set(new Date('2026-05-10T10:00:00Z'));
    expect(await ok('GET', '/api/v1/customers/globex/entitlements/sso/value')).toEqual({ hasAccess: false });
    expect(await ok('GET', '/api/v1/customers/globex/entitlements/llm_tokens/value')).toMatchObject({
      hasAccess: true,
      balance: 470,
    });
    expect(
      await ok('GET', '/api/v1/customers/globex/entitlements/sso/value?time=2026-05-10T09:29:00Z'),
    ).toEqual({ hasAccess: true });
    const sso = await ok('GET', '/api/v2/entitlements?feature=sso&customerKeys=globex');
    expect(sso.items.map((e: { activeTo: string }) => e.activeTo)).toEqual(['2026-05-10T09:30:00.000Z']);
  });

  it('gives and takes what an edit adds or removes, from the edit’s instant', async () => {
    await ok('POST', '/api/v1/features', { key: 'audit_log', name: 'Audit log' });
    await ok('POST', '/api/v1/customers', { name: 'Initech', key: 'initech' });
    const subscription = await ok('POST', '/api/v1/subscriptions', {
      customerKey: 'initech',
      plan: { key: 'team' },
      timing: 'immediate',
    });
    clock.set(new Date('2026-05-10T11:00:00Z'));
    await ok('PATCH', `/api/v1/subscriptions/${subscription.id}`, {
      timing: 'immediate',
      customizations: [
        { op: 'remove_item', phaseKey: 'default', itemKey: 'sso' },
        {
          op: 'add_item',
          phaseKey: 'default',
          rateCard: {
            type: 'flat_fee',
            key: 'audit_log',
            name: 'Audit log',
            featureKey: 'audit_log',
            billingCadence: 'P1M',
            price: null,
            entitlementTemplate: { type: 'boolean' },
          },
        },
      ],
    });
    clock.set(new Date('2026-05-10T12:00:00Z'));
    const value = (feature: string, time = '') =>
      ok('GET', `/api/v1/customers/initech/entitlements/${feature}/value${time && `?time=${time}`}`);
    expect(await value('sso')).toEqual({ hasAccess: false });
    expect(await value('sso', '2026-05-10T10:30:00Z')).toEqual({ hasAccess: true });
    expect(await value('audit_log')).toEqual({ hasAccess: true });
    expect(await value('audit_log', '2026-05-10T10:30:00Z')).toEqual({ hasAccess: false });
    const provided = await ok('GET', '/api/v2/entitlements?customerKeys=initech');
    const windows = Object.fromEntries(
      provided.items.map((e: { featureKey: string; activeFrom: string; activeTo?: string }) => [
        e.featureKey,
        [e.activeFrom, e.activeTo],
      ]),
    );
    expect(windows).toEqual({
      llm_tokens: ['2026-05-10T10:00:00.000Z', undefined],
      sso: ['2026-05-10T10:00:00.000Z', '2026-05-10T11:00:00.000Z'],
      audit_log: ['2026-05-10T11:00:00.000Z', undefined],
    });
  });

  it('provides add-ons’ templates while held: their own, or raising the plan’s issueAfterReset by quantity × theirs', async () => {
    clock.set(new Date('2026-05-11T00:00:00Z'));
    await ok('POST', '/api/v1/features', { key: 'priority_support', name: 'Priority support' });
    const addon = async (key: string, instanceType: string, rateCard: Record<string, unknown>) => {
      const draft = await ok('POST', '/api/v1/addons', {
        key,
        name: key,
        currency: 'USD',
        instanceType,
        rateCards: [{ name: key, billingCadence: 'P1M', price: null, ...rateCard }],
      });
      await ok('POST', `/api/v1/addons/${draft.id}/publish`);
      return draft.id as string;
    };
    const moreTokens = await addon('more_tokens', 'multiple', {
      type: 'usage_based',
      key: 'llm_tokens',
      featureKey: 'llm_tokens',
      entitlementTemplate: { type: 'metered', issueAfterReset: 50 },
    });
    const priority = await addon('priority', 'single', {
      type: 'flat_fee',
      key: 'priority_support',
      featureKey: 'priority_support',
      entitlementTemplate: { type: 'boolean' },
    });
    const plan = await ok('POST', '/api/v1/plans', {
      key: 'plus',
      name: 'Plus',
      currency: 'USD',
      billingCadence: 'P1M',
      phases: [
        {
          key: 'default',
          name: 'Default',
          duration: null,
          rateCards: [
            {
              type: 'usage_based',
              key: 'llm_tokens',
              name: 'LLM tokens',
              featureKey: 'llm_tokens',
              billingCadence: 'P1M',
              price: { type: 'unit', amount: '0.01' },
              entitlementTemplate: { type: 'metered', issueAfterReset: 100 },
            },
          ],
        },
      ],
    });
    for (const addonId of [moreTokens, priority])
      await ok('POST', `/api/v1/plans/${plan.id}/addons`, { addonId, fromPlanPhase: 'default' });
    await ok('POST', `/api/v1/plans/${plan.id}/publish`);
    await ok('POST', '/api/v1/customers', {
      name: 'Hooli',
      key: 'hooli',
      usageAttribution: { subjectKeys: ['hooli'] },
    });
    const subscription = await ok('POST', '/api/v1/subscriptions', {
      customerKey: 'hooli',
      plan: { key: 'plus' },
      timing: 'immediate',
    });
    const take = (id: string, quantity: number) =>
      ok('POST', `/api/v1/subscriptions/${subscription.id}/addons`, {
        name: 'x',
        addon: { id },
        quantity,
        timing: 'immediate',
      });
    const change = (id: string, quantity: number) =>
      ok('PATCH', `/api/v1/subscriptions/${subscription.id}/addons/${id}`, { quantity, timing: 'immediate' });
    clock.set(new Date('2026-05-11T01:00:00Z'));
    const tokens = await take(moreTokens, 2);
    const support = await take(priority, 1);
    clock.set(new Date('2026-05-11T02:00:00Z'));
    await change(tokens.id, 3);
    clock.set(new Date('2026-05-11T03:00:00Z'));
    await change(support.id, 0);
    clock.set(new Date('2026-05-11T04:00:00Z'));

    const provided = await ok('GET', '/api/v2/entitlements?customerKeys=hooli');
    const shapes = provided.items
      .map(
        (e: {
          featureKey: string;
          activeFrom: string;
          activeTo?: string;
          issue?: { amount: number };
          annotations: Record<string, unknown>;
        }) => [e.featureKey, e.activeFrom, e.activeTo, e.issue?.amount, e.annotations['subscription.id']],
      )
      .sort((a: string[], b: string[]) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
    const id = subscription.id;
    expect(shapes).toEqual([
      ['llm_tokens', '2026-05-11T00:00:00.000Z', '2026-05-11T01:00:00.000Z', 100, id],
      ['llm_tokens', '2026-05-11T01:00:00.000Z', '2026-05-11T02:00:00.000Z', 200, id],
      ['llm_tokens', '2026-05-11T02:00:00.000Z', undefined, 250, id],
      ['priority_support', '2026-05-11T01:00:00.000Z', '2026-05-11T03:00:00.000Z', undefined, id],
    ]);
    const value = (feature: string, time = '') =>
      ok('GET', `/api/v1/customers/hooli/entitlements/${feature}/value${time && `?time=${time}`}`);
    expect(await value('llm_tokens')).toMatchObject({ hasAccess: true, balance: 250 });
    expect(await value('priority_support', '2026-05-11T02:30:00Z')).toEqual({ hasAccess: true });
    expect(await value('priority_support')).toEqual({ hasAccess: false });
  });
});
