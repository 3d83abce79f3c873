import { startTestApp, TestApp } from '../support/test-app';

/** Customer overrides: a customer pinned to a profile, its own workflow settings over the profile's. */
describe('billing customer overrides API', () => {
  let app: TestApp;
  let acme: { id: string };
  let globex: { id: string };
  let eu: { id: string };
  let standard: { id: string };
  const eventCount = async () =>
    Number((await app.db.dataSource.query(`SELECT count(*) AS n FROM tally_events`))[0].n);

  beforeAll(async () => {
    app = await startTestApp();
    const create = async (path: string, body: unknown) => {
      const answer = await app.request('POST', path, { body });
      expect(answer.status).toBe(201);
      return answer.body;
    };
    acme = await create('/api/v1/customers', { name: 'Acme', key: 'acme', primaryEmail: 'ap@acme.example' });
    globex = await create('/api/v1/customers', { name: 'Globex', key: 'globex' });
    [standard] = (await app.request('GET', '/api/v1/billing/profiles')).body.items;
    eu = await create('/api/v1/billing/profiles', {
      name: 'EU',
      supplier: { name: 'Tally GmbH' },
      default: false,
      workflow: { invoicing: { dueAfter: 'P14D' } },
    });
  });
  afterAll(() => app.close());

  it("answers the default profile's values for a customer without an override", async () => {
    const answer = await app.request('GET', `/api/v1/billing/customers/${acme.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      baseBillingProfileId: standard.id,
      customerProfile: {
        supplier: {},
        workflow: expect.objectContaining({ invoicing: expect.objectContaining({ dueAfter: 'P30D' }) }),
        apps: expect.any(Object),
      },
    });
  });

  it('pins a profile and overrides settings over it (by id or key); the merged workflow follows', async () => {
    const put = await app.request('PUT', '/api/v1/billing/customers/acme', {
      body: { billingProfileId: eu.id, workflow: { collection: { interval: 'P1D' } } },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      customerOverride: {
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        billingProfileId: eu.id,
        customerId: acme.id,
        workflow: { collection: { interval: 'P1D' } },
      },
      baseBillingProfileId: eu.id,
      customerProfile: {
        supplier: { name: 'Tally GmbH' },
        workflow: {
          collection: { alignment: { type: 'subscription' }, interval: 'P1D' },
          invoicing: { autoAdvance: true, draftPeriod: 'P0D', dueAfter: 'P14D', progressiveBilling: true },
          payment: { collectionMethod: 'charge_automatically' },
          tax: { enabled: true, enforced: false },
        },
        apps: expect.any(Object),
      },
    });
    const got = await app.request('GET', `/api/v1/billing/customers/${acme.id}?expand=customer`);
    expect(got.body).toMatchObject({ ...put.body, customer: { id: acme.id, key: 'acme' } });
    // The pinned profile cannot be deleted under the customer.
    const refused = await app.request('DELETE', `/api/v1/billing/profiles/${eu.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(acme.id);
  });

  it('lists every customer with its effective profile, filtered and paged as the spec says', async () => {
    const all = await app.request('GET', '/api/v1/billing/customers?orderBy=customerName');
    expect(all.status).toBe(200);
    expect(all.body.totalCount).toBe(2);
    expect(all.body.items.map((i: { baseBillingProfileId: string }) => i.baseBillingProfileId)).toEqual([
      eu.id,
      standard.id,
    ]);
    const onlyOverrides = await app.request('GET', '/api/v1/billing/customers?includeAllCustomers=false');
    expect(
      onlyOverrides.body.items.map(
        (i: { customerOverride: { customerId: string } }) => i.customerOverride.customerId,
      ),
    ).toEqual([acme.id]);
    const unpinned = await app.request(
      'GET',
      '/api/v1/billing/customers?customersWithoutPinnedProfile=true&expand=customer',
    );
    expect(unpinned.body.items.map((i: { customer: { id: string } }) => i.customer.id)).toEqual([globex.id]);
    const byProfile = await app.request('GET', `/api/v1/billing/customers?billingProfile=${eu.id}`);
    expect(byProfile.body.totalCount).toBe(1);
    const byEmail = await app.request(
      'GET',
      '/api/v1/billing/customers?customerPrimaryEmail=ACME.example&expand=customer',
    );
    expect(byEmail.body.items.map((i: { customer: { id: string } }) => i.customer.id)).toEqual([acme.id]);
    const paged = await app.request(
      'GET',
      '/api/v1/billing/customers?page=2&pageSize=1&orderBy=customerKey&order=DESC',
    );
    expect(paged.body).toMatchObject({ totalCount: 2, page: 2, pageSize: 1 });
    expect(paged.body.items[0].baseBillingProfileId).toBe(eu.id);
  });

  it('refuses an unknown profile (400 naming billingProfileId), an unknown customer (404), and bad settings, writing nothing', async () => {
    const before = await eventCount();
    const unknownProfile = await app.request('PUT', `/api/v1/billing/customers/${globex.id}`, {
      body: { billingProfileId: '01G65Z755AFWAKHE12NY0CQ9FH' },
    });
    expect(unknownProfile.status).toBe(400);
    expect(unknownProfile.body.errors.map((e: { field: string }) => e.field)).toEqual(['billingProfileId']);
    const unknownCustomer = await app.request('PUT', '/api/v1/billing/customers/nobody', { body: {} });
    expect(unknownCustomer.status).toBe(404);
    const bad = await app.request('PUT', `/api/v1/billing/customers/${globex.id}`, {
      body: { workflow: { invoicing: { draftPeriod: 'P', dueAfter: 'soon' } } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'workflow.invoicing.draftPeriod',
      'workflow.invoicing.dueAfter',
    ]);
    expect((await app.request('DELETE', `/api/v1/billing/customers/${globex.id}`)).status).toBe(404);
    expect(await eventCount()).toBe(before);
  });

  it('deletes an override: the customer is billed under the default again', async () => {
    expect((await app.request('DELETE', `/api/v1/billing/customers/${acme.id}`)).status).toBe(204);
    const got = await app.request('GET', `/api/v1/billing/customers/${acme.id}`);
    expect(got.body.customerOverride).toBeUndefined();
    expect(got.body.baseBillingProfileId).toBe(standard.id);
    expect((await app.request('DELETE', `/api/v1/billing/profiles/${eu.id}`)).status).toBe(204);
  });
});
