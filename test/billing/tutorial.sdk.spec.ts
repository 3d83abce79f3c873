import { OpenMeter } from '@openmeter/sdk';
import { startTestApp, TestApp } from '../support/test-app';

/** The whole tutorial through OpenMeter's JavaScript SDK: catalog, subscription, usage, invoice. */
describe('the tutorial through @openmeter/sdk', () => {
  let app: TestApp;
  let sdk: OpenMeter;

  beforeAll(async () => {
    app = await startTestApp();
    sdk = new OpenMeter({ baseUrl: app.url, apiKey: app.adminToken });
  });
  afterAll(() => app.close());

  it('invoices three active users at $1 each', async () => {
    await sdk.meters.create({
      slug: 'active_users_total',
      name: 'Active users total',
      description: 'Active Users',
      eventType: 'user_activity',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user_id',
    });
    await sdk.features.create({ key: 'active_users', name: 'active-users', meterSlug: 'active_users_total' });
    const draft = await sdk.plans.create({
      key: 'per_seat',
      name: 'Per-Seat',
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
              key: 'active_users',
              featureKey: 'active_users',
              name: 'active-users',
              price: { type: 'unit', amount: '1' },
              billingCadence: 'P1M',
              entitlementTemplate: { type: 'boolean' },
            },
          ],
        },
      ],
    });
    await sdk.plans.publish(draft!.id);
    const customer = await sdk.customers.create({ name: 'Acme Inc', key: 'acme-inc', usageAttribution: { subjectKeys: ['acme-inc'] } });
    await sdk.subscriptions.create({ customerKey: 'acme-inc', plan: { key: 'per_seat' }, timing: 'immediate' });

    await new Promise((resolve) => setTimeout(resolve, 1100)); // usage after the subscription's first second
    const time = new Date();
    for (const [id, user] of [
      ['57B5F342-B8D5-49AE-9D6C-350C1D92155C', 'alice'],
      ['F388B902-7A82-4C40-BC89-448CFA5DDC1B', 'bob'],
      ['46C16EE0-6174-4336-A539-AEC3AD1E0485', 'carol'],
      ['2843D4B1-C8F8-408E-9F28-6D4EB44E5A8B', 'alice'],
    ]) {
      await sdk.events.ingest({ specversion: '1.0', id, source: 'acme-platform', type: 'user_activity', subject: 'acme-inc', time, data: { user_id: user } });
    }

    const listed = await sdk.billing.invoices.list({ customers: [customer!.id], expand: ['lines'] });
    expect(listed?.items).toHaveLength(1);
    const invoice = listed!.items[0];
    expect(invoice).toMatchObject({ status: 'gathering', currency: 'USD', totals: { total: '3' } });
    expect(invoice.lines).toHaveLength(1);
    expect(invoice.lines![0]).toMatchObject({ name: 'active-users', featureKey: 'active_users', quantity: '3' });
    expect((await sdk.billing.invoices.get(invoice.id))?.id).toBe(invoice.id);
  });
});
