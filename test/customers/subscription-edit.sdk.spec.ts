import { OpenMeter } from '@openmeter/sdk';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';
import { rebuilt } from '../support/rebuilt';

const DAY = 86_400_000;
const JAN_1 = Date.parse('2027-01-01T00:00:00Z');
const day = (n: number) => new Date(JAN_1 + n * DAY);
const iso = (n: number) => day(n).toISOString();

type Line = {
  name: string;
  quantity: string;
  period: { from: string; to: string };
  totals: { total: string };
};
type InvoiceBody = { id: string; status: string; lines: Line[]; totals: { total: string } };
type Item = { key: string; activeFrom: string; activeTo?: string };
type Phase = {
  key: string;
  activeFrom: string;
  activeTo?: string;
  items: Item[];
  itemTimelines: Record<string, Item[]>;
};
type Expanded = { id: string; customized?: boolean; plan?: { key: string }; phases: Phase[] };

/**
 * Editing a subscription through OpenMeter's SDK (`subscriptions.edit`), with the invoice figures
 * worked out by hand. January 2027 has 31 days; the plan bills monthly from Jan 1.
 */
describe('editing a subscription (subscriptions.edit)', () => {
  const clock = new ManualClock(day(0));
  let app: TestApp;
  let sdk: OpenMeter;

  const call = async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    const answer = await app.request(method, path, {
      ...(body !== undefined && { body }),
      ...(headers && { headers }),
    });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const usage = (customer: string, events: [string, string, Date][]) =>
    call(
      'POST',
      '/api/v1/events',
      events.map(([id, user, time]) => ({
        specversion: '1.0',
        id,
        source: 'app',
        type: 'user_activity',
        subject: customer,
        time: time.toISOString(),
        data: { user_id: user },
      })),
    );
  const flat = (key: string, amount: string) => ({
    type: 'flat_fee' as const,
    key,
    name: key[0]!.toUpperCase() + key.slice(1),
    billingCadence: 'P1M',
    price: { type: 'flat' as const, amount, paymentTerm: 'in_advance' as const },
  });
  const seats = (key: string, amount: string) => ({
    type: 'usage_based' as const,
    key,
    name: key,
    featureKey: 'seats',
    billingCadence: 'P1M',
    price: { type: 'unit' as const, amount },
  });
  const get = (id: string) => call('GET', `/api/v1/subscriptions/${id}`) as Promise<Expanded>;
  const preview = (key: string) =>
    call('GET', `/api/v1/billing/customers/${key}/invoices/preview`) as Promise<InvoiceBody>;
  const figures = (document: InvoiceBody) =>
    document.lines.map((line) => [
      line.name,
      line.period.from,
      line.period.to,
      line.quantity,
      line.totals.total,
    ]);
  const subscribe = async (key: string) => {
    await sdk.customers.create({ name: key, key, usageAttribution: { subjectKeys: [key] } });
    return present(
      await sdk.subscriptions.create({ customerKey: key, plan: { key: 'base' }, timing: 'immediate' }),
    );
  };

  beforeAll(async () => {
    app = await startTestApp({ clock });
    sdk = new OpenMeter({ baseUrl: app.url, apiKey: app.adminToken });
    await sdk.meters.create({
      slug: 'seats_total',
      name: 'Seats',
      eventType: 'user_activity',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user_id',
    });
    await sdk.features.create({ key: 'seats', name: 'Seats', meterSlug: 'seats_total' });
    const plan = present(
      await sdk.plans.create({
        key: 'base',
        name: 'Base',
        currency: 'USD',
        billingCadence: 'P1M',
        phases: [
          {
            key: 'default',
            name: 'Default',
            duration: null,
            rateCards: [flat('platform', '31'), seats('seats', '1')],
          },
        ],
      }),
    );
    await sdk.plans.publish(plan.id);
  });
  afterAll(() => app.close());

  it('adds and removes items mid-period: each bills over its own segment, an in-advance fee removed is credited', async () => {
    clock.set(day(0));
    const sub = await subscribe('editor');
    clock.set(day(6));
    await usage('editor', [
      ['e1', 'alice', day(2)],
      ['e2', 'bob', day(5)],
    ]);

    // Jan 11: the $1 seats go, support (62 in advance) and seats at $2 come in.
    clock.set(day(10));
    const edited = present(
      await sdk.subscriptions.edit(sub.id, {
        timing: 'immediate',
        customizations: [
          { op: 'remove_item', phaseKey: 'default', itemKey: 'seats' },
          { op: 'add_item', phaseKey: 'default', rateCard: flat('support', '62') },
          { op: 'add_item', phaseKey: 'default', rateCard: seats('seats', '2') },
        ],
      }),
    );
    expect(edited).toMatchObject({ id: sub.id, plan: { key: 'base' } });
    const view = await get(sub.id);
    expect(view.customized).toBe(true);
    const [phase] = view.phases;
    expect(phase!.items.map((item) => item.key).sort()).toEqual(['platform', 'seats', 'support']);
    expect(phase!.itemTimelines.seats).toEqual([
      expect.objectContaining({
        activeFrom: iso(0),
        activeTo: iso(10),
        price: { type: 'unit', amount: '1' },
      }),
      expect.objectContaining({ activeFrom: iso(10), price: { type: 'unit', amount: '2' } }),
    ]);
    expect(phase!.itemTimelines.support).toEqual([expect.objectContaining({ activeFrom: iso(10) })]);
    expect(phase!.itemTimelines.support![0]!.activeTo).toBeUndefined();

    clock.set(day(16));
    await usage('editor', [
      ['e3', 'alice', day(12)],
      ['e4', 'carol', day(15)],
    ]);
    // Platform whole (31); seats [Jan 1, Jan 11): alice, bob at $1; support 62 × 21/31 = 42;
    // seats again [Jan 11, Feb 1): alice, carol at $2.
    expect(figures(await preview('editor'))).toEqual([
      ['Platform', iso(0), iso(31), '1', '31'],
      ['seats', iso(0), iso(10), '2', '2'],
      ['Support', iso(10), iso(31), '1', '42'],
      ['seats', iso(10), iso(31), '2', '4'],
    ]);

    // Jan 21: support removed. Paid in advance, it bills on to the period's end (42) and its unused
    // 11 days are credited: 62 × 11/31 = 22.
    clock.set(day(20));
    await sdk.subscriptions.edit(sub.id, {
      timing: 'immediate',
      customizations: [{ op: 'remove_item', phaseKey: 'default', itemKey: 'support' }],
    });
    const january = await preview('editor');
    expect(figures(january)).toEqual([
      ['Platform', iso(0), iso(31), '1', '31'],
      ['seats', iso(0), iso(10), '2', '2'],
      ['Support', iso(10), iso(20), '1', '42'],
      ['seats', iso(10), iso(31), '2', '4'],
      ['Support (unused part credited)', iso(20), iso(31), '1', '-22'],
    ]);
    expect(january.totals.total).toBe('57'); // 31 + 2 + 42 + 4 − 22

    // Issued after the period, as the preview showed it.
    clock.set(new Date(day(31).getTime() + 2 * 3_600_000));
    await app.tally.app!.get(InvoiceIssuer).issueDue();
    const listed = present(await sdk.billing.invoices.list({ customers: [sub.customerId] }));
    const issued = listed.items.filter((item) => item.status === 'issued');
    expect(issued).toHaveLength(1);
    const document = (await call('GET', `/api/v1/billing/invoices/${issued[0]!.id}`)) as InvoiceBody;
    expect(document.totals.total).toBe('57');
    expect(figures(document)).toEqual(figures(january));
    // Replayed: billing's view and the subscriptions rebuilt from the log give the same answers.
    const before = await Promise.all([get(sub.id), preview('editor')]);
    for (const name of ['billing_view@v5', 'subscriptions@v5', 'issued_invoices@v2'])
      await rebuilt(app, name);
    expect(await Promise.all([get(sub.id), preview('editor')])).toEqual(before);
    expect(await call('GET', `/api/v1/billing/invoices/${issued[0]!.id}`)).toEqual(document);
    // February: platform and the $2 seats; support no more.
    expect(figures(await preview('editor')).map((line) => line[0])).toEqual(['Platform', 'seats']);
  });

  it('next_billing_cycle edits wait for the period end; unschedule_edit takes them back', async () => {
    clock.set(day(40));
    const sub = await subscribe('later'); // periods from Feb 10
    clock.set(day(45));
    await sdk.subscriptions.edit(sub.id, {
      timing: 'next_billing_cycle',
      customizations: [{ op: 'remove_item', phaseKey: 'default', itemKey: 'platform' }],
    });
    const march10 = '2027-03-10T00:00:00.000Z';
    expect((await get(sub.id)).phases[0]!.itemTimelines.platform).toEqual([
      expect.objectContaining({ activeFrom: iso(40), activeTo: march10 }),
    ]);
    // The period in progress bills the platform fee whole.
    expect(figures(await preview('later'))[0]).toEqual(['Platform', iso(40), march10, '1', '31']);

    const back = (await call('PATCH', `/api/v1/subscriptions/${sub.id}`, {
      customizations: [{ op: 'unschedule_edit' }],
    })) as Expanded;
    expect(back.phases[0]!.itemTimelines.platform).toEqual([
      expect.objectContaining({ activeFrom: iso(40) }),
    ]);
    expect(back.phases[0]!.itemTimelines.platform![0]!.activeTo).toBeUndefined();
  });

  it('adds, stretches and removes phases ahead; the answer shows the phases as they now stand', async () => {
    clock.set(day(50));
    const sub = await subscribe('phased'); // Feb 20
    const after = (await call('PATCH', `/api/v1/subscriptions/${sub.id}`, {
      customizations: [
        { op: 'add_phase', phase: { key: 'promo', name: 'Promo', startAfter: 'P1M', duration: 'P1M' } },
        { op: 'add_item', phaseKey: 'promo', rateCard: flat('promo_fee', '10') },
        { op: 'add_phase', phase: { key: 'tail', name: 'Tail', startAfter: 'P2M' } },
        { op: 'stretch_phase', phaseKey: 'promo', extendBy: 'P1M' },
      ],
    })) as Expanded;
    expect(after.phases.map((phase) => [phase.key, phase.activeFrom, phase.activeTo])).toEqual([
      ['default', iso(50), '2027-03-20T00:00:00.000Z'],
      ['promo', '2027-03-20T00:00:00.000Z', '2027-05-20T00:00:00.000Z'],
      ['tail', '2027-05-20T00:00:00.000Z', undefined],
    ]);
    expect(after.phases[1]!.itemTimelines.promo_fee).toEqual([
      expect.objectContaining({
        activeFrom: '2027-03-20T00:00:00.000Z',
        activeTo: '2027-05-20T00:00:00.000Z',
      }),
    ]);
    const removed = (await call('PATCH', `/api/v1/subscriptions/${sub.id}`, {
      customizations: [{ op: 'remove_phase', phaseKey: 'promo', shift: 'next' }],
    })) as Expanded;
    expect(removed.phases.map((phase) => [phase.key, phase.activeFrom])).toEqual([
      ['default', iso(50)],
      ['tail', '2027-03-20T00:00:00.000Z'],
    ]);
  });

  it('answers 400 naming each operation that cannot apply by its index, and writes nothing', async () => {
    clock.set(day(60));
    const sub = await subscribe('bad');
    const answer = await app.request('PATCH', `/api/v1/subscriptions/${sub.id}`, {
      body: {
        customizations: [
          { op: 'remove_item', phaseKey: 'nope', itemKey: 'x' },
          { op: 'add_item', phaseKey: 'default', rateCard: flat('platform', '5') },
          { op: 'remove_phase', phaseKey: 'default', shift: 'next' },
        ],
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'body.customizations[0].phaseKey',
      'body.customizations[1].rateCard.key',
      'body.customizations[2].phaseKey',
    ]);
    const malformed = await app.request('PATCH', `/api/v1/subscriptions/${sub.id}`, {
      body: {
        customizations: [
          { op: 'add_item', phaseKey: 'default', rateCard: { ...flat('extra', '-1') } },
          { op: 'explode' },
        ],
        timing: 'soon',
      },
    });
    expect(malformed.status).toBe(400);
    const fields = (malformed.body.errors as { field: string }[]).map((error) => error.field).join(' ');
    expect(fields).toContain('customizations');
    expect(fields).toContain('timing');
    // A null operation, or a field another operation takes: 400, never a 500.
    for (const customizations of [[null], [{ op: 'unschedule_edit', phaseKey: 'default' }]]) {
      const refused = await app.request('PATCH', `/api/v1/subscriptions/${sub.id}`, {
        body: { customizations },
      });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('customizations[0]');
    }
    const priced = await app.request('PATCH', `/api/v1/subscriptions/${sub.id}`, {
      body: {
        customizations: [{ op: 'add_item', phaseKey: 'default', rateCard: { ...flat('extra', '-1') } }],
      },
    });
    expect(priced.status).toBe(400);
    expect(priced.text).toContain('customizations[0].rateCard.price');
    const view = await get(sub.id);
    expect(view.customized).toBeUndefined();
  });

  it('409 on a subscription changed into another; of two edits with one If-Match, one wins and the other 412', async () => {
    clock.set(day(61));
    const sub = await subscribe('racer');
    const first = await app.request('GET', `/api/v1/subscriptions/${sub.id}`);
    const etag = first.headers.get('etag')!;
    const add = (key: string) =>
      app.request('PATCH', `/api/v1/subscriptions/${sub.id}`, {
        body: { customizations: [{ op: 'add_item', phaseKey: 'default', rateCard: flat(key, '1') }] },
        headers: { 'if-match': etag },
      });
    const answers = await Promise.all([add('one'), add('two')]);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.sort()).toEqual([200, 412]);

    const changed = present(
      await sdk.subscriptions.change(sub.id, { plan: { key: 'base' }, timing: 'immediate' }),
    );
    const refused = await app.request('PATCH', `/api/v1/subscriptions/${sub.id}`, {
      body: { customizations: [{ op: 'remove_item', phaseKey: 'default', itemKey: 'platform' }] },
    });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain(changed.next.id);
  });
});

function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected an answer');
  return value;
}
