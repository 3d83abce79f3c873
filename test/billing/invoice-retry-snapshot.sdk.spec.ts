import { OpenMeter } from '@openmeter/sdk';
import { CorrectionSweep } from '../../src/billing/corrections/correction-sweep.service';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { invoiceLedgerStream } from '../../src/event-store/stream-names';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';
import { expectInvoicesReplayed } from '../support/rebuilt';

const HOUR = 3_600_000;

/** A SUM of units at $0.50 each, billed monthly: the figures below are units × 0.5. */
const PLAN = {
  key: 'stored',
  name: 'Stored',
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
 * `retry` and `snapshot-quantities` through OpenMeter's own SDK: a failed invoice validated again
 * moves on once its cause is gone; an invoice still collecting takes its quantities now and moves on
 * under its workflow; usage arriving after that is billed by a correction, once. Each is listed in
 * `availableActions` exactly when it is accepted, and refused (409 naming the status) otherwise.
 */
describe('retry and snapshot-quantities through @openmeter/sdk', () => {
  // The subscriptions start here; the first period (P1M) ends 2027-02-28T10:00Z, collected for PT1H.
  const clock = new ManualClock(new Date('2027-01-31T10:00:00Z'));
  const periodEnd = Date.parse('2027-02-28T10:00:00Z');
  let app: TestApp;
  let sdk: OpenMeter;
  let issuer: InvoiceIssuer;

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const use = (customer: string, id: string, n: number) =>
    call('POST', '/api/v1/events', {
      specversion: '1.0',
      id,
      source: 'app',
      type: 'stored',
      subject: customer,
      time: '2027-02-10T00:00:00Z',
      data: { n },
    });
  const closedOf = async (customer: string) =>
    (await sdk.billing.invoices.list({ customers: [customer], expand: ['lines'] }))!.items.filter(
      (invoice) => invoice.status !== 'gathering',
    );
  const ledgerEvents = async (type: string) => {
    const store = app.tally.app!.get<EventStore>(EVENT_STORE);
    const { events } = await store.readStream(invoiceLedgerStream('default'));
    return events
      .filter((event) => event.type === type)
      .map((event) => event.data as Record<string, unknown>);
  };

  beforeAll(async () => {
    app = await startTestApp({ clock });
    sdk = new OpenMeter({ baseUrl: app.url, apiKey: app.adminToken });
    issuer = app.tally.app!.get(InvoiceIssuer);
    await call('POST', '/api/v1/meters', {
      slug: 'stored',
      name: 'Stored',
      eventType: 'stored',
      aggregation: 'SUM',
      valueProperty: '$.n',
    });
    await call('POST', '/api/v1/features', { key: 'stored', name: 'Stored', meterSlug: 'stored' });
    const plan = await call('POST', '/api/v1/plans', PLAN);
    await call('POST', `/api/v1/plans/${plan.id}/publish`);
    for (const key of ['snap', 'review', 'huge']) {
      await call('POST', '/api/v1/customers', { name: key, key, usageAttribution: { subjectKeys: [key] } });
      await call('POST', '/api/v1/subscriptions', {
        customerKey: key,
        plan: { key: 'stored' },
        timing: 'immediate',
      });
    }
    await call('PUT', '/api/v1/billing/customers/review', {
      workflow: { invoicing: { autoAdvance: false } },
    });
    clock.set(new Date('2027-02-10T00:00:00Z'));
    await use('snap', 's1', 4);
    await use('snap', 's2', 6);
    await use('review', 'r1', 8);
    await use('huge', 'h1', 1e300); // a SUM of 301 digits: too long to price
  });
  afterAll(() => app.close());

  it('snapshots an invoice still collecting: issued at once under the default workflow', async () => {
    clock.set(new Date(periodEnd + HOUR / 4));
    const [waiting] = await closedOf('snap');
    expect(waiting.statusDetails).toEqual({
      immutable: false,
      failed: false,
      extendedStatus: 'draft.waiting_for_collection',
      availableActions: { snapshotQuantities: { resultingState: 'issued' } },
    });
    const stale = await app.request('POST', `/api/v1/billing/invoices/${waiting.id}/snapshot-quantities`, {
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);

    const snapshotted = await sdk.billing.invoices.snapshotQuantities(waiting.id);
    // 10 units at $0.50, issued 15 minutes into the collection interval.
    expect(snapshotted).toMatchObject({
      id: waiting.id,
      number: 'INV-000001',
      status: 'issued',
      issuedAt: new Date(periodEnd + HOUR / 4),
      quantitySnapshotedAt: new Date(periodEnd + HOUR / 4),
      totals: { total: '5' },
      statusDetails: { extendedStatus: 'issued', availableActions: { void: { resultingState: 'voided' } } },
    });
    expect(snapshotted!.lines![0]).toMatchObject({ quantity: '10' });
    expect(await ledgerEvents('InvoiceQuantitiesSnapshotted')).toEqual([
      expect.objectContaining({
        invoiceId: waiting.id,
        snapshotAt: new Date(periodEnd + HOUR / 4).toISOString(),
      }),
    ]);

    const again = await app.request('POST', `/api/v1/billing/invoices/${waiting.id}/snapshot-quantities`);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(again.body.detail).toContain('is issued');
  });

  it("snapshots a reviewed customer's invoice into a draft needing approval; approval issues it", async () => {
    clock.set(new Date(periodEnd + HOUR / 2)); // still inside review's collection interval
    const [waiting] = await closedOf('review');
    expect(waiting.statusDetails.availableActions).toEqual({
      snapshotQuantities: { resultingState: 'draft.manual_approval_needed' },
    });
    const drafted = await sdk.billing.invoices.snapshotQuantities(waiting.id);
    expect(drafted).toMatchObject({
      id: waiting.id,
      status: 'draft',
      totals: { total: '4' },
      statusDetails: { extendedStatus: 'draft.manual_approval_needed' },
    });
    const twice = await app.request('POST', `/api/v1/billing/invoices/${waiting.id}/snapshot-quantities`);
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('is draft.manual_approval_needed');
    const approved = await sdk.billing.invoices.approve(waiting.id);
    expect(approved).toMatchObject({
      number: 'INV-000002',
      status: 'issued',
      quantitySnapshotedAt: new Date(periodEnd + HOUR / 2),
      totals: { total: '4' },
    });
  });

  it('bills usage arriving after the snapshot on one correction: nothing lost, nothing twice', async () => {
    await use('snap', 's3', 2); // still inside the collection interval the snapshot skipped
    clock.set(new Date(periodEnd + 3 * HOUR));
    expect(await issuer.issueDue()).toBe(0); // the period is issued already: never twice
    expect(await app.tally.app!.get(CorrectionSweep).correctDue()).toBe(1);
    const documents = await closedOf('snap');
    // The invoice keeps its $5 (10 units); the correction bills the 2 late units: $1.
    expect(documents.map((d) => [d.number, d.totals.total])).toEqual([
      ['INV-000001', '5'],
      ['INV-000003', '1'],
    ]);
    expect(documents[1].lines![0]).toMatchObject({ quantity: '2' });
  });

  it('retries a failed invoice: it stays invalid while its cause is there, and moves on once it is gone', async () => {
    clock.set(new Date(periodEnd + 3 * HOUR));
    const [invalid] = await closedOf('huge');
    expect(invalid.statusDetails).toEqual({
      immutable: false,
      failed: true,
      extendedStatus: 'draft.invalid',
      availableActions: { retry: { resultingState: 'issued' } },
    });
    const snapshot = await app.request('POST', `/api/v1/billing/invoices/${invalid.id}/snapshot-quantities`);
    expect(snapshot.status).toBe(409);
    expect(snapshot.body.detail).toContain('is draft.invalid');

    const still = await sdk.billing.invoices.retry(invalid.id);
    expect(still).toMatchObject({ status: 'draft', statusDetails: { extendedStatus: 'draft.invalid' } });
    expect(still!.validationIssues).toEqual([
      expect.objectContaining({ severity: 'critical', code: 'BILLING.INVALID_QUANTITY' }),
    ]);
    expect(await ledgerEvents('InvoiceRetried')).toEqual([
      expect.objectContaining({
        invoiceId: invalid.id,
        issues: [expect.objectContaining({ code: 'BILLING.INVALID_QUANTITY' })],
      }),
    ]);

    // The cause goes: the unpriceable event is voided and the real figure sent. The figures read
    // right again, so the invoice is no longer invalid: it moves on as any collected one does.
    await call('POST', '/api/v1/events/void', { events: [{ source: 'app', id: 'h1' }], reason: 'overflow' });
    await use('huge', 'h2', 3);
    const [fixed] = await closedOf('huge');
    expect(fixed.statusDetails).toEqual({
      immutable: false,
      failed: false,
      extendedStatus: 'draft.waiting_for_collection',
      availableActions: { snapshotQuantities: { resultingState: 'issued' } },
    });
    const notFailed = await app.request('POST', `/api/v1/billing/invoices/${invalid.id}/retry`);
    expect(notFailed.status).toBe(409);
    expect(notFailed.body.detail).toContain('is draft.waiting_for_collection');
    expect(await issuer.issueDue()).toBe(1);
    // 3 units at $0.50.
    expect((await closedOf('huge'))[0]).toMatchObject({
      id: invalid.id,
      number: 'INV-000004',
      status: 'issued',
      totals: { total: '1.5' },
      validationIssues: [],
    });
    const issued = await app.request('POST', `/api/v1/billing/invoices/${invalid.id}/retry`);
    expect(issued.status).toBe(409);
    expect(issued.body.detail).toContain('is issued');
    await expectInvoicesReplayed(app);
  });

  it('offers neither action to a period waiting behind an unissued one, and 404s an unknown id', async () => {
    await call('PUT', '/api/v1/billing/customers/snap', { workflow: { invoicing: { autoAdvance: false } } });
    // March's period closes too; snap's February is issued, so March is its first: April waits behind it.
    clock.set(new Date('2027-04-30T10:30:00Z'));
    const [march, april] = (await closedOf('snap')).filter((invoice) => invoice.status === 'draft');
    expect(march.statusDetails.availableActions).toEqual({
      snapshotQuantities: { resultingState: 'draft.manual_approval_needed' },
    });
    expect(april.statusDetails.extendedStatus).toBe('draft.waiting_for_collection');
    expect(april.statusDetails.availableActions).toEqual({});
    const behind = await app.request('POST', `/api/v1/billing/invoices/${april.id}/snapshot-quantities`);
    expect(behind.status).toBe(409);
    expect(behind.body.detail).toContain('is draft.waiting_for_collection');
    for (const action of ['retry', 'snapshot-quantities']) {
      const unknown = await app.request(
        'POST',
        `/api/v1/billing/invoices/01JUNKNOWN0000000000000000/${action}`,
      );
      expect(unknown.status).toBe(404);
    }
  });

  it('recalculates taxes as a biller without a tax engine: a mutable invoice unchanged, nothing recorded', async () => {
    const store = app.tally.app!.get<EventStore>(EVENT_STORE);
    const head = async () => (await store.readStream(invoiceLedgerStream('default'))).version;
    const documents = await closedOf('snap');
    const draft = documents.find((invoice) => invoice.status === 'draft')!;
    const before = await head();
    expect(await sdk.billing.invoices.recalculateTax(draft.id)).toEqual(
      await sdk.billing.invoices.get(draft.id),
    );
    expect(await head()).toBe(before);
    const issued = documents.find((invoice) => invoice.status === 'issued')!;
    const refused = await app.request('POST', `/api/v1/billing/invoices/${issued.id}/taxes/recalculate`);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body.detail).toContain('is issued');
    const unknown = await app.request(
      'POST',
      '/api/v1/billing/invoices/01JUNKNOWN0000000000000000/taxes/recalculate',
    );
    expect(unknown.status).toBe(404);
  });
});
