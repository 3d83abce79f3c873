import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { eventually, launchChromium, screenshot, seriousViolations } from '../support/browser';
import { startTestApp, TestApp } from '../support/test-app';
import { createTutorialCatalog, TUTORIAL } from '../support/tutorial';

/** A zone far from UTC and off the hour, so a time shown in UTC cannot pass for a local one. */
const ZONE = 'Asia/Kolkata';
/** Every button that writes, by its accessible name: none of them is for a `read` token. */
const WRITES =
  /^(New meter|Create Feature|Create Plan|Add Rate Card|Publish Plan|Publish|Create Customer|Create a Subscription|Cancel Subscription|Send test event|Rebuild .*|Create token|Revoke.*|Save.*|Start Subscription)$/;

/**
 * The page list, against the running console in Chromium: every list pages (the lineage of a
 * line past the API's largest answer), money in the currency's minor units, times in the browser's
 * zone with UTC on hover, a form's refusal beside the fields the server named (even those of an
 * earlier step of a wizard), what a form sends is what was typed, and a `read` token sees no write
 * button on any page.
 */
describe('every console page: paging, money, times, refusals and roles', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };

  async function signIn(target: Page, token: string) {
    await target.goto(`${app.url}/`);
    await target.getByLabel('API token', { exact: true }).fill(token);
    await target.getByRole('button', { name: 'Sign in' }).click();
    await target.getByRole('navigation', { name: 'Metering & Billing' }).waitFor();
  }

  async function visit(target: Page, name: string) {
    await target.waitForLoadState('networkidle');
    await screenshot(target, name);
    expect(await seriousViolations(target)).toEqual([]);
  }

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    await createTutorialCatalog(app);
    await call('POST', '/api/v1/subscriptions', TUTORIAL.subscription);
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      timezoneId: ZONE,
      locale: 'en-US',
    });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    await signIn(page, app.adminToken);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows times in the browser's zone, with UTC on hover", async () => {
    const subscription = (await call('GET', '/api/v1/customers/acme-inc/subscriptions')).items[0];
    await page.goto(`${app.url}/console/billing/customers/acme-inc`);
    const started = page
      .getByRole('row', { name: /Per-Seat/ })
      .locator('time')
      .first();
    expect(await started.getAttribute('datetime')).toBe(subscription.activeFrom);
    const at = new Date(subscription.activeFrom);
    // Chromium's and Node's ICU may differ in which space goes before AM/PM.
    const spaced = (text: string) => text.replace(/\s/g, ' ');
    expect(spaced(await started.innerText())).toBe(
      spaced(at.toLocaleString('en-US', { timeZone: ZONE, dateStyle: 'medium', timeStyle: 'medium' })),
    );
    expect(await started.getAttribute('title')).toBe(
      `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 19)} UTC`,
    );
  });

  it('pages through every event, newest first, past the 500 most recent', async () => {
    const batch = Array.from({ length: 501 }, (_, i) => ({
      specversion: '1.0',
      id: `listed-${i}`,
      source: 'pages',
      type: 'page_view',
      subject: 'nobody',
      data: {},
    }));
    const sent = await app.request('POST', '/api/v1/events', {
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      rawBody: JSON.stringify(batch),
    });
    expect(sent.status).toBe(204);
    await page.goto(`${app.url}/console/events`);
    const ids = page.getByRole('table').locator('tbody tr td:nth-child(2)');
    await ids.first().waitFor();
    const pager = page.getByRole('navigation', { name: 'Events pages' });
    const seen = new Set<string>();
    for (;;) {
      const shown = await ids.allInnerTexts();
      for (const id of shown) seen.add(id);
      const next = pager.getByRole('button', { name: 'Next page' });
      if (shown.length === 0 || (await next.isDisabled())) break;
      await next.click();
      // The next page has come when its first row differs (or it has none: a cursor may lead to the end).
      await eventually(
        async () => (await ids.count()) === 0 || (await ids.first().innerText()) !== shown[0],
        true,
      );
    }
    expect(batch.filter((event) => !seen.has(event.id)).map((event) => event.id)).toEqual([]);
    // And back: the first page again, the newest events on it.
    await pager.getByRole('button', { name: 'Previous page' }).click();
    await visit(page, 'events-paged');
  });

  it('pages the events behind a line past the 1,000 one answer holds', async () => {
    // 1,001 distinct users, after the subscription's start: the line's lineage has 1,001 entries.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const time = new Date().toISOString();
    const batch = Array.from({ length: 1001 }, (_, i) => ({
      specversion: '1.0',
      id: `evt-${i}`,
      source: 'pages',
      type: 'user_activity',
      subject: 'acme-inc',
      time,
      data: { user_id: `user-${String(i).padStart(4, '0')}` },
    }));
    const sent = await app.request('POST', '/api/v1/events', {
      headers: { 'content-type': 'application/cloudevents-batch+json' },
      rawBody: JSON.stringify(batch),
    });
    expect(sent.status).toBe(204);
    await page.goto(`${app.url}/console/billing/customers/acme-inc`);
    await page.getByRole('tab', { name: 'Invoicing' }).click();
    await page.getByRole('button', { name: 'Preview Invoice' }).click();
    const line = page.getByRole('row', { name: /active-users/ });
    await line.waitFor();
    expect((await line.getByRole('cell').allInnerTexts()).slice(0, 3)).toEqual([
      '1001',
      '$1.00',
      '$1,001.00',
    ]);
    await page.getByRole('button', { name: 'Events behind active-users' }).click();
    const drawer = page.getByRole('dialog', { name: 'Lineage of active-users' });
    const pager = drawer.getByRole('navigation', { name: 'Lineage pages' });
    await pager.getByText('Page 1 of 11 · 1001 in all').waitFor();
    await drawer.getByRole('cell', { name: 'user-0000', exact: true }).waitFor();
    for (let shown = 1; shown < 11; shown++) {
      await pager.getByRole('button', { name: 'Next page' }).click();
      await pager.getByText(`Page ${shown + 1} of 11 · 1001 in all`).waitFor();
    }
    await drawer.getByRole('cell', { name: 'user-1000', exact: true }).waitFor();
    expect(await drawer.getByRole('row').count()).toBe(2); // the header and the 1,001st
    await visit(page, 'lineage-last-page');
    await page.keyboard.press('Escape');
  });

  it("takes a wizard back to the step whose field the server refused, its message beside it; money to the currency's minor unit", async () => {
    const plan = await call('POST', '/api/v1/plans', {
      key: 'bahrain',
      name: 'Bahrain',
      currency: 'BHD',
      billingCadence: 'P1M',
      phases: [{ key: 'default', name: 'Default', duration: null, rateCards: [] }],
    });
    await page.goto(`${app.url}/console/product-catalog/plans/${plan.id}`);
    await page.getByRole('button', { name: 'Add Rate Card' }).click();
    await page.getByLabel('Feature', { exact: true }).selectOption({ label: 'active-users' });
    await page.getByRole('button', { name: 'Next Step' }).click();
    await page.getByLabel('Price per unit', { exact: true }).fill('1,5');
    await page.getByRole('button', { name: 'Next Step' }).click();
    await page.getByLabel('Boolean', { exact: true }).check();
    await page.getByRole('button', { name: 'Save Rate Card' }).click();
    // Refused: back at the price, whose message the server gave is beside it.
    const price = page.getByLabel('Price per unit', { exact: true });
    await eventually(() => price.getAttribute('aria-invalid'), 'true');
    expect(await describedError(page, price)).toMatch(/amount/i);
    await visit(page, 'plan-rate-card-refused');
    await price.fill('1.5');
    await page.getByRole('button', { name: 'Next Step' }).click();
    await page.getByRole('button', { name: 'Save Rate Card' }).click();
    await page.getByRole('cell', { name: 'BHD 1.500 per unit' }).waitFor();

    // A tiered price through the wizard, each tier's money shown in yen, without decimals.
    const yen = await call('POST', '/api/v1/plans', {
      key: 'tokyo',
      name: 'Tokyo',
      currency: 'JPY',
      billingCadence: 'P1M',
      phases: [{ key: 'default', name: 'Default', duration: null, rateCards: [] }],
    });
    await page.goto(`${app.url}/console/product-catalog/plans/${yen.id}`);
    await page.getByRole('button', { name: 'Add Rate Card' }).click();
    await page.getByLabel('Feature', { exact: true }).selectOption({ label: 'active-users' });
    await page.getByRole('button', { name: 'Next Step' }).click();
    await page.getByLabel('Pricing model', { exact: true }).selectOption({ label: 'Tiered (graduated)' });
    await page.getByLabel('Tier 1 up to', { exact: true }).fill('10');
    await page.getByLabel('Tier 1 price per unit', { exact: true }).fill('300');
    await page.getByLabel('Tier 2 price per unit', { exact: true }).fill('100');
    await page.getByRole('button', { name: 'Next Step' }).click();
    await page.getByRole('button', { name: 'Save Rate Card' }).click();
    await page
      .getByRole('cell', { name: 'graduated: up to 10, ¥300 per unit; then, ¥100 per unit' })
      .waitFor();
    await visit(page, 'plan-tiered');
  });

  it('sends a test event as typed: a number JSON.parse would round is refused beside Data, not sent rounded', async () => {
    await page.goto(`${app.url}/console/events`);
    await page.getByRole('button', { name: 'Send test event' }).click();
    await page.getByLabel('Type', { exact: true }).fill('user_activity');
    await page.getByLabel('Subject', { exact: true }).fill('acme-inc');
    await page
      .getByLabel('Data (JSON)', { exact: true })
      .fill('{ "user_id": "zed", "n": 123456789012345678901234567890 }');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const data = page.getByLabel('Data (JSON)', { exact: true });
    await eventually(() => data.getAttribute('aria-invalid'), 'true');
    expect(await describedError(page, data)).toMatch(/n|number/i);
    const id = await page.getByLabel('Id', { exact: true }).inputValue();
    expect((await app.request('GET', `/api/v1/events?id=${id}`)).body).toEqual([]);

    await data.fill('{ "user_id": "zed", "n": 12.5 }');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('cell', { name: id, exact: true }).waitFor();
    const [stored] = (await app.request('GET', `/api/v1/events?id=${id}`)).body;
    expect(stored.event.data).toEqual({ user_id: 'zed', n: 12.5 });
  });

  it('shows a read token no write button on any page', async () => {
    const reader = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    reader.setDefaultTimeout(10_000);
    const read = await reader.newPage();
    await signIn(read, await app.token('read'));
    const draft = await call('POST', '/api/v1/plans', {
      key: 'draft',
      name: 'Draft',
      currency: 'USD',
      billingCadence: 'P1M',
      phases: [{ key: 'default', name: 'Default', duration: null, rateCards: [] }],
    });
    const published = (await call('GET', '/api/v1/plans?key=per_seat')).items[0];
    const invoice = (await call('GET', '/api/v1/billing/invoices')).items[0];
    const writes = async (where: string, ready: Locator) => {
      await ready.waitFor();
      await read.waitForLoadState('networkidle');
      const names = await read
        .getByRole('button')
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''));
      return names.filter((name) => WRITES.test(name.trim())).map((name) => `${where}: ${name}`);
    };
    const found: string[] = [];
    const open = async (path: string, where: string, ready: () => Locator) => {
      await read.goto(`${app.url}/console${path}`);
      found.push(...(await writes(where, ready())));
    };
    await open('/meters', 'meters', () => read.getByRole('link', { name: 'Active users total' }));
    await open('/meters/active_users_total', 'meter', () => read.getByRole('heading', { name: 'Usage' }));
    await open('/product-catalog', 'features', () => read.getByRole('cell', { name: 'active-users' }));
    await read.getByRole('tab', { name: 'Plans' }).click();
    found.push(...(await writes('plans', read.getByRole('link', { name: 'Per-Seat' }))));
    await open(`/product-catalog/plans/${draft.id}`, 'draft plan', () =>
      read.getByRole('heading', { name: 'Draft' }),
    );
    await open(`/product-catalog/plans/${published.id}`, 'published plan', () =>
      read.getByRole('cell', { name: '$1.00 per unit' }),
    );
    await open('/billing', 'billing', () => read.getByRole('link', { name: 'Acme Inc' }));
    await open('/billing/customers/acme-inc', 'subscription', () =>
      read.getByRole('cell', { name: 'active' }),
    );
    for (const [tab, ready] of [
      ['Invoicing', () => read.getByRole('button', { name: 'Preview Invoice' })],
      ['Entitlements', () => read.getByRole('cell', { name: 'Has access' })],
      ['History', () => read.getByRole('cell', { name: 'CustomerCreated' })],
    ] as const) {
      await read.getByRole('tab', { name: tab }).click();
      found.push(...(await writes(tab, ready())));
    }
    await open('/events', 'events', () => read.getByRole('table', { name: 'Events' }));
    await open('/invoices', 'invoices', () => read.getByRole('link', { name: invoice.number }));
    await open(`/invoices/${invoice.id}`, 'invoice', () => read.getByRole('row', { name: /active-users/ }));
    await open('/operations', 'operations', () => read.getByText('Operations need an admin token'));
    expect(found).toEqual([]);
    await reader.close();
  });
});

/** The text of the error message an input is described by. */
async function describedError(page: Page, input: Locator): Promise<string> {
  const id = (await input.getAttribute('aria-describedby'))!.split(' ').find((i) => i.endsWith('-error'))!;
  return page.locator(`[id="${id}"]`).innerText();
}
