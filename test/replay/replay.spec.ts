import { InvoiceSnapshotService } from '../../src/billing/recompute/invoice-snapshot.service';
import { driftBetween } from '../../src/billing/recompute/invoice-figures';
import { createTutorialCatalog } from '../support/tutorial';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Deterministic replay: rebuilding every projection from the log, while the service keeps
 * answering, gives back the same API answers byte for byte and the same invoice digest.
 */
describe('replaying every projection', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const get = async (path: string) => {
    const answer = await app.request('GET', path);
    if (answer.status !== 200) throw new Error(`GET ${path} → ${answer.status}: ${answer.text}`);
    return answer.text;
  };

  it('reproduces every answer and invoice total, with no drift, while queries keep answering', async () => {
    await createTutorialCatalog(app);
    await app.request('POST', '/api/v1/meters', {
      body: {
        slug: 'tokens',
        name: 'Tokens',
        eventType: 'llm_call',
        aggregation: 'SUM',
        valueProperty: '$.tokens',
        groupBy: { model: '$.model' },
      },
    });
    const customers = ['acme-inc', 'globex', 'initech'];
    for (const key of customers.slice(1)) {
      await app.request('POST', '/api/v1/customers', {
        body: { name: key, key, usageAttribution: { subjectKeys: [key, `${key}-batch`] } },
      });
    }
    for (const key of customers) {
      const answer = await app.request('POST', '/api/v1/subscriptions', {
        body: { customerKey: key, plan: { key: 'per_seat' }, timing: 'immediate' },
      });
      expect(answer.status).toBe(201);
    }
    await app.request('PUT', '/api/v1/customers/initech', {
      body: { name: 'Initech', key: 'initech', usageAttribution: { subjectKeys: ['initech'] } },
    });

    // 10,500 usage events in batches of 1,000, 500 of them duplicates of earlier ones.
    const subjects = ['acme-inc', 'globex', 'globex-batch', 'initech', 'initech-batch', 'nobody'];
    const start = Date.now() + 1000; // after the subscriptions began, so the usage is billed
    const events = Array.from({ length: 10_000 }, (_, i) => ({
      specversion: '1.0',
      id: `evt-${i}`,
      source: 'replay-test',
      type: i % 3 === 0 ? 'llm_call' : 'user_activity',
      subject: subjects[Math.floor(i / 3) % subjects.length],
      time: new Date(start + (i % 50) * 1000).toISOString(),
      data:
        i % 3 === 0 ? { tokens: (i % 97) + 0.5, model: i % 2 ? 'a' : 'b' } : { user_id: `user-${i % 731}` },
    }));
    const withDuplicates = [...events, ...events.slice(0, 500)];
    for (let i = 0; i < withDuplicates.length; i += 1000) {
      const answer = await app.request('POST', '/api/v1/events', {
        rawBody: JSON.stringify(withDuplicates.slice(i, i + 1000)),
        headers: { 'content-type': 'application/cloudevents-batch+json' },
      });
      expect(answer.status).toBe(204);
    }

    // Globex invoiced now: its period cut, the part before issued, its preview the rest.
    const invoicedNow = await app.request('POST', '/api/v1/billing/invoices/invoice', {
      body: { customerId: 'globex', progressiveBillingOverride: true },
    });
    expect([invoicedNow.status, invoicedNow.body[0]?.status]).toEqual([201, 'issued']);

    const paths = [
      '/api/v1/meters',
      '/api/v1/features',
      '/api/v1/plans',
      '/api/v1/customers',
      '/api/v1/meters/active_users_total/query?groupBy=subject',
      '/api/v1/meters/tokens/query?groupBy=model&windowSize=MINUTE',
      '/api/v1/billing/invoices?expand=lines',
      '/api/v1/audit/events?limit=1000',
      ...customers.map((c) => `/api/v1/billing/customers/${c}/invoices/preview`),
      ...customers.map((c) => `/api/v1/customers/${c}/subscriptions`),
    ];
    const before = await Promise.all(paths.map(get));
    const snapshots = app.tally.resolve(InvoiceSnapshotService);
    const invoicesBefore = await snapshots.snapshot();
    expect(
      JSON.parse(before[paths.indexOf('/api/v1/billing/customers/acme-inc/invoices/preview')]).totals.total,
    ).not.toBe('0');

    // Rebuild everything through the admin API while a reader keeps asking for previews.
    const names: string[] = (await app.request('GET', '/api/v1/admin/projections')).body.map(
      (p: { name: string }) => p.name,
    );
    expect(names.length).toBeGreaterThanOrEqual(5);
    let rebuilding = true;
    const duringRebuild: { status: number; total?: string }[] = [];
    const reader = (async () => {
      while (rebuilding) {
        const answer = await app.request('GET', '/api/v1/billing/customers/acme-inc/invoices/preview');
        duringRebuild.push({ status: answer.status, total: answer.body?.totals?.total });
      }
    })();
    for (const name of names) {
      const started = await app.request(
        'POST',
        `/api/v1/admin/projections/${encodeURIComponent(name)}/rebuild`,
      );
      expect(started.status).toBe(202);
      const again = await app.request(
        'POST',
        `/api/v1/admin/projections/${encodeURIComponent(name)}/rebuild`,
      );
      if (again.status !== 202) expect(again.status).toBe(409);
    }
    const deadline = Date.now() + 60_000;
    for (;;) {
      const states = (await app.request('GET', '/api/v1/admin/projections')).body.map(
        (p: { state: string }) => p.state,
      );
      if (states.every((s: string) => s === 'running')) break;
      if (Date.now() > deadline) throw new Error(`still rebuilding: ${states}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    rebuilding = false;
    await reader;

    expect(duringRebuild.length).toBeGreaterThan(0);
    expect(duringRebuild.filter((a) => a.status !== 200)).toEqual([]);
    expect(new Set(duringRebuild.map((a) => a.total))).toEqual(
      new Set([
        JSON.parse(before[paths.indexOf('/api/v1/billing/customers/acme-inc/invoices/preview')]).totals.total,
      ]),
    );

    const after = await Promise.all(paths.map(get));
    for (let i = 0; i < paths.length; i++) expect([paths[i], after[i]]).toEqual([paths[i], before[i]]);
    const invoicesAfter = await snapshots.snapshot();
    expect(driftBetween(invoicesBefore.invoices, invoicesAfter.invoices)).toEqual([]);
    expect(invoicesAfter.digest).toBe(invoicesBefore.digest);
  });
});
