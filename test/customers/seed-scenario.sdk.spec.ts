import { OpenMeter } from '@openmeter/sdk';
import { startTestApp, TestApp } from '../support/test-app';
import { TUTORIAL } from '../support/tutorial';

/**
 * Steps 1–5 of the seed scenario (../shared/API.md) through OpenMeter's own JavaScript SDK: a real
 * third-party client, so the routes, shapes and status codes are what an OpenMeter user gets.
 */
describe('seed scenario through @openmeter/sdk', () => {
  let app: TestApp;
  let sdk: OpenMeter;

  beforeAll(async () => {
    app = await startTestApp();
    sdk = new OpenMeter({ baseUrl: app.url, apiKey: app.adminToken });
  });
  afterAll(() => app.close());

  it('creates the meter, feature, plan, customer and subscription, and reads each back', async () => {
    const meter = present(await sdk.meters.create(TUTORIAL.meter));
    const feature = present(await sdk.features.create(TUTORIAL.feature));
    const draft = present(await sdk.plans.create(TUTORIAL.plan));
    expect(draft.status).toBe('draft');
    const plan = present(await sdk.plans.publish(draft.id));
    expect(plan.status).toBe('active');
    const customer = present(await sdk.customers.create(TUTORIAL.customer));
    const subscription = present(await sdk.subscriptions.create(TUTORIAL.subscription));

    expect(await sdk.meters.get('active_users_total')).toEqual(meter);
    expect(meter).toMatchObject({
      slug: 'active_users_total',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user_id',
    });
    expect(await sdk.meters.list()).toEqual([meter]);

    expect(await sdk.features.get(feature.id)).toEqual(feature);
    expect(feature).toMatchObject({ key: 'active_users', meterSlug: 'active_users_total' });

    const planRead = present(await sdk.plans.get(plan.id));
    expect(planRead).toEqual(plan);
    expect(planRead).toMatchObject({ key: 'per_seat', version: 1, currency: 'USD', billingCadence: 'P1M' });
    expect(planRead.phases[0]?.rateCards[0]).toMatchObject({
      featureKey: 'active_users',
      price: { type: 'unit', amount: '1' },
    });
    expect((await sdk.plans.get('per_seat'))?.id).toBe(plan.id);

    const customerRead = present(await sdk.customers.get('acme-inc'));
    expect(customerRead).toMatchObject({
      id: customer.id,
      key: 'acme-inc',
      usageAttribution: { subjectKeys: ['acme-inc'] },
    });
    expect(customerRead.currentSubscriptionId).toBe(subscription.id);

    const subscriptionRead = present(await sdk.subscriptions.get(subscription.id));
    expect(subscriptionRead).toMatchObject({
      id: subscription.id,
      status: 'active',
      customerId: customer.id,
      plan: { id: plan.id, key: 'per_seat', version: 1 },
      currency: 'USD',
      billingCadence: 'P1M',
    });
    // The SDK turns timestamps into Dates; the anchor is the start, so the first period is whole.
    expect(subscriptionRead.billingAnchor).toEqual(subscriptionRead.activeFrom);
    expect(subscriptionRead.activeFrom.getUTCMilliseconds()).toBe(0);

    const listed = present(await sdk.customers.listSubscriptions('acme-inc'));
    expect(listed.items.map((s) => s.id)).toEqual([subscription.id]);
    expect(await sdk.customers.entitlementsV1.value('acme-inc', 'active_users')).toEqual({ hasAccess: true });
  });

  it('documents every catalog, customer and subscription route in /docs-json', async () => {
    const docs = await app.request('GET', '/docs-json', { token: null });
    const operations = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /api/v1/meters',
        'POST /api/v1/meters',
        'GET /api/v1/meters/{meterIdOrSlug}',
        'PUT /api/v1/meters/{meterIdOrSlug}',
        'DELETE /api/v1/meters/{meterIdOrSlug}',
        'GET /api/v1/features',
        'POST /api/v1/features',
        'GET /api/v1/features/{featureId}',
        'DELETE /api/v1/features/{featureId}',
        'GET /api/v1/plans',
        'POST /api/v1/plans',
        'GET /api/v1/plans/{planId}',
        'PUT /api/v1/plans/{planId}',
        'DELETE /api/v1/plans/{planId}',
        'POST /api/v1/plans/{planId}/publish',
        'POST /api/v1/plans/{planId}/archive',
        'POST /api/v1/plans/{planIdOrKey}/next',
        'GET /api/v1/customers',
        'POST /api/v1/customers',
        'GET /api/v1/customers/{customerIdOrKey}',
        'PUT /api/v1/customers/{customerIdOrKey}',
        'DELETE /api/v1/customers/{customerIdOrKey}',
        'GET /api/v1/customers/{customerIdOrKey}/subscriptions',
        'GET /api/v1/customers/{customerIdOrKey}/entitlements/{featureKey}/value',
        'POST /api/v1/subscriptions',
        'GET /api/v1/subscriptions/{subscriptionId}',
        'POST /api/v1/subscriptions/{subscriptionId}/cancel',
      ]),
    );
    expect(docs.body.components.schemas.CreatePlanRequest.required).toEqual(
      expect.arrayContaining(['key', 'currency', 'name', 'billingCadence', 'phases']),
    );
  });

  it('surfaces Tally’s problem answers as the SDK’s HTTP errors', async () => {
    await expect(sdk.meters.get('no_such_meter')).rejects.toMatchObject({ status: 404 });
    await expect(
      sdk.customers.create({ name: 'Copycat', key: 'acme-inc', usageAttribution: { subjectKeys: [] } }),
    ).rejects.toMatchObject({ status: 409 });
  });
});

/** The SDK types every answer as possibly undefined; a successful call here always has a body. */
function present<T>(value: T | undefined): T {
  expect(value).toBeDefined();
  return value as T;
}
