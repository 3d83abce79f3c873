import { OpenMeter } from '@openmeter/sdk';
import { startTestApp, TestApp } from '../support/test-app';

const seats = {
  type: 'flat_fee' as const,
  key: 'seats',
  name: 'Extra seats',
  billingCadence: 'P1M',
  price: { type: 'flat' as const, amount: '10', paymentTerm: 'in_advance' as const },
};
const tokens = {
  type: 'usage_based' as const,
  key: 'tokens',
  name: 'Tokens',
  featureKey: 'tokens',
  billingCadence: 'P1M',
  price: { type: 'unit' as const, amount: '0.01' },
};
const extra = {
  key: 'extra',
  name: 'Extra',
  currency: 'USD',
  instanceType: 'multiple' as const,
  rateCards: [seats, tokens],
};

/** The add-on catalog through OpenMeter's own SDK (`addons.*`), and its refusals through HTTP. */
describe('add-ons API', () => {
  let app: TestApp;
  let sdk: OpenMeter;

  beforeAll(async () => {
    app = await startTestApp();
    sdk = new OpenMeter({ baseUrl: app.url, apiKey: app.adminToken });
  });
  afterAll(() => app.close());

  it('creates, edits, publishes, versions, archives and deletes add-ons', async () => {
    const { key: _key, currency: _currency, ...replace } = extra;
    const draft = present(await sdk.addons.create(extra));
    expect(draft).toMatchObject({
      key: 'extra',
      version: 1,
      status: 'draft',
      instanceType: 'multiple',
      currency: 'USD',
      rateCards: [seats, tokens],
      validationErrors: null,
    });
    expect(await sdk.addons.get(draft.id)).toEqual(draft);
    const edited = present(
      await sdk.addons.update(draft.id, {
        name: 'Extra seats and tokens',
        instanceType: 'multiple',
        rateCards: [seats, tokens],
      }),
    );
    expect(edited.name).toBe('Extra seats and tokens');

    // Its feature does not exist yet: publishing names the rate card, and writes nothing.
    const refused = await app.request('POST', `/api/v1/addons/${draft.id}/publish`);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['rateCards[1].featureKey']);
    await app.request('POST', '/api/v1/meters', {
      body: { slug: 'tokens', eventType: 'ai', aggregation: 'SUM', valueProperty: '$.tokens' },
    });
    await app.request('POST', '/api/v1/features', {
      body: { key: 'tokens', name: 'Tokens', meterSlug: 'tokens' },
    });

    const v1 = present(await sdk.addons.publish(draft.id));
    expect(v1).toMatchObject({ status: 'active', version: 1 });
    expect(new Date(v1.effectiveFrom!).getTime()).toBeLessThanOrEqual(Date.now());
    expect((await app.request('PUT', `/api/v1/addons/${draft.id}`, { body: replace })).status).toBe(409);
    expect((await app.request('DELETE', `/api/v1/addons/${draft.id}`)).status).toBe(409);

    // A create of the same key is its next version; one draft per key.
    const v2draft = present(
      await sdk.addons.create({ ...extra, instanceType: 'single', rateCards: [seats] }),
    );
    expect(v2draft).toMatchObject({ version: 2, status: 'draft' });
    const second = await app.request('POST', '/api/v1/addons', { body: extra });
    expect([second.status, second.body.type]).toEqual([409, expect.any(String)]);
    expect(present(await sdk.addons.get('extra')).id).toBe(draft.id);
    expect((await app.request('GET', '/api/v1/addons/extra?includeLatest=true')).body.id).toBe(v2draft.id);

    // Publishing v2 archives v1.
    const v2 = present(await sdk.addons.publish(v2draft.id));
    expect(v2).toMatchObject({ status: 'active', version: 2, instanceType: 'single' });
    expect(present(await sdk.addons.get(draft.id))).toMatchObject({ status: 'archived' });
    expect(present(await sdk.addons.get('extra')).id).toBe(v2.id);
    const archived = present(await sdk.addons.archive(v2.id));
    expect(archived.status).toBe('archived');

    // A draft deleted frees the key's draft slot; its number stays used.
    const v3draft = present(await sdk.addons.create(extra));
    await sdk.addons.delete(v3draft.id);
    expect(present(await sdk.addons.create(extra)).version).toBe(4);

    const listed = present(await sdk.addons.list({ status: ['archived'] }));
    expect(listed.items.map((item) => item.version)).toEqual([1, 2]);
    expect(present(await sdk.addons.list({ includeDeleted: true })).totalCount).toBe(4);
    expect((await app.request('GET', '/api/v1/addons/nothing_here')).status).toBe(404);
  });

  it("offers published add-ons on a draft plan's phases, frozen once the plan is published", async () => {
    const addon = present(await sdk.addons.create({ ...extra, key: 'boost', rateCards: [seats] }));
    const plan = present(
      await sdk.plans.create({
        key: 'pro',
        name: 'Pro',
        currency: 'USD',
        billingCadence: 'P1M',
        phases: [
          { key: 'trial', name: 'Trial', duration: 'P1M', rateCards: [] },
          { key: 'default', name: 'Default', duration: null, rateCards: [] },
        ],
      }),
    );
    // Only a published add-on is offered: 400 naming addonId.
    const early = await app.request('POST', `/api/v1/plans/${plan.id}/addons`, {
      body: { addonId: addon.id, fromPlanPhase: 'default' },
    });
    expect([early.status, early.body.errors?.map((e: { field: string }) => e.field)]).toEqual([
      400,
      ['addonId'],
    ]);
    await sdk.addons.publish(addon.id);

    const offered = present(
      await sdk.plans.addons.create(plan.id, { addonId: addon.id, fromPlanPhase: 'trial', maxQuantity: 5 }),
    );
    expect(offered).toMatchObject({
      fromPlanPhase: 'trial',
      maxQuantity: 5,
      addon: { id: addon.id, key: 'boost', status: 'active' },
      validationErrors: null,
    });
    expect(present(await sdk.plans.addons.get(plan.id, 'boost'))).toEqual(offered);
    const again = await app.request('POST', `/api/v1/plans/${plan.id}/addons`, {
      body: { addonId: addon.id, fromPlanPhase: 'default' },
    });
    expect(again.status).toBe(409);
    const bad = await app.request('PUT', `/api/v1/plans/${plan.id}/addons/${addon.id}`, {
      body: { fromPlanPhase: 'nope', maxQuantity: 0 },
    });
    expect([bad.status, bad.body.errors.map((e: { field: string }) => e.field).sort()]).toEqual([
      400,
      ['maxQuantity'],
    ]);
    const unknownPhase = await app.request('PUT', `/api/v1/plans/${plan.id}/addons/${addon.id}`, {
      body: { fromPlanPhase: 'nope' },
    });
    expect(unknownPhase.body.errors.map((e: { field: string }) => e.field)).toEqual(['fromPlanPhase']);
    const updated = present(
      await sdk.plans.addons.update(plan.id, addon.id, { fromPlanPhase: 'default', maxQuantity: 2 }),
    );
    expect(updated).toMatchObject({ fromPlanPhase: 'default', maxQuantity: 2 });
    await sdk.plans.addons.delete(plan.id, addon.id);
    expect(present(await sdk.plans.addons.list(plan.id)).items).toEqual([]);
    expect(
      (await app.request('GET', `/api/v1/plans/${plan.id}/addons?includeDeleted=true`)).body.totalCount,
    ).toBe(1);
    present(
      await sdk.plans.addons.create(plan.id, { addonId: addon.id, fromPlanPhase: 'default', maxQuantity: 2 }),
    );

    // Published: the plan offers exactly what it was published with.
    await sdk.plans.publish(plan.id);
    expect(present(await sdk.plans.addons.list('pro')).items.map((item) => item.addon.key)).toEqual([
      'boost',
    ]);
    for (const [method, path, body] of [
      ['POST', `/api/v1/plans/${plan.id}/addons`, { addonId: addon.id, fromPlanPhase: 'default' }],
      ['PUT', `/api/v1/plans/${plan.id}/addons/${addon.id}`, { fromPlanPhase: 'trial' }],
      ['DELETE', `/api/v1/plans/${plan.id}/addons/${addon.id}`, undefined],
    ] as const) {
      const answer = await app.request(method, path, body === undefined ? {} : { body });
      expect([method, answer.status, answer.body.code]).toEqual([method, 409, 'CATALOG.PLAN_NOT_DRAFT']);
    }
  });

  it("starts a plan's next version without its add-ons, as OpenMeter's NextPlan does", async () => {
    // `pro` v1 offers `boost` (the test above); its next draft copies the phases, not the offers.
    const next = await app.request('POST', '/api/v1/plans/pro/next');
    expect([next.status, next.body.version]).toEqual([201, 2]);
    expect(present(await sdk.plans.addons.list(next.body.id)).items).toEqual([]);
    const v1 = present(await sdk.plans.get('pro'));
    expect(present(await sdk.plans.addons.list(v1.id)).items.map((item) => item.addon.key)).toEqual([
      'boost',
    ]);
    expect((await app.request('DELETE', `/api/v1/plans/${next.body.id}`)).status).toBe(204);
  });

  it('refuses to publish a plan whose add-on is offered from a phase it no longer has', async () => {
    const addon = present(await sdk.addons.create({ ...extra, key: 'stranded', rateCards: [seats] }));
    await sdk.addons.publish(addon.id);
    const phases = [
      { key: 'trial', name: 'Trial', duration: 'P1M', rateCards: [] },
      { key: 'default', name: 'Default', duration: null, rateCards: [] },
    ];
    const plan = present(
      await sdk.plans.create({
        key: 'shrinking',
        name: 'Shrinking',
        currency: 'USD',
        billingCadence: 'P1M',
        phases,
      }),
    );
    await sdk.plans.addons.create(plan.id, { addonId: addon.id, fromPlanPhase: 'trial' });
    await sdk.plans.update(plan.id, { name: 'Shrinking', billingCadence: 'P1M', phases: [phases[1]] });
    const stranded = present(await sdk.plans.addons.get(plan.id, addon.id));
    expect(stranded.validationErrors).toEqual([expect.objectContaining({ field: '$.fromPlanPhase' })]);
    const refused = await app.request('POST', `/api/v1/plans/${plan.id}/publish`);
    expect([refused.status, refused.body.errors?.map((e: { field: string }) => e.field)]).toEqual([
      400,
      ['addons.stranded.fromPlanPhase'],
    ]);
    await sdk.plans.addons.update(plan.id, addon.id, { fromPlanPhase: 'default' });
    expect(present(await sdk.plans.publish(plan.id)).status).toBe('active');
  });

  it('refuses bad add-ons with 400 naming each field, writing nothing', async () => {
    const count = async () =>
      (await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_events`))[0].n;
    const before = await count();
    const answer = await app.request('POST', '/api/v1/addons', {
      body: {
        ...extra,
        key: 'bad_one',
        instanceType: 'many',
        rateCards: [seats, { ...seats, price: { type: 'flat', amount: 'ten', paymentTerm: 'in_advance' } }],
      },
    });
    expect(answer.status).toBe(400);
    const fields = answer.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['instanceType', 'rateCards[1].price.amount']));
    const duplicate = await app.request('POST', '/api/v1/addons', {
      body: { ...extra, key: 'bad_two', rateCards: [seats, seats] },
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors.map((e: { field: string }) => e.field)).toEqual(['rateCards[1].key']);
    expect(await count()).toBe(before);
  });
});

function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}
