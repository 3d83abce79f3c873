import { startTally, Tally } from '../../src/bootstrap';
import { FEATURES_PROJECTION } from '../../src/catalog/features/features-read-model/features.projection';
import { METERS_PROJECTION } from '../../src/catalog/meters/meters-read-model/meters.projection';
import { PLANS_PROJECTION } from '../../src/catalog/plans/plans-read-model/plans.projection';
import { CUSTOMERS_PROJECTION, SUBSCRIPTIONS_PROJECTION } from '../../src/customers';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';

const PROJECTIONS = [
  METERS_PROJECTION,
  FEATURES_PROJECTION,
  PLANS_PROJECTION,
  CUSTOMERS_PROJECTION,
  SUBSCRIPTIONS_PROJECTION,
];
const TABLES = [
  'meters',
  'features',
  'plans',
  'plan_phases',
  'plan_rate_cards',
  'customers',
  'customer_subjects',
  'subscriptions',
];

const card = (key: string, template?: object) => ({
  type: 'usage_based',
  key,
  name: key,
  featureKey: key,
  billingCadence: 'P1M',
  price: {
    type: 'tiered',
    mode: 'graduated',
    tiers: [
      { upToAmount: '10', flatPrice: null, unitPrice: { type: 'unit', amount: '1' } },
      { flatPrice: { type: 'flat', amount: '5' }, unitPrice: null },
    ],
  },
  ...(template && { entitlementTemplate: template }),
});

/**
 * The read models are a function of the log: restarting the service, and rebuilding them from
 * nothing, gives the same answers — bodies and ETags — as before.
 */
describe('restart and rebuild of the catalog and customer read models', () => {
  const clock = new ManualClock(new Date('2024-03-15T12:00:00.000Z'));
  let app: TestApp;
  let restarted: Tally | undefined;

  beforeAll(async () => {
    app = await startTestApp({ clock });
  });
  afterAll(async () => {
    await restarted?.close();
    await app.close();
  });

  it('answers identically after a restart and after the read models are rebuilt from the log', async () => {
    const ids = await buildCatalogAndCustomers(app, clock);
    const paths = [
      '/api/v1/meters?includeDeleted=true',
      '/api/v1/meters/tokens_total',
      `/api/v1/meters/${ids.deletedMeter}`,
      '/api/v1/features?includeArchived=true&page=1',
      `/api/v1/features/${ids.archivedFeature}`,
      '/api/v1/plans?includeDeleted=true',
      ...ids.plans.map((id) => `/api/v1/plans/${id}`),
      '/api/v1/plans/pro',
      '/api/v1/customers?includeDeleted=true&expand=subscriptions',
      '/api/v1/customers/acme-inc',
      `/api/v1/customers/${ids.deletedCustomer}`,
      '/api/v1/customers/acme-inc/subscriptions',
      ...ids.subscriptions.map((id) => `/api/v1/subscriptions/${id}`),
      '/api/v1/customers/acme-inc/entitlements/sso/value',
    ];
    const subjectIndex = () =>
      app.db.dataSource.query(`SELECT * FROM customer_subjects ORDER BY subject_key`);
    const before = await answers(app.url, app.adminToken, paths);
    expect(Object.entries(before).filter(([, answer]) => answer.status !== 200)).toEqual([]);
    const indexBefore = await subjectIndex();
    expect(indexBefore.length).toBeGreaterThan(0);

    await app.tally.close();
    restarted = await startTally(app.tally.config, { clock });
    expect(await answers(restarted.url!, app.adminToken, paths)).toEqual(before);

    await restarted.close();
    await app.db.dataSource.query(`DELETE FROM tally_projection_checkpoints WHERE name = ANY($1)`, [
      PROJECTIONS,
    ]);
    await app.db.dataSource.query(`TRUNCATE ${TABLES.join(', ')}`);
    restarted = await startTally(app.tally.config, { clock });
    const rebuilt = await answers(restarted.url!, app.adminToken, paths);
    expect(rebuilt).toEqual(before);
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(before));
    expect(await subjectIndex()).toEqual(indexBefore);
  });
});

/** A bit of everything: live, deleted and archived objects, plan versions, canceled subscriptions. */
async function buildCatalogAndCustomers(app: TestApp, clock: ManualClock) {
  const post = async (path: string, body?: object) => {
    const answer = await app.request('POST', path, { body });
    if (![200, 201].includes(answer.status)) throw new Error(`${path}: ${answer.status} ${answer.text}`);
    return answer.body;
  };
  const meters = [
    {
      slug: 'tokens_total',
      eventType: 'prompt',
      aggregation: 'SUM',
      valueProperty: '$.tokens',
      groupBy: { model: '$.model' },
      metadata: { team: 'ai' },
    },
    {
      slug: 'seats',
      eventType: 'seat',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user',
      eventFrom: '2024-01-01T00:00:00+02:00',
    },
    { slug: 'old', eventType: 'old', aggregation: 'COUNT' },
  ];
  for (const meter of meters) await post('/api/v1/meters', meter);
  const deletedMeter = (await app.request('GET', '/api/v1/meters/old')).body.id;
  expect((await app.request('DELETE', '/api/v1/meters/old')).status).toBe(204);
  await app.request('PUT', '/api/v1/meters/tokens_total', {
    body: { name: 'Tokens', groupBy: { model: '$.model', region: '$.region' } },
  });

  await post('/api/v1/features', {
    key: 'tokens',
    name: 'Tokens',
    meterSlug: 'tokens_total',
    meterGroupByFilters: { model: 'gpt-4' },
  });
  await post('/api/v1/features', { key: 'seats', name: 'Seats', meterSlug: 'seats' });
  await post('/api/v1/features', { key: 'sso', name: 'SSO' });
  const archivedFeature = (await post('/api/v1/features', { key: 'legacy', name: 'Legacy' })).id;
  expect((await app.request('DELETE', `/api/v1/features/${archivedFeature}`)).status).toBe(204);

  const pro = {
    key: 'pro',
    name: 'Pro',
    currency: 'EUR',
    billingCadence: 'P1M',
    phases: [
      { key: 'trial', name: 'Trial', duration: 'P14D', rateCards: [{ ...card('seats'), price: null }] },
      {
        key: 'standard',
        name: 'Standard',
        duration: null,
        metadata: { tier: 'gold' },
        rateCards: [card('tokens'), card('seats', { type: 'boolean' })],
      },
    ],
  };
  const sso = {
    type: 'flat_fee',
    key: 'sso',
    name: 'SSO',
    featureKey: 'sso',
    billingCadence: 'P1M',
    price: { type: 'flat', amount: '10', paymentTerm: 'in_arrears' },
    entitlementTemplate: { type: 'boolean' },
  };
  const v1 = (await post('/api/v1/plans', pro)).id;
  await post(`/api/v1/plans/${v1}/publish`);

  await post('/api/v1/customers', {
    name: 'Acme',
    key: 'acme-inc',
    usageAttribution: { subjectKeys: ['acme-inc', 'acme-eu'] },
    currency: 'EUR',
  });
  const gone = await post('/api/v1/customers', {
    name: 'Gone',
    key: 'gone',
    usageAttribution: { subjectKeys: ['gone-1'] },
  });
  expect((await app.request('DELETE', '/api/v1/customers/gone')).status).toBe(204);
  await app.request('PUT', '/api/v1/customers/acme-inc', {
    body: { name: 'Acme Inc', key: 'acme-inc', usageAttribution: { subjectKeys: ['acme-us'] } },
  });

  const first = (
    await post('/api/v1/subscriptions', { customerKey: 'acme-inc', plan: { key: 'pro', version: 1 } })
  ).id;
  clock.advance(60_000);
  await post(`/api/v1/subscriptions/${first}/cancel`, { timing: 'immediate' });

  const v2 = (await post('/api/v1/plans/pro/next')).id;
  await app.request('PUT', `/api/v1/plans/${v2}`, {
    body: {
      ...pro,
      key: undefined,
      currency: undefined,
      name: 'Pro 2',
      phases: [{ ...pro.phases[1], rateCards: [sso] }],
    },
  });
  await post(`/api/v1/plans/${v2}/publish`);
  const v3 = (await post('/api/v1/plans/pro/next')).id;
  expect((await app.request('DELETE', `/api/v1/plans/${v3}`)).status).toBe(204);
  const v4 = (await post('/api/v1/plans/pro/next')).id;

  const second = (
    await post('/api/v1/subscriptions', {
      customerKey: 'acme-inc',
      plan: { key: 'pro' },
      billingAnchor: '2024-03-01T00:00:00Z',
    })
  ).id;
  await post(`/api/v1/subscriptions/${second}/cancel`, { timing: 'next_billing_cycle' });

  return {
    deletedMeter,
    archivedFeature,
    plans: [v1, v2, v3, v4],
    deletedCustomer: gone.id,
    subscriptions: [first, second],
  };
}

async function answers(url: string, token: string, paths: readonly string[]) {
  const result: Record<string, { status: number; etag: string | null; body: unknown }> = {};
  for (const path of paths) {
    const response = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
    result[path] = {
      status: response.status,
      etag: response.headers.get('etag'),
      body: await response.json(),
    };
  }
  return result;
}
