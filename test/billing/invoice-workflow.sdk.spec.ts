import { OpenMeter } from '@openmeter/sdk';
import { CorrectionSweep } from '../../src/billing/corrections/correction-sweep.service';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { InvoicesQuery } from '../../src/billing/read-invoices/invoices.query';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';
import { createTutorialCatalog, sendTutorialEvents } from '../support/tutorial';
import { expectInvoicesReplayed } from '../support/rebuilt';

const HOUR = 3_600_000;

/**
 * The invoice workflow through OpenMeter's own SDK: a closed period becomes a draft under its
 * customer's workflow — waiting for approval (`autoAdvance: false`) or for its draft period — and is
 * issued by an action or by the issuer; numbers are taken only at issue. Figures by hand: the
 * tutorial's three users at $1 each.
 */
describe('the invoice workflow through @openmeter/sdk', () => {
  // The subscriptions start here; the first period (P1M) ends 2027-02-28T10:00Z.
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
  const invoiceOf = async (customer: string) => {
    const page = await sdk.billing.invoices.list({ customers: [customer], expand: ['lines'] });
    return page!.items.find((invoice) => invoice.status !== 'gathering')!;
  };

  beforeAll(async () => {
    app = await startTestApp({ clock });
    sdk = new OpenMeter({ baseUrl: app.url, apiKey: app.adminToken });
    issuer = app.tally.app!.get(InvoiceIssuer);
    await createTutorialCatalog(app);
    const manual = await call('POST', '/api/v1/billing/profiles', {
      name: 'Reviewed',
      supplier: { name: 'Tally GmbH' },
      default: false,
      workflow: { invoicing: { autoAdvance: false, dueAfter: 'P14D' } },
    });
    for (const [key, override] of [
      ['acme-inc', { billingProfileId: manual.id }],
      ['initech', { billingProfileId: manual.id }],
      ['globex', { workflow: { invoicing: { draftPeriod: 'P1D' } } }],
    ] as const) {
      if (key !== 'acme-inc') await call('POST', '/api/v1/customers', { name: key, key });
      await call('PUT', `/api/v1/billing/customers/${key}`, override);
      await call('POST', '/api/v1/subscriptions', {
        customerKey: key,
        plan: { key: 'per_seat' },
        timing: 'immediate',
      });
    }
    expect(await sendTutorialEvents(app, '2027-02-01T00:00:00Z')).toEqual([202, 202, 202, 202]);
  });
  afterAll(() => app.close());

  it('drafts each closed period under its workflow, with no number, listing the actions it accepts', async () => {
    // Before the collection interval (PT1H) is over, the period is still collecting.
    clock.set(new Date(periodEnd + HOUR / 2));
    expect((await invoiceOf('acme-inc')).statusDetails).toEqual({
      immutable: false,
      failed: false,
      extendedStatus: 'draft.waiting_for_collection',
      availableActions: { snapshotQuantities: { resultingState: 'draft.manual_approval_needed' } },
    });

    clock.set(new Date(periodEnd + 2 * HOUR));
    expect(await issuer.issueDue()).toBe(0);
    expect(await issuer.issueDue()).toBe(0); // every sweep: still waiting, nothing new in the log
    const acme = await invoiceOf('acme-inc');
    expect(acme).toMatchObject({
      status: 'draft',
      statusDetails: {
        immutable: false,
        failed: false,
        extendedStatus: 'draft.manual_approval_needed',
        availableActions: { approve: { resultingState: 'issued' } },
      },
      supplier: { name: 'Tally GmbH' },
      totals: { total: '3' },
    });
    expect(acme.number).not.toMatch(/^INV-/);
    const globex = await invoiceOf('globex');
    expect(globex).toMatchObject({
      status: 'draft',
      // drafted at 12:00 for P1D
      draftUntil: new Date('2027-03-01T12:00:00Z'),
      statusDetails: {
        extendedStatus: 'draft.waiting_auto_approval',
        availableActions: { approve: { resultingState: 'issued' } },
      },
    });
    await expectInvoicesReplayed(app);
  });

  it('refuses an action the status does not list: 409 naming the status', async () => {
    const acme = await invoiceOf('acme-inc');
    const advanced = await app.request('POST', `/api/v1/billing/invoices/${acme.id}/advance`);
    expect(advanced.status).toBe(409);
    expect(advanced.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(advanced.body.detail).toContain('draft.manual_approval_needed');
    await expect(sdk.billing.invoices.advance((await invoiceOf('globex')).id)).rejects.toThrow();
  });

  it('deletes a draft: its period is pending again, and the next sweep drafts it anew', async () => {
    const acme = await invoiceOf('acme-inc');
    expect(acme.statusDetails.availableActions).toEqual({
      approve: { resultingState: 'issued' },
      delete: { resultingState: 'draft.waiting_for_collection' },
    });
    await sdk.billing.invoices.delete(acme.id);
    expect((await invoiceOf('acme-inc')).statusDetails.extendedStatus).toBe('draft.waiting_for_collection');
    const twice = await app.request('DELETE', `/api/v1/billing/invoices/${acme.id}`);
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('is draft.waiting_for_collection');
    expect(await issuer.issueDue()).toBe(0);
    expect(await invoiceOf('acme-inc')).toMatchObject({
      id: acme.id,
      statusDetails: { extendedStatus: 'draft.manual_approval_needed' },
    });
    await expectInvoicesReplayed(app);
  });

  it('issues an approved draft with the next number, due after its dueAfter', async () => {
    const acme = await invoiceOf('acme-inc');
    const approved = await sdk.billing.invoices.approve(acme.id);
    const issuedAt = new Date(periodEnd + 2 * HOUR);
    expect(approved).toMatchObject({
      id: acme.id,
      number: 'INV-000001',
      status: 'issued',
      issuedAt,
      // 2027-02-28T12:00Z + P14D
      dueAt: new Date('2027-03-14T12:00:00Z'),
      statusDetails: {
        immutable: true,
        extendedStatus: 'issued',
        availableActions: { void: { resultingState: 'voided' } },
      },
      totals: { total: '3' },
    });
    expect(approved!.lines![0]).toMatchObject({ quantity: '3' });
    const again = await app.request('POST', `/api/v1/billing/invoices/${acme.id}/approve`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('is issued');
    const deleted = await app.request('DELETE', `/api/v1/billing/invoices/${acme.id}`);
    expect(deleted.status).toBe(409);
    expect(deleted.body.detail).toContain('is issued');
  });

  it('finds an invoice issued between its lookup’s two reads (issued, then drafts): never a 404', async () => {
    const acme = await invoiceOf('acme-inc');
    const query = app.tally.app!.get(InvoicesQuery);
    // The issued read as it was just before a concurrent approval's issue; the drafts read after it.
    const before = jest.spyOn(query, 'issued').mockResolvedValueOnce(undefined);
    try {
      expect(await query.get('default', acme.id)).toMatchObject({ id: acme.id, number: 'INV-000001' });
    } finally {
      before.mockRestore();
    }
  });

  it('lets one of two concurrent approvals win; the other gets 409, a stale If-Match 412', async () => {
    const initech = await invoiceOf('initech');
    const stale = await app.request('POST', `/api/v1/billing/invoices/${initech.id}/approve`, {
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    const answers = await Promise.all(
      [1, 2].map(() => app.request('POST', `/api/v1/billing/invoices/${initech.id}/approve`)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 200)!.body.number).toBe('INV-000002');
  });

  it('issues a draft by itself once its draft period is over', async () => {
    clock.set(new Date(Date.parse('2027-03-01T12:00:00Z') - 1000));
    expect(await issuer.issueDue()).toBe(0);
    clock.set(new Date('2027-03-01T12:00:00Z'));
    expect(await issuer.issueDue()).toBe(1);
    expect(await invoiceOf('globex')).toMatchObject({
      number: 'INV-000003',
      status: 'issued',
      issuedAt: new Date('2027-03-01T12:00:00Z'),
      draftUntil: new Date('2027-03-01T12:00:00Z'),
    });
    await expectInvoicesReplayed(app);
  });

  it('voids an issued invoice; its usage is billed again on the next invoice, linked to the voided one', async () => {
    const issuedOf = async (customer: string) =>
      (await sdk.billing.invoices.list({ customers: [customer], expand: ['lines'] }))!.items.filter(
        (invoice) => invoice.status === 'issued' || invoice.status === 'voided',
      );
    const [acme] = await issuedOf('acme-inc');
    const voided = await sdk.billing.invoices.void(acme.id, {
      action: { percentage: 100, action: { type: 'pending' } },
      reason: 'wrong supplier address',
    });
    expect(voided).toMatchObject({
      id: acme.id,
      number: 'INV-000001',
      status: 'voided',
      voidedAt: new Date('2027-03-01T12:00:00Z'),
      statusDetails: { immutable: true, failed: false, extendedStatus: 'voided', availableActions: {} },
      totals: { total: '3' },
    });
    const again = await app.request('POST', `/api/v1/billing/invoices/${acme.id}/void`, {
      body: { action: { percentage: 100, action: { type: 'pending' } }, reason: 'twice' },
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('is voided');

    // The next sweep bills the period again: a new number, the same figures, linked to the voided one.
    expect(await issuer.issueDue()).toBe(1);
    expect(await issuer.issueDue()).toBe(0);
    const [first, rebill] = await issuedOf('acme-inc');
    expect(first).toMatchObject({ id: acme.id, status: 'voided' });
    expect(rebill).toMatchObject({
      number: 'INV-000004',
      status: 'issued',
      period: acme.period,
      totals: { total: '3' },
      replaces: { id: acme.id, number: 'INV-000001' },
    });
    expect(rebill.id).not.toBe(acme.id);
    expect(rebill.lines![0]).toMatchObject({ quantity: '3', invoice: { id: rebill.id } });

    // Discarded: nothing is billed again.
    const [initech] = await issuedOf('initech');
    await sdk.billing.invoices.void(initech.id, {
      action: { percentage: 100, action: { type: 'discard' } },
      reason: 'goodwill',
    });
    expect(await issuer.issueDue()).toBe(0);
    expect((await issuedOf('initech')).map((i) => i.status)).toEqual(['voided']);

    // Late usage in the period: the re-bill is corrected, never the voided invoice.
    await call('POST', '/api/v1/events', {
      specversion: '1.0',
      id: 'late-dave',
      source: 'acme-platform',
      type: 'user_activity',
      subject: 'acme-inc',
      time: '2027-02-02T00:00:00Z',
      data: { user_id: 'dave' },
    });
    clock.set(new Date('2027-03-01T15:00:00Z'));
    expect(await app.tally.app!.get(CorrectionSweep).correctDue()).toBe(1);
    const documents = await issuedOf('acme-inc');
    expect(documents.map((d) => [d.number, d.status, d.totals.total])).toEqual([
      ['INV-000001', 'voided', '3'],
      ['INV-000004', 'issued', '3'],
      ['INV-000005', 'issued', '1'],
    ]);
    expect(documents[2]).toMatchObject({ correctionOf: { id: rebill.id, number: 'INV-000004' } });
    await expectInvoicesReplayed(app);
  });

  it('refuses a void it cannot do: 400 naming each field, 409 naming the status', async () => {
    const [gathering] = (await sdk.billing.invoices.list({ customers: ['globex'], statuses: ['gathering'] }))!
      .items;
    const bad = await app.request('POST', `/api/v1/billing/invoices/${gathering.id}/void`, {
      body: { action: { percentage: 50, action: { type: 'later' } }, overrides: [{}] },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/action\.percentage/);
    expect(bad.text).toMatch(/action\.action\.type/);
    expect(bad.text).toMatch(/reason/);
    expect(bad.text).toMatch(/overrides/);
    const notIssued = await app.request('POST', `/api/v1/billing/invoices/${gathering.id}/void`, {
      body: { action: { percentage: 100, action: { type: 'discard' } }, reason: 'x' },
    });
    expect(notIssued.status).toBe(409);
    expect(notIssued.body.detail).toContain('is gathering');
  });
});

/**
 * Invoice now through OpenMeter's own SDK (`invoices.invoicePendingLines`): the usage so far becomes
 * an invoice under the customer's workflow — a draft needing approval with `autoAdvance: false` —
 * approved, issued with its number and `dueAt`, voided, and billed again; the period's own invoice
 * then bills the rest. Figures by hand, for a P1M period 2027-01-31T10:00Z..2027-02-28T10:00Z (28
 * days) cut at 2027-02-14T10:00Z (its half): users $1 each (UNIQUE_COUNT), tokens $0.4 each (SUM),
 * support $30 in arrears (prorated), platform $10 in advance.
 */
describe('invoice now through @openmeter/sdk', () => {
  const clock = new ManualClock(new Date('2027-01-31T10:00:00Z'));
  const asOf = '2027-02-14T10:00:00.000Z';
  let app: TestApp;
  let sdk: OpenMeter;
  let issuer: InvoiceIssuer;
  let hooli: string;
  let acme: string;

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const byName = (invoice: { lines?: { name: string }[] }) =>
    Object.fromEntries((invoice.lines ?? []).map((line) => [line.name, line])) as Record<
      string,
      Record<string, unknown>
    >;
  const documentsOf = async (customer: string) =>
    (await sdk.billing.invoices.list({ customers: [customer], expand: ['lines'] }))!.items.filter(
      (invoice) => invoice.status !== 'gathering',
    );
  const event = (id: string, subject: string, time: string, type: string, data: object) => ({
    specversion: '1.0',
    id,
    source: 'app',
    type,
    subject,
    time,
    data,
  });

  beforeAll(async () => {
    app = await startTestApp({ clock });
    sdk = new OpenMeter({ baseUrl: app.url, apiKey: app.adminToken });
    issuer = app.tally.app!.get(InvoiceIssuer);
    await createTutorialCatalog(app);
    await call('POST', '/api/v1/meters', {
      slug: 'tokens_total',
      eventType: 'tokens',
      aggregation: 'SUM',
      valueProperty: '$.tokens',
    });
    await call('POST', '/api/v1/features', { key: 'tokens', name: 'Tokens', meterSlug: 'tokens_total' });
    const plan = await call('POST', '/api/v1/plans', {
      key: 'mix',
      name: 'Mix',
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
              key: 'active_users',
              name: 'Users',
              featureKey: 'active_users',
              billingCadence: 'P1M',
              price: { type: 'unit', amount: '1' },
            },
            {
              type: 'usage_based',
              key: 'tokens',
              name: 'Tokens',
              featureKey: 'tokens',
              billingCadence: 'P1M',
              price: { type: 'unit', amount: '0.4' },
            },
            {
              type: 'flat_fee',
              key: 'support',
              name: 'Support',
              billingCadence: 'P1M',
              price: { type: 'flat', amount: '30', paymentTerm: 'in_arrears' },
            },
            {
              type: 'flat_fee',
              key: 'platform',
              name: 'Platform',
              billingCadence: 'P1M',
              price: { type: 'flat', amount: '10', paymentTerm: 'in_advance' },
            },
          ],
        },
      ],
    });
    await call('POST', `/api/v1/plans/${plan.id}/publish`);
    const reviewed = await call('POST', '/api/v1/billing/profiles', {
      name: 'Reviewed',
      supplier: { name: 'Tally GmbH' },
      default: false,
      // Progressive billing on: invoice-now cuts hooli's open period (acme's default profile does not).
      workflow: { invoicing: { autoAdvance: false, dueAfter: 'P14D', progressiveBilling: true } },
    });
    hooli = (
      await call('POST', '/api/v1/customers', {
        name: 'Hooli',
        key: 'hooli',
        usageAttribution: { subjectKeys: ['hooli'] },
      })
    ).id;
    acme = (await call('GET', '/api/v1/customers/acme-inc')).id;
    await call('PUT', `/api/v1/billing/customers/${hooli}`, { billingProfileId: reviewed.id });
    await call('POST', '/api/v1/subscriptions', {
      customerKey: 'hooli',
      plan: { key: 'mix' },
      timing: 'immediate',
    });
    await call('POST', '/api/v1/subscriptions', {
      customerKey: 'acme-inc',
      plan: { key: 'per_seat' },
      timing: 'immediate',
    });
    // alice on both sides of the cut, bob before it, carol after; tokens 1.5 before, 2.25 after.
    clock.set(new Date('2027-02-02T00:00:00Z'));
    await call('POST', '/api/v1/events', [
      event('u1', 'hooli', '2027-02-01T00:00:00Z', 'user_activity', { user_id: 'alice' }),
      event('u2', 'hooli', '2027-02-02T00:00:00Z', 'user_activity', { user_id: 'bob' }),
      event('t1', 'hooli', '2027-02-01T00:00:00Z', 'tokens', { tokens: 1.5 }),
    ]);
    expect(await sendTutorialEvents(app, '2027-02-01T00:00:00Z')).toEqual([202, 202, 202, 202]);
    clock.set(new Date('2027-02-22T00:00:00Z'));
    await call('POST', '/api/v1/events', [
      event('u3', 'hooli', '2027-02-20T00:00:00Z', 'user_activity', { user_id: 'alice' }),
      event('u4', 'hooli', '2027-02-20T00:00:00Z', 'user_activity', { user_id: 'carol' }),
      event('t2', 'hooli', '2027-02-21T00:00:00Z', 'tokens', { tokens: 2.25 }),
    ]);
  });
  afterAll(() => app.close());

  it('records one-off charges as pending lines: they show on the gathering invoice, priced exactly', async () => {
    const created = (await sdk.billing.invoices.createLineItems(hooli, {
      currency: 'USD',
      lines: [
        {
          name: 'Setup',
          period: { from: new Date('2027-02-01T00:00:00Z'), to: new Date('2027-02-10T00:00:00Z') },
          invoiceAt: new Date('2027-02-10T00:00:00Z'),
          rateCard: { price: { type: 'flat', amount: '99.95', paymentTerm: 'in_advance' } },
        },
        {
          name: 'Token audit',
          period: { from: new Date('2027-02-20T00:00:00Z'), to: new Date('2027-02-22T00:00:00Z') },
          invoiceAt: new Date('2027-02-25T00:00:00Z'),
          rateCard: { featureKey: 'tokens', price: { type: 'unit', amount: '2' } },
        },
      ],
    }))!;
    expect(created.isInvoiceNew).toBe(false);
    expect(created.lines.map((l) => [l.name, l.managedBy, l.type, l.quantity, l.totals.total])).toEqual([
      ['Setup', 'manual', 'flat_fee', '1', '99.95'],
      ['Token audit', 'manual', 'usage_based', '2.25', '4.5'], // 2.25 tokens from Feb 20 to 22 × $2
    ]);
    expect(created.invoice.status).toBe('gathering');
    expect(created.invoice.totals.total).toBe('148.95'); // 3 users + 3.75 tokens × 0.4 + 30 + 10 + 99.95 + 4.5
    const bad = await app.request('POST', `/api/v1/billing/customers/${hooli}/invoices/pending-lines`, {
      body: {
        currency: 'usd',
        lines: [
          {
            name: 'x',
            period: { from: '2027-02-02T00:00:00Z', to: '2027-02-01T00:00:00Z' },
            invoiceAt: 'soon',
          },
          {
            name: 'y',
            period: { from: '2027-02-01T00:00:00Z', to: '2027-02-02T00:00:00Z' },
            invoiceAt: '2027-02-02T00:00:00Z',
            rateCard: { price: { type: 'unit', amount: '1' } },
          },
        ],
      },
    });
    expect(bad.status).toBe(400);
    for (const field of ['currency', 'lines[0].invoiceAt']) expect(bad.text).toContain(field);
    const unpriced = await app.request('POST', `/api/v1/billing/customers/${hooli}/invoices/pending-lines`, {
      body: {
        currency: 'USD',
        lines: [
          {
            name: 'y',
            period: { from: '2027-02-01T00:00:00Z', to: '2027-02-02T00:00:00Z' },
            invoiceAt: '2027-02-02T00:00:00Z',
            rateCard: { price: { type: 'unit', amount: '1' } },
          },
        ],
      },
    });
    expect(unpriced.status).toBe(400);
    expect(unpriced.text).toContain('lines[0].rateCard.featureKey');
    const unknown = await app.request('POST', '/api/v1/billing/customers/nobody/invoices/pending-lines', {
      body: {
        currency: 'USD',
        lines: [
          {
            name: 'z',
            period: { from: '2027-02-01T00:00:00Z', to: '2027-02-02T00:00:00Z' },
            invoiceAt: '2027-02-02T00:00:00Z',
            rateCard: { price: { type: 'flat', amount: '1' } },
          },
        ],
      },
    });
    expect(unknown.status).toBe(404);
  });

  it('invoices the usage up to asOf now: a draft needing approval, each part billing its own meter values', async () => {
    const [draft, ...more] = (await sdk.billing.invoices.invoicePendingLines({
      customerId: hooli,
      asOf: new Date(asOf),
    }))!;
    expect(more).toEqual([]);
    expect(draft).toMatchObject({
      status: 'draft',
      period: { from: new Date('2027-01-31T10:00:00Z'), to: new Date(asOf) },
      statusDetails: {
        extendedStatus: 'draft.manual_approval_needed',
        availableActions: { approve: { resultingState: 'issued' } },
      },
      supplier: { name: 'Tally GmbH' },
    });
    expect(draft.number).not.toMatch(/^INV-/);
    const lines = byName(draft);
    // alice and bob before the cut: 2 users, not the period's 3 less anything.
    expect(lines.Users).toMatchObject({ quantity: '2', totals: { total: '2' } });
    expect(lines.Tokens).toMatchObject({ quantity: '1.5', totals: { total: '0.6' } });
    // 14 of 28 days: $30 × ½; the in-advance fee in full, on the first part only.
    expect(lines.Support).toMatchObject({ totals: { total: '15' } });
    expect(lines.Platform).toMatchObject({ totals: { total: '10' } });
    // The pending line due before asOf joins it; the one due after waits for the period's rest.
    expect(lines.Setup).toMatchObject({ managedBy: 'manual', totals: { total: '99.95' } });
    expect(draft.totals.total).toBe('127.55'); // 2 + 0.6 + 15 + 10 + 99.95

    // The period's own invoice (gathering) now starts at the cut: alice and carol, 2.25 tokens, the other half.
    const preview = await call('GET', '/api/v1/billing/customers/hooli/invoices/preview');
    expect(preview.period).toEqual({ from: asOf, to: '2027-02-28T10:00:00.000Z' });
    expect(preview.id).not.toBe(draft.id);
    expect(Object.keys(byName(preview)).sort()).toEqual(['Support', 'Token audit', 'Tokens', 'Users']);
    expect(byName(preview).Users).toMatchObject({ quantity: '2' });
    expect(byName(preview).Tokens).toMatchObject({ quantity: '2.25', totals: { total: '0.9' } });
    expect(preview.totals.total).toBe('22.4'); // 2 + 0.9 + 15 + 4.5
    expect(await issuer.issueDue()).toBe(0); // the sweep leaves the draft to its approval
    await expectInvoicesReplayed(app);
  });

  it('refuses bad input naming each field, 404 an unknown customer, 400 when nothing is invoicable', async () => {
    const bad = await app.request('POST', '/api/v1/billing/invoices/invoice', {
      body: { asOf: 'yesterday', filters: { lineIds: ['x'] }, progressiveBillingOverride: 'yes' },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    for (const field of ['customerId', 'asOf', 'filters.lineIds', 'progressiveBillingOverride'])
      expect(bad.text).toContain(field);
    const future = await app.request('POST', '/api/v1/billing/invoices/invoice', {
      body: { customerId: hooli, asOf: '2027-03-01T00:00:00Z' },
    });
    expect(future.status).toBe(400);
    expect(future.text).toContain('asOf');
    const before = await app.request('POST', '/api/v1/billing/invoices/invoice', {
      body: { customerId: hooli, asOf: '2027-02-10T00:00:00Z' },
    });
    expect(before.status).toBe(400);
    expect(before.body.detail ?? before.text).toMatch(/already invoiced/);
    const unknown = await app.request('POST', '/api/v1/billing/invoices/invoice', {
      body: { customerId: '01G65Z755AFWAKHE12NY0CQ9FH' },
    });
    expect(unknown.status).toBe(404);
    const again = await app.request('POST', '/api/v1/billing/invoices/invoice', {
      body: { customerId: hooli, asOf },
    });
    expect(again.status).toBe(400);
    expect(again.body.errors.map((e: { field: string }) => e.field)).toEqual(['asOf']);
    expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('issues the approved draft with the next number, due after its dueAfter', async () => {
    const [draft] = await documentsOf('hooli');
    const approved = await sdk.billing.invoices.approve(draft.id);
    expect(approved).toMatchObject({
      id: draft.id,
      number: 'INV-000001',
      status: 'issued',
      issuedAt: new Date('2027-02-22T00:00:00Z'),
      dueAt: new Date('2027-03-08T00:00:00Z'), // + P14D
      period: { from: new Date('2027-01-31T10:00:00Z'), to: new Date(asOf) },
      totals: { total: '127.55' },
    });
  });

  it('lets one of two concurrent invoice-nows for a customer win; the other gets 409', async () => {
    const answers = await Promise.all(
      [1, 2].map(() =>
        app.request('POST', '/api/v1/billing/invoices/invoice', {
          body: { customerId: acme, progressiveBillingOverride: true },
        }),
      ),
    );
    // The loser gets 409 when it raced the winner's append; had it read after the winner, nothing
    // would be left to invoice (400): never a second invoice.
    const [won, lost] = answers.map((a) => a.status).sort();
    expect([won, [400, 409].includes(lost!)]).toEqual([201, true]);
    const [issued] = answers.find((a) => a.status === 201)!.body;
    // The default profile issues at once: alice, bob and carol up to now.
    expect(issued).toMatchObject({
      number: 'INV-000002',
      status: 'issued',
      period: { from: '2027-01-31T10:00:00.000Z', to: '2027-02-22T00:00:00.000Z' },
      totals: { total: '3' },
    });
    expect(await issuer.issueDue()).toBe(0);
  });

  it('voids the issued invoice; the next invoice bills its usage again, linked to it', async () => {
    const [issued] = await documentsOf('hooli');
    await sdk.billing.invoices.void(issued.id, {
      action: { percentage: 100, action: { type: 'pending' } },
      reason: 'wrong address',
    });
    expect(await issuer.issueDue()).toBe(1);
    const [voided, rebill] = await documentsOf('hooli');
    expect(voided).toMatchObject({ id: issued.id, status: 'voided' });
    expect(rebill).toMatchObject({
      number: 'INV-000003',
      status: 'issued',
      period: issued.period,
      totals: { total: '127.55' }, // the pending line billed again, once
      replaces: { id: issued.id, number: 'INV-000001' },
    });
    await expectInvoicesReplayed(app);
  });

  it('invoices the periods already over with it; with progressiveBillingOverride: false only those', async () => {
    const periodEnd = '2027-02-28T10:00:00.000Z';
    clock.set(new Date(Date.parse(periodEnd) + HOUR / 2)); // the collection interval (PT1H) is not over
    // No cut: the rest of the period that is over (alice and carol, 2.25 tokens, the other half), a draft.
    const [rest, ...none] = (await sdk.billing.invoices.invoicePendingLines({
      customerId: hooli,
      progressiveBillingOverride: false,
    }))!;
    expect(none).toEqual([]);
    expect(rest).toMatchObject({
      status: 'draft',
      period: { from: new Date(asOf), to: new Date(periodEnd) },
      statusDetails: { extendedStatus: 'draft.manual_approval_needed' },
      totals: { total: '22.4' }, // 2 + 0.9 + 15 + 4.5
    });
    expect(Object.keys(byName(rest)).sort()).toEqual(['Support', 'Token audit', 'Tokens', 'Users']);
    expect(byName(rest).Users).toMatchObject({ quantity: '2' });
    // Cut: acme's rest of the period that is over, and the new period up to now, each an invoice; its
    // pending line due in the first joins the first alone.
    await call('POST', `/api/v1/billing/customers/${acme}/invoices/pending-lines`, {
      currency: 'USD',
      lines: [
        {
          name: 'Training',
          period: { from: '2027-02-24T00:00:00Z', to: '2027-02-25T00:00:00Z' },
          invoiceAt: '2027-02-25T00:00:00Z',
          rateCard: { price: { type: 'flat', amount: '7' } },
        },
      ],
    });
    const acmeNow = (await sdk.billing.invoices.invoicePendingLines({
      customerId: acme,
      progressiveBillingOverride: true,
    }))!;
    expect(
      acmeNow.map((i) => [
        i.number,
        i.period!.from.toISOString(),
        i.period!.to.toISOString(),
        i.totals.total,
      ]),
    ).toEqual([
      ['INV-000004', '2027-02-22T00:00:00.000Z', periodEnd, '7'],
      ['INV-000005', periodEnd, '2027-02-28T10:30:00.000Z', '0'],
    ]);
    await expectInvoicesReplayed(app);
  });

  it("bills the period's rest on its own invoice once, never the part invoiced now", async () => {
    clock.set(new Date(Date.parse('2027-02-28T10:00:00Z') + 2 * HOUR));
    expect(await issuer.issueDue()).toBe(0); // hooli's rest waits for approval; acme is invoiced to 10:30
    const [, , rest] = await documentsOf('hooli');
    const approved = await sdk.billing.invoices.approve(rest.id);
    expect(approved).toMatchObject({ number: 'INV-000006', status: 'issued', totals: { total: '22.4' } });
    expect(await issuer.issueDue()).toBe(0);
    const preview = await call('GET', '/api/v1/billing/customers/acme-inc/invoices/preview');
    expect(preview.period.from).toBe('2027-02-28T10:30:00.000Z');
    expect((await documentsOf('hooli')).map((d) => [d.number, d.status, d.totals.total])).toEqual([
      ['INV-000001', 'voided', '127.55'],
      ['INV-000003', 'issued', '127.55'],
      ['INV-000006', 'issued', '22.4'],
    ]);
    await expectInvoicesReplayed(app);
  });

  it('invoices a customer without a subscription its pending lines now, on an invoice of their own', async () => {
    await call('POST', '/api/v1/customers', { name: 'Umbrella', key: 'umbrella' });
    await call('POST', '/api/v1/billing/customers/umbrella/invoices/pending-lines', {
      currency: 'EUR',
      lines: [
        {
          name: 'Workshop',
          period: { from: '2027-02-27T00:00:00Z', to: '2027-02-28T00:00:00Z' },
          invoiceAt: '2027-02-28T00:00:00Z',
          rateCard: { price: { type: 'flat', amount: '1234.5' } },
        },
      ],
    });
    const preview = await call('GET', '/api/v1/billing/customers/umbrella/invoices/preview');
    expect([preview.status, preview.currency, preview.totals.total]).toEqual(['gathering', 'EUR', '1234.5']);
    const umbrella = (await call('GET', '/api/v1/customers/umbrella')).id;
    const [own, ...none] = (await sdk.billing.invoices.invoicePendingLines({ customerId: umbrella }))!;
    expect(none).toEqual([]);
    expect(own).toMatchObject({
      number: 'INV-000007',
      status: 'issued',
      currency: 'EUR',
      totals: { total: '1234.5' },
    });
    const again = await app.request('POST', '/api/v1/billing/invoices/invoice', {
      body: { customerId: umbrella },
    });
    expect(again.status).toBe(400);
    expect(await issuer.issueDue()).toBe(0);
    await expectInvoicesReplayed(app);
  });
});
