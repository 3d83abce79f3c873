import type { DataSource } from 'typeorm';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { InvoiceSnapshotService } from '../../src/billing/recompute/invoice-snapshot.service';
import { ManualClock } from '../../src/shared/clock';
import { sleep, startTallyProcess, TallyProcess } from '../support/processes';
import { startTestApp, TestApp } from '../support/test-app';

const CUSTOMERS = 30;
const KILLS = 3;

/**
 * Workers are killed with SIGKILL in the middle of the correction sweep — while the snapshot a
 * correction's figures are read in is open — again and again, over 30 issued periods that each
 * received late usage. Then two workers sweep at once until done. Every period has exactly one
 * correction, none has two, the numbers have no gap; and replaying every projection gives back the
 * same documents and invoice digest.
 */
describe('the correction sweep killed mid-way', () => {
  // Months before the workers' own clock: for them every period is long closed, every grace past.
  const clock = new ManualClock(new Date('2026-06-01T10:00:00Z'));
  let app: TestApp;
  let worker: TallyProcess | undefined;

  beforeAll(async () => {
    // This process never sweeps by itself: the workers do.
    app = await startTestApp({ clock, config: { invoiceSweepMs: 3_600_000 } });
  });
  afterAll(async () => {
    await worker?.kill();
    await app.close();
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const usage = (id: string, subject: string, minute: number) => ({
    specversion: '1.0',
    id,
    source: 'correction-kill',
    type: 'call',
    subject,
    time: new Date(Date.parse('2026-06-01T10:00:00Z') + minute * 60_000).toISOString(),
    data: {},
  });
  const startWorker = () =>
    startTallyProcess({
      databaseUrl: app.db.url,
      adminToken: app.adminToken,
      mode: 'worker',
      env: { INVOICE_SWEEP_SECONDS: '1', CORRECTION_GRACE_SECONDS: '60' },
    });

  it('issues exactly one correction per changed period, whatever the kills, and replays to the same documents', async () => {
    await call('POST', '/api/v1/meters', { slug: 'calls', eventType: 'call', aggregation: 'COUNT' });
    await call('POST', '/api/v1/features', { key: 'calls', name: 'Calls', meterSlug: 'calls' });
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
              key: 'calls',
              name: 'Calls',
              featureKey: 'calls',
              billingCadence: 'PT1H',
              price: { type: 'unit', amount: '0.5' },
            },
          ],
        },
      ],
    });
    await call('POST', `/api/v1/plans/${plan.id}/publish`);
    for (let c = 0; c < CUSTOMERS; c++) {
      await call('POST', '/api/v1/customers', {
        name: `c${c}`,
        key: `c${c}`,
        usageAttribution: { subjectKeys: [`c${c}`] },
      });
      const subscription = await call('POST', '/api/v1/subscriptions', {
        customerKey: `c${c}`,
        plan: { key: 'hourly' },
        timing: 'immediate',
      });
      clock.set(new Date('2026-06-01T10:30:00Z'));
      await call('POST', '/api/v1/events', usage(`on-time-${c}`, `c${c}`, 10));
      // One period each, so the workers have nothing else to issue.
      await call('POST', `/api/v1/subscriptions/${subscription.id}/cancel`, { timing: 'immediate' });
      clock.set(new Date('2026-06-01T10:00:00Z'));
    }
    clock.set(new Date('2026-06-01T11:30:02Z'));
    expect(await app.tally.app!.get(InvoiceIssuer).issueDue()).toBe(CUSTOMERS);
    clock.set(new Date('2026-06-01T11:40:00Z'));
    const late = Array.from({ length: CUSTOMERS }, (_, c) => [
      usage(`late-${c}-a`, `c${c}`, 20),
      usage(`late-${c}-b`, `c${c}`, 25),
    ]);
    await call('POST', '/api/v1/events', late.flat());

    let killedMidSweep = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      worker = await startWorker();
      // At the first correction, then a few corrections further on each time.
      const until = Date.now() + 20_000;
      while ((await corrections(app.db.dataSource)) < kill * 8 && Date.now() < until) await sleep(1);
      if (await waitForSnapshot(app.db.dataSource, 20_000)) killedMidSweep += 1;
      await worker.kill('SIGKILL');
    }
    expect(killedMidSweep).toBe(KILLS);
    const afterKills = await corrections(app.db.dataSource);
    expect(afterKills).toBeLessThan(CUSTOMERS);

    // Two issuers at once: each decides every period, and the ledger lets one correction through.
    worker = await startWorker();
    const second = await startWorker();
    const deadline = Date.now() + 120_000;
    while ((await corrections(app.db.dataSource)) < CUSTOMERS && Date.now() < deadline) await sleep(200);
    await sleep(3_000); // a few more sweeps: none may correct again
    await Promise.all([worker.kill('SIGTERM'), second.kill('SIGTERM')]);

    const issued = await app.db.dataSource.query(
      `SELECT data->'invoice'->'correctionOf'->>'id' AS corrected, count(*)::int AS n,
              min(data->'invoice'->'lines'->0->>'quantity') AS quantity
       FROM tally_events WHERE type = 'CorrectionIssued' GROUP BY 1`,
    );
    expect(issued).toHaveLength(CUSTOMERS);
    expect(
      issued.filter((row: { n: number; quantity: string }) => row.n !== 1 || row.quantity !== '2'),
    ).toEqual([]);
    const numbers = await app.db.dataSource.query(
      `SELECT (data->>'sequence')::int AS sequence FROM tally_events
       WHERE type IN ('InvoiceIssued', 'CorrectionIssued') ORDER BY 1`,
    );
    expect(numbers.map((row: { sequence: number }) => row.sequence)).toEqual(
      Array.from({ length: 2 * CUSTOMERS }, (_, i) => i + 1),
    );

    // A full replay: the same documents, byte for byte, and the same digest.
    await app.tally.projections.drain();
    const snapshots = app.tally.resolve(InvoiceSnapshotService);
    const documents = () =>
      app.db.dataSource.query(`SELECT * FROM billing_invoices ORDER BY namespace, sequence`);
    const before = { documents: await documents(), digest: (await snapshots.snapshot()).digest };
    for (const name of app.tally.projections.names) await app.tally.projections.rebuild(name);
    expect({ documents: await documents(), digest: (await snapshots.snapshot()).digest }).toEqual(before);
    expect(await snapshots.pendingCorrections()).toEqual([]);
    console.log(
      `correction kills: ${KILLS} SIGKILLs mid-sweep over ${CUSTOMERS} periods (${afterKills} corrected by then), ` +
        'then two issuers at once; one correction each; replay equal',
    );
  }, 300_000);
});

async function corrections(db: DataSource): Promise<number> {
  const [{ n }] = await db.query(
    `SELECT count(*)::int AS n FROM tally_events WHERE type = 'CorrectionIssued'`,
  );
  return n;
}

/** Waits until a worker has the snapshot a correction's figures are read in open (it names itself). */
async function waitForSnapshot(db: DataSource, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const [row] = await db.query(
      `SELECT 1 FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = 'tally-usage-snapshot'`,
    );
    if (row) return true;
    await sleep(1);
  }
  return false;
}
