import { OpenMeter } from '@openmeter/sdk';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';

const DAY = 86_400_000;
const JAN_1 = Date.parse('2027-01-01T00:00:00Z');
const day = (n: number) => new Date(JAN_1 + n * DAY);
const iso = (n: number) => day(n).toISOString();

type Line = {
  name: string;
  quantity: string;
  period: { from: string; to: string };
  subscription: { subscription: { id: string } };
  totals: { total: string };
};
type InvoiceBody = { id: string; status: string; lines: Line[]; totals: { total: string } };

/**
 * The customer's view across a change, through OpenMeter's SDK: `customers.listSubscriptions` shows
 * past, current and scheduled subscriptions with their links, and the preview of a period a change
 * cut shows both sides. January 2027 has 31 days; the plans bill monthly from Jan 1.
 */
describe("the customer's subscriptions and preview across a change (@openmeter/sdk)", () => {
  const clock = new ManualClock(day(0));
  let app: TestApp;
  let sdk: OpenMeter;

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
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
  /** A platform fee paid in advance and seats at a unit price. */
  const plan = (key: string, fee: string, seat: string) => ({
    key,
    name: key,
    currency: 'USD',
    billingCadence: 'P1M',
    phases: [
      {
        key: 'default',
        name: 'Default',
        duration: null,
        rateCards: [
          {
            type: 'flat_fee' as const,
            key: 'platform',
            name: 'Platform',
            billingCadence: 'P1M',
            price: { type: 'flat' as const, amount: fee, paymentTerm: 'in_advance' as const },
          },
          {
            type: 'usage_based' as const,
            key: 'seats',
            name: 'Seats',
            featureKey: 'seats',
            billingCadence: 'P1M',
            price: { type: 'unit' as const, amount: seat },
          },
        ],
      },
    ],
  });
  const preview = (key: string) =>
    call('GET', `/api/v1/billing/customers/${key}/invoices/preview`) as Promise<InvoiceBody>;
  const figures = (document: InvoiceBody) =>
    document.lines.map((line) => [
      line.subscription.subscription.id,
      line.name,
      line.period.from,
      line.period.to,
      line.quantity,
      line.totals.total,
    ]);

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
    for (const body of [plan('starter', '30', '1'), plan('pro', '62', '2')])
      await sdk.plans.publish(present(await sdk.plans.create(body)).id);
  });
  afterAll(() => app.close());

  it('lists past, current and scheduled subscriptions with their links, filtered by status and paged', async () => {
    clock.set(day(0));
    await sdk.customers.create({ name: 'Mover', key: 'mover', usageAttribution: { subjectKeys: ['mover'] } });
    const first = present(
      await sdk.subscriptions.create({ customerKey: 'mover', plan: { key: 'starter' }, timing: 'immediate' }),
    );
    clock.set(day(10));
    const upgraded = present(
      await sdk.subscriptions.change(first.id, { plan: { key: 'pro' }, timing: 'immediate' }),
    );
    clock.set(day(16));
    const scheduled = present(
      await sdk.subscriptions.change(upgraded.next.id, {
        plan: { key: 'starter' },
        timing: 'next_billing_cycle',
      }),
    );

    const listed = present(await sdk.customers.listSubscriptions('mover'));
    expect(listed.totalCount).toBe(3);
    expect(listed.items.map((item) => [item.id, item.status, item.activeFrom, item.activeTo])).toEqual([
      [first.id, 'inactive', day(0), day(10)],
      [upgraded.next.id, 'canceled', day(10), day(31)],
      [scheduled.next.id, 'scheduled', day(31), undefined],
    ]);
    // Tally's links: each names the one it replaced and the one that replaced it.
    const links = (item: object) => {
      const { previousSubscriptionId, nextSubscriptionId } = item as Record<string, string | undefined>;
      return [previousSubscriptionId, nextSubscriptionId];
    };
    expect(listed.items.map(links)).toEqual([
      [undefined, upgraded.next.id],
      [first.id, scheduled.next.id],
      [upgraded.next.id, undefined],
    ]);

    const pastAndScheduled = present(
      await sdk.customers.listSubscriptions('mover', { status: ['inactive', 'scheduled'] }),
    );
    expect(pastAndScheduled.items.map((item) => item.id)).toEqual([first.id, scheduled.next.id]);
    expect(pastAndScheduled.totalCount).toBe(2);
    const second = present(await sdk.customers.listSubscriptions('mover', { page: 2, pageSize: 1 }));
    expect(second).toMatchObject({ totalCount: 3, page: 2, pageSize: 1 });
    expect(second.items.map((item) => item.id)).toEqual([upgraded.next.id]);
    const newest = present(
      await sdk.customers.listSubscriptions('mover', { order: 'DESC', orderBy: 'activeFrom', pageSize: 1 }),
    );
    expect(newest.items.map((item) => item.id)).toEqual([scheduled.next.id]);
    const byEnd = present(await sdk.customers.listSubscriptions('mover', { orderBy: 'activeTo' }));
    expect(byEnd.items.map((item) => item.id)).toEqual([first.id, upgraded.next.id, scheduled.next.id]);
  });

  it("the preview of a period cut by a change shows both sides' lines, each with its period, until the old side is issued", async () => {
    clock.set(day(0));
    await sdk.customers.create({ name: 'Cut', key: 'cut', usageAttribution: { subjectKeys: ['cut'] } });
    const starter = present(
      await sdk.subscriptions.create({ customerKey: 'cut', plan: { key: 'starter' }, timing: 'immediate' }),
    );
    clock.set(day(6));
    await usage('cut', [
      ['c1', 'alice', day(2)],
      ['c2', 'bob', day(5)],
    ]);
    clock.set(day(10)); // Jan 11: 10 days on starter, 21 on pro
    const changed = present(
      await sdk.subscriptions.change(starter.id, { plan: { key: 'pro' }, timing: 'immediate' }),
    );
    const pro = changed.next.id;
    clock.set(day(16));
    await usage('cut', [
      ['c3', 'alice', day(12)],
      ['c4', 'carol', day(15)],
    ]);

    // Old side [Jan 1, Jan 11): the fee paid in advance bills whole (30), alice and bob at $1.
    // New side [Jan 11, Feb 1): 62 × 21/31 = 42; alice and carol at $2 = 4; the starter fee's unused
    // 21 days credited: 30 × 21/31 = 20.322… → -20.32.
    const both = await preview('cut');
    expect(figures(both)).toEqual([
      [starter.id, 'Platform', iso(0), iso(10), '1', '30'],
      [starter.id, 'Seats', iso(0), iso(10), '2', '2'],
      [pro, 'Platform', iso(10), iso(31), '1', '42'],
      [pro, 'Seats', iso(10), iso(31), '2', '4'],
      [pro, 'Platform (unused part credited)', iso(10), iso(31), '1', '-20.32'],
    ]);
    expect(both.status).toBe('gathering');
    expect(both.totals.total).toBe('57.68'); // 30 + 2 + 42 + 4 − 20.32

    // Once the old side is issued (its own invoice, after the collection interval), the preview
    // shows what is left to bill: the new side alone.
    await app.tally.app!.get(InvoiceIssuer).issueDue();
    const after = await preview('cut');
    expect(figures(after).map((line) => line[0])).toEqual([pro, pro, pro]);
    expect(after.totals.total).toBe('25.68'); // 42 + 4 − 20.32
  });
});

function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected an answer');
  return value;
}
