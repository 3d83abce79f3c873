import fc from 'fast-check';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { ManualClock } from '../../src/shared/clock';
import { HttpAnswer, startTestApp, TestApp } from '../support/test-app';
import { runs } from './hostile';

/**
 * Every stored figure is priceable, or its failure is contained: a customer's usage of any sign,
 * size and precision — negative refunds, zero, sums past what pricing takes, values with many
 * decimals, as JSON numbers or numeric strings — on a plan with every price type (flat, unit,
 * graduated and volume tiers, package; minimums, maximums, percentage and usage discounts) never
 * changes another customer's answers (preview, invoice list and get, lineage), never stops the
 * issuer issuing theirs, and never changes a figure of its own silently: a line billed other than as
 * metered carries a warning, a line that cannot be priced a critical issue that keeps its invoice
 * from being issued.
 */

const commitments = { minimumAmount: '1', maximumAmount: '5000' };
const RATE_CARDS = [
  {
    type: 'flat_fee',
    key: 'platform',
    name: 'Platform',
    billingCadence: 'P1M',
    price: { type: 'flat', amount: '5', paymentTerm: 'in_advance' },
    discounts: { percentage: { percentage: 10 } },
  },
  { key: 'unit', price: { type: 'unit', amount: '0.25', ...commitments } },
  {
    key: 'graduated',
    price: {
      type: 'tiered',
      mode: 'graduated',
      tiers: [
        { upToAmount: '10', flatPrice: null, unitPrice: { type: 'unit', amount: '1' } },
        {
          upToAmount: '100',
          unitPrice: { type: 'unit', amount: '0.5' },
          flatPrice: { type: 'flat', amount: '2' },
        },
        { flatPrice: null, unitPrice: { type: 'unit', amount: '0.1' } },
      ],
    },
    discounts: { percentage: { percentage: 12.5 } },
  },
  {
    key: 'volume',
    price: {
      type: 'tiered',
      mode: 'volume',
      minimumAmount: '3',
      tiers: [
        { upToAmount: '50', flatPrice: null, unitPrice: { type: 'unit', amount: '0.2' } },
        { flatPrice: { type: 'flat', amount: '4' }, unitPrice: { type: 'unit', amount: '0.15' } },
      ],
    },
  },
  {
    key: 'package',
    price: { type: 'package', amount: '3', quantityPerPackage: '10', maximumAmount: '90' },
    discounts: { usage: { quantity: '5' } },
  },
].map((card) =>
  card.type === 'flat_fee'
    ? card
    : { type: 'usage_based', name: card.key, featureKey: card.key, billingCadence: 'P1M', ...card },
);

/** A value the SUM meter reads: numbers of every magnitude and numeric strings with many digits. */
const figureArb: fc.Arbitrary<number | string> = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(0, -0, 0.1, -0.1, 1e300, -1e300, Number.MAX_VALUE, Number.MIN_VALUE, 1e-300, 2 ** 53 + 1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc
    .tuple(fc.boolean(), fc.stringMatching(/^[1-9]\d{0,45}$/), fc.stringMatching(/^\d{1,50}$/))
    .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}.${fraction}`),
);

interface Issue {
  readonly severity: string;
  readonly code: string;
  readonly metadata?: Record<string, string>;
}
interface Line {
  readonly id: string;
  readonly featureKey?: string;
  readonly meteredQuantity: string;
  readonly charge?: unknown;
}
interface Invoice {
  readonly id: string;
  readonly status: string;
  readonly customer: { readonly key: string };
  readonly totals: { readonly total: string };
  readonly lines: readonly Line[];
  readonly validationIssues: readonly Issue[];
}

describe('billing with any figure on one customer', () => {
  const clock = new ManualClock(new Date('2027-06-02T00:00:00Z'));
  let app: TestApp;
  let sequence = 0;
  let customers = 0;
  const healthy = ['steady-a', 'steady-b'];
  /** Each healthy customer's answers before any odd figure arrived: route → answer. */
  const baseline = new Map<string, Map<string, unknown>>();
  /** Each generated customer, and whether its invoice had a critical issue. */
  const generated = new Map<string, boolean>();

  const ok = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const customer = async (key: string, figures: readonly (number | string)[]): Promise<number[]> => {
    await ok('POST', '/api/v1/customers', { name: key, key, usageAttribution: { subjectKeys: [key] } });
    await ok('POST', '/api/v1/subscriptions', {
      customerKey: key,
      plan: { key: 'everything' },
      timing: 'immediate',
    });
    const statuses: number[] = [];
    for (const n of figures) {
      sequence += 1;
      const event = {
        specversion: '1.0',
        id: `e${sequence}`,
        source: 'fuzz',
        type: 'used',
        subject: key,
        data: { n },
      };
      statuses.push((await app.request('POST', '/api/v1/events', { body: event })).status);
    }
    return statuses;
  };
  const preview = (key: string) =>
    ok('GET', `/api/v1/billing/customers/${key}/invoices/preview`) as Promise<Invoice>;
  /** What a customer's invoice reads answer: status and body of each route. */
  const answers = async (key: string): Promise<Map<string, unknown>> => {
    const invoice = await preview(key);
    const paths = [
      `/api/v1/billing/customers/${key}/invoices/preview`,
      `/api/v1/billing/invoices?customers=${key}&expand=lines`,
      `/api/v1/billing/invoices/${invoice.id}`,
      ...invoice.lines
        .filter((line) => line.featureKey)
        .map((line) => `/api/v1/billing/invoices/${invoice.id}/lines/${line.id}/events`),
    ];
    const seen = new Map<string, unknown>();
    for (const path of paths) {
      const answer: HttpAnswer = await app.request('GET', path);
      seen.set(path, { status: answer.status, body: answer.body });
    }
    return seen;
  };

  beforeAll(async () => {
    app = await startTestApp({ clock });
    await ok('POST', '/api/v1/meters', {
      slug: 'used',
      name: 'Used',
      eventType: 'used',
      aggregation: 'SUM',
      valueProperty: '$.n',
    });
    for (const card of RATE_CARDS.filter((c) => c.type === 'usage_based'))
      await ok('POST', '/api/v1/features', { key: card.key, name: card.key, meterSlug: 'used' });
    const plan = await ok('POST', '/api/v1/plans', {
      key: 'everything',
      name: 'Everything',
      currency: 'USD',
      billingCadence: 'P1M',
      phases: [{ key: 'default', name: 'Default', duration: null, rateCards: RATE_CARDS }],
    });
    await ok('POST', `/api/v1/plans/${plan.id}/publish`);
    expect(await customer(healthy[0], [12, 30.5, 7])).toEqual([204, 204, 204]);
    expect(await customer(healthy[1], [240, '0.75'])).toEqual([204, 204]);
    for (const key of healthy) baseline.set(key, await answers(key));
  }, 60_000);
  afterAll(() => app.close());

  it("changes no other customer's answers, and its own figures never silently", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(figureArb, { minLength: 1, maxLength: 4 }), async (figures) => {
        customers += 1;
        const key = `odd-${customers}`;
        const statuses = await customer(key, figures);
        // Ingestion may refuse a figure it cannot hold (400), never fail on it.
        expect(statuses.filter((status) => status !== 204 && status !== 400)).toEqual([]);

        const own = await answers(key);
        expect([...own].filter(([, answer]) => (answer as { status: number }).status !== 200)).toEqual([]);
        const invoice = await preview(key);
        const warned = new Set(
          invoice.validationIssues
            .filter((i) => i.code === 'BILLING.NEGATIVE_QUANTITY')
            .map((i) => i.metadata?.lineId),
        );
        const critical = new Set(
          invoice.validationIssues.filter((i) => i.severity === 'critical').map((i) => i.metadata?.lineId),
        );
        for (const line of invoice.lines.filter((l) => l.featureKey)) {
          if (!line.charge)
            expect({ line: line.id, critical: critical.has(line.id) }).toEqual({
              line: line.id,
              critical: true,
            });
          else if (line.meteredQuantity.startsWith('-'))
            expect({ line: line.id, warned: warned.has(line.id) }).toEqual({ line: line.id, warned: true });
        }
        generated.set(key, critical.size > 0);

        for (const key of healthy)
          expect(Object.fromEntries(await answers(key))).toEqual(Object.fromEntries(baseline.get(key)!));
        expect((await app.request('GET', '/api/v1/billing/invoices')).status).toBe(200);
      }),
      { numRuns: runs(6) },
    );

    // The period closes: everyone but the invoices with a critical issue is issued, in one sweep.
    clock.set(new Date('2027-07-02T01:00:01Z'));
    const issuer = app.tally.app!.get(InvoiceIssuer);
    const issuable = [...generated.values()].filter((critical) => !critical).length;
    expect(await issuer.issueDue()).toBe(healthy.length + issuable);
    const listed = (await ok('GET', '/api/v1/billing/invoices?expand=lines')).items as Invoice[];
    const closed = listed.filter((invoice) => invoice.status !== 'gathering');
    for (const key of healthy) {
      const before = baseline.get(key)!.get(`/api/v1/billing/customers/${key}/invoices/preview`) as {
        body: Invoice;
      };
      const issued = closed.find((invoice) => invoice.customer.key === key);
      expect(issued).toMatchObject({ status: 'issued', id: before.body.id, totals: before.body.totals });
    }
    for (const [key, critical] of generated) {
      expect([key, closed.find((invoice) => invoice.customer.key === key)?.status]).toEqual([
        key,
        critical ? 'draft' : 'issued',
      ]);
    }
  }, 600_000);
});
