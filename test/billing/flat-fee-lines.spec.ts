import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { EVENT_STORE, EventStore, ExpectedVersion } from '../../src/event-store/event-store.port';
import { invoiceLedgerStream } from '../../src/event-store/stream-names';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';

const HOUR = 3_600_000;

/**
 * A flat fee is a `flat_fee` line of quantity 1 — in the preview, on the issued invoice and in its
 * lineage (no usage is behind a flat fee, even one that names a feature) — while invoices issued
 * before, whose flat fees say `usage_based`, keep reading as they were issued.
 */
describe('flat-fee lines', () => {
  const clock = new ManualClock(new Date('2027-01-31T10:00:00Z'));
  let app: TestApp;

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const byName = (invoice: { lines: { name: string }[] }) =>
    Object.fromEntries(invoice.lines.map((line) => [line.name, line])) as Record<
      string,
      Record<string, unknown>
    >;

  beforeAll(async () => {
    app = await startTestApp({ clock });
    await call('POST', '/api/v1/meters', {
      slug: 'active_users_total',
      eventType: 'user_activity',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user_id',
    });
    await call('POST', '/api/v1/features', {
      key: 'active_users',
      name: 'Active users',
      meterSlug: 'active_users_total',
    });
    // A feature fee: a flat fee that names a metered feature (for its entitlement), not billed by usage.
    await call('POST', '/api/v1/features', {
      key: 'support',
      name: 'Support',
      meterSlug: 'active_users_total',
    });
    const plan = await call('POST', '/api/v1/plans', {
      key: 'pro',
      name: 'Pro',
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
              key: 'support',
              name: 'Support',
              featureKey: 'support',
              billingCadence: 'P1M',
              price: { type: 'flat', amount: '10', paymentTerm: 'in_arrears' },
              entitlementTemplate: { type: 'boolean' },
            },
            {
              type: 'usage_based',
              key: 'active_users',
              name: 'Active users',
              featureKey: 'active_users',
              billingCadence: 'P1M',
              price: { type: 'unit', amount: '1' },
            },
          ],
        },
      ],
    });
    await call('POST', `/api/v1/plans/${plan.id}/publish`);
    await call('POST', '/api/v1/customers', {
      name: 'Acme',
      key: 'acme',
      usageAttribution: { subjectKeys: ['acme'] },
    });
    await call('POST', '/api/v1/subscriptions', {
      customerKey: 'acme',
      plan: { key: 'pro' },
      timing: 'immediate',
    });
    clock.set(new Date('2027-02-01T00:00:00Z'));
    await call(
      'POST',
      '/api/v1/events',
      ['alice', 'bob'].map((user, n) => ({
        specversion: '1.0',
        id: `e${n}`,
        source: 'app',
        type: 'user_activity',
        subject: 'acme',
        time: '2027-02-01T00:00:00Z',
        data: { user_id: user },
      })),
    );
  });
  afterAll(() => app.close());

  it('types a flat fee `flat_fee`, quantity 1, with no usage behind it, in the preview and once issued', async () => {
    const preview = await call('GET', '/api/v1/billing/customers/acme/invoices/preview');
    expect(byName(preview).Support).toMatchObject({ type: 'flat_fee', quantity: '1' });
    expect(byName(preview)['Active users']).toMatchObject({ type: 'usage_based', quantity: '2' });
    // $10 + 2 users × $1
    expect(preview.totals.total).toBe('12');
    const lineage = await call(
      'GET',
      `/api/v1/billing/invoices/${preview.id}/lines/${byName(preview).Support.id}/events`,
    );
    expect(lineage.totalCount).toBe(0);

    clock.set(new Date(Date.parse('2027-02-28T10:00:00Z') + 2 * HOUR));
    expect(await app.tally.app!.get(InvoiceIssuer).issueDue()).toBe(1);
    const issued = await call('GET', `/api/v1/billing/invoices/${preview.id}`);
    expect(issued.status).toBe('issued');
    expect(byName(issued).Support).toMatchObject({
      type: 'flat_fee',
      quantity: '1',
      totals: { total: '10' },
    });
    const issuedLineage = await call(
      'GET',
      `/api/v1/billing/invoices/${preview.id}/lines/${byName(issued).Support.id}/events`,
    );
    expect(issuedLineage.totalCount).toBe(0);
  });

  it('reads an invoice issued before flat fees were typed as it was issued', async () => {
    const store = app.tally.app!.get<EventStore>(EVENT_STORE);
    const ledger = invoiceLedgerStream('default');
    const { version, events } = await store.readStream(ledger);
    const issued = events[events.length - 1].data as {
      sequence: number;
      invoice: { id: string; lines: object[] };
    };
    // The same invoice as an older Tally stored it: another period's id, flat fee typed `usage_based`.
    const oldId = '01JOLDINVOICE0000000000000';
    const old = {
      ...issued,
      sequence: issued.sequence + 1,
      invoice: {
        ...issued.invoice,
        id: oldId,
        number: `INV-00000${issued.sequence + 1}`,
        lines: issued.invoice.lines.map((line) => ({ ...line, type: 'usage_based' })),
      },
    };
    await store.append(
      ledger,
      [{ type: 'InvoiceIssued', data: old, metadata: { namespace: 'default', correlationId: 'old' } }],
      ExpectedVersion.exact(version),
    );
    app.tally.projections.nudge();
    const read = await call('GET', `/api/v1/billing/invoices/${oldId}`);
    expect(read.lines.map((line: { type: string }) => line.type)).toEqual(['usage_based', 'usage_based']);
    expect(read.number).toBe(old.invoice.number);
    const support = read.lines.find((line: { name: string }) => line.name === 'Support');
    const lineage = await call('GET', `/api/v1/billing/invoices/${oldId}/lines/${support.id}/events`);
    expect(lineage.totalCount).toBe(0);
  });
});
