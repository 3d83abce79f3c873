import { startTestApp, TestApp } from '../support/test-app';

/**
 * `shared/seed/meter-and-bill-active-users.md`, replayed through HTTP as a user would: the catalog
 * through the REST API, then the tutorial's own four `curl` payloads to `/v3/openmeter/events`.
 */
const TUTORIAL_EVENTS = [
  { id: '57B5F342-B8D5-49AE-9D6C-350C1D92155C', user: 'alice' },
  { id: 'F388B902-7A82-4C40-BC89-448CFA5DDC1B', user: 'bob' },
  { id: '46C16EE0-6174-4336-A539-AEC3AD1E0485', user: 'carol' },
  { id: '2843D4B1-C8F8-408E-9F28-6D4EB44E5A8B', user: 'alice' },
];

export async function createTutorialCatalog(app: TestApp): Promise<void> {
  const created = async (path: string, body: unknown) => {
    const answer = await app.request('POST', path, { body });
    if (answer.status !== 201) throw new Error(`POST ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  await created('/api/v1/meters', {
    slug: 'active_users_total',
    name: 'Active users total',
    description: 'Active Users',
    eventType: 'user_activity',
    aggregation: 'UNIQUE_COUNT',
    valueProperty: '$.user_id',
  });
  await created('/api/v1/features', { key: 'active_users', name: 'active-users', meterSlug: 'active_users_total' });
  const plan = await created('/api/v1/plans', {
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
            name: 'active-users',
            featureKey: 'active_users',
            billingCadence: 'P1M',
            price: { type: 'unit', amount: '1' },
            entitlementTemplate: { type: 'boolean' },
          },
        ],
      },
    ],
  });
  const published = await app.request('POST', `/api/v1/plans/${plan.id}/publish`);
  if (published.status >= 300) throw new Error(`publish → ${published.status}: ${published.text}`);
  await created('/api/v1/customers', { name: 'Acme Inc', key: 'acme-inc', usageAttribution: { subjectKeys: ['acme-inc'] } });
}

export async function sendTutorialEvents(app: TestApp, time: string): Promise<number[]> {
  const statuses: number[] = [];
  for (const { id, user } of TUTORIAL_EVENTS) {
    const answer = await app.request('POST', '/v3/openmeter/events', {
      headers: { 'content-type': 'application/cloudevents+json' },
      rawBody: JSON.stringify({
        specversion: '1.0',
        type: 'user_activity',
        id,
        source: 'acme-platform',
        time,
        datacontenttype: 'application/json',
        subject: 'acme-inc',
        data: { user_id: user },
      }),
    });
    statuses.push(answer.status);
  }
  return statuses;
}

describe('the tutorial: meter and bill active users', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('bills three active users at $1 each on the invoice preview', async () => {
    await createTutorialCatalog(app);
    const subscribed = await app.request('POST', '/api/v1/subscriptions', {
      body: { customerKey: 'acme-inc', plan: { key: 'per_seat' }, timing: 'immediate' },
    });
    expect(subscribed.status).toBe(201);

    // `date -u +%Y-%m-%dT%H:%M:%SZ`, a moment after the subscription started.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const eventTime = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(await sendTutorialEvents(app, eventTime)).toEqual([202, 202, 202, 202]);

    const preview = await app.request('GET', '/api/v1/billing/customers/acme-inc/invoices/preview');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ status: 'gathering', currency: 'USD', totals: { total: '3' } });
    expect(preview.body.lines).toHaveLength(1);
    expect(preview.body.lines[0]).toMatchObject({
      name: 'active-users',
      featureKey: 'active_users',
      rateCard: { featureKey: 'active_users', price: { type: 'unit', amount: '1' } },
      quantity: '3',
      meteredQuantity: '3',
      totals: { amount: '3', total: '3' },
    });

    // Stable ids: the same preview again, and the invoice readable by its id.
    const again = await app.request('GET', '/api/v1/billing/customers/acme-inc/invoices/preview');
    expect(again.body.id).toBe(preview.body.id);
    expect(again.body.lines[0].id).toBe(preview.body.lines[0].id);
    const byId = await app.request('GET', `/api/v1/billing/invoices/${preview.body.id}`);
    expect(byId.body).toEqual(preview.body);
    const listed = await app.request('GET', '/api/v1/billing/invoices?customers=acme-inc&expand=lines');
    expect(listed.body.items).toEqual([preview.body]);
  });
});

describe("the tutorial's FAQ: usage sent before the subscription started", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('is metered but not invoiced', async () => {
    await createTutorialCatalog(app);
    const before = new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(await sendTutorialEvents(app, before)).toEqual([202, 202, 202, 202]);
    const subscribed = await app.request('POST', '/api/v1/subscriptions', {
      body: { customerKey: 'acme-inc', plan: { key: 'per_seat' }, timing: 'immediate' },
    });
    expect(subscribed.status).toBe(201);

    const preview = await app.request('GET', '/api/v1/billing/customers/acme-inc/invoices/preview');
    expect(preview.body.lines[0]).toMatchObject({ quantity: '0', totals: { total: '0' } });
    const metered = await app.request('GET', '/api/v1/meters/active_users_total/query?subject=acme-inc');
    expect(metered.body.data[0].value).toBe(3);
  });

  it('gives a customer without a subscription an empty preview, and an unknown one 404', async () => {
    await app.request('POST', '/api/v1/customers', { body: { name: 'Idle Co', key: 'idle-co', usageAttribution: { subjectKeys: [] } } });
    const idle = await app.request('GET', '/api/v1/billing/customers/idle-co/invoices/preview');
    expect(idle.status).toBe(200);
    expect(idle.body).toMatchObject({ lines: [], totals: { total: '0' } });
    const unknown = await app.request('GET', '/api/v1/billing/customers/nobody/invoices/preview');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
  });
});
