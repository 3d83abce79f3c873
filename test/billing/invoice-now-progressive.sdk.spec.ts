import { OpenMeter } from '@openmeter/sdk';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';
import { createTutorialCatalog, sendTutorialEvents } from '../support/tutorial';

/**
 * Invoice-now without `progressiveBillingOverride`: the customer's workflow decides, as OpenMeter's
 * `InvoicePendingLines` does. The default profile has OpenMeter's `progressiveBilling: true`; a
 * customer whose override turns it off has its open period not invoiced early — only what is
 * invoicable now (periods over, one-off lines due); turned back on, the period is cut. Figures by
 * hand: the tutorial's three users at $1 each.
 */
describe('invoice now follows the workflow’s progressiveBilling through @openmeter/sdk', () => {
  // acme's subscription starts here; its first period (P1M) ends 2027-02-28T10:00Z.
  const clock = new ManualClock(new Date('2027-01-31T10:00:00Z'));
  let app: TestApp;
  let sdk: OpenMeter;
  let acme: string;

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const invoiceNow = (body: object) => app.request('POST', '/api/v1/billing/invoices/invoice', { body });

  beforeAll(async () => {
    app = await startTestApp({ clock });
    sdk = new OpenMeter({ baseUrl: app.url, apiKey: app.adminToken });
    await createTutorialCatalog(app);
    acme = (await call('GET', '/api/v1/customers/acme-inc')).id;
    await call('POST', '/api/v1/subscriptions', {
      customerKey: 'acme-inc',
      plan: { key: 'per_seat' },
      timing: 'immediate',
    });
    expect(await sendTutorialEvents(app, '2027-02-01T00:00:00Z')).toEqual([202, 202, 202, 202]);
    clock.set(new Date('2027-02-14T10:00:00Z'));
  });
  afterAll(() => app.close());

  it('invoices nothing early with progressive billing off: 400, the period left whole', async () => {
    const profile = (await call('GET', '/api/v1/billing/customers/acme-inc')).customerProfile;
    expect(profile.workflow.invoicing.progressiveBilling).toBe(true); // the default profile's, as OpenMeter's
    await call('PUT', `/api/v1/billing/customers/${acme}`, {
      workflow: { invoicing: { progressiveBilling: false } },
    });
    const answer = await invoiceNow({ customerId: acme });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['asOf']);
    expect(answer.text).toContain('would have no lines');
    const preview = await call('GET', '/api/v1/billing/customers/acme-inc/invoices/preview');
    expect(preview.period).toEqual({ from: '2027-01-31T10:00:00.000Z', to: '2027-02-28T10:00:00.000Z' });
    expect(preview.totals.total).toBe('3');
  });

  it('invoices a one-off line once its invoiceAt has come, on its own; the open period waits', async () => {
    await call('POST', `/api/v1/billing/customers/${acme}/invoices/pending-lines`, {
      currency: 'USD',
      lines: [
        {
          name: 'Onboarding',
          period: { from: '2027-02-10T00:00:00Z', to: '2027-02-11T00:00:00Z' },
          invoiceAt: '2027-02-11T00:00:00Z',
          rateCard: { price: { type: 'flat', amount: '7.5' } },
        },
        {
          name: 'Training',
          period: { from: '2027-02-20T00:00:00Z', to: '2027-02-21T00:00:00Z' },
          invoiceAt: '2027-02-21T00:00:00Z',
          rateCard: { price: { type: 'flat', amount: '40' } },
        },
      ],
    });
    const [own, ...none] = (await sdk.billing.invoices.invoicePendingLines({ customerId: acme }))!;
    expect(none).toEqual([]);
    expect(own).toMatchObject({ number: 'INV-000001', status: 'issued', totals: { total: '7.5' } });
    expect(own.lines!.map((line) => line.name)).toEqual(['Onboarding']);
    // The users stay on the period's own invoice, with the line not due yet.
    const preview = await call('GET', '/api/v1/billing/customers/acme-inc/invoices/preview');
    expect(preview.period.from).toBe('2027-01-31T10:00:00.000Z');
    expect(preview.totals.total).toBe('43'); // 3 users + Training 40
  });

  it('cuts the open period when the customer’s override turns progressive billing on', async () => {
    await call('PUT', `/api/v1/billing/customers/${acme}`, {
      workflow: { invoicing: { progressiveBilling: true } },
    });
    const [cut, ...none] = (await sdk.billing.invoices.invoicePendingLines({ customerId: acme }))!;
    expect(none).toEqual([]);
    expect(cut).toMatchObject({
      number: 'INV-000002',
      status: 'issued',
      period: { from: new Date('2027-01-31T10:00:00Z'), to: new Date('2027-02-14T10:00:00Z') },
      totals: { total: '3' },
    });
    // The request's override wins over the workflow: false invoices nothing more now.
    clock.set(new Date('2027-02-15T10:00:00Z'));
    expect((await invoiceNow({ customerId: acme, progressiveBillingOverride: false })).status).toBe(400);
    expect(await app.tally.app!.get(InvoiceIssuer).issueDue()).toBe(0);
  });
});
