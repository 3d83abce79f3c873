import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually, launchChromium, screenshot, seriousViolations } from '../support/browser';
import { startTestApp, TestApp } from '../support/test-app';
import { sendTutorialEvents } from '../support/tutorial';

/**
 * The console in a real Chromium, against the real server: the seed tutorial
 * (`shared/seed/meter-and-bill-active-users.md`) done by clicks, found by the tutorial's own words
 * as accessible names; sign-in, roles, a server's field error, lineage, a rebuild, a token; and
 * axe-core on every page.
 */
describe('the console in a browser', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Every page visited, checked by axe at the end of its test. */
  const violations: string[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // A step that waits longer than this has failed: the default of 30 s would only slow the report.
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Screenshot and accessibility check of the page as it stands. */
  async function visit(target: Page, name: string) {
    await target.waitForLoadState('networkidle');
    await screenshot(target, name);
    for (const line of await seriousViolations(target)) violations.push(`${name}: ${line}`);
  }

  async function signIn(target: Page, token: string) {
    await target.goto(`${app.url}/`);
    await target.getByLabel('API token', { exact: true }).fill(token);
    await target.getByRole('button', { name: 'Sign in' }).click();
    await target.getByRole('navigation', { name: 'Metering & Billing' }).waitFor();
  }

  const nav = (name: string) =>
    page.getByRole('navigation', { name: 'Metering & Billing' }).getByRole('link', { name });

  it('refuses a wrong token next to its field, then signs in with a right one', async () => {
    await page.goto(`${app.url}/`);
    expect(page.url()).toBe(`${app.url}/console/`);
    await page.getByLabel('API token', { exact: true }).fill('tally_not_a_real_token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const field = page.getByLabel('API token', { exact: true });
    await eventually(() => field.getAttribute('aria-invalid'), 'true');
    await page.getByText('The token is unknown or revoked').first().waitFor();
    await visit(page, 'sign-in');
    await signIn(page, app.adminToken);
    // The token is in no storage the page can read.
    const stored = await page.evaluate(() => {
      const window = globalThis as any;
      return (
        JSON.stringify({ ...window.localStorage }) +
        JSON.stringify({ ...window.sessionStorage }) +
        window.document.cookie
      );
    });
    expect(stored).not.toContain(app.adminToken);
    expect(stored).not.toContain('tally_session');
  });

  it('walks the seed tutorial by its labels, and previews active-users at 3 for $3.00', async () => {
    // Create a meter.
    await page.getByRole('link', { name: 'Metering & Billing', exact: true }).click();
    await page.getByRole('button', { name: 'New meter' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Active users total');
    await page.getByLabel('Description', { exact: true }).fill('Active Users');
    await page.getByLabel('Event Type Filter', { exact: true }).fill('user_activity');
    await page.getByLabel('Aggregation', { exact: true }).selectOption({ label: 'UNIQUE COUNT' });
    await page.getByLabel('Value property', { exact: true }).fill('$.user_id');
    expect(await page.getByLabel('Slug', { exact: true }).inputValue()).toBe('active_users_total');
    await visit(page, 'meters-new-meter');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Active users total' }).waitFor();
    await visit(page, 'meter');

    // Create a feature.
    await nav('Product Catalog').click();
    await page.getByRole('button', { name: 'Create Feature' }).click();
    await page.getByLabel('Name', { exact: true }).fill('active-users');
    await page.getByLabel('Meter', { exact: true }).selectOption({ label: 'Active users total' });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'active_users', exact: true }).waitFor();
    await visit(page, 'product-catalog-features');

    // Create a plan and its rate card, then publish it.
    await page.getByRole('tab', { name: 'Plans' }).click();
    await page.getByRole('button', { name: 'Create Plan' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Per-Seat');
    await page.getByLabel('Billing cadence', { exact: true }).selectOption({ label: '1 month' });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Per-Seat' }).waitFor();
    await page.getByRole('button', { name: 'Add Rate Card' }).click();
    await page.getByLabel('Feature', { exact: true }).selectOption({ label: 'active-users' });
    await page.getByRole('button', { name: 'Next Step' }).click();
    await page.getByLabel('Pricing model', { exact: true }).selectOption({ label: 'Usage based' });
    await page.getByLabel('Price per unit', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Next Step' }).click();
    await page.getByLabel('Boolean', { exact: true }).check();
    await visit(page, 'plan-add-rate-card');
    await page.getByRole('button', { name: 'Save Rate Card' }).click();
    await page.getByRole('cell', { name: '$1.00 per unit' }).waitFor();
    await page.getByRole('button', { name: 'Publish Plan' }).click();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('active', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Add Rate Card' }).count()).toBe(0);
    await visit(page, 'plan');

    // Start a subscription.
    await nav('Billing').click();
    await page.getByRole('button', { name: 'Create Customer' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Acme Inc');
    await page.getByLabel('Key', { exact: true }).fill('acme-inc');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Acme Inc' }).waitFor();
    await page.getByRole('tab', { name: 'Subscription' }).click();
    await page.getByRole('button', { name: 'Create a Subscription' }).click();
    await page.getByLabel('Subscribed Plan', { exact: true }).selectOption({ label: 'Per-Seat' });
    await page.getByRole('button', { name: 'Next Step' }).click();
    await page.getByRole('button', { name: 'Start Subscription' }).click();
    await page.getByRole('cell', { name: 'active', exact: true }).waitFor();
    await visit(page, 'customer-subscription');

    // Validate: the tutorial's four events, a moment after the subscription started.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const time = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(await sendTutorialEvents(app, time)).toEqual([202, 202, 202, 202]);
    await nav('Billing').click();
    await page.getByRole('link', { name: 'Acme Inc' }).click();
    await page.getByRole('tab', { name: 'Invoicing' }).click();
    await page.getByRole('button', { name: 'Preview Invoice' }).click();
    const line = page.getByRole('row', { name: /active-users/ });
    await line.waitFor();
    const cells = await line.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 3)).toEqual(['3', '$1.00', '$3.00']);
    await visit(page, 'customer-invoicing');

    // The lineage drawer: the events behind the line, alice once with her repeat.
    await page.getByRole('button', { name: 'Events behind active-users' }).click();
    const drawer = page.getByRole('dialog', { name: 'Lineage of active-users' });
    await drawer.getByRole('cell', { name: 'carol' }).waitFor();
    const rows = await drawer.getByRole('row').allInnerTexts();
    expect(rows.filter((r) => /alice|bob|carol/.test(r))).toHaveLength(3);
    expect(rows.find((r) => r.includes('alice'))).toMatch(/1$/);
    await visit(page, 'lineage');
    await page.keyboard.press('Escape');
    expect(violations).toEqual([]);
  });

  it('shows every other page, each accessible', async () => {
    await page.getByRole('tab', { name: 'Entitlements' }).click();
    await page.getByRole('cell', { name: 'Has access' }).waitFor();
    await visit(page, 'customer-entitlements');
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('cell', { name: 'CustomerCreated' }).waitFor();
    await visit(page, 'customer-history');
    await nav('Meters').click();
    await page.getByRole('link', { name: 'Active users total' }).waitFor();
    await visit(page, 'meters');
    await nav('Billing').click();
    await page.getByRole('link', { name: 'Acme Inc' }).waitFor();
    await visit(page, 'billing');
    await nav('Events').click();
    await page.getByRole('cell', { name: '57B5F342-B8D5-49AE-9D6C-350C1D92155C' }).waitFor();
    await visit(page, 'events');
    await nav('Invoices').click();
    await page.getByRole('link', { name: /^DRAFT-/ }).click();
    await page.getByRole('row', { name: /active-users/ }).waitFor();
    await visit(page, 'invoice');
    await nav('Operations').click();
    await page.getByRole('cell', { name: 'usage@v3', exact: true }).waitFor();
    await visit(page, 'operations-projections');
    await page.getByRole('tab', { name: 'Reconciliation' }).click();
    await page.getByRole('button', { name: 'Reconcile' }).click();
    await page.getByRole('row', { name: /^Total/ }).waitFor();
    expect(
      await page
        .getByRole('row', { name: /^Total/ })
        .getByRole('cell')
        .first()
        .innerText(),
    ).toBe('4');
    await visit(page, 'operations-reconciliation');
    expect(violations).toEqual([]);
  });

  it("shows the server's problem next to the field it names", async () => {
    await nav('Meters').click();
    await page.getByRole('button', { name: 'New meter' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Broken');
    await page.getByLabel('Slug', { exact: true }).fill('Not A Slug');
    await page.getByLabel('Event Type Filter', { exact: true }).fill('x');
    await page.getByLabel('Value property', { exact: true }).fill('$.x');
    await page.getByRole('button', { name: 'Save' }).click();
    const slug = page.getByLabel('Slug', { exact: true });
    await eventually(() => slug.getAttribute('aria-invalid'), 'true');
    const described = (await slug.getAttribute('aria-describedby'))!
      .split(' ')
      .find((id) => id.endsWith('-error'))!;
    expect(await page.locator(`[id="${described}"]`).innerText()).toMatch(/slug/i);
    await visit(page, 'meters-field-error');
    await page.keyboard.press('Escape');
    expect(violations).toEqual([]);
  });

  it('rebuilds a projection from Operations', async () => {
    await nav('Operations').click();
    await page.getByRole('button', { name: 'Rebuild meters@v1' }).click();
    await eventually(async () => {
      const answer = await app.request('GET', '/api/v1/admin/projections');
      return (answer.body as { name: string; state: string }[]).find((p) => p.name === 'meters@v1')?.state;
    }, 'running');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('row', { name: /meters@v1 running/ }).waitFor();
  });

  it('creates a token whose secret is shown once and works', async () => {
    await nav('Operations').click();
    await page.getByRole('tab', { name: 'API tokens' }).click();
    await page.getByLabel('Token name', { exact: true }).fill('checkout ingest');
    await page.getByLabel('Role', { exact: true }).selectOption('ingest');
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Token created' });
    const secret = await dialog.getByRole('status', { name: 'Secret' }).innerText();
    expect(secret).toMatch(/^tally_/);
    await visit(page, 'operations-token-created');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('cell', { name: 'checkout ingest', exact: true }).waitFor();
    expect((await app.request('GET', '/api/v1/tokens', { token: secret })).status).toBe(403);
    await visit(page, 'operations-tokens');
    expect(violations).toEqual([]);
  });

  it('shows a read token no write buttons, and the server refuses its writes anyway', async () => {
    const reader = await browser.newContext();
    reader.setDefaultTimeout(10_000);
    const readPage = await reader.newPage();
    await signIn(readPage, await app.token('read'));
    await readPage.getByRole('link', { name: 'Active users total' }).waitFor();
    expect(await readPage.getByRole('button', { name: 'New meter' }).count()).toBe(0);
    await readPage
      .getByRole('navigation', { name: 'Metering & Billing' })
      .getByRole('link', { name: 'Billing' })
      .click();
    await readPage.getByRole('link', { name: 'Acme Inc' }).waitFor();
    expect(await readPage.getByRole('button', { name: 'Create Customer' }).count()).toBe(0);
    await readPage
      .getByRole('navigation', { name: 'Metering & Billing' })
      .getByRole('link', { name: 'Operations' })
      .click();
    await readPage.getByText('Operations need an admin token').waitFor();
    await visit(readPage, 'read-only-operations');
    const status = await readPage.evaluate(async () => {
      const session = (await (await fetch('/api/v1/console/session')).json()) as { csrfToken: string };
      const answer = await fetch('/api/v1/customers', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ name: 'Sneaky', key: 'sneaky' }),
      });
      return answer.status;
    });
    expect(status).toBe(403);
    await reader.close();
    expect(violations).toEqual([]);
  });

  it('signs out: the session ends and the page asks for a token again', async () => {
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'tally_session', httpOnly: true, sameSite: 'Strict' });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API token', { exact: true }).waitFor();
    const after = await app.request('GET', '/api/v1/meters', {
      token: null,
      headers: { cookie: `${cookie.name}=${cookie.value}` },
    });
    expect(after.status).toBe(401);
  });
});
