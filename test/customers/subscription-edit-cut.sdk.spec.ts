import { OpenMeter } from '@openmeter/sdk';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';

const DAY = 86_400_000;
const JAN_1 = Date.parse('2027-01-01T00:00:00Z');
const day = (n: number) => new Date(JAN_1 + n * DAY);
const iso = (n: number) => day(n).toISOString();

type Line = { name: string; period: { from: string; to: string }; totals: { total: string } };
type Document = {
  status: string;
  period: { from: string; to: string };
  lines: Line[];
  totals: { total: string };
};

/**
 * A subscription edit (PATCH adding an in-advance fee mid-period) combined with an invoice-now cut
 * of the same period, figures by hand. January 2027 has 31 days; the plan bills monthly from Jan 1:
 * platform 31 in advance. The edit adds support, 62 in advance, prorated from where it starts to the
 * period's end (`62 × days ÷ 31`), billed once — on the part of the cut period it starts in.
 */
describe('an edit and an invoice-now cut in one period', () => {
  const clock = new ManualClock(day(0));
  let app: TestApp;
  let sdk: OpenMeter;
  const ids: Record<string, { customer: string; subscription: string }> = {};

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const addSupport = (key: string) =>
    call('PATCH', `/api/v1/subscriptions/${ids[key]!.subscription}`, {
      timing: 'immediate',
      customizations: [
        {
          op: 'add_item',
          phaseKey: 'default',
          rateCard: {
            type: 'flat_fee',
            key: 'support',
            name: 'Support',
            billingCadence: 'P1M',
            price: { type: 'flat', amount: '62', paymentTerm: 'in_advance' },
          },
        },
      ],
    });
  const invoiceNow = async (key: string) => {
    const invoices = (await sdk.billing.invoices.invoicePendingLines({
      customerId: ids[key]!.customer,
      progressiveBillingOverride: true,
    }))!;
    expect(invoices).toHaveLength(1);
    return figures((await call('GET', `/api/v1/billing/invoices/${invoices[0]!.id}`)) as Document);
  };
  const preview = async (key: string) =>
    figures((await call('GET', `/api/v1/billing/customers/${key}/invoices/preview`)) as Document);
  const figures = (document: Document) => ({
    period: [document.period.from, document.period.to],
    fees: document.lines.map((line) => [line.name, line.period.from, line.period.to, line.totals.total]),
    total: document.totals.total,
  });
  const issued = async (key: string) => {
    const page = (await call('GET', `/api/v1/billing/invoices?customers=${ids[key]!.customer}`)) as {
      items: (Document & { id: string })[];
    };
    const documents = page.items.filter((item) => item.status === 'issued');
    return Promise.all(
      documents.map(async (item) =>
        figures((await call('GET', `/api/v1/billing/invoices/${item.id}`)) as Document),
      ),
    );
  };

  beforeAll(async () => {
    app = await startTestApp({ clock });
    sdk = new OpenMeter({ baseUrl: app.url, apiKey: app.adminToken });
    const plan = await call('POST', '/api/v1/plans', {
      key: 'base',
      name: 'Base',
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
              key: 'platform',
              name: 'Platform',
              billingCadence: 'P1M',
              price: { type: 'flat', amount: '31', paymentTerm: 'in_advance' },
            },
          ],
        },
      ],
    });
    await call('POST', `/api/v1/plans/${plan.id}/publish`);
    for (const key of ['edit-then-cut', 'cut-then-edit', 'edit-at-cut']) {
      const customer = await call('POST', '/api/v1/customers', { name: key, key });
      const subscription = await call('POST', '/api/v1/subscriptions', {
        customerKey: key,
        plan: { key: 'base' },
        timing: 'immediate',
      });
      ids[key] = { customer: customer.id, subscription: subscription.id };
    }
  });
  afterAll(() => app.close());

  it('bills an in-advance fee an edit added before the cut on the part it starts in, once', async () => {
    clock.set(day(10));
    await addSupport('edit-then-cut');
    clock.set(day(20));
    // [Jan 1, Jan 21): platform whole (31, paid in advance on the first part); support from Jan 11
    // to the period's end: 62 × 21/31 = 42.
    expect(await invoiceNow('edit-then-cut')).toEqual({
      period: [iso(0), iso(20)],
      fees: [
        ['Platform', iso(0), iso(20), '31'],
        ['Support', iso(10), iso(20), '42'],
      ],
      total: '73',
    });
    // [Jan 21, Feb 1): both fees were billed in advance already.
    expect(await preview('edit-then-cut')).toEqual({ period: [iso(20), iso(31)], fees: [], total: '0' });
  });

  it('bills an in-advance fee an edit adds after the cut on the later part: 62 × 11/31', async () => {
    clock.set(day(10));
    expect(await invoiceNow('cut-then-edit')).toEqual({
      period: [iso(0), iso(10)],
      fees: [['Platform', iso(0), iso(10), '31']],
      total: '31',
    });
    clock.set(day(20));
    await addSupport('cut-then-edit');
    // [Jan 11, Feb 1): support from Jan 21 to the period's end, 62 × 11/31 = 22.
    expect(await preview('cut-then-edit')).toEqual({
      period: [iso(10), iso(31)],
      fees: [['Support', iso(20), iso(31), '22']],
      total: '22',
    });
  });

  it('bills an in-advance fee an edit adds at the cut’s instant on the part after it: 62 × 21/31', async () => {
    clock.set(day(10));
    await addSupport('edit-at-cut');
    expect(await invoiceNow('edit-at-cut')).toEqual({
      period: [iso(0), iso(10)],
      fees: [['Platform', iso(0), iso(10), '31']],
      total: '31',
    });
    expect(await preview('edit-at-cut')).toEqual({
      period: [iso(10), iso(31)],
      fees: [['Support', iso(10), iso(31), '42']],
      total: '42',
    });
  });

  it('issues each part once at the period’s end, each fee on one invoice only', async () => {
    clock.set(new Date(day(31).getTime() + 2 * 3_600_000));
    await app.tally.app!.get(InvoiceIssuer).issueDue();
    const totals = async (key: string) =>
      (await issued(key)).map((document) => [...document.period, document.total]);
    expect(await totals('edit-then-cut')).toEqual([
      [iso(0), iso(20), '73'],
      [iso(20), iso(31), '0'],
    ]);
    expect(await totals('cut-then-edit')).toEqual([
      [iso(0), iso(10), '31'],
      [iso(10), iso(31), '22'],
    ]);
    expect(await totals('edit-at-cut')).toEqual([
      [iso(0), iso(10), '31'],
      [iso(10), iso(31), '42'],
    ]);
  });
});
