import { OpenMeter } from '@openmeter/sdk';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { ManualClock } from '../../src/shared/clock';
import { Decimal } from '../../src/shared/money';
import { startTestApp, TestApp } from '../support/test-app';
import { rebuilt } from '../support/rebuilt';

const DAY = 86_400_000;
const JAN_1 = Date.parse('2027-01-01T00:00:00Z');
const day = (n: number) => new Date(JAN_1 + n * DAY);
/** `amount × part ÷ whole`, rounded once to cents: the figures below are worked out with it. */
const prorated = (amount: string, part: string, whole: string) =>
  new Decimal(amount).times(part).dividedBy(whole).toDecimalPlaces(2).toFixed();

type Line = {
  name: string;
  quantity: string;
  period: { from: string; to: string };
  totals: { total: string };
};
type InvoiceBody = { id: string; status: string; lines: Line[]; totals: { total: string } };

/**
 * The subscription lifecycle through OpenMeter's own JavaScript SDK (`subscriptions.change`,
 * `.migrate`, …), with every invoice figure worked out by hand in the test. January 2027 has 31 days;
 * the plans bill monthly from Jan 1.
 */
describe('subscription lifecycle through @openmeter/sdk', () => {
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
  const seatPlan = (key: string, amount: string) => ({
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
            type: 'usage_based' as const,
            key: 'seats',
            name: 'Seats',
            featureKey: 'seats',
            billingCadence: 'P1M',
            price: { type: 'unit' as const, amount },
          },
        ],
      },
    ],
  });
  const feePlan = (
    key: string,
    amount: string,
    paymentTerm: 'in_advance' | 'in_arrears',
    proRatingConfig = { enabled: true, mode: 'prorate_prices' as const },
  ) => ({
    key,
    name: key,
    currency: 'USD',
    billingCadence: 'P1M',
    proRatingConfig,
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
            price: { type: 'flat' as const, amount, paymentTerm },
          },
        ],
      },
    ],
  });
  const customer = async (key: string) =>
    present(await sdk.customers.create({ name: key, key, usageAttribution: { subjectKeys: [key] } }));
  const invoice = (id: string) => call('GET', `/api/v1/billing/invoices/${id}`) as Promise<InvoiceBody>;
  const preview = (key: string) =>
    call('GET', `/api/v1/billing/customers/${key}/invoices/preview`) as Promise<InvoiceBody>;

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
    for (const [key, amount] of [
      ['basic', '1'],
      ['team', '2'],
    ] as const)
      await sdk.plans.publish(present(await sdk.plans.create(seatPlan(key, amount))).id);
    for (const plan of [
      feePlan('fee_49', '49', 'in_advance'),
      feePlan('fee_99', '99', 'in_advance'),
      feePlan('arrears_49', '49', 'in_arrears'),
      feePlan('whole_49', '49', 'in_advance', { enabled: false, mode: 'prorate_prices' }),
    ])
      await sdk.plans.publish(present(await sdk.plans.create(plan)).id);
  });
  const issueAll = async (customerId: string) => {
    await app.tally.app!.get(InvoiceIssuer).issueDue();
    const documents = present(await sdk.billing.invoices.list({ customers: [customerId] }));
    return Promise.all(
      documents.items.filter((item) => item.status === 'issued').map((item) => invoice(item.id)),
    );
  };
  afterAll(() => app.close());

  describe('change (subscriptions.change)', () => {
    it('ends the subscription at the instant, starts the new one there, linked both ways; usage splits there', async () => {
      clock.set(day(0));
      await customer('split');
      const basic = present(
        await sdk.subscriptions.create({ customerKey: 'split', plan: { key: 'basic' }, timing: 'immediate' }),
      );
      // Before the change: alice and bob. After it: alice again, and carol.
      clock.set(day(6));
      await usage('split', [
        ['s1', 'alice', day(2)],
        ['s2', 'bob', day(5)],
      ]);
      clock.set(day(10));
      const changed = present(
        await sdk.subscriptions.change(basic.id, { plan: { key: 'team' }, timing: 'immediate' }),
      );
      expect(changed.current).toMatchObject({ id: basic.id, activeTo: day(10) });
      expect(changed.next).toMatchObject({ activeFrom: day(10), plan: { key: 'team', version: 1 } });
      expect(changed.next.billingAnchor).toEqual(day(0));
      expect(changed.current).toMatchObject({ nextSubscriptionId: changed.next.id });
      expect(changed.next).toMatchObject({ previousSubscriptionId: basic.id });
      clock.set(day(16));
      await usage('split', [
        ['s3', 'alice', day(12)],
        ['s4', 'carol', day(15)],
      ]);

      // The new side: alice and carol over [Jan 11, Feb 1) at $2 — alice counts on both sides; the
      // old side, not issued yet, is on the period's preview too.
      const now = await preview('split');
      expect(now.lines).toEqual([
        expect.objectContaining({
          name: 'Seats',
          quantity: '2',
          period: { from: day(0).toISOString(), to: day(10).toISOString() },
          totals: expect.objectContaining({ total: '2' }),
        }),
        expect.objectContaining({
          name: 'Seats',
          quantity: '2',
          period: { from: day(10).toISOString(), to: day(31).toISOString() },
          totals: expect.objectContaining({ total: '4' }),
        }),
      ]);
      // The old side, over [Jan 1, Jan 11): alice and bob at $1, issued with the period's close.
      clock.set(new Date(day(31).getTime() + 2 * 3_600_000));
      expect(await app.tally.app!.get(InvoiceIssuer).issueDue()).toBeGreaterThanOrEqual(2);
      const documents = present(await sdk.billing.invoices.list({ customers: [changed.next.customerId] }));
      const ids = documents.items.filter((item) => item.status === 'issued').map((item) => item.id);
      const issued = await Promise.all(ids.map(invoice));
      const lines = issued.flatMap((document) => document.lines);
      expect(lines.map((line) => [line.period.from, line.quantity, line.totals.total]).sort()).toEqual([
        [day(0).toISOString(), '2', '2'],
        [day(10).toISOString(), '2', '4'],
      ]);
    });

    it('next_billing_cycle: the new plan starts with the next period, and the current one shows its end', async () => {
      clock.set(day(40));
      await customer('later');
      const basic = present(
        await sdk.subscriptions.create({ customerKey: 'later', plan: { key: 'basic' }, timing: 'immediate' }),
      );
      const changed = present(
        await sdk.subscriptions.change(basic.id, { plan: { key: 'team' }, timing: 'next_billing_cycle' }),
      );
      // Anchored at Feb 10 (day 40): the period in progress ends on Mar 10.
      const march10 = new Date('2027-03-10T00:00:00Z');
      expect(changed.current).toMatchObject({ status: 'canceled', activeTo: march10 });
      expect(changed.next).toMatchObject({ status: 'scheduled', activeFrom: march10 });
      const listed = present(await sdk.customers.listSubscriptions('later'));
      expect(listed.items.map((item) => [item.id, item.status])).toEqual([
        [basic.id, 'canceled'],
        [changed.next.id, 'scheduled'],
      ]);
    });

    it('refuses a second change, and a cancel after a change, with 409; an unknown plan 404', async () => {
      clock.set(day(41));
      await customer('twice');
      const basic = present(
        await sdk.subscriptions.create({ customerKey: 'twice', plan: { key: 'basic' }, timing: 'immediate' }),
      );
      await expect(
        sdk.subscriptions.change(basic.id, { plan: { key: 'nope' }, timing: 'immediate' }),
      ).rejects.toMatchObject({ status: 404 });
      await sdk.subscriptions.change(basic.id, { plan: { key: 'team' }, timing: 'next_billing_cycle' });
      await expect(
        sdk.subscriptions.change(basic.id, { plan: { key: 'team' }, timing: 'immediate' }),
      ).rejects.toMatchObject({ status: 409 });
      await expect(sdk.subscriptions.cancel(basic.id, { timing: 'immediate' })).rejects.toMatchObject({
        status: 409,
      });
    });

    it('concurrent change and cancel on one subscription: one wins, the other 409', async () => {
      clock.set(day(42));
      await customer('race');
      const basic = present(
        await sdk.subscriptions.create({ customerKey: 'race', plan: { key: 'basic' }, timing: 'immediate' }),
      );
      const results = await Promise.allSettled([
        sdk.subscriptions.change(basic.id, { plan: { key: 'team' }, timing: 'next_billing_cycle' }),
        sdk.subscriptions.cancel(basic.id, { timing: 'next_billing_cycle' }),
      ]);
      const statuses = results.map((result) =>
        result.status === 'fulfilled' ? 200 : (result.reason as { status: number }).status,
      );
      expect(statuses.sort()).toEqual([200, 409]);
      const listed = present(await sdk.customers.listSubscriptions('race'));
      const changeWon = results[0].status === 'fulfilled';
      expect(listed.items).toHaveLength(changeWon ? 2 : 1);
    });

    it('answers 400 naming the field for a bad timing, and writes nothing', async () => {
      clock.set(day(43));
      await customer('bad');
      const basic = present(
        await sdk.subscriptions.create({ customerKey: 'bad', plan: { key: 'basic' }, timing: 'immediate' }),
      );
      const answer = await app.request('POST', `/api/v1/subscriptions/${basic.id}/change`, {
        body: { plan: { key: 'team' }, timing: 'soon' },
      });
      expect(answer.status).toBe(400);
      expect(answer.text).toContain('timing');
      expect(present(await sdk.subscriptions.get(basic.id)).activeTo).toBeUndefined();
    });
  });

  describe('migrate (subscriptions.migrate)', () => {
    it('moves the subscription to another version of its plan, and refuses the version it is on', async () => {
      clock.set(day(44));
      await customer('migrant');
      const v1 = present(
        await sdk.subscriptions.create({
          customerKey: 'migrant',
          plan: { key: 'basic' },
          timing: 'immediate',
        }),
      );
      // The SDK has no call for a plan's next version: Tally's route, as the console uses it.
      const next = await call('POST', '/api/v1/plans/basic/next');
      await sdk.plans.publish(next.id);
      const migrated = present(await sdk.subscriptions.migrate(v1.id, { timing: 'immediate' }));
      expect(migrated.next).toMatchObject({ plan: { key: 'basic', version: 2 }, activeFrom: day(44) });
      expect(migrated.current).toMatchObject({ activeTo: day(44), nextSubscriptionId: migrated.next.id });
      await expect(sdk.subscriptions.migrate(migrated.next.id, { targetVersion: 2 })).rejects.toMatchObject({
        status: 409,
      });
    });
  });

  describe('proration (prorate_prices)', () => {
    // March and May 2027 have 31 days; the periods below run from the 1st to the 1st.
    const MAR_1 = day(59);
    const APR_1 = day(90);
    const byName = (document: InvoiceBody) =>
      Object.fromEntries(document.lines.map((line) => [line.name, line.totals.total]));

    it('upgrade on day 10 from 49 to 99 in advance: the old side bills 49, the new one 99 × 21/31 less the unused 49 × 21/31', async () => {
      clock.set(MAR_1);
      const upgrade = await customer('upgrade');
      const arrears = await customer('arrears');
      const before = present(
        await sdk.subscriptions.create({
          customerKey: 'upgrade',
          plan: { key: 'fee_49' },
          timing: 'immediate',
        }),
      );
      const inArrears = present(
        await sdk.subscriptions.create({
          customerKey: 'arrears',
          plan: { key: 'arrears_49' },
          timing: 'immediate',
        }),
      );
      clock.set(day(69)); // Mar 11: 10 days used, 21 left
      const changed = present(
        await sdk.subscriptions.change(before.id, { plan: { key: 'fee_99' }, timing: 'immediate' }),
      );
      await sdk.subscriptions.change(inArrears.id, { plan: { key: 'fee_99' }, timing: 'immediate' });

      const upgraded = await preview('upgrade');
      expect(byName(upgraded)).toEqual({
        Platform: prorated('99', '21', '31'), // 67.06
        'Platform (unused part credited)': `-${prorated('49', '21', '31')}`, // -33.19
      });
      // The old side's 49, not issued yet, is on the period's preview too.
      expect(upgraded.lines.map((line) => line.totals.total)[0]).toBe('49');
      expect(upgraded.totals.total).toBe(
        new Decimal('49')
          .plus(prorated('99', '21', '31'))
          .minus(prorated('49', '21', '31'))
          .toFixed(),
      );
      // In arrears nothing was billed ahead: the old side is prorated, the new one has no credit.
      expect(byName(await preview('arrears'))).toEqual({ Platform: prorated('99', '21', '31') });

      clock.set(new Date(APR_1.getTime() + 2 * 3_600_000));
      const upgradeDocs = await issueAll(upgrade.id);
      expect(upgradeDocs.map((document) => byName(document))).toEqual(
        expect.arrayContaining([
          { Platform: '49' },
          { Platform: '67.06', 'Platform (unused part credited)': '-33.19' },
        ]),
      );
      expect(upgradeDocs).toHaveLength(2);
      const arrearsDocs = await issueAll(arrears.id);
      expect(arrearsDocs.map((document) => byName(document))).toEqual(
        expect.arrayContaining([{ Platform: prorated('49', '10', '31') }, { Platform: '67.06' }]),
      );
      expect(changed.next).toMatchObject({ previousSubscriptionId: before.id });
    });

    it('a first period 6.5 days short bills 49 × 24.5/31; with proration disabled, 49', async () => {
      clock.set(new Date('2027-05-07T12:00:00Z'));
      for (const [key, plan] of [
        ['late', 'fee_49'],
        ['whole', 'whole_49'],
      ]) {
        await customer(key);
        await sdk.subscriptions.create({
          customerKey: key,
          plan: { key: plan },
          timing: 'immediate',
          billingAnchor: new Date('2027-05-01T00:00:00Z'),
        });
      }
      const late = await preview('late');
      expect(byName(late)).toEqual({ Platform: prorated('49', '24.5', '31') }); // 38.73
      expect(late.lines[0].period).toEqual({
        from: '2027-05-07T12:00:00.000Z',
        to: '2027-06-01T00:00:00.000Z',
      });
      expect(byName(await preview('whole'))).toEqual({ Platform: '49' });
    });
  });

  describe('cancel at an instant, unscheduleCancelation, restore, delete', () => {
    const JUN_10 = new Date('2027-06-10T00:00:00Z');

    it('cancels at an RFC 3339 instant, and unscheduleCancelation takes the end back', async () => {
      clock.set(JUN_10);
      await customer('ends');
      const sub = present(
        await sdk.subscriptions.create({ customerKey: 'ends', plan: { key: 'basic' }, timing: 'immediate' }),
      );
      const end = new Date('2027-06-20T00:00:00Z');
      const canceled = present(await sdk.subscriptions.cancel(sub.id, { timing: end }));
      expect(canceled).toMatchObject({ status: 'canceled', activeTo: end });
      const unscheduled = present(await sdk.subscriptions.unscheduleCancelation(sub.id));
      expect(unscheduled.status).toBe('active');
      expect(unscheduled.activeTo).toBeUndefined();
      // An end that has passed cannot be taken back.
      await sdk.subscriptions.cancel(sub.id, { timing: 'immediate' });
      clock.set(new Date(JUN_10.getTime() + 5_000));
      const late = await app.request('POST', `/api/v1/subscriptions/${sub.id}/restore`);
      expect(late.status).toBe(409);
    });

    it('restore undoes a scheduled change: the successor is deleted, the subscription runs on', async () => {
      clock.set(JUN_10);
      await customer('undo');
      const sub = present(
        await sdk.subscriptions.create({ customerKey: 'undo', plan: { key: 'basic' }, timing: 'immediate' }),
      );
      const changed = present(
        await sdk.subscriptions.change(sub.id, { plan: { key: 'team' }, timing: 'next_billing_cycle' }),
      );
      const restored = await call('POST', `/api/v1/subscriptions/${sub.id}/restore`);
      expect(restored).toMatchObject({ id: sub.id, status: 'active' });
      expect(restored.activeTo).toBeUndefined();
      expect(restored.nextSubscriptionId).toBeUndefined();
      await expect(sdk.subscriptions.get(changed.next.id)).rejects.toMatchObject({ status: 404 });
      const listed = present(await sdk.customers.listSubscriptions('undo'));
      expect(listed.items.map((item) => item.id)).toEqual([sub.id]);
      // The slot is the restored one's again: a second subscription is refused.
      await expect(
        sdk.subscriptions.create({ customerKey: 'undo', plan: { key: 'team' }, timing: 'immediate' }),
      ).rejects.toMatchObject({ status: 409 });
    });

    it('deletes only a subscription that has not started; the customer can then subscribe again', async () => {
      clock.set(JUN_10);
      await customer('gone');
      const later = present(
        await sdk.subscriptions.create({
          customerKey: 'gone',
          plan: { key: 'basic' },
          timing: new Date('2027-07-01T00:00:00Z'),
        }),
      );
      expect(later.status).toBe('scheduled');
      await sdk.subscriptions.delete(later.id);
      await expect(sdk.subscriptions.get(later.id)).rejects.toMatchObject({ status: 404 });
      await expect(sdk.subscriptions.delete(later.id)).rejects.toMatchObject({ status: 404 });
      const now = present(
        await sdk.subscriptions.create({ customerKey: 'gone', plan: { key: 'basic' }, timing: 'immediate' }),
      );
      await expect(sdk.subscriptions.delete(now.id)).rejects.toMatchObject({ status: 409 });
    });
  });

  describe('backdated starts (SUBSCRIPTION_BACKDATE_LIMIT, default P1Y)', () => {
    it('a customer moved in 40 days ago: its past period is invoiced once with the usage already in the log, and not again after a replay', async () => {
      const now = new Date('2027-09-15T00:00:00Z');
      const start = new Date(now.getTime() - 40 * DAY); // Aug 6
      clock.set(now);
      const moved = await customer('moved');
      // Sent before the subscription exists: carol before its start (not billed), alice and bob after.
      await usage('moved', [
        ['m1', 'carol', new Date('2027-08-01T00:00:00Z')],
        ['m2', 'alice', new Date('2027-08-11T00:00:00Z')],
        ['m3', 'bob', new Date('2027-08-20T00:00:00Z')],
        ['m4', 'alice', new Date('2027-09-10T00:00:00Z')],
      ]);
      await expect(
        sdk.subscriptions.create({
          customerKey: 'moved',
          plan: { key: 'basic' },
          timing: new Date(now.getTime() - 2 * 366 * DAY),
        }),
      ).rejects.toMatchObject({ status: 400 });
      const refused = await app.request('POST', '/api/v1/subscriptions', {
        body: { customerKey: 'moved', plan: { key: 'basic' }, timing: '2025-09-01T00:00:00Z' },
      });
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'body.timing' })]);
      expect(refused.text).toContain('P1Y');
      const sub = present(
        await sdk.subscriptions.create({ customerKey: 'moved', plan: { key: 'basic' }, timing: start }),
      );
      expect(sub).toMatchObject({ activeFrom: start, billingAnchor: start, status: 'active' });

      const issuedFor = async () => {
        await app.tally.app!.get(InvoiceIssuer).issueDue();
        const documents = present(await sdk.billing.invoices.list({ customers: [moved.id] }));
        return documents.items.filter((item) => item.status === 'issued');
      };
      const issued = await issuedFor();
      // The ended period [Aug 6, Sep 6): alice and bob at $1; the current one has alice (Sep 10).
      expect(issued).toHaveLength(1);
      const document = await invoice(issued[0].id);
      expect(document.lines.map((line) => [line.period.from, line.quantity, line.totals.total])).toEqual([
        [start.toISOString(), '2', '2'],
      ]);
      expect((await preview('moved')).lines.map((line) => line.quantity)).toEqual(['1']);

      await rebuilt(app, 'issued_invoices@v2');
      await rebuilt(app, 'billing_view@v5');
      expect((await issuedFor()).map((item) => item.id)).toEqual([issued[0].id]);
    });
  });
});

function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected an answer');
  return value;
}
