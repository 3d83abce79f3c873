import type { RateCard } from '../../catalog';
import type { Subscription } from '../../customers';
import { draftInvoice } from './draft-invoice';
import {
  type BilledSubscription,
  closedPeriods,
  creditsOnRemoval,
  invoicePeriodOf,
  lineInputs,
  periodPlanAt,
} from './subscription-period';

const rateCard = (key: string, price: RateCard['price']) =>
  ({ key, name: key, type: 'flat_fee', price }) as RateCard;
const subscriptionWith = (prorate: boolean): Subscription =>
  ({
    id: 's1',
    activeFrom: '2027-01-01T00:00:00.000Z',
    billingAnchor: '2027-01-01T00:00:00.000Z',
    billingCadence: 'P1M',
    currency: 'USD',
    plan: {
      key: 'p',
      version: 1,
      proRatingConfig: { enabled: prorate, mode: 'prorate_prices' },
      phases: [
        {
          key: 'default',
          duration: null,
          rateCards: [
            rateCard('arrears', { type: 'flat', amount: '31', paymentTerm: 'in_arrears' }),
            rateCard('advance', { type: 'flat', amount: '10', paymentTerm: 'in_advance' }),
          ],
        },
      ],
    },
  }) as unknown as Subscription;
const CUT = '2027-01-11T00:00:00.000Z';
const billed = (prorate: boolean, cuts?: string[]): BilledSubscription => ({
  subscription: subscriptionWith(prorate),
  ...(cuts && { cuts }),
});
const keysAndProration = (prorate: boolean, instant: string) =>
  lineInputs(periodPlanAt(billed(prorate, [CUT]), instant)!, new Map()).map((line) => [
    line.rateCard.key,
    line.proration ? `${line.proration.part}/${line.proration.whole}` : 'whole',
  ]);

describe('a period cut by invoice-now', () => {
  it('is billed as its parts, each its own invoice period and usage window', () => {
    const before = periodPlanAt(billed(true, [CUT]), '2027-01-05T00:00:00.000Z')!;
    const after = periodPlanAt(billed(true, [CUT]), CUT)!;
    expect(invoicePeriodOf(before)).toEqual({ from: '2027-01-01T00:00:00.000Z', to: CUT });
    expect(invoicePeriodOf(after)).toEqual({ from: CUT, to: '2027-02-01T00:00:00.000Z' });
    expect(after.usageWindow).toEqual(invoicePeriodOf(after));
    expect(after.period).toEqual({ from: '2027-01-01T00:00:00.000Z', to: '2027-02-01T00:00:00.000Z' });
  });

  it('ignores cuts on its own boundaries: a whole period stays whole', () => {
    const plan = periodPlanAt(billed(true, ['2027-02-01T00:00:00.000Z']), '2027-01-05T00:00:00.000Z')!;
    expect(plan.segment).toBeUndefined();
    expect(invoicePeriodOf(plan)).toEqual(plan.period);
  });

  it('closes a part at its cut, whatever the collection cutoff; the rest only at the period end', () => {
    const early = closedPeriods(billed(true, [CUT]), '2027-01-02T00:00:00.000Z');
    expect(early.map((plan) => invoicePeriodOf(plan).to)).toEqual([CUT]);
    expect(closedPeriods(billed(true, [CUT]), '2027-01-20T00:00:00.000Z', CUT)).toEqual([]);
    const late = closedPeriods(billed(true, [CUT]), '2027-02-01T00:00:00.000Z', CUT);
    expect(late.map((plan) => invoicePeriodOf(plan))).toEqual([
      { from: CUT, to: '2027-02-01T00:00:00.000Z' },
    ]);
  });

  it('bills an in-advance fee once, on its first part; an in-arrears fee prorated on each part', () => {
    // 10 of 31 days, then 21 of 31.
    expect(keysAndProration(true, '2027-01-05T00:00:00.000Z')).toEqual([
      ['arrears', '864000/2678400'],
      ['advance', 'whole'],
    ]);
    expect(keysAndProration(true, CUT)).toEqual([['arrears', '1814400/2678400']]);
  });

  it('bills an in-arrears fee whole on the part ending the period when proration is disabled', () => {
    expect(keysAndProration(false, '2027-01-05T00:00:00.000Z')).toEqual([['advance', 'whole']]);
    expect(keysAndProration(false, CUT)).toEqual([['arrears', 'whole']]);
  });
});

describe('add-ons in a period', () => {
  const at = (day: number) =>
    new Date(Date.parse('2027-01-01T00:00:00.000Z') + day * 86_400_000).toISOString();
  const withAddon = (quantities: { at: string; quantity: number }[]): BilledSubscription => ({
    subscription: {
      ...subscriptionWith(true),
      addons: [
        {
          id: 'sa1',
          addon: { id: 'a1', key: 'extra_seats', version: 1, instanceType: 'multiple' },
          name: 'Extra seats',
          rateCards: [rateCard('seats', { type: 'flat', amount: '10', paymentTerm: 'in_advance' })],
          createdAt: at(0),
          updatedAt: at(0),
          quantities,
        },
      ],
    } as unknown as Subscription,
  });

  it('bills each segment with quantity, cut ones to the period end, each credited on a line of its own', () => {
    // 2 from Jan 10, 3 from Jan 20, 1 from Jan 25, 0 from Jan 28.
    const billedAddon = withAddon([
      { at: at(9), quantity: 2 },
      { at: at(19), quantity: 3 },
      { at: at(24), quantity: 1 },
      { at: at(27), quantity: 0 },
    ]);
    const plan = periodPlanAt(billedAddon, at(28))!;
    const invoice = draftInvoice({
      namespace: 'default',
      customer: { id: 'c1', name: 'C1', subjectKeys: ['c1'] },
      subscription: { id: 's1', planKey: 'p', planVersion: 1, currency: 'USD' },
      period: plan.period,
      lines: lineInputs(plan, new Map()),
      credits: creditsOnRemoval('s1', plan),
      status: 'gathering',
      number: 'DRAFT-1',
    });
    const addonLines = invoice.lines.filter((line) => line.name.startsWith('Extra seats'));
    // Each paid in advance, billed to Feb 1 (20 × 22/31, 30 × 12/31, 10 × 7/31) and credited from
    // where the next change cut it (20 × 12/31, 30 × 7/31, 10 × 4/31): net (200 + 150 + 30)/31 = 12.26.
    expect(addonLines.map((line) => [line.name, line.totals.total])).toEqual([
      ['Extra seats × 2: seats', '14.19'],
      ['Extra seats × 3: seats', '11.61'],
      ['Extra seats × 1: seats', '2.26'],
      ['Extra seats × 2: seats (unused part credited)', '-7.74'],
      ['Extra seats × 3: seats (unused part credited)', '-6.77'],
      ['Extra seats × 1: seats (unused part credited)', '-1.29'],
    ]);
    expect(new Set(invoice.lines.map((line) => line.id)).size).toBe(invoice.lines.length);
  });
});
