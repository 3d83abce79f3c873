import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Blast radius one, for billing: one customer's figures that cannot be billed as they stand — a SUM
 * whose refunds outweigh its use, a SUM too long to price — are that customer's problem alone. Their
 * invoice says so (OpenMeter's `validationIssues`); every other customer's reads answer as before.
 */
describe("one customer's unbillable figure stays that customer's", () => {
  const clock = new ManualClock(new Date('2027-03-01T00:00:00Z'));
  let app: TestApp;

  const post = async (path: string, body?: unknown) => {
    const answer = await app.request('POST', path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`POST ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const customer = async (key: string, units: readonly number[]) => {
    await post('/api/v1/customers', { name: key, key, usageAttribution: { subjectKeys: [key] } });
    await post('/api/v1/subscriptions', { customerKey: key, plan: { key: 'storage' }, timing: 'immediate' });
    const events = units.map((amount, i) => ({
      specversion: '1.0',
      id: `${key}-${i}`,
      source: 'app',
      type: 'stored',
      subject: key,
      time: '2027-03-02T00:00:00Z',
      data: { amount },
    }));
    await post('/api/v1/events', events);
  };
  const preview = async (key: string) =>
    (await app.request('GET', `/api/v1/billing/customers/${key}/invoices/preview`)).body;

  beforeAll(async () => {
    app = await startTestApp({ clock });
    await post('/api/v1/meters', {
      slug: 'stored',
      name: 'Stored',
      eventType: 'stored',
      aggregation: 'SUM',
      valueProperty: '$.amount',
    });
    await post('/api/v1/features', { key: 'stored', name: 'Stored', meterSlug: 'stored' });
    const plan = await post('/api/v1/plans', {
      key: 'storage',
      name: 'Storage',
      currency: 'USD',
      billingCadence: 'P1M',
      phases: [
        {
          key: 'default',
          name: 'Default',
          duration: null,
          rateCards: [
            {
              type: 'flat_fee',
              key: 'base',
              name: 'Base fee',
              billingCadence: 'P1M',
              price: { type: 'flat', amount: '10', paymentTerm: 'in_advance' },
            },
            {
              type: 'usage_based',
              key: 'stored',
              name: 'Stored',
              featureKey: 'stored',
              billingCadence: 'P1M',
              price: { type: 'unit', amount: '0.5' },
            },
          ],
        },
      ],
    });
    await post(`/api/v1/plans/${plan.id}/publish`);
    clock.set(new Date('2027-03-01T01:00:00Z'));
    await customer('healthy', [30, 10]);
    await customer('refunded', [4, -10]); // more units returned than used this period
    await customer('huge', [1e300, 1e300]); // a SUM of 301 digits: too long to price
    clock.set(new Date('2027-03-10T00:00:00Z'));
  });
  afterAll(() => app.close());

  it('bills a negative quantity as zero, with a warning on the invoice', async () => {
    const invoice = await preview('refunded');
    expect(invoice).toMatchObject({
      statusDetails: { failed: false },
      totals: { total: '10' },
      validationIssues: [
        {
          severity: 'warning',
          code: 'BILLING.NEGATIVE_QUANTITY',
          field: '$.lines[1].meteredQuantity',
          metadata: { meteredQuantity: '-6', featureKey: 'stored' },
        },
      ],
    });
    expect(invoice.lines[1]).toMatchObject({ meteredQuantity: '-6', quantity: '0', totals: { total: '0' } });
    expect(invoice.validationIssues[0].id).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
  });

  it('reports a quantity it cannot price as a critical issue on that invoice alone', async () => {
    const invoice = await preview('huge');
    expect(invoice).toMatchObject({
      statusDetails: { failed: true },
      totals: { total: '10' },
      validationIssues: [
        {
          severity: 'critical',
          code: 'BILLING.INVALID_QUANTITY',
          field: '$.lines[1].quantity',
          component: 'billing.pricing',
        },
      ],
    });
    expect(invoice.lines[1]).toMatchObject({ quantity: '0', totals: { total: '0' } });
    expect(invoice.lines[1]).not.toHaveProperty('charge');
  });

  it("answers every other customer's invoice reads as before", async () => {
    const list = await app.request('GET', '/api/v1/billing/invoices?expand=lines');
    expect([list.status, list.body.code]).toEqual([200, undefined]);
    const healthy = await preview('healthy');
    expect(healthy).toMatchObject({
      statusDetails: { failed: false },
      totals: { total: '30' },
      validationIssues: [],
    });
    expect(list.body.items.map((i: { customer: { key: string } }) => i.customer.key).sort()).toEqual([
      'healthy',
      'huge',
      'refunded',
    ]);
    const filtered = await app.request('GET', '/api/v1/billing/invoices?customers=healthy&expand=lines');
    expect([filtered.status, filtered.body.items]).toEqual([200, [healthy]]);
    const got = await app.request('GET', `/api/v1/billing/invoices/${healthy.id}`);
    expect([got.status, got.body]).toEqual([200, healthy]);
    const lineage = await app.request(
      'GET',
      `/api/v1/billing/invoices/${healthy.id}/lines/${healthy.lines[1].id}/events`,
    );
    expect([lineage.status, lineage.body.totalCount]).toEqual([200, 2]);
    // The unbillable invoice's own lineage still lists the events behind its figure.
    const huge = await preview('huge');
    const behind = await app.request(
      'GET',
      `/api/v1/billing/invoices/${huge.id}/lines/${huge.lines[1].id}/events`,
    );
    expect([behind.status, behind.body.totalCount]).toEqual([200, 2]);
  });
});
