import { OpenMeter } from '@openmeter/sdk';
import { TokenService } from '../../src/auth/tokens/token.service';
import { CorrectionSweep } from '../../src/billing/corrections/correction-sweep.service';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { InvoiceSnapshotService } from '../../src/billing/recompute/invoice-snapshot.service';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';

const HOUR = 3_600_000;
const GRACE = HOUR;

interface Line {
  id: string;
  quantity: string;
  meteredQuantity: string;
  totals: { total: string };
  correction?: { lineId: string; billed: Record<string, string>; now: Record<string, string> };
}
interface Invoice {
  id: string;
  type: string;
  number: string;
  status: string;
  statusDetails: { availableActions: Record<string, unknown> };
  period: { from: string; to: string };
  totals: { total: string };
  lines: Line[];
  correctionOf?: { id: string; number: string };
  corrections?: { id: string; number: string; type: string; total: string }[];
}

/**
 * Late usage and voids after an invoice is issued become one linked correction document, through
 * the real HTTP server and the real issuer: each case in a namespace of its own, on an hourly plan
 * whose first period (10:00–11:00) is issued at 12:00:01, the end of the collection grace.
 */
describe('corrections of issued invoices', () => {
  const clock = new ManualClock(new Date('2027-01-04T10:00:00Z'));
  let app: TestApp;
  let issuer: InvoiceIssuer;
  let sweep: CorrectionSweep;

  beforeAll(async () => {
    app = await startTestApp({
      clock,
      config: { collectionGraceMs: HOUR, correctionGraceMs: GRACE, invoiceSweepMs: 3_600_000 },
    });
    issuer = app.tally.app!.get(InvoiceIssuer);
    sweep = app.tally.app!.get(CorrectionSweep);
  });
  afterAll(() => app.close());

  /** A namespace with its own admin token, meter, feature, hourly plan, customer and subscription. */
  async function tenant(
    namespace: string,
    meter: Record<string, unknown>,
    price: Record<string, unknown>,
  ): Promise<Tenant> {
    clock.set(new Date('2027-01-04T10:00:00Z'));
    const token = (
      await app.tally.resolve(TokenService).create({ namespace, name: `${namespace} admin`, role: 'admin' })
    ).secret;
    const call = async (method: string, path: string, body?: unknown) => {
      const answer = await app.request(method, path, { token, ...(body === undefined ? {} : { body }) });
      if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
      return answer.body;
    };
    await call('POST', '/api/v1/meters', { slug: 'usage', eventType: 'call', ...meter });
    await call('POST', '/api/v1/features', { key: 'usage', name: 'Usage', meterSlug: 'usage' });
    const plan = await call('POST', '/api/v1/plans', {
      key: 'hourly',
      name: 'Hourly',
      currency: 'USD',
      billingCadence: 'PT1H',
      phases: [
        {
          key: 'default',
          name: 'Default',
          duration: null,
          rateCards: [
            {
              type: 'usage_based',
              key: 'usage',
              name: 'Usage',
              featureKey: 'usage',
              billingCadence: 'PT1H',
              price,
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
      plan: { key: 'hourly' },
      timing: 'immediate',
    });
    return new Tenant(app, namespace, token, call);
  }

  /** Sends the usage at 10:30 (inside the first period) and issues that period at 12:00:01. */
  async function issueFirstPeriod(t: Tenant, usage: { id: string; minute: number; data: object }[]) {
    clock.set(new Date('2027-01-04T10:30:00Z'));
    for (const u of usage) await t.use(u.id, u.minute, u.data);
    clock.set(new Date('2027-01-04T12:00:01Z'));
    await issuer.issueDue();
    const [invoice] = await t.issued();
    expect(invoice).toMatchObject({ number: 'INV-000001', status: 'issued', type: 'standard' });
    return invoice;
  }

  it('bills late positive usage on an hourly plan in one linked standard correction', async () => {
    const t = await tenant(
      'late',
      { aggregation: 'SUM', valueProperty: '$.n' },
      { type: 'unit', amount: '1' },
    );
    const invoice = await issueFirstPeriod(t, [
      { id: 'e1', minute: 10, data: { n: 4 } },
      { id: 'e2', minute: 20, data: { n: 6 } },
    ]);
    expect(invoice.lines[0]).toMatchObject({ quantity: '10', totals: { total: '10' } });
    expect(await t.reconcile()).toMatchObject({ billable: 2, billed: 2, pendingCorrection: 0 });

    clock.set(new Date('2027-01-04T12:05:00Z'));
    await t.use('e3', 40, { n: 7 }); // late: its period was issued at 12:00:01
    expect(await sweep.correctDue()).toBe(0); // inside the correction grace
    expect(await t.reconcile()).toMatchObject({ billable: 3, billed: 2, pendingCorrection: 1 });
    expect(await pendingReport(t.namespace)).toEqual([
      expect.objectContaining({ invoiceId: invoice.id, number: 'INV-000001', total: '7' }),
    ]);

    clock.set(new Date(Date.parse('2027-01-04T12:05:00Z') + GRACE));
    expect(await sweep.correctDue()).toBe(1);
    expect(await sweep.correctDue()).toBe(0);

    const [original, correction] = await t.issued();
    // The invoice keeps its figures, and lists its correction; corrected, it can no longer be voided.
    expect(original).toEqual({
      ...invoice,
      statusDetails: { ...invoice.statusDetails, availableActions: {} },
      corrections: [{ id: correction.id, number: 'INV-000002', type: 'standard', total: '7' }],
    });
    expect(correction).toMatchObject({
      type: 'standard',
      number: 'INV-000002',
      status: 'issued',
      period: invoice.period,
      correctionOf: { id: invoice.id, number: 'INV-000001' },
      totals: { total: '7' },
    });
    expect(correction.lines).toEqual([
      expect.objectContaining({
        quantity: '7',
        meteredQuantity: '7',
        totals: expect.objectContaining({ amount: '7', total: '7' }),
        correction: {
          lineId: invoice.lines[0].id,
          billed: { quantity: '10', meteredQuantity: '10', total: '10' },
          now: { quantity: '17', meteredQuantity: '17', total: '17' },
        },
      }),
    ]);
    // Lineage: the invoice's line lists what it billed, the correction's the late event alone.
    expect(await t.lineage(original)).toEqual(['e1', 'e2']);
    expect(await t.lineage(correction)).toEqual(['e3']);
    expect(await t.reconcile()).toMatchObject({ billable: 3, billed: 3, pendingCorrection: 0 });
    expect(await pendingReport(t.namespace)).toEqual([]);
    // Filtered by type: the correction is standard, and there is no credit note.
    expect((await t.list('types=credit_note')).map((i) => i.number)).toEqual([]);
    expect(
      (await t.list('types=standard')).filter((i) => i.status === 'issued').map((i) => i.number),
    ).toEqual(['INV-000001', 'INV-000002']);
  });

  it('gives a voided billed event back in a credit note; a voided unbilled event only leaves the preview', async () => {
    const t = await tenant(
      'void',
      { aggregation: 'SUM', valueProperty: '$.n' },
      { type: 'unit', amount: '1' },
    );
    const invoice = await issueFirstPeriod(t, [
      { id: 'e1', minute: 10, data: { n: 4 } },
      { id: 'e2', minute: 20, data: { n: 6 } },
    ]);
    clock.set(new Date('2027-01-04T12:10:00Z'));
    await t.use('open', 130, { n: 5 }); // 12:10, the open period's
    expect((await t.preview()).totals.total).toBe('5');
    expect((await t.void(['e2', 'open'], 'sent twice')).status).toBe(200);
    expect((await t.preview()).totals.total).toBe('0');
    expect(await t.reconcile()).toMatchObject({ voided: 1, billed: 2, pendingCorrection: 1 });

    clock.set(new Date(Date.parse('2027-01-04T12:10:00Z') + GRACE));
    expect(await sweep.correctDue()).toBe(1);
    const documents = await t.issued();
    expect(documents.map((d) => [d.number, d.type, d.totals.total])).toEqual([
      ['INV-000001', 'standard', '10'],
      ['INV-000002', 'credit_note', '-6'],
    ]);
    const credit = documents[1];
    expect(credit).toMatchObject({ correctionOf: { id: invoice.id, number: 'INV-000001' } });
    expect(credit.lines).toEqual([
      expect.objectContaining({ quantity: '-6', totals: expect.objectContaining({ total: '-6' }) }),
    ]);
    expect(documents[0].corrections).toEqual([
      { id: credit.id, number: 'INV-000002', type: 'credit_note', total: '-6' },
    ]);
    // The credit note's line lists the event it takes away, marked voided.
    const taken = await t.lineageItems(credit);
    expect(taken).toEqual([
      expect.objectContaining({
        event: expect.objectContaining({ id: 'e2' }),
        voided: expect.objectContaining({ reason: 'sent twice' }),
      }),
    ]);
    expect(await t.lineage(documents[0])).toEqual(['e1', 'e2']);
    expect(await t.reconcile()).toMatchObject({ voided: 1, billed: 1, pendingCorrection: 0 });
    expect((await t.list('types=credit_note')).map((i) => i.number)).toEqual(['INV-000002']);

    // OpenMeter's own client reads the credit note, and the voided event in the events listing.
    const sdk = new OpenMeter({ baseUrl: app.url, apiKey: t.token });
    expect(await sdk.billing.invoices.get(credit.id)).toMatchObject({
      type: 'credit_note',
      number: 'INV-000002',
      totals: { total: '-6' },
    });
    const listed = (await sdk.events.list({ id: 'e2' })) as { event: { id: string }; voided?: unknown }[];
    expect(listed).toEqual([
      expect.objectContaining({
        event: expect.objectContaining({ id: 'e2' }),
        voided: expect.objectContaining({ reason: 'sent twice' }),
      }),
    ]);

    // The open period's void is on no document: issued later, that period simply bills nothing.
    clock.set(new Date('2027-01-04T14:00:01Z'));
    await issuer.issueDue();
    expect(await sweep.correctDue()).toBe(0);
    const later = (await t.issued()).filter((d) => d.period.from === '2027-01-04T12:00:00.000Z');
    expect(later.map((d) => [d.type, d.totals.total])).toEqual([['standard', '0']]);
  });

  it('corrects graduated tiers on totals: price(13) − price(8) across the boundary at 10', async () => {
    const tiers = {
      type: 'tiered',
      mode: 'graduated',
      tiers: [
        { upToAmount: '10', flatPrice: null, unitPrice: { type: 'unit', amount: '2.5' } },
        { flatPrice: { type: 'flat', amount: '3' }, unitPrice: { type: 'unit', amount: '1' } },
      ],
    };
    const t = await tenant('tiers', { aggregation: 'SUM', valueProperty: '$.n' }, tiers);
    const invoice = await issueFirstPeriod(t, [{ id: 'e1', minute: 10, data: { n: 8 } }]);
    // By hand: 8 units in the first tier at 2.50 = 20.00.
    expect(invoice.totals.total).toBe('20');

    clock.set(new Date('2027-01-04T12:05:00Z'));
    await t.use('e2', 45, { n: 5 });
    clock.set(new Date('2027-01-04T13:05:00Z'));
    expect(await sweep.correctDue()).toBe(1);
    const [, correction] = await t.issued();
    // By hand: 13 units = 10 × 2.50 + the second tier's flat 3.00 + 3 × 1.00 = 31.00; 31 − 20 = 11.
    // (Pricing the 5 late units alone would have billed 12.50.)
    expect(correction).toMatchObject({ type: 'standard', totals: { total: '11' } });
    expect(correction.lines[0]).toMatchObject({
      quantity: '5',
      correction: { billed: { quantity: '8', total: '20' }, now: { quantity: '13', total: '31' } },
    });
  });

  it('UNIQUE_COUNT: a late event of a counted user changes nothing; a new user is one more unit', async () => {
    const t = await tenant(
      'unique',
      { aggregation: 'UNIQUE_COUNT', valueProperty: '$.user' },
      { type: 'unit', amount: '1.5' },
    );
    const invoice = await issueFirstPeriod(t, [
      { id: 'e1', minute: 10, data: { user: 'alice' } },
      { id: 'e2', minute: 20, data: { user: 'bob' } },
    ]);
    expect(invoice.lines[0]).toMatchObject({ quantity: '2', totals: { total: '3' } });

    clock.set(new Date('2027-01-04T12:05:00Z'));
    await t.use('e3', 50, { user: 'alice' });
    clock.set(new Date('2027-01-04T13:05:01Z'));
    expect(await sweep.correctDue()).toBe(0);
    expect((await t.issued()).map((d) => d.number)).toEqual(['INV-000001']);
    expect(await pendingReport(t.namespace)).toEqual([]);
    expect(await t.reconcile()).toMatchObject({ billed: 2, pendingCorrection: 0 });

    await t.use('e4', 55, { user: 'carol' });
    expect(await sweep.correctDue()).toBe(1);
    const [, correction] = await t.issued();
    expect(correction).toMatchObject({ type: 'standard', totals: { total: '1.5' } });
    expect(correction.lines[0]).toMatchObject({ quantity: '1' });
  });

  it('gathers 1,000 late events inside the grace into exactly one correction', async () => {
    const t = await tenant('burst', { aggregation: 'COUNT' }, { type: 'unit', amount: '0.01' });
    await issueFirstPeriod(t, [{ id: 'e0', minute: 5, data: {} }]);
    const start = Date.parse('2027-01-04T12:01:00Z');
    for (let batch = 0; batch < 10; batch++) {
      clock.set(new Date(start + batch * 5 * 60_000)); // 12:01 to 12:46, all within an hour of the first
      const events = Array.from({ length: 100 }, (_, i) => t.event(`late-${batch}-${i}`, 10 + (i % 50), {}));
      expect((await t.post('/api/v1/events', events)).status).toBe(204);
      expect(await sweep.correctDue()).toBe(0);
    }
    clock.set(new Date(start + GRACE));
    expect(await sweep.correctDue()).toBe(1);
    expect(await sweep.correctDue()).toBe(0);
    const documents = await t.issued();
    expect(documents.map((d) => [d.number, d.lines[0].quantity, d.totals.total])).toEqual([
      ['INV-000001', '1', '0.01'],
      ['INV-000002', '1000', '10'],
    ]);
  });

  it("corrects late usage stamped in a cancelled subscription's last second", async () => {
    const t = await tenant('cancelled', { aggregation: 'COUNT' }, { type: 'unit', amount: '2' });
    clock.set(new Date('2027-01-04T10:30:00Z'));
    await t.use('e1', 10, {});
    clock.set(new Date('2027-01-04T10:40:30.500Z'));
    const [subscription] = (await t.call('GET', '/api/v1/customers/acme/subscriptions')).items;
    const cancelled = await t.call('POST', `/api/v1/subscriptions/${subscription.id}/cancel`, {
      timing: 'immediate',
    });
    expect(cancelled.activeTo).toBe('2027-01-04T10:40:31.000Z');
    clock.set(new Date('2027-01-04T11:40:32Z'));
    expect(await issuer.issueDue()).toBeGreaterThanOrEqual(1);
    const [invoice] = await t.issued();
    expect(invoice.totals.total).toBe('2');

    // Sent after the issue, stamped in the last second the subscription ran.
    clock.set(new Date('2027-01-04T11:45:00Z'));
    expect(
      (
        await t.post('/api/v1/events', {
          ...t.event('last-second', 40, {}),
          time: '2027-01-04T10:40:30.900Z',
        })
      ).status,
    ).toBe(204);
    clock.set(new Date('2027-01-04T12:45:00Z'));
    expect(await sweep.correctDue()).toBe(1);
    const [, correction] = await t.issued();
    expect(correction).toMatchObject({
      type: 'standard',
      correctionOf: { id: invoice.id, number: 'INV-000001' },
      totals: { total: '2' },
    });
    expect(await t.lineage(correction)).toEqual(['last-second']);
  });

  it('corrects a usage one-off line (a pending line) as any line: late usage in its period is billed', async () => {
    const t = await tenant(
      'oneoff',
      { aggregation: 'SUM', valueProperty: '$.n' },
      { type: 'unit', amount: '1' },
    );
    await t.call('POST', '/api/v1/billing/customers/acme/invoices/pending-lines', {
      currency: 'USD',
      lines: [
        {
          name: 'Overage',
          invoiceAt: '2027-01-04T10:59:00Z',
          period: { from: '2027-01-04T10:00:00Z', to: '2027-01-04T11:00:00Z' },
          rateCard: { featureKey: 'usage', price: { type: 'unit', amount: '2' } },
        },
      ],
    });
    const invoice = await issueFirstPeriod(t, [{ id: 'e1', minute: 10, data: { n: 4 } }]);
    // The plan's line: 4 × $1; the one-off line: 4 × $2.
    expect(invoice.lines.map((l) => [l.quantity, l.totals.total])).toEqual([
      ['4', '4'],
      ['4', '8'],
    ]);
    const oneOff = invoice.lines[1];

    clock.set(new Date('2027-01-04T12:05:00Z'));
    await t.use('e2', 40, { n: 3 }); // late
    // The recompute report sees both lines: 3 × $1 + 3 × $2 = 9.
    expect(await pendingReport(t.namespace)).toEqual([expect.objectContaining({ total: '9' })]);
    clock.set(new Date(Date.parse('2027-01-04T12:05:00Z') + GRACE));
    expect(await sweep.correctDue()).toBe(1);
    const [, correction] = await t.issued();
    expect(correction).toMatchObject({ correctionOf: { id: invoice.id }, totals: { total: '9' } });
    expect(correction.lines.find((l) => l.correction!.lineId === oneOff.id)).toMatchObject({
      quantity: '3',
      totals: { total: '6' },
      correction: { billed: { quantity: '4', total: '8' }, now: { quantity: '7', total: '14' } },
    });
    expect(await pendingReport(t.namespace)).toEqual([]);
  });

  it('documents the void route, the types filter and the new fields in the OpenAPI document', async () => {
    const docs = (await app.request('GET', '/docs-json', { token: null })).body;
    const voidRoute = docs.paths['/api/v1/events/void']?.post;
    expect(voidRoute.operationId).toBe('voidEvents');
    expect(voidRoute.requestBody.content['application/json'].schema.$ref).toMatch(/VoidUsageRequest$/);
    expect(voidRoute.responses['200'].content['application/json'].schema.$ref).toMatch(/VoidUsageAnswer$/);
    const list = docs.paths['/api/v1/billing/invoices'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toContain('types');
    const reconciliation = docs.components.schemas.ReconciliationCountsDto.properties;
    expect(Object.keys(reconciliation)).toEqual(
      expect.arrayContaining(['voided', 'billable', 'pendingCorrection']),
    );
  });

  async function pendingReport(namespace: string) {
    await app.tally.projections.drain();
    return (await app.tally.resolve(InvoiceSnapshotService).pendingCorrections()).filter(
      (p) => p.namespace === namespace,
    );
  }
});

class Tenant {
  constructor(
    private readonly app: TestApp,
    readonly namespace: string,
    readonly token: string,
    readonly call: (method: string, path: string, body?: unknown) => Promise<any>,
  ) {}

  post(path: string, body: unknown) {
    return this.app.request('POST', path, { token: this.token, body });
  }

  event(id: string, minute: number, data: object) {
    return {
      specversion: '1.0',
      id,
      source: 'corrections',
      type: 'call',
      subject: 'acme',
      time: new Date(Date.parse('2027-01-04T10:00:00Z') + minute * 60_000).toISOString(),
      data,
    };
  }

  async use(id: string, minute: number, data: object): Promise<void> {
    expect((await this.post('/api/v1/events', this.event(id, minute, data))).status).toBe(204);
  }

  void(ids: string[], reason: string) {
    return this.post('/api/v1/events/void', {
      events: ids.map((id) => ({ source: 'corrections', id })),
      reason,
    });
  }

  async list(query = ''): Promise<Invoice[]> {
    return (await this.call('GET', `/api/v1/billing/invoices?expand=lines&${query}`)).items;
  }

  async issued(): Promise<Invoice[]> {
    return (await this.list()).filter((i) => i.status === 'issued');
  }

  preview(): Promise<Invoice> {
    return this.call('GET', '/api/v1/billing/customers/acme/invoices/preview');
  }

  async lineageItems(invoice: Invoice): Promise<{ event: { id: string }; voided?: unknown }[]> {
    return (
      await this.call('GET', `/api/v1/billing/invoices/${invoice.id}/lines/${invoice.lines[0].id}/events`)
    ).items;
  }

  async lineage(invoice: Invoice): Promise<string[]> {
    return (await this.lineageItems(invoice)).map((item) => item.event.id).sort();
  }

  /** Reconciliation of the first period's hour. */
  async reconcile(): Promise<Record<string, number>> {
    const answer = await this.call(
      'GET',
      '/api/v1/admin/reconciliation?from=2027-01-04T10:00:00Z&to=2027-01-04T11:00:00Z',
    );
    return answer.totals;
  }
}
