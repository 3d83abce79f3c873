import type { RateCard } from '../../catalog';
import type { Subscription } from '../../customers';
import {
  type BilledSubscription,
  closedPeriods,
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
