import { TokenService } from '../../src/auth/tokens/token.service';
import { InvoicePreviewQuery } from '../../src/billing/invoices/invoice-preview.query';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { ManualClock } from '../../src/shared/clock';
import { Metrics } from '../../src/telemetry/metrics';
import { logSink } from '../support/log-sink';
import { startTestApp, TestApp } from '../support/test-app';

const STORAGE_PLAN = {
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
};

/**
 * Blast radius one, for billing: one customer's figures that cannot be billed as they stand — a SUM
 * whose refunds outweigh its use, a SUM too long to price — are that customer's problem alone. Their
 * invoice says so (OpenMeter's `validationIssues`) and is not issued while critical; every other
 * customer's reads answer as before and their invoices are issued, in every namespace, every sweep.
 */
describe("one customer's unbillable figure stays that customer's", () => {
  const clock = new ManualClock(new Date('2027-03-01T00:00:00Z'));
  let app: TestApp;
  const log = logSink();
  let tenantB: string;
  let hugeId: string;
  let healthyId: string;

  const post = async (path: string, body?: unknown, token?: string) => {
    const answer = await app.request('POST', path, { ...(body === undefined ? {} : { body }), token });
    if (answer.status >= 300) throw new Error(`POST ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const catalog = async (token?: string) => {
    await post(
      '/api/v1/meters',
      { slug: 'stored', name: 'Stored', eventType: 'stored', aggregation: 'SUM', valueProperty: '$.amount' },
      token,
    );
    await post('/api/v1/features', { key: 'stored', name: 'Stored', meterSlug: 'stored' }, token);
    const plan = await post('/api/v1/plans', STORAGE_PLAN, token);
    await post(`/api/v1/plans/${plan.id}/publish`, undefined, token);
  };
  const customer = async (key: string, units: readonly number[], token?: string): Promise<string> => {
    const created = await post(
      '/api/v1/customers',
      { name: key, key, usageAttribution: { subjectKeys: [key] } },
      token,
    );
    await post(
      '/api/v1/subscriptions',
      { customerKey: key, plan: { key: 'storage' }, timing: 'immediate' },
      token,
    );
    const events = units.map((amount, i) => ({
      specversion: '1.0',
      id: `${key}-${i}`,
      source: 'app',
      type: 'stored',
      subject: key,
      time: '2027-03-02T00:00:00Z',
      data: { amount },
    }));
    await post('/api/v1/events', events, token);
    return created.id;
  };
  const preview = async (key: string) =>
    (await app.request('GET', `/api/v1/billing/customers/${key}/invoices/preview`)).body;

  beforeAll(async () => {
    app = await startTestApp({ clock, logDestination: log.destination });
    tenantB = (
      await app.tally
        .resolve(TokenService)
        .create({ namespace: 'tenant-b', name: 'tenant b admin', role: 'admin' })
    ).secret;
    await catalog();
    await catalog(tenantB);
    // The unbillable one first: every sweep meets it before anyone else.
    clock.set(new Date('2027-03-01T00:30:00Z'));
    hugeId = await customer('huge', [1e300, 1e300]); // a SUM of 301 digits: too long to price
    clock.set(new Date('2027-03-01T01:00:00Z'));
    healthyId = await customer('healthy', [30, 10]);
    await customer('refunded', [4, -10]); // more units returned than used this period
    await customer('healthy-b', [8], tenantB);
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

  it('issues everyone else, every sweep, and keeps the invalid invoice a visible, reported draft', async () => {
    const notIssued = () => log.lines.filter((line) => line.includes(`customer ${hugeId}`));
    clock.set(new Date('2027-04-01T02:00:01Z')); // every March period and its hour of grace are over
    const issuer = app.tally.app!.get(InvoiceIssuer);
    // A fault of any kind while issuing one subscription (here: healthy's) is that subscription's alone.
    const previews = app.tally.app!.get(InvoicePreviewQuery);
    const lookUp = previews.customer.bind(previews);
    const fault = jest.spyOn(previews, 'customer').mockImplementation(async (namespace, id) => {
      if (id === healthyId) throw new TypeError('injected fault');
      return lookUp(namespace, id);
    });
    try {
      expect(await issuer.issueDue()).toBe(2);
    } finally {
      fault.mockRestore();
    }
    expect(log.lines.filter((line) => line.includes(`customer ${healthyId}`))).toEqual([
      expect.stringContaining('failed; retried at the next sweep: TypeError: injected fault'),
    ]);
    expect(await issuer.issueDue()).toBe(1);
    const invoices = async (token?: string) =>
      (await app.request('GET', '/api/v1/billing/invoices?expand=lines', { token })).body.items as {
        status: string;
        customer: { key: string };
        statusDetails: { failed: boolean; extendedStatus: string };
        validationIssues: { severity: string; code: string }[];
        totals: { total: string };
      }[];
    const march = (await invoices()).filter((i) => i.status !== 'gathering');
    expect(march.map((i) => [i.customer.key, i.status, i.statusDetails.extendedStatus])).toEqual([
      ['refunded', 'issued', 'issued'],
      ['healthy', 'issued', 'issued'],
      ['huge', 'draft', 'draft.invalid'],
    ]);
    expect(march[0].validationIssues.map((i) => i.code)).toEqual(['BILLING.NEGATIVE_QUANTITY']);
    expect(march[2]).toMatchObject({
      statusDetails: { failed: true },
      validationIssues: [{ severity: 'critical', code: 'BILLING.INVALID_QUANTITY' }],
    });
    expect((await invoices(tenantB)).filter((i) => i.status === 'issued')).toMatchObject([
      { customer: { key: 'healthy-b' }, totals: { total: '14' } },
    ]);
    expect(notIssued()).toEqual([
      expect.stringMatching(/not issued: BILLING.INVALID_QUANTITY/),
      expect.stringMatching(
        /namespace default customer \w+ subscription \w+ period 2027-03-01T00:30:00.000Z\.\.2027-04-01T00:30:00.000Z not issued: BILLING.INVALID_QUANTITY/,
      ),
    ]);

    // Retried at every sweep, reported again, never issued; nobody else is issued twice.
    expect(await issuer.issueDue()).toBe(0);
    expect(notIssued()).toHaveLength(3);
    expect((await invoices()).filter((i) => i.status === 'draft')).toHaveLength(1);

    // The metrics count each outcome: three issued, the invalid one at each of the three sweeps, the fault once.
    const scrape = await app.tally.resolve(Metrics).text();
    const total = (pattern: RegExp) =>
      [...scrape.matchAll(pattern)].reduce((sum, match) => sum + Number(match[1]), 0);
    expect([
      total(/^tally_invoices_issued_total\{[^}]*\} (\S+)$/gm),
      total(/^tally_invoices_failed_total\{[^}]*reason="critical_issue"[^}]*\} (\S+)$/gm),
      total(/^tally_invoices_failed_total\{[^}]*reason="error"[^}]*\} (\S+)$/gm),
    ]).toEqual([3, 3, 1]);
  });
});
