import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';
import { createTutorialCatalog, sendTutorialEvents } from '../support/tutorial';

const DAY = 86_400_000;

/**
 * `issueDue()` called while a sweep runs: that sweep may have read before the caller's writes, so
 * the caller gets the sweep after it. The first sweep is held, once it has read and issued nothing,
 * by wrapping the issuer's own sweep (no timing involved).
 */
describe('issueDue joining a running sweep', () => {
  const clock = new ManualClock(new Date('2027-03-10T00:00:00Z'));
  let app: TestApp;

  beforeAll(async () => {
    // No background sweep in between: every sweep here is one the spec asked for.
    app = await startTestApp({ clock, config: { invoiceSweepMs: 3_600_000 } });
    await createTutorialCatalog(app);
  });
  afterAll(() => app.close());

  it("gets a sweep that started after the caller's writes, one for all who joined", async () => {
    const issuer = app.tally.app!.get(InvoiceIssuer);
    const seam = issuer as unknown as { issueDueNow(): Promise<number> };
    const sweep = seam.issueDueNow.bind(issuer);
    let swept!: () => void;
    let release!: () => void;
    const read = new Promise<void>((resolve) => (swept = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const sweeps = jest.spyOn(seam, 'issueDueNow').mockImplementationOnce(async () => {
      const issued = await sweep();
      swept();
      await held;
      return issued;
    });

    const first = issuer.issueDue();
    await read; // it found nothing due: acme has no subscription yet

    // Written while it runs: acme moved in 40 days ago, its first period [Jan 29, Feb 28) over.
    const start = new Date(clock.now().getTime() - 40 * DAY).toISOString();
    const created = await app.request('POST', '/api/v1/subscriptions', {
      body: { customerKey: 'acme-inc', plan: { key: 'per_seat' }, timing: start },
    });
    expect(created.status).toBe(201);
    expect(await sendTutorialEvents(app, '2027-02-01T00:00:00Z')).toEqual([202, 202, 202, 202]);
    const joined = [issuer.issueDue(), issuer.issueDue()];
    release();

    expect(await first).toBe(0);
    expect(await Promise.all(joined)).toEqual([1, 1]); // one sweep after, shared
    expect(sweeps).toHaveBeenCalledTimes(2);
    sweeps.mockRestore();
  });
});
