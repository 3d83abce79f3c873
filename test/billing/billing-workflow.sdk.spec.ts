import { OpenMeter } from '@openmeter/sdk';
import { startTestApp, TestApp } from '../support/test-app';
import { createTutorialCatalog, TUTORIAL } from '../support/tutorial';

const APP_ID = '01G65Z755AFWAKHE12NY0CQ9FH';

/**
 * Billing profiles (and what the part builds around them) through OpenMeter's own
 * JavaScript SDK: a real third-party client, so routes, shapes and status codes are an OpenMeter
 * user's. Figures are checked by hand in the comments.
 */
describe('billing workflow through @openmeter/sdk', () => {
  let app: TestApp;
  let sdk: OpenMeter;

  beforeAll(async () => {
    app = await startTestApp();
    sdk = new OpenMeter({ baseUrl: app.url, apiKey: app.adminToken });
  });
  afterAll(() => app.close());

  it('lists, creates, reads, updates and deletes billing profiles (billing.profiles.*)', async () => {
    const first = present(await sdk.billing.profiles.list());
    expect(first.totalCount).toBe(1);
    const standard = first.items[0];
    expect(standard).toMatchObject({ default: true, name: 'Default billing profile' });
    // COLLECTION_GRACE_SECONDS is 3600 in tests: the default's interval is one hour.
    expect(standard.workflow.collection?.interval).toBe('PT1H');

    const eu = present(
      await sdk.billing.profiles.create({
        name: 'EU entity',
        supplier: { name: 'Tally GmbH', addresses: [{ country: 'DE', city: 'Berlin' }] },
        default: false,
        workflow: { invoicing: { dueAfter: 'P14D' } },
        apps: { tax: APP_ID, invoicing: APP_ID, payment: APP_ID },
      }),
    );
    expect(eu).toMatchObject({ name: 'EU entity', default: false });
    expect(eu.workflow.invoicing).toEqual({
      autoAdvance: true,
      draftPeriod: 'P0D',
      dueAfter: 'P14D',
      progressiveBilling: true,
    });
    expect(eu.createdAt).toBeInstanceOf(Date);
    expect(present(await sdk.billing.profiles.get(eu.id))).toEqual(eu);

    const promoted = present(
      await sdk.billing.profiles.update(eu.id, {
        name: 'EU',
        supplier: { name: 'Tally GmbH' },
        default: true,
        workflow: { invoicing: { dueAfter: 'P7D' } },
      }),
    );
    expect(promoted).toMatchObject({ name: 'EU', default: true });
    expect(present(await sdk.billing.profiles.get(standard.id)).default).toBe(false);
    await expect(sdk.billing.profiles.delete(eu.id)).rejects.toThrow();
    present(
      await sdk.billing.profiles.update(standard.id, {
        name: standard.name,
        supplier: {},
        default: true,
        workflow: standard.workflow,
      }),
    );
    await sdk.billing.profiles.delete(eu.id);
    expect(present(await sdk.billing.profiles.list()).items.map((p) => p.id)).toEqual([standard.id]);
  });

  it('pins a customer to a profile with its own settings (billing.customers.*Override)', async () => {
    const customer = present(await sdk.customers.create({ name: 'Globex', key: 'globex' }));
    const standard = present(await sdk.billing.profiles.list()).items[0];
    const eu = present(
      await sdk.billing.profiles.create({
        name: 'EU',
        supplier: { name: 'Tally GmbH' },
        default: false,
        workflow: { invoicing: { dueAfter: 'P14D' } },
        apps: { tax: APP_ID, invoicing: APP_ID, payment: APP_ID },
      }),
    );
    const unpinned = present(await sdk.billing.customers.getOverride(customer.id));
    expect(unpinned.customerOverride).toBeUndefined();
    expect(unpinned.baseBillingProfileId).toBe(standard.id);

    const pinned = present(
      await sdk.billing.customers.createOverride(customer.id, { billingProfileId: eu.id }),
    );
    expect(pinned.baseBillingProfileId).toBe(eu.id);
    expect(pinned.customerOverride?.billingProfileId).toBe(eu.id);
    // The EU profile's dueAfter, OpenMeter's other defaults.
    expect(pinned.customerProfile?.workflow.invoicing).toEqual({
      autoAdvance: true,
      draftPeriod: 'P0D',
      dueAfter: 'P14D',
      progressiveBilling: true,
    });
    const listed = present(await sdk.billing.customers.listOverrides({ billingProfile: [eu.id] }));
    expect(listed.items.map((item) => item.customerOverride?.customerId)).toEqual([customer.id]);
    await sdk.billing.customers.deleteOverride(customer.id);
    expect(present(await sdk.billing.customers.getOverride(customer.id)).baseBillingProfileId).toBe(
      standard.id,
    );
  });

  it("lists invoices with the spec's filters (billing.invoices.list)", async () => {
    // The seed tutorial's customer, subscribed now: its open period's invoice is `gathering`.
    await createTutorialCatalog(app);
    present(await sdk.subscriptions.create(TUTORIAL.subscription));
    const all = present(await sdk.billing.invoices.list({ statuses: ['gathering'] }));
    expect(all.items.map((invoice) => invoice.status)).toEqual(['gathering']);
    expect(present(await sdk.billing.invoices.list({ statuses: ['issued'] })).totalCount).toBe(0);
    const recent = present(
      await sdk.billing.invoices.list({
        extendedStatuses: ['gathering'],
        periodStartAfter: new Date(Date.now() - 3_600_000),
        expand: ['lines'],
        orderBy: 'periodStart',
        order: 'DESC',
        page: 1,
        pageSize: 10,
      }),
    );
    expect(recent.items).toHaveLength(1);
    expect(recent.items[0].lines?.map((line) => line.name)).toEqual(['active-users']);
    await expect(sdk.billing.invoices.list({ statuses: ['finished' as 'paid'] })).rejects.toThrow();
  });

  it('simulates an invoice without storing it (billing.invoices.simulate)', async () => {
    const customer = present(await sdk.customers.create({ name: 'Initech', key: 'initech' }));
    const period = { from: new Date('2027-01-01T00:00:00Z'), to: new Date('2027-02-01T00:00:00Z') };
    const before = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_events`);
    const simulated = present(
      await sdk.billing.invoices.simulate(customer.id, {
        currency: 'USD',
        lines: [
          {
            name: 'Calls',
            period,
            invoiceAt: period.to,
            quantity: '1200',
            rateCard: { price: { type: 'package', amount: '5', quantityPerPackage: '1000' } },
          },
          {
            name: 'Seats',
            period,
            invoiceAt: period.to,
            quantity: '4',
            rateCard: { price: { type: 'unit', amount: '2.25' } },
          },
        ],
      }),
    );
    // 1,200 calls in packages of 1,000 at $5: two packages, $10. 4 seats × $2.25 = $9. Total $19.
    expect(simulated.lines?.map((line) => line.totals.total)).toEqual(['10', '9']);
    expect(simulated.totals.total).toBe('19');
    expect(await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_events`)).toEqual(before);
  });

  it('documents each new route in /docs-json with its operationId and schemas', async () => {
    const docs = await app.request('GET', '/docs-json', { token: null });
    const operations: Record<string, { operationId?: string; requestBody?: unknown; responses: object }> = {};
    for (const [path, item] of Object.entries(docs.body.paths as Record<string, Record<string, never>>))
      for (const [method, operation] of Object.entries(item))
        operations[`${method.toUpperCase()} ${path}`] = operation;
    const expected: Record<string, string> = {
      'GET /api/v1/billing/profiles': 'listBillingProfiles',
      'POST /api/v1/billing/profiles': 'createBillingProfile',
      'GET /api/v1/billing/profiles/{id}': 'getBillingProfile',
      'PUT /api/v1/billing/profiles/{id}': 'updateBillingProfile',
      'DELETE /api/v1/billing/profiles/{id}': 'deleteBillingProfile',
      'GET /api/v1/billing/customers': 'listBillingProfileCustomerOverrides',
      'GET /api/v1/billing/customers/{customerId}': 'getBillingProfileCustomerOverride',
      'PUT /api/v1/billing/customers/{customerId}': 'upsertBillingProfileCustomerOverride',
      'DELETE /api/v1/billing/customers/{customerId}': 'deleteBillingProfileCustomerOverride',
      'GET /api/v1/billing/invoices': 'listInvoices',
      'POST /api/v1/billing/customers/{customerId}/invoices/simulate': 'simulateInvoice',
    };
    for (const [route, operationId] of Object.entries(expected)) {
      expect([route, operations[route]?.operationId]).toEqual([route, operationId]);
      if (route.startsWith('POST') || route.startsWith('PUT'))
        expect([route, operations[route].requestBody]).toEqual([route, expect.anything()]);
    }
    const schemas = docs.body.components.schemas;
    expect(Object.keys(schemas.WorkflowDto.properties)).toEqual([
      'collection',
      'invoicing',
      'payment',
      'tax',
    ]);
    expect(schemas.BillingProfileView.required).toEqual(
      expect.arrayContaining(['id', 'name', 'supplier', 'workflow', 'apps', 'default']),
    );
    expect(operations['GET /api/v1/billing/profiles'].responses).toHaveProperty('200');
    const simulated = operations['POST /api/v1/billing/customers/{customerId}/invoices/simulate'];
    expect(JSON.stringify(simulated.responses)).toContain('#/components/schemas/SimulatedInvoice');
    expect(Object.keys(schemas.SimulatedInvoice.properties)).toEqual(
      expect.arrayContaining(['dueAt', 'collectionAt', 'supplier', 'workflow', 'lines']),
    );
  });
});

function present<T>(value: T | undefined): T {
  expect(value).toBeDefined();
  return value as T;
}
