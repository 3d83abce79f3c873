import { OpenMeter } from '@openmeter/sdk';
import { startTestApp, TestApp } from '../support/test-app';
import { TUTORIAL } from '../support/tutorial';

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
    await sdk.meters.create(TUTORIAL.meter);
    await sdk.features.create(TUTORIAL.feature);
    const draft = await sdk.plans.create(TUTORIAL.plan);
    await sdk.plans.publish(draft!.id);
    const customer = await sdk.customers.create(TUTORIAL.customer);
    await sdk.subscriptions.create(TUTORIAL.subscription);

    await new Promise((resolve) => setTimeout(resolve, 1100)); // usage after the subscription's first second
    const time = new Date();
    for (const { id, user } of TUTORIAL.events) {
      await sdk.events.ingest({
        specversion: '1.0',
        id,
        source: 'acme-platform',
        type: 'user_activity',
        subject: 'acme-inc',
        time,
        data: { user_id: user },
      });
    }

    const listed = await sdk.billing.invoices.list({ customers: [customer!.id], expand: ['lines'] });
    expect(listed?.items).toHaveLength(1);
    const invoice = listed!.items[0];
    expect(invoice).toMatchObject({ status: 'gathering', currency: 'USD', totals: { total: '3' } });
    expect(invoice.lines).toHaveLength(1);
    expect(invoice.lines![0]).toMatchObject({
      name: 'active-users',
      featureKey: 'active_users',
      quantity: '3',
    });
    expect((await sdk.billing.invoices.get(invoice.id))?.id).toBe(invoice.id);
  });
});
