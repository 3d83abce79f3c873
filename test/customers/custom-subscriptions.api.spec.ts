import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';

const seats = {
  type: 'usage_based',
  key: 'active_users',
  name: 'active-users',
  featureKey: 'active_users',
  billingCadence: 'P1M',
  price: { type: 'unit', amount: '2' },
};
const platform = {
  type: 'flat_fee',
  key: 'platform',
  name: 'Platform',
  billingCadence: 'P1M',
  price: { type: 'flat', amount: '10', paymentTerm: 'in_advance' },
};
const twoPhases = {
  key: 'ramp',
  name: 'Ramp',
  currency: 'USD',
  billingCadence: 'P1M',
  phases: [
    { key: 'trial', name: 'Trial', duration: 'P1M', rateCards: [{ ...platform, price: null }] },
    { key: 'paid', name: 'Paid', duration: null, rateCards: [platform, seats] },
  ],
};

/**
 * OpenMeter's subscription options (`startingPhase`, `alignment`, `settlementMode`,
 * `costBasisMode`), custom subscriptions (a `customPlan` given inline) and the customer list's
 * filters, through the real server.
 */
describe('subscription options and custom subscriptions', () => {
  const clock = new ManualClock(new Date('2024-03-01T00:00:00.000Z'));
  let app: TestApp;

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    return answer;
  };
  const customer = async (key: string) =>
    (await call('POST', '/api/v1/customers', { name: key, key, usageAttribution: { subjectKeys: [key] } }))
      .body.id as string;
  const eventCount = async () =>
    Number((await app.db.dataSource.query(`SELECT count(*) AS n FROM tally_events`))[0].n);

  beforeAll(async () => {
    app = await startTestApp({ clock });
    const meter = {
      slug: 'active_users_total',
      eventType: 'user_activity',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user_id',
    };
    expect((await call('POST', '/api/v1/meters', meter)).status).toBe(201);
    const feature = { key: 'active_users', name: 'active-users', meterSlug: 'active_users_total' };
    expect((await call('POST', '/api/v1/features', feature)).status).toBe(201);
    const plan = await call('POST', '/api/v1/plans', twoPhases);
    expect(plan.status).toBe(201);
    expect((await call('POST', `/api/v1/plans/${plan.body.id}/publish`)).status).toBe(200);
  });
  afterAll(() => app.close());

  it('starts in the phase asked for, keeps the options asked for, and shows them back', async () => {
    await customer('starter');
    const created = await call('POST', '/api/v1/subscriptions', {
      customerKey: 'starter',
      plan: { key: 'ramp' },
      startingPhase: 'paid',
      alignment: { billablesMustAlign: true },
      settlementMode: 'credit_only',
      costBasisMode: 'pinned',
    });
    expect([created.status, created.text]).toEqual([201, expect.any(String)]);
    expect(created.body).toMatchObject({
      plan: { key: 'ramp', version: 1 },
      settlementMode: 'credit_only',
      costBasisMode: 'pinned',
      alignment: { billablesMustAlign: true, currentAlignedBillingPeriod: expect.any(Object) },
      phases: [{ key: 'paid', activeFrom: '2024-03-01T00:00:00.000Z' }],
    });
    expect(created.body.phases).toHaveLength(1);
    const preview = await call('GET', '/api/v1/billing/customers/starter/invoices/preview');
    expect(preview.body.lines.map((line: { name: string }) => line.name).sort()).toEqual([
      'Platform',
      'active-users',
    ]);
  });

  it('defaults what was not asked for as OpenMeter does, and starts in the first phase', async () => {
    await customer('plain');
    const created = await call('POST', '/api/v1/subscriptions', {
      customerKey: 'plain',
      plan: { key: 'ramp' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ settlementMode: 'credit_then_invoice', costBasisMode: 'dynamic' });
    expect(created.body.alignment).not.toHaveProperty('billablesMustAlign');
    expect(created.body.phases.map((phase: { key: string }) => phase.key)).toEqual(['trial', 'paid']);
  });

  it('refuses an unknown starting phase, and alignment the plan does not meet (400), writing nothing', async () => {
    await customer('weekly');
    const weekly = {
      ...twoPhases,
      key: 'weekly',
      billingCadence: 'P4W',
      phases: [
        { key: 'default', name: 'Default', duration: null, rateCards: [{ ...seats, billingCadence: 'P1W' }] },
      ],
    };
    const plan = await call('POST', '/api/v1/plans', weekly);
    expect((await call('POST', `/api/v1/plans/${plan.body.id}/publish`)).status).toBe(200);
    const before = await eventCount();
    const phase = await call('POST', '/api/v1/subscriptions', {
      customerKey: 'weekly',
      plan: { key: 'ramp' },
      startingPhase: 'gold',
    });
    expect([phase.status, phase.body.code]).toEqual([400, 'SUBSCRIPTIONS.INVALID_STARTING_PHASE']);
    expect(phase.body.extensions.validationErrors[0].field).toBe('$.startingPhase');
    const aligned = await call('POST', '/api/v1/subscriptions', {
      customerKey: 'weekly',
      plan: { key: 'weekly' },
      alignment: { billablesMustAlign: true },
    });
    expect([aligned.status, aligned.body.code]).toEqual([400, 'SUBSCRIPTIONS.UNALIGNED']);
    expect(aligned.body.errors[0]).toMatchObject({ field: 'body.alignment.billablesMustAlign' });
    expect(aligned.body.errors[0].message).toMatch(/phases\[0\]\.rateCards\[0\]\.billingCadence/);
    expect(await eventCount()).toBe(before);
    // Without the demand, the weekly rate card divides the four-week period: subscribed.
    const unaligned = await call('POST', '/api/v1/subscriptions', {
      customerKey: 'weekly',
      plan: { key: 'weekly' },
      alignment: { billablesMustAlign: false },
    });
    expect(unaligned.status).toBe(201);
    expect(unaligned.body.alignment.billablesMustAlign).toBe(false);
  });

  it('subscribes to a custom plan given inline, which no catalog holds, and bills it', async () => {
    const id = await customer('bespoke');
    const before = (await call('GET', '/api/v1/plans?includeDeleted=true')).body.totalCount;
    const customPlan = {
      name: 'Bespoke',
      description: 'negotiated',
      currency: 'USD',
      billingCadence: 'P1M',
      alignment: { billablesMustAlign: true },
      phases: [
        {
          key: 'default',
          name: 'Default',
          duration: null,
          rateCards: [{ ...seats, price: { type: 'unit', amount: '0.5' } }, platform],
        },
      ],
    };
    const created = await call('POST', '/api/v1/subscriptions', {
      customerId: id,
      customPlan,
      timing: 'immediate',
    });
    expect([created.status, created.text]).toEqual([201, expect.any(String)]);
    expect(created.body).not.toHaveProperty('plan');
    expect(created.body).toMatchObject({
      name: 'Bespoke',
      customerId: id,
      currency: 'USD',
      billingCadence: 'P1M',
      status: 'active',
      phases: [
        { key: 'default', items: [expect.objectContaining({ key: 'active_users' }), expect.anything()] },
      ],
    });
    expect((await call('GET', '/api/v1/plans?includeDeleted=true')).body.totalCount).toBe(before);
    const events = ['alice', 'bob', 'carol'].map((user, n) => ({
      specversion: '1.0',
      id: `bespoke-${n}`,
      source: 'test',
      type: 'user_activity',
      subject: 'bespoke',
      time: '2024-03-01T00:10:00Z',
      data: { user_id: user },
    }));
    expect((await call('POST', '/api/v1/events', events)).status).toBe(204);
    const preview = await call('GET', '/api/v1/billing/customers/bespoke/invoices/preview');
    const line = preview.body.lines.find((l: { name: string }) => l.name === 'active-users');
    expect(line).toMatchObject({ quantity: '3', totals: { total: '1.5' } });
  });

  it('refuses a custom plan the catalog would not publish, and both plan and customPlan (400)', async () => {
    await customer('refused');
    const before = await eventCount();
    const broken = await call('POST', '/api/v1/subscriptions', {
      customerKey: 'refused',
      customPlan: {
        name: 'Broken',
        currency: 'USD',
        billingCadence: 'P1M',
        phases: [
          {
            key: 'default',
            name: 'Default',
            duration: null,
            rateCards: [{ ...seats, key: 'nothing', featureKey: 'nothing' }],
          },
        ],
      },
    });
    expect([broken.status, broken.body.code]).toEqual([400, 'CATALOG.PLAN_INVALID']);
    expect(broken.body.extensions.validationErrors.map((e: { field: string }) => e.field)).toEqual([
      '$.customPlan.phases[0].rateCards[0].featureKey',
    ]);
    const both = await call('POST', '/api/v1/subscriptions', {
      customerKey: 'refused',
      plan: { key: 'ramp' },
      customPlan: { name: 'X', currency: 'USD', billingCadence: 'P1M', phases: [] },
    });
    expect(both.status).toBe(400);
    expect(both.body.errors.map((e: { field: string }) => e.field)).toContain('customPlan');
    const neither = await call('POST', '/api/v1/subscriptions', { customerKey: 'refused' });
    expect([neither.status, neither.body.errors[0].field]).toEqual([400, 'plan']);
    expect(await eventCount()).toBe(before);
  });

  it("filters customers as OpenMeter's list does: planKey exactly, key and subject in part", async () => {
    const keys = (query: string) =>
      call('GET', `/api/v1/customers?${query}`).then((answer) =>
        answer.body.items.map((c: { key: string }) => c.key).sort(),
      );
    expect(await keys('planKey=ramp')).toEqual(['plain', 'starter']);
    expect(await keys('planKey=weekly')).toEqual(['weekly']);
    expect(await keys('planKey=nothing')).toEqual([]);
    expect(await keys('key=TART')).toEqual(['starter']);
    expect(await keys('subject=ESPO')).toEqual(['bespoke']);
    // A subscription that has ended no longer counts.
    const plain = (await call('GET', '/api/v1/customers/plain?expand=subscriptions')).body;
    await call('POST', `/api/v1/subscriptions/${plain.currentSubscriptionId}/cancel`, {
      timing: 'immediate',
    });
    clock.set(new Date('2024-03-01T00:00:02.000Z'));
    expect(await keys('planKey=ramp')).toEqual(['starter']);
  });
});
