import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';

const HOUR = 3_600_000;

describe('closing billing periods', () => {
  const clock = new ManualClock(new Date('2027-01-31T10:00:00Z'));
  let app: TestApp;
  let issuer: InvoiceIssuer;

  const post = async (path: string, body?: unknown) => {
    const answer = await app.request('POST', path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`POST ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const use = (id: string, user: string, time: string) =>
    post('/api/v1/events', {
      specversion: '1.0',
      id,
      source: 'app',
      type: 'user_activity',
      subject: 'acme-inc',
      time,
      data: { user_id: user },
    });
  const issued = async () =>
    (await app.request('GET', '/api/v1/billing/invoices?customers=acme-inc&expand=lines')).body.items.filter(
      (i: { status: string }) => i.status === 'issued',
    );

  beforeAll(async () => {
    app = await startTestApp({ clock });
    issuer = app.tally.app!.get(InvoiceIssuer);
    await post('/api/v1/meters', {
      slug: 'active_users_total',
      name: 'Active users',
      eventType: 'user_activity',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user_id',
    });
    await post('/api/v1/features', {
      key: 'active_users',
      name: 'active-users',
      meterSlug: 'active_users_total',
    });
    const plan = await post('/api/v1/plans', {
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
              type: 'flat_fee',
              key: 'platform',
              name: 'Platform fee',
              billingCadence: 'P1M',
              price: { type: 'flat', amount: '10', paymentTerm: 'in_advance' },
            },
            {
              type: 'usage_based',
              key: 'active_users',
              name: 'active-users',
              featureKey: 'active_users',
              billingCadence: 'P1M',
              price: { type: 'unit', amount: '1.5' },
            },
          ],
        },
      ],
    });
    await post(`/api/v1/plans/${plan.id}/publish`);
    await post('/api/v1/customers', {
      name: 'Acme Inc',
      key: 'acme-inc',
      usageAttribution: { subjectKeys: ['acme-inc'] },
    });
    await post('/api/v1/subscriptions', {
      customerKey: 'acme-inc',
      plan: { key: 'per_seat' },
      timing: 'immediate',
    });
  });
  afterAll(() => app.close());

  it('issues the period anchored on Jan 31 after Feb 28 plus the grace, with late usage, numbered 1', async () => {
    clock.set(new Date('2027-01-31T11:00:00Z'));
    await use('e1', 'alice', '2027-01-31T11:00:00Z');
    clock.set(new Date('2027-02-10T11:00:00Z'));
    await use('e2', 'bob', '2027-02-10T11:00:00Z');
    const preview = await app.request('GET', '/api/v1/billing/customers/acme-inc/invoices/preview');
    expect(preview.body.period).toEqual({ from: '2027-01-31T10:00:00.000Z', to: '2027-02-28T10:00:00.000Z' });

    clock.set(new Date('2027-02-28T10:30:00Z')); // the period is over, its grace is not
    expect(await issuer.issueDue()).toBe(0);
    await use('e3', 'carol', '2027-02-27T23:00:00Z'); // late, but inside the grace: it counts

    clock.set(new Date(Date.parse('2027-02-28T10:00:00Z') + HOUR + 1));
    expect(await issuer.issueDue()).toBe(1);
    expect(await issuer.issueDue()).toBe(0); // never twice

    const [invoice] = await issued();
    expect(invoice).toMatchObject({
      id: preview.body.id,
      number: 'INV-000001',
      status: 'issued',
      statusDetails: { immutable: true },
      period: { from: '2027-01-31T10:00:00.000Z', to: '2027-02-28T10:00:00.000Z' },
      totals: { total: '14.5' },
    });
    const usage = invoice.lines.find((l: { featureKey?: string }) => l.featureKey === 'active_users');
    expect(usage).toMatchObject({ quantity: '3', totals: { total: '4.5' } });
  });

  it('starts the next period empty, and still issues its flat fee when nobody used anything', async () => {
    const next = await app.request('GET', '/api/v1/billing/customers/acme-inc/invoices/preview');
    expect(next.body.period).toEqual({ from: '2027-02-28T10:00:00.000Z', to: '2027-03-31T10:00:00.000Z' });
    expect(
      next.body.lines.find((l: { featureKey?: string }) => l.featureKey === 'active_users'),
    ).toMatchObject({ quantity: '0' });
    expect(next.body.totals.total).toBe('10');

    clock.set(new Date('2027-03-31T12:00:00Z'));
    expect(await issuer.issueDue()).toBe(1);
    const invoices = await issued();
    expect(invoices.map((i: { number: string }) => i.number)).toEqual(['INV-000001', 'INV-000002']);
    expect(invoices[1].totals.total).toBe('10');

    // A late event for an issued period changes nothing on that invoice: issued invoices are immutable.
    await use('e4', 'dave', '2027-02-01T00:00:00Z');
    expect((await issued())[0].totals.total).toBe('14.5');
  });

  it('bills usage acknowledged before an immediate cancel, stamped in the second the cancel falls in', async () => {
    clock.set(new Date('2027-04-05T08:00:00.700Z'));
    await use('e5', 'erin', '2027-04-05T08:00:00.200Z');
    const [subscription] = (await app.request('GET', '/api/v1/customers/acme-inc/subscriptions')).body.items;
    const canceled = await post(`/api/v1/subscriptions/${subscription.id}/cancel`, { timing: 'immediate' });

    clock.set(new Date(Date.parse('2027-04-05T08:00:01Z') + HOUR));
    expect(await issuer.issueDue()).toBe(1);
    const last = (await issued())[2];
    expect(last.period).toEqual({ from: '2027-03-31T10:00:00.000Z', to: '2027-04-30T10:00:00.000Z' });
    const usage = last.lines.find((l: { featureKey?: string }) => l.featureKey === 'active_users');
    expect(usage).toMatchObject({
      quantity: '1',
      period: { from: '2027-03-31T10:00:00.000Z', to: '2027-04-05T08:00:01.000Z' },
    });
    // It ends with the second the cancel fell in (immediate starts are floored to the second).
    expect(canceled.activeTo).toBe('2027-04-05T08:00:01.000Z');
  });
});
