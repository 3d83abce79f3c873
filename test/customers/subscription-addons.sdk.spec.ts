import { OpenMeter } from '@openmeter/sdk';
import { ulid } from 'ulid';
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
type Problem = { status: number; errors: { field: string }[] };

/**
 * Add-ons on a subscription through OpenMeter's SDK (`subscriptionAddons.*`), with the invoice
 * figures worked out by hand. January 2027 has 31 days; the plan bills monthly from Jan 1.
 */
describe('subscription add-ons (subscriptionAddons)', () => {
  const clock = new ManualClock(day(0));
  let app: TestApp;
  let sdk: OpenMeter;
  const addonIds: Record<string, string> = {};

  const call = async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    const answer = await app.request(method, path, {
      ...(body !== undefined && { body }),
      ...(headers && { headers }),
    });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
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
      await sdk.subscriptions.create({ customerKey: key, plan: { key: 'pro' }, timing: 'immediate' }),
    );
  };
  const addon = async (
    key: string,
    instanceType: 'single' | 'multiple',
    rateCards: Parameters<OpenMeter['addons']['create']>[0]['rateCards'],
  ) => {
    const draft = present(
      await sdk.addons.create({ key, name: key, currency: 'USD', instanceType, rateCards }),
    );
    await sdk.addons.publish(draft.id);
    addonIds[key] = draft.id;
    return draft.id;
  };
  const refused = (subscriptionId: string, body: Record<string, unknown>) =>
    app.request<Problem>('POST', `/api/v1/subscriptions/${subscriptionId}/addons`, {
      body: { name: 'x', timing: 'immediate', quantity: 1, ...body },
    });

  beforeAll(async () => {
    app = await startTestApp({ clock });
    sdk = new OpenMeter({ baseUrl: app.url, apiKey: app.adminToken });
    await sdk.meters.create({
      slug: 'tokens_total',
      name: 'Tokens',
      eventType: 'ai',
      aggregation: 'SUM',
      valueProperty: '$.tokens',
    });
    await sdk.features.create({ key: 'tokens', name: 'Tokens', meterSlug: 'tokens_total' });
    await addon('extra_seats', 'multiple', [
      {
        type: 'flat_fee',
        key: 'seats',
        name: 'Seats',
        billingCadence: 'P1M',
        price: { type: 'flat', amount: '10', paymentTerm: 'in_advance' },
      },
    ]);
    await addon('ai_tokens', 'single', [
      {
        type: 'usage_based',
        key: 'tokens',
        name: 'Tokens',
        featureKey: 'tokens',
        billingCadence: 'P1M',
        price: { type: 'unit', amount: '0.01' },
      },
    ]);
    const flat = (key: string) => [
      {
        type: 'flat_fee' as const,
        key,
        name: key,
        billingCadence: 'P1M',
        price: { type: 'flat' as const, amount: '1', paymentTerm: 'in_arrears' as const },
      },
    ];
    await addon('not_offered', 'multiple', flat('other'));
    await addon('gone', 'multiple', flat('gone'));
    const plan = present(
      await sdk.plans.create({
        key: 'pro',
        name: 'Pro',
        currency: 'USD',
        billingCadence: 'P1M',
        phases: [
          {
            key: 'default',
            name: 'Default',
            duration: null,
            rateCards: [
              {
                type: 'flat_fee',
                key: 'platform',
                name: 'Pro',
                billingCadence: 'P1M',
                price: { type: 'flat', amount: '49', paymentTerm: 'in_advance' },
              },
            ],
          },
        ],
      }),
    );
    for (const [key, maxQuantity] of [
      ['extra_seats', 5],
      ['ai_tokens', undefined],
      ['gone', undefined],
    ] as const)
      await sdk.plans.addons.create(plan.id, {
        addonId: addonIds[key]!,
        fromPlanPhase: 'default',
        ...(maxQuantity !== undefined && { maxQuantity }),
      });
    await sdk.plans.publish(plan.id);
    await sdk.addons.archive(addonIds.gone!);
  });
  afterAll(() => app.close());

  it('bills each quantity segment of a multiple add-on, prorated, with the in-advance credit', async () => {
    clock.set(day(0));
    const sub = await subscribe('seats-co');

    // Jan 10: 2 extra seats; Jan 20: 3.
    clock.set(day(9));
    const created = present(
      await sdk.subscriptionAddons.create(sub.id, {
        name: 'Extra seats',
        addon: { id: addonIds.extra_seats! },
        quantity: 2,
        timing: 'immediate',
      }),
    );
    expect(created).toMatchObject({
      name: 'Extra seats',
      addon: { id: addonIds.extra_seats, key: 'extra_seats', version: 1, instanceType: 'multiple' },
      quantity: 2,
      subscriptionId: sub.id,
      rateCards: [{ rateCard: { key: 'seats' }, affectedSubscriptionItemIds: [] }],
    });
    expect(created.activeFrom).toEqual(day(9));
    clock.set(day(19));
    const updated = present(
      await sdk.subscriptionAddons.update(sub.id, created.id, { quantity: 3, timing: 'immediate' }),
    );
    expect(updated.quantity).toBe(3);
    expect(updated.timeline).toEqual([
      { activeFrom: day(9), activeTo: day(19), quantity: 2 },
      { activeFrom: day(19), quantity: 3 },
    ]);
    expect(present(await sdk.subscriptionAddons.list(sub.id)).map((listed) => listed.id)).toEqual([
      created.id,
    ]);
    expect(present(await sdk.subscriptionAddons.get(sub.id, created.id))).toEqual(updated);

    // 2 seats billed in advance for Jan 10 → Feb 1 (22 of 31 days); from Jan 20 (12 days left) 3
    // seats, and the 2 seats' unused 12 days credited back.
    const twoSeats = (2 * 10 * 22) / 31; // 14.1935…
    const threeSeats = (3 * 10 * 12) / 31; // 11.6129…
    const credit = (2 * 10 * 12) / 31; // 7.7419…
    const january = await preview('seats-co');
    expect(figures(january)).toEqual([
      ['Pro', iso(0), iso(31), '1', '49'],
      ['Extra seats × 2: Seats', iso(9), iso(19), '1', twoSeats.toFixed(2)],
      ['Extra seats × 3: Seats', iso(19), iso(31), '1', threeSeats.toFixed(2)],
      ['Extra seats × 2: Seats (unused part credited)', iso(19), iso(31), '1', `-${credit.toFixed(2)}`],
    ]);
    // 49 + 14.19 + 11.61 − 7.74; exactly 49 + 560/31 = 67.0645…, so one rounding gives the same.
    expect(january.totals.total).toBe('67.06');
    expect((49 + (2 * 10 * 22 + 3 * 10 * 12 - 2 * 10 * 12) / 31).toFixed(2)).toBe('67.06');

    // Issued after the period as the preview showed it; a replay of every read it uses agrees.
    clock.set(new Date(day(31).getTime() + 2 * 3_600_000));
    await app.tally.app!.get(InvoiceIssuer).issueDue();
    const listed = present(await sdk.billing.invoices.list({ customers: [sub.customerId] }));
    const issued = listed.items.filter((item) => item.status === 'issued');
    expect(issued).toHaveLength(1);
    const document = (await call('GET', `/api/v1/billing/invoices/${issued[0]!.id}`)) as InvoiceBody;
    expect(figures(document)).toEqual(figures(january));
    const before = await Promise.all([
      call('GET', `/api/v1/subscriptions/${sub.id}/addons`),
      preview('seats-co'),
    ]);
    for (const name of ['billing_view@v5', 'subscriptions@v5', 'issued_invoices@v2'])
      await rebuilt(app, name);
    expect(
      await Promise.all([call('GET', `/api/v1/subscriptions/${sub.id}/addons`), preview('seats-co')]),
    ).toEqual(before);
    expect(await call('GET', `/api/v1/billing/invoices/${issued[0]!.id}`)).toEqual(document);
    // February: 3 seats for the whole period.
    expect(figures(await preview('seats-co')).slice(1)).toEqual([
      ['Extra seats × 3: Seats', iso(31), iso(59), '1', '30'],
    ]);
  });

  it('a single add-on with a usage-based rate card bills its usage from its start, once', async () => {
    clock.set(day(62)); // Mar 4
    const sub = await subscribe('tokens-co');
    clock.set(day(64));
    const single = await refused(sub.id, { addon: { id: addonIds.ai_tokens }, quantity: 2 });
    expect(single.status).toBe(400);
    expect(single.body.errors.map((error) => error.field)).toEqual(['body.quantity']);
    const tokens = present(
      await sdk.subscriptionAddons.create(sub.id, {
        name: 'AI tokens',
        addon: { id: addonIds.ai_tokens! },
        quantity: 1,
        timing: 'immediate',
      }),
    );
    expect(tokens.quantity).toBe(1);
    clock.set(day(70));
    await call(
      'POST',
      '/api/v1/events',
      [
        ['t1', 1000, day(63)], // before the add-on: not billed by it
        ['t2', 500, day(66)],
        ['t3', 250, day(69)],
      ].map(([id, count, time]) => ({
        specversion: '1.0',
        id,
        source: 'app',
        type: 'ai',
        subject: 'tokens-co',
        time: (time as Date).toISOString(),
        data: { tokens: count },
      })),
    );
    const lines = figures(await preview('tokens-co'));
    // Pro 49 over Mar 4 → Apr 4 whole; tokens 750 × 0.01 from Mar 6.
    expect(lines).toEqual([
      ['Pro', iso(62), iso(93), '1', '49'],
      ['AI tokens × 1: Tokens', iso(64), iso(93), '750', '7.5'],
    ]);
    // Ended (quantity 0) on Mar 11: the usage after it is not billed by the add-on.
    const ended = present(await sdk.subscriptionAddons.update(sub.id, tokens.id, { quantity: 0 }));
    expect(ended).toMatchObject({ quantity: 0, activeTo: day(70) });
    expect(figures(await preview('tokens-co'))[1]).toEqual([
      'AI tokens × 1: Tokens',
      iso(64),
      iso(70),
      '750',
      '7.5',
    ]);
  });

  it('refuses what the plan does not offer, over maxQuantity, unknown and archived add-ons, naming the field', async () => {
    clock.set(day(100));
    const sub = await subscribe('refused-co');
    const cases: [Record<string, unknown>, number, string][] = [
      [{ addon: { id: addonIds.not_offered } }, 400, 'body.addon.id'],
      [{ addon: { id: addonIds.extra_seats }, quantity: 6 }, 400, 'body.quantity'],
      [{ addon: { id: addonIds.ai_tokens }, quantity: 2 }, 400, 'body.quantity'],
      [{ addon: { id: ulid() } }, 400, 'body.addon.id'],
      [{ addon: { id: addonIds.gone } }, 409, 'body.addon.id'],
      [{ addon: { id: addonIds.extra_seats }, quantity: 0 }, 400, 'body.quantity'],
      [{ addon: { id: addonIds.extra_seats }, timing: '2020-01-01T00:00:00Z' }, 400, 'body.timing'],
      [{ addon: { id: 'nope' }, quantity: -1 }, 400, 'addon.id'],
    ];
    for (const [body, status, field] of cases) {
      const answer = await refused(sub.id, body);
      expect([answer.status, answer.headers.get('content-type')]).toEqual([
        status,
        'application/problem+json',
      ]);
      expect(answer.body.errors.map((error) => error.field)).toContain(field);
    }
    expect(present(await sdk.subscriptionAddons.list(sub.id))).toEqual([]);
    // Through the SDK too: it throws the problem.
    await expect(
      sdk.subscriptionAddons.create(sub.id, {
        name: 'x',
        addon: { id: addonIds.not_offered! },
        quantity: 1,
        timing: 'immediate',
      }),
    ).rejects.toThrow();
    expect((await app.request('GET', `/api/v1/subscriptions/${sub.id}/addons/${ulid()}`)).status).toBe(404);
    expect((await app.request('GET', `/api/v1/subscriptions/${ulid()}/addons`)).status).toBe(404);
  });

  it('ends with its subscription; a change ends it and credits it; If-Match makes one of two updates 412', async () => {
    clock.set(day(110));
    const sub = await subscribe('life-co');
    const seats = present(
      await sdk.subscriptionAddons.create(sub.id, {
        name: 'Extra seats',
        addon: { id: addonIds.extra_seats! },
        quantity: 1,
        timing: 'immediate',
      }),
    );
    const again = await refused(sub.id, { addon: { id: addonIds.extra_seats } });
    expect(again.status).toBe(409);

    const read = await app.request('GET', `/api/v1/subscriptions/${sub.id}/addons/${seats.id}`);
    const etag = read.headers.get('etag')!;
    const bump = (quantity: number) =>
      app.request('PATCH', `/api/v1/subscriptions/${sub.id}/addons/${seats.id}`, {
        body: { quantity },
        headers: { 'if-match': etag },
      });
    const answers = await Promise.all([bump(2), bump(4)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);

    const canceled = present(await sdk.subscriptions.cancel(sub.id, { timing: 'next_billing_cycle' }));
    const end = canceled.activeTo!;
    expect(present(await sdk.subscriptionAddons.get(sub.id, seats.id)).activeTo).toEqual(end);

    await call('POST', `/api/v1/subscriptions/${sub.id}/restore`);
    const quantity = present(await sdk.subscriptionAddons.get(sub.id, seats.id)).quantity;

    // May 1, 10 days into a 30-day period (Apr 21 → May 21): an update and a change race on the one
    // stream. The change always lands; the update either lands first (before the change's instant)
    // or is refused, 409: the subscription was changed into another.
    clock.set(day(120));
    const [update, change] = await Promise.all([
      app.request('PATCH', `/api/v1/subscriptions/${sub.id}/addons/${seats.id}`, { body: { quantity: 1 } }),
      app.request('POST', `/api/v1/subscriptions/${sub.id}/change`, {
        body: { timing: 'immediate', plan: { key: 'pro' } },
      }),
    ]);
    expect(change.status).toBe(200);
    expect([200, 409]).toContain(update.status);
    const late = await app.request('PATCH', `/api/v1/subscriptions/${sub.id}/addons/${seats.id}`, {
      body: { quantity: 1 },
    });
    expect(late.status).toBe(409);
    // The add-on ends with the old subscription; the new one does not carry it.
    expect(present(await sdk.subscriptionAddons.get(sub.id, seats.id)).activeTo).toEqual(day(120));
    expect(present(await sdk.subscriptionAddons.list(change.body.next.id))).toEqual([]);
    // Paid in advance for the whole period, its 20 unused days are credited as the plan's fee is.
    const credits = (await preview('life-co')).lines.filter((line) => line.name.endsWith('credited)'));
    expect(credits.map((line) => [line.name, line.totals.total])).toEqual([
      ['Pro (unused part credited)', `-${((49 * 20) / 30).toFixed(2)}`],
      [
        `Extra seats × ${quantity}: Seats (unused part credited)`,
        `-${((quantity * 10 * 20) / 30).toFixed(2)}`,
      ],
    ]);
  });
});

function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected an answer');
  return value;
}
