import { CorrectionSweep } from '../../src/billing/corrections/correction-sweep.service';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { InvoiceSnapshotService } from '../../src/billing/recompute/invoice-snapshot.service';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';
import { createTutorialCatalog, sendTutorialEvents } from '../support/tutorial';

/**
 * `../shared/seed/meter-and-bill-active-users.md` (beside the repository), replayed through HTTP as a user would: the catalog
 * through the REST API, then the tutorial's own four `curl` payloads to `/v3/openmeter/events`.
 */
describe('the tutorial: meter and bill active users', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('bills three active users at $1 each on the invoice preview', async () => {
    await createTutorialCatalog(app);
    const subscribed = await app.request('POST', '/api/v1/subscriptions', {
      body: { customerKey: 'acme-inc', plan: { key: 'per_seat' }, timing: 'immediate' },
    });
    expect(subscribed.status).toBe(201);

    // `date -u +%Y-%m-%dT%H:%M:%SZ`, a moment after the subscription started.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const eventTime = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(await sendTutorialEvents(app, eventTime)).toEqual([202, 202, 202, 202]);

    const preview = await app.request('GET', '/api/v1/billing/customers/acme-inc/invoices/preview');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ status: 'gathering', currency: 'USD', totals: { total: '3' } });
    expect(preview.body.lines).toHaveLength(1);
    expect(preview.body.lines[0]).toMatchObject({
      name: 'active-users',
      featureKey: 'active_users',
      rateCard: { featureKey: 'active_users', price: { type: 'unit', amount: '1' } },
      quantity: '3',
      meteredQuantity: '3',
      totals: { amount: '3', total: '3' },
    });

    // Stable ids: the same preview again, and the invoice readable by its id.
    const again = await app.request('GET', '/api/v1/billing/customers/acme-inc/invoices/preview');
    expect(again.body.id).toBe(preview.body.id);
    expect(again.body.lines[0].id).toBe(preview.body.lines[0].id);
    const byId = await app.request('GET', `/api/v1/billing/invoices/${preview.body.id}`);
    expect(byId.body).toEqual(preview.body);
    const listed = await app.request('GET', '/api/v1/billing/invoices?customers=acme-inc&expand=lines');
    expect(listed.body.items).toEqual([preview.body]);

    // Lineage: the events behind the line — alice counted once, her second event a repeat.
    const lineage = await app.request(
      'GET',
      `/api/v1/billing/invoices/${preview.body.id}/lines/${preview.body.lines[0].id}/events`,
    );
    expect(lineage.status).toBe(200);
    expect(lineage.body).toMatchObject({
      meterSlug: 'active_users_total',
      aggregation: 'UNIQUE_COUNT',
      meteredQuantity: '3',
      totalCount: 3,
    });
    expect(
      lineage.body.items.map((i: { value: string; repeats: number; event: { id: string } }) => [
        i.value,
        i.repeats,
        i.event.id,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['alice', 1, '57B5F342-B8D5-49AE-9D6C-350C1D92155C'],
        ['bob', 0, 'F388B902-7A82-4C40-BC89-448CFA5DDC1B'],
        ['carol', 0, '46C16EE0-6174-4336-A539-AEC3AD1E0485'],
      ]),
    );
    expect(
      (await app.request('GET', `/api/v1/billing/invoices/${preview.body.id}/lines/nope/events`)).status,
    ).toBe(404);
  });

  it("records who did what: each request's events carry its request id and the token as actor", async () => {
    const ops = await app.request('POST', '/api/v1/tokens', { body: { name: 'ops', role: 'admin' } });
    const answer = await app.request('POST', '/api/v1/customers', {
      token: ops.body.secret,
      headers: { 'x-request-id': 'req-audit-1' },
      body: { name: 'Audited', key: 'audited', usageAttribution: { subjectKeys: ['audited-1'] } },
    });
    expect(answer.status).toBe(201);
    const caused = await app.request('GET', '/api/v1/audit/events?correlationId=req-audit-1');
    expect(caused.body.items.length).toBeGreaterThan(0);
    for (const event of caused.body.items) {
      expect(event.metadata).toMatchObject({
        correlationId: 'req-audit-1',
        actor: { id: ops.body.id, name: 'ops' },
      });
    }
    expect(caused.body.items.map((e: { type: string }) => e.type)).toContain('CustomerCreated');
    const history = await app.request('GET', '/api/v1/customers/audited/history');
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual(['CustomerCreated']);
  });
});

describe("the tutorial's FAQ: usage sent before the subscription started", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('is metered but not invoiced', async () => {
    await createTutorialCatalog(app);
    const before = new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(await sendTutorialEvents(app, before)).toEqual([202, 202, 202, 202]);
    const subscribed = await app.request('POST', '/api/v1/subscriptions', {
      body: { customerKey: 'acme-inc', plan: { key: 'per_seat' }, timing: 'immediate' },
    });
    expect(subscribed.status).toBe(201);

    const preview = await app.request('GET', '/api/v1/billing/customers/acme-inc/invoices/preview');
    expect(preview.body.lines[0]).toMatchObject({ quantity: '0', totals: { total: '0' } });
    const metered = await app.request('GET', '/api/v1/meters/active_users_total/query?subject=acme-inc');
    expect(metered.body.data[0].value).toBe(3);
  });

  it('gives a customer without a subscription an empty preview, and an unknown one 404', async () => {
    await app.request('POST', '/api/v1/customers', {
      body: { name: 'Idle Co', key: 'idle-co', usageAttribution: { subjectKeys: [] } },
    });
    const idle = await app.request('GET', '/api/v1/billing/customers/idle-co/invoices/preview');
    expect(idle.status).toBe(200);
    expect(idle.body).toMatchObject({ lines: [], totals: { total: '0' }, validationIssues: [] });
    // Nothing to invoice, so no period (OpenMeter sets one only with lines), stamped when computed.
    expect(idle.body).not.toHaveProperty('period');
    expect(Date.parse(idle.body.createdAt)).toBeGreaterThan(Date.parse('2020-01-01T00:00:00Z'));
    const unknown = await app.request('GET', '/api/v1/billing/customers/nobody/invoices/preview');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe("the tutorial's invoice, issued", () => {
  const clock = new ManualClock(new Date('2027-05-03T09:00:00Z'));
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ clock });
  });
  afterAll(() => app.close());

  it('bills the three active users and needs no correction: its figures stand', async () => {
    await createTutorialCatalog(app);
    const subscribed = await app.request('POST', '/api/v1/subscriptions', {
      body: { customerKey: 'acme-inc', plan: { key: 'per_seat' }, timing: 'immediate' },
    });
    expect(subscribed.status).toBe(201);
    clock.set(new Date('2027-05-03T09:00:01Z'));
    expect(await sendTutorialEvents(app, '2027-05-03T09:00:01Z')).toEqual([202, 202, 202, 202]);
    const preview = await app.request('GET', '/api/v1/billing/customers/acme-inc/invoices/preview');
    expect(preview.body.lines[0]).toMatchObject({ quantity: '3', totals: { total: '3' } });

    // The period ends a month on; with its collection grace and then a correction grace behind it.
    clock.set(new Date('2027-06-03T10:00:01Z'));
    expect(await app.tally.app!.get(InvoiceIssuer).issueDue()).toBe(1);
    clock.set(new Date('2027-06-03T12:00:00Z'));
    expect(await app.tally.app!.get(CorrectionSweep).correctDue()).toBe(0);

    const invoice = await app.request('GET', `/api/v1/billing/invoices/${preview.body.id}`);
    expect(invoice.body).toMatchObject({ status: 'issued', number: 'INV-000001', type: 'standard' });
    expect(invoice.body.lines[0]).toMatchObject({ quantity: '3', totals: { total: '3' } });
    expect(invoice.body).not.toHaveProperty('corrections');
    await app.tally.projections.drain();
    expect(await app.tally.resolve(InvoiceSnapshotService).pendingCorrections()).toEqual([]);
    const reconciled = await app.request(
      'GET',
      '/api/v1/admin/reconciliation?from=2027-05-03T09:00:00Z&to=2027-05-03T10:00:00Z',
    );
    // All four events are on the invoice (alice's second counts once, as one user).
    expect(reconciled.body.totals).toMatchObject({ billable: 4, billed: 4, pendingCorrection: 0, voided: 0 });
  });
});
