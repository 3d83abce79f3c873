import { OpenMeter } from '@openmeter/sdk';
import { CorrectionSweep } from '../../src/billing/corrections/correction-sweep.service';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { InvoiceSnapshotService } from '../../src/billing/recompute/invoice-snapshot.service';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';
import { rebuilt } from '../support/rebuilt';

const HOUR = 3_600_000;

type Read = NonNullable<Awaited<ReturnType<OpenMeter['billing']['invoices']['get']>>>;
type Edit = Parameters<OpenMeter['billing']['invoices']['update']>[1];
type EditLine = Edit['lines'][number];

/**
 * `updateInvoice`'s `lines` through OpenMeter's own SDK: the body's lines replace a draft's — a
 * line with a known id is updated, one without is added, one left out is removed — and the edit
 * holds wherever the period is priced: the draft, its issue, its corrections, a replay. An hourly
 * plan (10:00–11:00, closed at 12:00 by the collection interval) with a $10 flat fee, SUM units at
 * $1 and COUNT calls at $0.25; `autoAdvance: false`, so the closed period waits for approval.
 */
describe('editing a draft invoice’s lines through @openmeter/sdk', () => {
  const clock = new ManualClock(new Date('2027-01-04T10:00:00Z'));
  const period = { from: '2027-01-04T10:00:00.000Z', to: '2027-01-04T11:00:00.000Z' };
  let app: TestApp;
  let sdk: OpenMeter;
  let issuer: InvoiceIssuer;
  let sweep: CorrectionSweep;

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const use = async (id: string, minute: number, subject: string, n: number) => {
    const time = new Date(Date.parse(period.from) + minute * 60_000).toISOString();
    const event = { specversion: '1.0', id, source: 'edits', type: 'call', subject, time, data: { n } };
    expect((await app.request('POST', '/api/v1/events', { body: event })).status).toBe(204);
  };
  const draftOf = async (customer: string): Promise<Read> => {
    const page = await sdk.billing.invoices.list({ customers: [customer], expand: ['lines'] });
    return page!.items.find((invoice) => invoice.status !== 'gathering')! as Read;
  };
  const lineNamed = (invoice: Read, name: string) => invoice.lines!.find((line) => line.name === name)!;
  /** A line sent back as read, with `changes`. */
  const sentBack = (invoice: Read, name: string, changes: Partial<EditLine> = {}): EditLine => {
    const line = lineNamed(invoice, name);
    return {
      id: line.id,
      name: line.name,
      period: line.period,
      invoiceAt: line.invoiceAt,
      rateCard: line.rateCard,
      ...changes,
    } as EditLine;
  };
  const edit = (invoice: Read, lines: EditLine[]): Edit =>
    ({
      supplier: invoice.supplier,
      customer: { name: invoice.customer.name },
      lines,
      workflow: { workflow: {} },
    }) as unknown as Edit;
  const figures = (invoice: Read) =>
    invoice.lines!.map((line) => [line.name, line.managedBy, line.quantity, line.totals.total]);

  beforeAll(async () => {
    app = await startTestApp({
      clock,
      config: { collectionGraceMs: HOUR, correctionGraceMs: HOUR, invoiceSweepMs: HOUR },
    });
    sdk = new OpenMeter({ baseUrl: app.url, apiKey: app.adminToken });
    issuer = app.tally.app!.get(InvoiceIssuer);
    sweep = app.tally.app!.get(CorrectionSweep);
    await call('POST', '/api/v1/meters', {
      slug: 'units',
      eventType: 'call',
      aggregation: 'SUM',
      valueProperty: '$.n',
    });
    await call('POST', '/api/v1/meters', { slug: 'calls', eventType: 'call', aggregation: 'COUNT' });
    await call('POST', '/api/v1/features', { key: 'units', name: 'Units', meterSlug: 'units' });
    await call('POST', '/api/v1/features', { key: 'calls', name: 'Calls', meterSlug: 'calls' });
    const usage = (key: string, amount: string) => ({
      type: 'usage_based',
      key,
      name: key === 'units' ? 'Units' : 'Calls',
      featureKey: key,
      billingCadence: 'PT1H',
      price: { type: 'unit', amount },
    });
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
              type: 'flat_fee',
              key: 'base',
              name: 'Base',
              billingCadence: 'PT1H',
              price: { type: 'flat', amount: '10', paymentTerm: 'in_arrears' },
            },
            usage('units', '1'),
            usage('calls', '0.25'),
          ],
        },
      ],
    });
    await call('POST', `/api/v1/plans/${plan.id}/publish`);
    for (const key of ['acme', 'globex']) {
      await call('POST', '/api/v1/customers', { name: key, key, usageAttribution: { subjectKeys: [key] } });
      await call('PUT', `/api/v1/billing/customers/${key}`, {
        workflow: { invoicing: { autoAdvance: false } },
      });
      await call('POST', '/api/v1/subscriptions', {
        customerKey: key,
        plan: { key: 'hourly' },
        timing: 'immediate',
      });
    }
    clock.set(new Date('2027-01-04T10:30:00Z'));
    for (const key of ['acme', 'globex']) {
      await use(`${key}-1`, 10, key, 4);
      await use(`${key}-2`, 20, key, 6);
    }
    clock.set(new Date('2027-01-04T12:00:01Z'));
    await issuer.issueDue();
  });
  afterAll(() => app.close());

  it('replaces the draft’s lines: updated, added, removed; totals recomputed at once, exactly', async () => {
    const acme = await draftOf('acme');
    expect(acme.statusDetails.extendedStatus).toBe('draft.manual_approval_needed');
    // $10 + 10 × $1 + 2 × $0.25
    expect(figures(acme)).toEqual([
      ['Base', 'subscription', '1', '10'],
      ['Units', 'subscription', '10', '10'],
      ['Calls', 'subscription', '2', '0.5'],
    ]);
    expect(acme.totals.total).toBe('20.5');
    const edited = await sdk.billing.invoices.update(
      acme.id,
      edit(acme, [
        sentBack(acme, 'Base', {
          name: 'Base, as agreed',
          rateCard: { price: { type: 'flat', amount: '12.5', paymentTerm: 'in_arrears' } },
        } as Partial<EditLine>),
        sentBack(acme, 'Units', {
          metadata: { reason: 'negotiated' },
          rateCard: { featureKey: 'units', price: { type: 'unit', amount: '1.5' } },
        } as Partial<EditLine>),
        {
          name: 'Setup',
          period,
          invoiceAt: period.to,
          rateCard: { price: { type: 'flat', amount: '99.95', paymentTerm: 'in_advance' } },
        } as unknown as EditLine,
      ]),
    );
    // $12.50 + 10 × $1.50 + $99.95; Calls waived.
    expect(figures(edited as Read)).toEqual([
      ['Base, as agreed', 'manual', '1', '12.5'],
      ['Units', 'manual', '10', '15'],
      ['Setup', 'manual', '1', '99.95'],
    ]);
    expect(edited!.totals.total).toBe('127.45');
    expect(lineNamed(edited as Read, 'Units').metadata).toEqual({ reason: 'negotiated' });
    expect(await draftOf('acme')).toEqual(edited);

    // Sent back as read, the edit stands (a removed line stays removed).
    const again = await sdk.billing.invoices.update(
      acme.id,
      edit(edited as Read, [
        sentBack(edited as Read, 'Base, as agreed'),
        sentBack(edited as Read, 'Units'),
        sentBack(edited as Read, 'Setup'),
      ]),
    );
    expect(again).toEqual(edited);
  });

  it('refuses what an edit may not change, each named with why; nothing is written', async () => {
    const acme = await draftOf('acme');
    const body = edit(acme, [
      sentBack(acme, 'Base, as agreed', {
        rateCard: { price: { type: 'unit', amount: '1' } },
      } as Partial<EditLine>),
      sentBack(acme, 'Units', {
        invoiceAt: new Date('2027-01-05T00:00:00Z'),
        period: { from: new Date('2027-01-04T09:00:00Z'), to: new Date(period.to) },
        rateCard: { featureKey: 'calls', price: { type: 'unit', amount: '-1' } },
      } as Partial<EditLine>),
      { id: '01J0000000000000000000NONE', name: 'Nope', period, invoiceAt: period.to } as unknown as EditLine,
      { name: 'No price', period, invoiceAt: period.to } as unknown as EditLine,
    ]);
    const refused = await app.request('PUT', `/api/v1/billing/invoices/${acme.id}`, {
      body: JSON.parse(JSON.stringify(body)),
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const fields = (refused.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(
      [
        'body.lines[0].rateCard.price.type',
        'body.lines[1].invoiceAt',
        'body.lines[1].period',
        'body.lines[1].rateCard.featureKey',
        'body.lines[1].rateCard.price.amount',
        'body.lines[2].id',
        'body.lines[3].rateCard.price',
      ].sort(),
    );
    expect(refused.text).toContain("within the invoice's period");
    expect(await draftOf('acme')).toEqual(acme);
  });

  it('issues the edit; late usage is corrected at the edited price, never for the removed line', async () => {
    const acme = await draftOf('acme');
    const issued = await sdk.billing.invoices.approve(acme.id);
    expect(issued).toMatchObject({ status: 'issued', number: 'INV-000001', totals: { total: '127.45' } });
    expect(figures(issued as Read)).toEqual(figures(acme));

    clock.set(new Date('2027-01-04T12:05:00Z'));
    await use('acme-3', 40, 'acme', 2); // late: 2 units, 1 call
    const report = app.tally.resolve(InvoiceSnapshotService);
    await app.tally.projections.drain();
    // 2 × $1.50 at the edited price; the waived Calls line is not billed, and the report says so.
    expect(await report.pendingCorrections()).toEqual([
      expect.objectContaining({ invoiceId: acme.id, total: '3' }),
    ]);
    expect(await report.waivedLines()).toEqual([
      expect.objectContaining({ invoiceId: acme.id, number: 'INV-000001', line: 'Calls' }),
    ]);
    clock.set(new Date('2027-01-04T13:05:00Z'));
    expect(await sweep.correctDue()).toBe(1);
    const correction = (await sdk.billing.invoices.list({ expand: ['lines'] }))!.items.find(
      (invoice) => (invoice as { correctionOf?: { id: string } }).correctionOf?.id === acme.id,
    )!;
    expect(correction.totals.total).toBe('3');
    expect(correction.lines!.map((line) => [line.name, line.quantity, line.totals.total])).toEqual([
      ['Units', '2', '3'],
    ]);
    await app.tally.projections.drain();
    expect(await report.pendingCorrections()).toEqual([]);

    const before = (await app.request('GET', '/api/v1/billing/invoices?expand=lines')).text;
    for (const projection of ['issued_invoices@v2', 'invoice_statuses@v2', 'pending_lines@v1'])
      await rebuilt(app, projection);
    expect((await app.request('GET', '/api/v1/billing/invoices?expand=lines')).text).toBe(before);
  });

  it('forgets the line edits of a deleted draft: the period bills from the subscription again', async () => {
    const globex = await draftOf('globex');
    const edited = await sdk.billing.invoices.update(globex.id, edit(globex, [sentBack(globex, 'Base')]));
    expect(edited!.totals.total).toBe('10');
    await sdk.billing.invoices.delete(globex.id);
    await issuer.issueDue();
    const redrafted = await draftOf('globex');
    expect(redrafted.statusDetails.extendedStatus).toBe('draft.manual_approval_needed');
    expect(figures(redrafted)).toEqual([
      ['Base', 'subscription', '1', '10'],
      ['Units', 'subscription', '10', '10'],
      ['Calls', 'subscription', '2', '0.5'],
    ]);
  });

  it('re-bills a voided edited invoice as edited: its prices, its added line, its removed line waived', async () => {
    const globex = await draftOf('globex');
    const edited = await sdk.billing.invoices.update(
      globex.id,
      edit(globex, [
        sentBack(globex, 'Base'),
        sentBack(globex, 'Units', {
          rateCard: { featureKey: 'units', price: { type: 'unit', amount: '2' } },
        } as Partial<EditLine>),
        {
          name: 'Support',
          period,
          invoiceAt: period.to,
          rateCard: { price: { type: 'flat', amount: '5', paymentTerm: 'in_arrears' } },
        } as unknown as EditLine,
      ]),
    );
    // $10 + 10 × $2 + $5
    expect(edited!.totals.total).toBe('35');
    const issued = await sdk.billing.invoices.approve(globex.id);
    expect(issued!.totals.total).toBe('35');
    await sdk.billing.invoices.void(globex.id, {
      reason: 'wrong address',
      action: { percentage: 100, action: { type: 'pending' } },
    } as Parameters<OpenMeter['billing']['invoices']['void']>[1]);
    await use('globex-3', 50, 'globex', 1); // usage after the void: the re-bill counts it
    await issuer.issueDue();
    const rebill = (await sdk.billing.invoices.list({
      customers: ['globex'],
      expand: ['lines'],
    }))!.items.find(
      (invoice) => (invoice as { replaces?: { id: string } }).replaces?.id === globex.id,
    )! as Read;
    // $10 + 11 × $2 + $5: the edited figures, the period's usage as it stands; Calls still waived.
    expect(figures(rebill)).toEqual([
      ['Base', 'subscription', '1', '10'],
      ['Units', 'manual', '11', '22'],
      ['Support', 'manual', '1', '5'],
    ]);
    expect(rebill).toMatchObject({ status: 'issued', totals: { total: '37' } });
  });
});
