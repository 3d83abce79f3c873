import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CorrectionSweep } from '../../src/billing/corrections/correction-sweep.service';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { ManualClock } from '../../src/shared/clock';
import { launchChromium, screenshot, seriousViolations } from '../support/browser';
import { startTestApp, TestApp } from '../support/test-app';

const HOUR = 3_600_000;
const at = (time: string) => new Date(`2027-01-04T${time}Z`);

/**
 * What the console shows of documents and balances the tutorial does not reach, in a real Chromium
 * against the real server: an issued invoice's correction and credit note (driven through the API
 * and the real issuer, as `test/billing/corrections.spec.ts` does), and a customer's metered
 * entitlements with grants, usage and overage; figures checked by hand, axe on every page.
 */
describe('the console shows corrections and metered entitlements', () => {
  const clock = new ManualClock(at('10:00:00'));
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const use = (subject: string, type: string, id: string, time: string, data: object) =>
    call('POST', '/api/v1/events', {
      specversion: '1.0',
      id,
      source: 'console',
      type,
      subject,
      time: at(time),
      data,
    });

  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startTestApp({
        clock,
        config: { collectionGraceMs: HOUR, correctionGraceMs: HOUR, invoiceSweepMs: 3_600_000 },
      }),
      launchChromium(),
    ]);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    await page.goto(`${app.url}/`);
    await page.getByLabel('API token', { exact: true }).fill(app.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Metering & Billing' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function visit(name: string) {
    await page.waitForLoadState('networkidle');
    await screenshot(page, name);
    expect(await seriousViolations(page)).toEqual([]);
  }

  const cells = (row: ReturnType<Page['getByRole']>) => row.getByRole('cell').allInnerTexts();

  it('shows an issued invoice with its correction and credit note, each with its figures', async () => {
    // An hourly plan at $1 a unit; 4 + 6 units in 10:00–11:00, issued at 12:00:01 as INV-000001 ($10).
    await call('POST', '/api/v1/meters', {
      slug: 'calls',
      name: 'Calls',
      eventType: 'call',
      aggregation: 'SUM',
      valueProperty: '$.n',
    });
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
              price: { type: 'unit', amount: '1' },
            },
          ],
        },
      ],
    });
    await call('POST', `/api/v1/plans/${plan.id}/publish`);
    await call('POST', '/api/v1/customers', {
      name: 'Acme',
      key: 'acme',
      usageAttribution: { subjectKeys: [] },
    });
    await call('POST', '/api/v1/subscriptions', {
      customerKey: 'acme',
      plan: { key: 'hourly' },
      timing: 'immediate',
    });
    clock.set(at('10:30:00'));
    await use('acme', 'call', 'e1', '10:10:00', { n: 4 });
    await use('acme', 'call', 'e2', '10:20:00', { n: 6 });
    clock.set(at('12:00:01'));
    await app.tally.app!.get(InvoiceIssuer).issueDue();
    const sweep = app.tally.app!.get(CorrectionSweep);
    // Late usage (7 units at 10:40) → INV-000002, a standard correction of $7: billed 10, now 17.
    clock.set(at('12:05:00'));
    await use('acme', 'call', 'e3', '10:40:00', { n: 7 });
    clock.set(at('13:05:00'));
    expect(await sweep.correctDue()).toBe(1);
    // e1 voided (4 units) → INV-000003, a credit note of −$4: billed 17, now 13.
    clock.set(at('13:10:00'));
    await call('POST', '/api/v1/events/void', {
      events: [{ source: 'console', id: 'e1' }],
      reason: 'sent twice',
    });
    clock.set(at('14:10:00'));
    expect(await sweep.correctDue()).toBe(1);

    await page
      .getByRole('navigation', { name: 'Metering & Billing' })
      .getByRole('link', { name: 'Invoices' })
      .click();
    await page.getByRole('link', { name: 'INV-000001', exact: true }).click();
    await page.getByRole('heading', { name: 'Invoice INV-000001' }).waitFor();
    // The original keeps its figures and lists both documents that corrected it.
    expect(await cells(page.getByRole('row', { name: /^Calls/ }))).toEqual([
      '10',
      '$1.00',
      '$10.00',
      'Events',
    ]);
    const corrections = page.getByRole('list', { name: 'Corrections' }).getByRole('listitem');
    expect(await corrections.allInnerTexts()).toEqual([
      'INV-000002 (standard, $7.00)',
      'INV-000003 (credit note, -$4.00)',
    ]);
    await visit('invoice-corrected');

    // The correction: linked back, its line the difference, with what was billed and what it is now.
    await corrections.getByRole('link', { name: 'INV-000002' }).click();
    await page.getByRole('heading', { name: 'Invoice INV-000002' }).waitFor();
    await page.getByRole('link', { name: 'INV-000001' }).waitFor();
    expect(await page.getByRole('definition').allInnerTexts()).toEqual(
      expect.arrayContaining(['correction', 'INV-000001']),
    );
    expect(await cells(page.getByRole('row', { name: /^Calls/ }))).toEqual([
      '7',
      '$1.00',
      '$7.00',
      '10 for $10.00',
      '17 for $17.00',
      'Events',
    ]);
    await page.getByRole('button', { name: 'Events behind Calls' }).click();
    const added = page.getByRole('dialog', { name: 'Lineage of Calls' });
    await added.getByRole('cell', { name: 'e3', exact: true }).waitFor();
    expect(await added.getByRole('row').count()).toBe(2); // the header and e3, the late event alone
    await page.keyboard.press('Escape');
    await visit('invoice-correction');

    // The credit note: negative figures, and the voided event it takes away with its reason.
    await page.getByRole('link', { name: 'INV-000001' }).click();
    await page.getByRole('link', { name: 'INV-000003' }).click();
    await page.getByRole('heading', { name: 'Invoice INV-000003' }).waitFor();
    expect(await page.getByRole('definition').allInnerTexts()).toEqual(
      expect.arrayContaining(['credit note', 'INV-000001']),
    );
    expect(await cells(page.getByRole('row', { name: /^Calls/ }))).toEqual([
      '-4',
      '$1.00',
      '-$4.00',
      '17 for $17.00',
      '13 for $13.00',
      'Events',
    ]);
    expect((await cells(page.getByRole('row', { name: /^Total/ })))[0]).toBe('-$4.00');
    await page.getByRole('button', { name: 'Events behind Calls' }).click();
    const taken = page.getByRole('dialog', { name: 'Lineage of Calls' });
    const voided = taken.getByRole('row', { name: /e1/ });
    await voided.waitFor();
    expect((await cells(voided)).at(-1)).toBe('voided: sent twice');
    await visit('invoice-credit-note-lineage');
    await page.keyboard.press('Escape');

    // The events page still lists the voided event, marked with its void.
    await page.goto(`${app.url}/console/events`);
    const listed = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'e1', exact: true }) });
    await listed.waitFor();
    expect((await cells(listed)).at(-1)).toMatch(/^voided .+ by admin.*: sent twice$/);
    expect(
      (
        await cells(
          page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'e2', exact: true }) }),
        )
      ).at(-1),
    ).toBe('—');
    await visit('events-voided');
  });

  it("shows a customer's metered entitlements: grants, usage, balance and overage", async () => {
    // Two features on one SUM meter; Globex has 100 tokens a month plus a grant of 50 that burns
    // first on one, 100 alone on the other; 120 tokens used (80 + 40).
    clock.set(at('15:00:00'));
    await call('POST', '/api/v1/meters', {
      slug: 'llm_tokens',
      name: 'LLM tokens',
      eventType: 'llm_request',
      aggregation: 'SUM',
      valueProperty: '$.tokens',
    });
    await call('POST', '/api/v1/features', {
      key: 'llm_tokens',
      name: 'LLM tokens',
      meterSlug: 'llm_tokens',
    });
    await call('POST', '/api/v1/features', { key: 'llm_burst', name: 'LLM burst', meterSlug: 'llm_tokens' });
    await call('POST', '/api/v1/customers', {
      name: 'Globex',
      key: 'globex',
      usageAttribution: { subjectKeys: [] },
    });
    const usagePeriod = { interval: 'MONTH', anchor: at('15:00:00') };
    for (const featureKey of ['llm_tokens', 'llm_burst'])
      await call('POST', '/api/v2/customers/globex/entitlements', {
        type: 'metered',
        featureKey,
        usagePeriod,
        issue: { amount: 100, priority: 2 },
      });
    await call('POST', '/api/v2/customers/globex/entitlements/llm_tokens/grants', {
      amount: 50,
      priority: 1,
      effectiveAt: at('15:00:00'),
      expiration: { duration: 'MONTH', count: 1 },
    });
    clock.set(at('15:10:00'));
    await use('globex', 'llm_request', 't1', '15:02:00', { tokens: 80 });
    await use('globex', 'llm_request', 't2', '15:04:00', { tokens: 40 });

    const nav = page.getByRole('navigation', { name: 'Metering & Billing' });
    await nav.getByRole('link', { name: 'Billing' }).click();
    await page.getByRole('link', { name: 'Globex' }).click();
    await page.getByRole('tab', { name: 'Entitlements' }).click();
    // By hand: llm_tokens burns the 50 (priority 1) then 70 of the 100: 30 left of 150, no overage;
    // llm_burst burns its 100 and 20 more: nothing left, 20 over, no access.
    const tokens = page.getByRole('row', { name: /^llm_tokens/ });
    const burst = page.getByRole('row', { name: /^llm_burst/ });
    await page.getByRole('cell', { name: 'No access' }).waitFor();
    await page.getByRole('cell', { name: 'Has access' }).waitFor();
    expect(await cells(tokens)).toEqual(['metered', 'Has access', '—', '150', '120', '30', '0']);
    expect(await cells(burst)).toEqual(['metered', 'No access', '—', '100', '120', '0', '20']);
    await visit('customer-entitlements-metered');
  });
});
