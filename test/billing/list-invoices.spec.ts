import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';
import { createTutorialCatalog } from '../support/tutorial';

const HOUR = 3_600_000;

/** `GET /api/v1/billing/invoices` with every filter of `listInvoices`, bounds inclusive, bad values named. */
describe('listing invoices', () => {
  const clock = new ManualClock(new Date('2027-01-31T10:00:00Z'));
  let app: TestApp;
  let issuedAt: string;

  const list = async (query: string) => {
    const answer = await app.request('GET', `/api/v1/billing/invoices?${query}`);
    if (answer.status !== 200) throw new Error(`${query} → ${answer.status}: ${answer.text}`);
    return answer.body as {
      totalCount: number;
      items: { customer: { key: string }; status: string; lines?: unknown }[];
    };
  };
  const keys = async (query: string) => (await list(query)).items.map((i) => `${i.customer.key}:${i.status}`);

  beforeAll(async () => {
    app = await startTestApp({ clock });
    await createTutorialCatalog(app);
    const call = async (path: string, body: unknown) => {
      const answer = await app.request('POST', path, { body });
      if (answer.status >= 300) throw new Error(`${path} → ${answer.status}: ${answer.text}`);
    };
    await call('/api/v1/customers', { name: 'Globex', key: 'globex' });
    await call('/api/v1/subscriptions', {
      customerKey: 'acme-inc',
      plan: { key: 'per_seat' },
      timing: 'immediate',
    });
    // Globex starts ten days later: its first period is still open when Acme's is issued.
    clock.set(new Date('2027-02-10T10:00:00Z'));
    await call('/api/v1/subscriptions', {
      customerKey: 'globex',
      plan: { key: 'per_seat' },
      timing: 'immediate',
    });
    clock.set(new Date(Date.parse('2027-02-28T10:00:00Z') + 2 * HOUR));
    expect(await app.tally.app!.get(InvoiceIssuer).issueDue()).toBe(1);
    issuedAt = clock.now().toISOString();
  });
  afterAll(() => app.close());

  it('filters by status and extended status', async () => {
    expect(await keys('')).toEqual(['acme-inc:issued', 'acme-inc:gathering', 'globex:gathering']);
    expect(await keys('statuses=issued')).toEqual(['acme-inc:issued']);
    expect(await keys('statuses=gathering&statuses=draft')).toEqual([
      'acme-inc:gathering',
      'globex:gathering',
    ]);
    expect(await keys('statuses=paid')).toEqual([]);
    expect(await keys('extendedStatuses=issued')).toEqual(['acme-inc:issued']);
    expect(await keys('extendedStatuses=draft.invalid')).toEqual([]);
  });

  it('filters by issued, period-start and created times, each bound inclusive', async () => {
    const later = new Date(Date.parse(issuedAt) + 1).toISOString();
    expect(await keys(`issuedAfter=${issuedAt}`)).toEqual(['acme-inc:issued']);
    expect(await keys(`issuedAfter=${later}`)).toEqual([]);
    expect(await keys(`issuedBefore=${issuedAt}`)).toEqual(['acme-inc:issued']);
    // Periods: Acme's 2027-01-31 (issued) and 2027-02-28 (open); Globex's 2027-02-10.
    expect(await keys('periodStartAfter=2027-02-10T10:00:00Z')).toEqual([
      'acme-inc:gathering',
      'globex:gathering',
    ]);
    expect(await keys('periodStartBefore=2027-02-10T10:00:00Z')).toEqual([
      'acme-inc:issued',
      'globex:gathering',
    ]);
    expect(
      await keys('periodStartAfter=2027-01-31T10:00:00Z&periodStartBefore=2027-01-31T10:00:00Z'),
    ).toEqual(['acme-inc:issued']);
    expect(await keys('createdAfter=2027-02-01T00:00:00Z&createdBefore=2027-02-20T00:00:00Z')).toEqual([
      'globex:gathering',
    ]);
  });

  it('filters by customer, orders, pages and expands', async () => {
    expect(await keys('customers=globex')).toEqual(['globex:gathering']);
    expect(await keys('orderBy=periodStart&order=DESC')).toEqual([
      'acme-inc:gathering',
      'globex:gathering',
      'acme-inc:issued',
    ]);
    expect(await keys('orderBy=customer.name')).toEqual([
      'acme-inc:issued',
      'acme-inc:gathering',
      'globex:gathering',
    ]);
    const page = await list('orderBy=periodStart&page=2&pageSize=2');
    expect(page).toMatchObject({ totalCount: 3, page: 2, pageSize: 2 });
    expect(page.items.map((i) => i.customer.key)).toEqual(['acme-inc']);
    expect((await list('statuses=issued')).items[0].lines).toBeUndefined();
    expect((await list('statuses=issued&expand=lines')).items[0].lines).toHaveLength(1);
  });

  it('refuses unknown statuses and malformed times with 400 naming each parameter', async () => {
    const answer = await app.request(
      'GET',
      '/api/v1/billing/invoices?statuses=issued&statuses=finished&extendedStatuses=nope.x&issuedAfter=yesterday&orderBy=total',
    );
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'extendedStatuses',
      'issuedAfter',
      'orderBy',
      'statuses',
    ]);
  });
});
