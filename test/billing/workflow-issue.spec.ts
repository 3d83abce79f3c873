import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';
import { createTutorialCatalog } from '../support/tutorial';

const HOUR = 3_600_000;

/**
 * The billing workflow acted on where invoices exist: each customer's period is issued after its own
 * collection interval, and an issued invoice carries its profile's supplier and workflow, and the
 * dates they set, as they were at issue — a later profile change or a replay changes nothing.
 */
describe('issuing under the billing workflow', () => {
  // The subscriptions start here; the first period (P1M) ends 2027-02-28T10:00Z.
  const clock = new ManualClock(new Date('2027-01-31T10:00:00Z'));
  const periodEnd = Date.parse('2027-02-28T10:00:00Z');
  let app: TestApp;
  let issuer: InvoiceIssuer;

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const issued = async (customer: string) =>
    (await call('GET', `/api/v1/billing/invoices?customers=${customer}`)).items.filter(
      (i: { status: string }) => i.status === 'issued',
    );

  beforeAll(async () => {
    app = await startTestApp({ clock });
    issuer = app.tally.app!.get(InvoiceIssuer);
    await createTutorialCatalog(app);
    await call('POST', '/api/v1/customers', { name: 'Globex', key: 'globex' });
    for (const customerKey of ['acme-inc', 'globex'])
      await call('POST', '/api/v1/subscriptions', {
        customerKey,
        plan: { key: 'per_seat' },
        timing: 'immediate',
      });
  });
  afterAll(() => app.close());

  it("issues each customer's period after its own collection interval, with the workflow's dates and snapshot", async () => {
    const eu = await call('POST', '/api/v1/billing/profiles', {
      name: 'EU',
      supplier: { name: 'Tally GmbH', taxId: { code: 'DE123' } },
      default: false,
      workflow: { invoicing: { dueAfter: 'P14D' } },
    });
    // Globex: the EU profile, with a one-day collection interval of its own.
    await call('PUT', '/api/v1/billing/customers/globex', {
      billingProfileId: eu.id,
      workflow: { collection: { interval: 'P1D' } },
    });
    const [standard] = (await call('GET', '/api/v1/billing/profiles')).items.filter(
      (p: { default: boolean }) => p.default,
    );

    // Two hours after the period's end: past the default's PT1H (COLLECTION_GRACE_SECONDS), not P1D.
    clock.set(new Date(periodEnd + 2 * HOUR));
    expect(await issuer.issueDue()).toBe(1);
    const [acme] = await issued('acme-inc');
    expect(await issued('globex')).toEqual([]);
    const issuedAt = new Date(periodEnd + 2 * HOUR).toISOString();
    expect(acme).toMatchObject({
      number: 'INV-000001',
      issuedAt,
      // 2027-02-28T12:00Z + P30D
      dueAt: '2027-03-30T12:00:00.000Z',
      // 2027-02-28T10:00Z + PT1H
      collectionAt: '2027-02-28T11:00:00.000Z',
      supplier: {},
      workflow: {
        sourceBillingProfileId: standard.id,
        workflow: standard.workflow,
        apps: standard.apps,
      },
    });

    // The default profile changes after the issue: the issued invoice does not.
    await call('PUT', `/api/v1/billing/profiles/${standard.id}`, {
      name: 'Changed',
      supplier: { name: 'Someone else' },
      default: true,
      workflow: { invoicing: { dueAfter: 'P1D' } },
    });
    expect(await issued('acme-inc')).toEqual([acme]);

    // A day after the period's end: Globex's interval has passed.
    clock.set(new Date(periodEnd + 25 * HOUR));
    expect(await issuer.issueDue()).toBe(1);
    const [globex] = await issued('globex');
    expect(globex).toMatchObject({
      number: 'INV-000002',
      // 2027-03-01T11:00Z + P14D
      dueAt: '2027-03-15T11:00:00.000Z',
      // 2027-02-28T10:00Z + P1D
      collectionAt: '2027-03-01T10:00:00.000Z',
      supplier: { name: 'Tally GmbH', taxId: { code: 'DE123' } },
      workflow: {
        sourceBillingProfileId: eu.id,
        workflow: {
          collection: { alignment: { type: 'subscription' }, interval: 'P1D' },
          invoicing: { dueAfter: 'P14D' },
        },
      },
    });

    // Replayed from the log, the issued invoices come back byte for byte.
    const before = (await app.request('GET', '/api/v1/billing/invoices?expand=lines')).text;
    const rebuilt = await app.request('POST', '/api/v1/admin/projections/issued_invoices@v2/rebuild');
    expect(rebuilt.status).toBe(202);
    for (let state = ''; state !== 'running';) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = (await call('GET', '/api/v1/admin/projections')).find(
        (p: { name: string }) => p.name === 'issued_invoices@v2',
      ).state;
    }
    expect((await app.request('GET', '/api/v1/billing/invoices?expand=lines')).text).toBe(before);
  });
});
