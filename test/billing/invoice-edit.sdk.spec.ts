import { OpenMeter } from '@openmeter/sdk';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';
import { createTutorialCatalog, sendTutorialEvents } from '../support/tutorial';
import { expectInvoicesReplayed } from '../support/rebuilt';

const HOUR = 3_600_000;

type Read = NonNullable<Awaited<ReturnType<OpenMeter['billing']['invoices']['get']>>>;
type Edit = Parameters<OpenMeter['billing']['invoices']['update']>[1];

/**
 * `updateInvoice` through OpenMeter's own SDK: a draft's header (description, metadata, supplier and
 * customer snapshot, workflow settings) is replaced, shown at once and carried onto the issued
 * invoice; its lines are sent back as read (line edits: `invoice-edit-lines.sdk.spec.ts`). Figures:
 * the tutorial's three users.
 */
describe('editing a draft invoice through @openmeter/sdk', () => {
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
  const invoiceOf = async (customer: string): Promise<Read> => {
    const page = await sdk.billing.invoices.list({ customers: [customer], expand: ['lines'] });
    return page!.items.find((invoice) => invoice.status !== 'gathering')! as Read;
  };
  /** The invoice sent back as a client would: its header changed, its lines as read. */
  const editOf = (invoice: Read, changes: Partial<Edit> = {}): Edit =>
    ({
      description: 'February, as agreed',
      metadata: { po: 'PO-7' },
      supplier: { name: 'Tally AG', addresses: [{ country: 'CH', city: 'Zürich' }] },
      customer: { name: 'ACME Corp.', addresses: [{ country: 'DE', city: 'Berlin', line1: 'Hauptstr. 1' }] },
      lines: (invoice.lines ?? []).map((line) => ({
        id: line.id,
        name: line.name,
        period: line.period,
        invoiceAt: line.invoiceAt,
      })),
      workflow: {
        workflow: { invoicing: { dueAfter: 'P7D' }, payment: { collectionMethod: 'charge_automatically' } },
      },
      ...changes,
    }) as Edit;

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
    for (const key of ['acme-inc', 'globex']) {
      if (key !== 'acme-inc') await call('POST', '/api/v1/customers', { name: key, key });
      if (key === 'acme-inc')
        await call('PUT', `/api/v1/billing/customers/${key}`, { billingProfileId: manual.id });
      await call('POST', '/api/v1/subscriptions', {
        customerKey: key,
        plan: { key: 'per_seat' },
        timing: 'immediate',
      });
    }
    expect(await sendTutorialEvents(app, '2027-02-01T00:00:00Z')).toEqual([202, 202, 202, 202]);
  });
  afterAll(() => app.close());

  it('edits a period still collecting: the issuer drafts it under the edited workflow', async () => {
    clock.set(new Date(periodEnd + HOUR / 2));
    const globex = await invoiceOf('globex');
    expect(globex.statusDetails.extendedStatus).toBe('draft.waiting_for_collection');
    const edited = await sdk.billing.invoices.update(
      globex.id,
      editOf(globex, {
        customer: { name: 'Globex Ltd' },
        workflow: {
          workflow: { invoicing: { autoAdvance: false }, payment: { collectionMethod: 'send_invoice' } },
        },
      }),
    );
    expect(edited).toMatchObject({
      id: globex.id,
      description: 'February, as agreed',
      supplier: { name: 'Tally AG' },
      customer: { key: 'globex', name: 'Globex Ltd' },
      statusDetails: {
        extendedStatus: 'draft.waiting_for_collection',
        availableActions: { snapshotQuantities: { resultingState: 'draft.manual_approval_needed' } },
      },
      workflow: {
        workflow: { invoicing: { autoAdvance: false }, payment: { collectionMethod: 'send_invoice' } },
      },
    });
    // Its default profile would issue it at once; the edit has it wait for approval.
    clock.set(new Date(periodEnd + 2 * HOUR));
    await issuer.issueDue();
    expect(await invoiceOf('globex')).toMatchObject({
      status: 'draft',
      description: 'February, as agreed',
      supplier: { name: 'Tally AG' },
      statusDetails: { extendedStatus: 'draft.manual_approval_needed' },
    });
    await expectInvoicesReplayed(app);
  });

  it('edits a recorded draft: the answer shows the edit at once, the lines as they were', async () => {
    const acme = await invoiceOf('acme-inc');
    expect(acme.statusDetails.extendedStatus).toBe('draft.manual_approval_needed');
    const edited = await sdk.billing.invoices.update(acme.id, editOf(acme));
    expect(edited).toMatchObject({
      id: acme.id,
      status: 'draft',
      description: 'February, as agreed',
      metadata: { po: 'PO-7' },
      supplier: { name: 'Tally AG', addresses: [{ country: 'CH', city: 'Zürich' }] },
      customer: {
        id: acme.customer.id,
        key: 'acme-inc',
        name: 'ACME Corp.',
        addresses: [{ country: 'DE', city: 'Berlin', line1: 'Hauptstr. 1' }],
      },
      workflow: { workflow: { invoicing: { autoAdvance: false, dueAfter: 'P7D' } } },
      totals: { total: '3' },
    });
    expect(edited!.lines).toEqual(acme.lines);
    expect(await invoiceOf('acme-inc')).toEqual(edited);
    await expectInvoicesReplayed(app);
  });

  it('refuses a line it does not know, and each bad field, with 400 naming it; nothing is written', async () => {
    const acme = await invoiceOf('acme-inc');
    const body = JSON.parse(JSON.stringify(editOf(acme)));
    body.lines[0].id = '01J0000000000000000000NONE';
    const unknown = await app.request('PUT', `/api/v1/billing/invoices/${acme.id}`, { body });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(unknown.text).toContain('body.lines[0].id');

    const bad = await app.request('PUT', `/api/v1/billing/invoices/${acme.id}`, {
      body: {
        ...JSON.parse(JSON.stringify(editOf(acme))),
        supplier: undefined,
        customer: { key: 'someone-else' },
        workflow: { workflow: { invoicing: { dueAfter: 'soon' } } },
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('supplier');
    const good = await app.request('PUT', `/api/v1/billing/invoices/${acme.id}`, {
      body: {
        ...JSON.parse(JSON.stringify(editOf(acme))),
        customer: { key: 'someone-else' },
        workflow: { workflow: { invoicing: { dueAfter: 'soon' } } },
      },
    });
    expect(good.status).toBe(400);
    expect(good.text).toContain('body.customer.key');
    expect(good.text).toContain('body.workflow.workflow.invoicing.dueAfter');
    expect(await invoiceOf('acme-inc')).toEqual(acme);

    expect(
      (await app.request('PUT', '/api/v1/billing/invoices/01J0000000000000000000NONE', { body })).status,
    ).toBe(404);
  });

  it('lets one of two edits sent with one If-Match win; the other gets 412', async () => {
    const acme = await invoiceOf('acme-inc');
    const stale = await app.request('PUT', `/api/v1/billing/invoices/${acme.id}`, {
      body: JSON.parse(JSON.stringify(editOf(acme))),
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    const read = await app.request('PUT', `/api/v1/billing/invoices/${acme.id}`, {
      body: JSON.parse(JSON.stringify(editOf(acme))),
    });
    expect(read.status).toBe(200);
    const etag = read.headers.get('etag')!;
    const answers = await Promise.all(
      ['first', 'second'].map((description) =>
        app.request('PUT', `/api/v1/billing/invoices/${acme.id}`, {
          body: JSON.parse(JSON.stringify(editOf(acme, { description }))),
          headers: { 'if-match': etag },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    const winner = answers.find((a) => a.status === 200)!.body.description;
    expect((await invoiceOf('acme-inc')).description).toBe(winner);
    await sdk.billing.invoices.update(acme.id, editOf(acme));
  });

  it('issues the edited draft with its header, due after its edited dueAfter; then refuses edits (409)', async () => {
    const acme = await invoiceOf('acme-inc');
    const approved = await sdk.billing.invoices.approve(acme.id);
    expect(approved).toMatchObject({
      status: 'issued',
      number: 'INV-000001',
      description: 'February, as agreed',
      metadata: { po: 'PO-7' },
      supplier: { name: 'Tally AG' },
      customer: { key: 'acme-inc', name: 'ACME Corp.' },
      issuedAt: new Date(periodEnd + 2 * HOUR),
      // 2027-02-28T12:00Z + P7D (the profile says P14D)
      dueAt: new Date('2027-03-07T12:00:00Z'),
      totals: { total: '3' },
    });
    const again = await app.request('PUT', `/api/v1/billing/invoices/${acme.id}`, {
      body: JSON.parse(JSON.stringify(editOf(acme))),
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('is issued');
    const gathering = (await sdk.billing.invoices.list({
      customers: ['acme-inc'],
      expand: ['lines'],
    }))!.items.find((invoice) => invoice.status === 'gathering')! as Read;
    const open = await app.request('PUT', `/api/v1/billing/invoices/${gathering.id}`, {
      body: JSON.parse(JSON.stringify(editOf(gathering))),
    });
    expect(open.status).toBe(409);
    expect(open.body.detail).toContain('is gathering');
    await expectInvoicesReplayed(app);
  });

  it('forgets the edit of a deleted draft: its period is drafted anew under the profile', async () => {
    const globex = await invoiceOf('globex');
    await sdk.billing.invoices.delete(globex.id);
    await issuer.issueDue();
    const reissued = await invoiceOf('globex');
    // The default profile issues at once, with its own supplier and no edit.
    expect(reissued).toMatchObject({ id: globex.id, status: 'issued', customer: { name: 'globex' } });
    expect(reissued.description).toBeUndefined();
    expect(reissued.supplier).not.toMatchObject({ name: 'Tally AG' });
    await expectInvoicesReplayed(app);
  });
});
