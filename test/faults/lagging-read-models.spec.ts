import { AUDIT_LOG_PROJECTION } from '../../src/audit/audit-log/audit-log.projection';
import { BILLING_VIEW_PROJECTION } from '../../src/billing/billing-view/billing-view.projection';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { ISSUED_INVOICES_PROJECTION } from '../../src/billing/issue-invoices/issued-invoices.projection';
import { ENTITLEMENTS_PROJECTION } from '../../src/entitlements/entitlements-read-model/entitlements.projection';
import { USAGE_PROJECTION } from '../../src/metering/usage/usage.projection';
import { ManualClock } from '../../src/shared/clock';
import { HttpAnswer, startTestApp, TestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every read that waits for its read models, and the invoice issuer, go through one read-your-writes
 * helper: while one projection they read is behind the log they answer 503 with `Retry-After` (the
 * issuer issues nothing) instead of answering from it. Projections do not run in this app: the spec
 * drives them itself and holds back exactly one of them at a time.
 */
describe('reads and the issuer while one projection lags', () => {
  const clock = new ManualClock(new Date('2027-01-31T10:00:00Z'));
  let app: TestApp;
  let issuer: InvoiceIssuer;

  /** Runs `run` while every projection but `lagging` is kept caught up (the requests' own waits end). */
  const keeping = async <T>(lagging: readonly string[], run: () => Promise<T>): Promise<T> => {
    const others = app.tally.projections.names.filter((name) => !lagging.includes(name));
    let done = false;
    const pump = (async () => {
      while (!done) {
        await app.tally.projections.drain(others);
        await sleep(5);
      }
    })();
    try {
      return await run();
    } finally {
      done = true;
      await pump;
      await app.tally.projections.drain(others);
    }
  };
  const call = (method: string, path: string, body?: unknown, lagging: readonly string[] = []) =>
    keeping(lagging, () => app.request(method, path, body === undefined ? {} : { body }));
  const ok = async (method: string, path: string, body?: unknown) => {
    const answer = await call(method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const use = (id: string, subject: string, time: string, lagging: readonly string[] = []) =>
    call(
      'POST',
      '/api/v1/events',
      { specversion: '1.0', id, source: 'app', type: 'call', subject, time, data: { n: 1 } },
      lagging,
    );
  const expectBehind = (answer: HttpAnswer, code = 'SERVICE.READ_MODEL_BEHIND') => {
    expect([answer.status, answer.headers.get('retry-after'), answer.body.code]).toEqual([503, '1', code]);
  };
  const issuedEvents = async () =>
    (
      await app.db.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM tally_events WHERE type = 'InvoiceIssued'`,
      )
    )[0].n;

  beforeAll(async () => {
    app = await startTestApp({ clock, config: { runProjections: false, readYourWritesTimeoutMs: 1_000 } });
    issuer = app.tally.app!.get(InvoiceIssuer);
    await ok('POST', '/api/v1/meters', { slug: 'calls', eventType: 'call', aggregation: 'COUNT' });
    await ok('POST', '/api/v1/features', { key: 'calls', name: 'Calls', meterSlug: 'calls' });
    const plan = await ok('POST', '/api/v1/plans', {
      key: 'metered',
      name: 'Metered',
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
              key: 'calls',
              name: 'Calls',
              featureKey: 'calls',
              billingCadence: 'P1M',
              price: { type: 'unit', amount: '2' },
            },
          ],
        },
      ],
    });
    await ok('POST', `/api/v1/plans/${plan.id}/publish`);
    await ok('POST', '/api/v1/customers', {
      name: 'Acme',
      key: 'acme',
      usageAttribution: { subjectKeys: ['acme'] },
    });
    await ok('POST', '/api/v1/subscriptions', {
      customerKey: 'acme',
      plan: { key: 'metered' },
      timing: 'immediate',
    });
    clock.set(new Date('2027-02-01T00:00:00Z'));
    expect((await use('e1', 'acme', '2027-02-01T00:00:00Z')).status).toBe(204);
  });
  afterAll(() => app.close());

  it('issues no invoice while the billing view lags, then the one it shows once caught up', async () => {
    // A subject key added before the period closes: billed, and shown on the invoice it is billed on.
    clock.set(new Date('2027-02-20T00:00:00Z'));
    const updated = await call(
      'PUT',
      '/api/v1/customers/acme',
      { name: 'Acme', key: 'acme', usageAttribution: { subjectKeys: ['acme', 'acme-eu'] } },
      [BILLING_VIEW_PROJECTION],
    );
    expect(updated.status).toBe(200);
    expect((await use('e2', 'acme-eu', '2027-02-20T00:00:00Z', [BILLING_VIEW_PROJECTION])).status).toBe(204);

    clock.set(new Date('2027-02-28T11:00:01Z')); // the period and its grace are over
    const refused = await issuer.issueDue().catch((error: unknown) => error);
    expect(refused).toMatchObject({ kind: 'unavailable', code: 'SERVICE.READ_MODEL_BEHIND' });
    expect(await issuedEvents()).toBe(0);

    await app.tally.projections.drain();
    expect(await issuer.issueDue()).toBe(1);
    expect(await issuedEvents()).toBe(1);
  });

  it('answers the invoice list and an invoice 503 while issued invoices lag', async () => {
    await keeping([ISSUED_INVOICES_PROJECTION], async () => undefined);
    const [{ id }] = await app.db.dataSource.query<{ id: string }[]>(
      `SELECT data->'invoice'->>'id' AS id FROM tally_events WHERE type = 'InvoiceIssued'`,
    );
    expectBehind(await app.request('GET', '/api/v1/billing/invoices'));
    expectBehind(await app.request('GET', `/api/v1/billing/invoices/${id}`));

    await app.tally.projections.drain();
    const list = await app.request('GET', '/api/v1/billing/invoices?expand=lines');
    expect(list.status).toBe(200);
    const issued = list.body.items.find((invoice: { id: string }) => invoice.id === id);
    expect(issued).toMatchObject({
      status: 'issued',
      customer: { usageAttribution: { subjectKeys: ['acme', 'acme-eu'] } },
      lines: [{ quantity: '2', totals: { total: '4' } }],
    });
    expect((await app.request('GET', `/api/v1/billing/invoices/${id}`)).status).toBe(200);
  });

  it("answers a line's lineage 503 while usage lags", async () => {
    await app.tally.projections.drain();
    const [invoice] = (await app.request('GET', '/api/v1/billing/invoices?expand=lines')).body.items;
    const lineage = `/api/v1/billing/invoices/${invoice.id}/lines/${invoice.lines[0].id}/events`;
    expect((await use('late', 'acme', '2027-02-10T00:00:00Z', [USAGE_PROJECTION])).status).toBe(204);
    // Metering's own wait answers: the usage behind the line is what is still being counted.
    expectBehind(await app.request('GET', lineage), 'METERING.NOT_CAUGHT_UP');

    await app.tally.projections.drain();
    const caughtUp = await app.request('GET', lineage);
    // The late event is in an issued period: the issued line lists exactly the two it billed (the
    // late one is for the period's correction).
    expect([caughtUp.status, caughtUp.body.totalCount]).toEqual([200, 2]);
  });

  it('answers the audit log and an entity history 503 while the audit log lags', async () => {
    await app.tally.projections.drain();
    const created = await call(
      'POST',
      '/api/v1/customers',
      { name: 'Newco', key: 'newco', usageAttribution: { subjectKeys: [] } },
      [AUDIT_LOG_PROJECTION],
    );
    expect(created.status).toBe(201);
    expectBehind(await app.request('GET', '/api/v1/audit/events'));
    expectBehind(await app.request('GET', '/api/v1/customers/newco/history'));

    await app.tally.projections.drain();
    const history = await app.request('GET', '/api/v1/customers/newco/history');
    expect([history.status, history.body.items.map((e: { type: string }) => e.type)]).toEqual([
      200,
      ['CustomerCreated'],
    ]);
  });

  it("answers a metered entitlement's value 503 while usage or entitlements lag, a boolean one without usage", async () => {
    await app.tally.projections.drain();
    clock.set(new Date('2027-03-01T10:00:00Z'));
    await ok('POST', '/api/v1/features', { key: 'support', name: 'Support' });
    await ok('POST', '/api/v2/customers/acme/entitlements', {
      type: 'metered',
      featureKey: 'calls',
      usagePeriod: { interval: 'MONTH' },
      issue: { amount: 10 },
    });
    await ok('POST', '/api/v2/customers/acme/entitlements', { type: 'boolean', featureKey: 'support' });
    const value = (feature: string) =>
      app.request('GET', `/api/v2/customers/acme/entitlements/${feature}/value`);
    expect((await use('entitled', 'acme', '2027-03-01T10:00:30Z', [USAGE_PROJECTION])).status).toBe(204);
    clock.set(new Date('2027-03-01T10:01:00Z'));
    // Never the balance from before the event: usage is still being counted.
    expectBehind(await value('calls'), 'METERING.NOT_CAUGHT_UP');
    expect((await value('support')).body).toEqual({ hasAccess: true });

    await app.tally.projections.drain();
    expect((await value('calls')).body).toMatchObject({ balance: 9, usage: 1 });
    const granted = await call(
      'POST',
      '/api/v2/customers/acme/entitlements/calls/grants',
      { amount: 5, effectiveAt: '2027-03-01T10:00:00Z' },
      [ENTITLEMENTS_PROJECTION],
    );
    // The grant is stored; its answer (the grant as listed) waits for entitlements@v1, as every
    // create's answer waits for its read model, and so does the value.
    expect(granted.status).toBe(503);
    await keeping([ENTITLEMENTS_PROJECTION], async () => undefined);
    expectBehind(await value('calls'));
    await app.tally.projections.drain();
    expect((await value('calls')).body).toMatchObject({ balance: 14, usage: 1 });
  });
});
