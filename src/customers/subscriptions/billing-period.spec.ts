import { DomainError } from '../../shared/errors';
import {
  billingPeriodAt,
  billingPeriodContaining,
  floorToSecond,
  isInstant,
  isValidCadence,
  nextBillingPeriod,
  parseInstant,
  periodsBetween,
} from './billing-period';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  return undefined;
}

describe('billing periods', () => {
  describe('month-end anchors', () => {
    const jan31 = '2024-01-31T00:00:00.000Z';

    it('Jan 31 + P1M ends on Feb 29 in a leap year', () => {
      expect(billingPeriodContaining(jan31, 'P1M', '2024-02-10T12:00:00Z')).toEqual({
        from: '2024-01-31T00:00:00.000Z',
        to: '2024-02-29T00:00:00.000Z',
        index: 0,
      });
    });

    it('Jan 31 + P1M ends on Feb 28 in a common year', () => {
      expect(billingPeriodContaining('2023-01-31T00:00:00Z', 'P1M', '2023-02-27T23:59:59Z')).toEqual({
        from: '2023-01-31T00:00:00.000Z',
        to: '2023-02-28T00:00:00.000Z',
        index: 0,
      });
    });

    it('Jan 31 + P2M is Mar 31, computed from the anchor rather than by repeated addition', () => {
      expect(billingPeriodContaining(jan31, 'P1M', '2024-03-15T00:00:00Z')).toEqual({
        from: '2024-02-29T00:00:00.000Z',
        to: '2024-03-31T00:00:00.000Z',
        index: 1,
      });
      expect(billingPeriodAt(jan31, 'P1M', 2)).toEqual({
        from: '2024-03-31T00:00:00.000Z',
        to: '2024-04-30T00:00:00.000Z',
        index: 2,
      });
      expect(billingPeriodAt(jan31, 'P1M', 4).from).toBe('2024-05-31T00:00:00.000Z');
    });

    it('Feb 29 (leap) anchor: monthly keeps the 29th, yearly falls back to Feb 28 then returns to Feb 29', () => {
      const feb29 = '2024-02-29T08:30:00Z';
      expect(billingPeriodAt(feb29, 'P1M', 0)).toEqual({
        from: '2024-02-29T08:30:00.000Z',
        to: '2024-03-29T08:30:00.000Z',
        index: 0,
      });
      expect(billingPeriodContaining(feb29, 'P1Y', '2025-06-01T00:00:00Z')).toEqual({
        from: '2025-02-28T08:30:00.000Z',
        to: '2026-02-28T08:30:00.000Z',
        index: 1,
      });
      expect(billingPeriodAt(feb29, 'P1Y', 4).from).toBe('2028-02-29T08:30:00.000Z');
    });

    it('Mar 31 + P1M ends on Apr 30, and the next period ends on May 31', () => {
      const mar31 = '2024-03-31T00:00:00Z';
      expect(billingPeriodContaining(mar31, 'P1M', '2024-04-01T00:00:00Z')).toEqual({
        from: '2024-03-31T00:00:00.000Z',
        to: '2024-04-30T00:00:00.000Z',
        index: 0,
      });
      expect(nextBillingPeriod(mar31, 'P1M', '2024-04-01T00:00:00Z')).toEqual({
        from: '2024-04-30T00:00:00.000Z',
        to: '2024-05-31T00:00:00.000Z',
        index: 1,
      });
    });
  });

  describe('boundaries', () => {
    const anchor = '2024-01-15T10:00:00.000Z';

    it('an instant exactly on a boundary belongs to the next period', () => {
      expect(billingPeriodContaining(anchor, 'P1M', '2024-02-15T10:00:00.000Z')).toEqual({
        from: '2024-02-15T10:00:00.000Z',
        to: '2024-03-15T10:00:00.000Z',
        index: 1,
      });
    });

    it('the anchor itself starts period 0', () => {
      expect(billingPeriodContaining(anchor, 'P1M', anchor).index).toBe(0);
    });

    it('one millisecond before a boundary is still in the earlier period', () => {
      expect(billingPeriodContaining(anchor, 'P1M', '2024-02-15T09:59:59.999Z').index).toBe(0);
    });

    it('crosses the year boundary', () => {
      expect(billingPeriodContaining('2023-12-31T00:00:00Z', 'P1M', '2024-01-01T00:00:00Z')).toEqual({
        from: '2023-12-31T00:00:00.000Z',
        to: '2024-01-31T00:00:00.000Z',
        index: 0,
      });
      expect(billingPeriodContaining('2023-11-15T00:00:00Z', 'P1M', '2024-01-20T00:00:00Z')).toEqual({
        from: '2024-01-15T00:00:00.000Z',
        to: '2024-02-15T00:00:00.000Z',
        index: 2,
      });
    });

    it('accepts offsets and answers in UTC', () => {
      expect(billingPeriodContaining('2024-01-01T02:00:00+02:00', 'P1D', '2024-01-01T12:00:00Z')).toEqual({
        from: '2024-01-01T00:00:00.000Z',
        to: '2024-01-02T00:00:00.000Z',
        index: 0,
      });
    });
  });

  describe('instants before the anchor', () => {
    const mar31 = '2024-03-31T00:00:00Z';

    it('gives negative indexes, still clamped from the anchor', () => {
      expect(billingPeriodContaining(mar31, 'P1M', '2024-03-01T00:00:00Z')).toEqual({
        from: '2024-02-29T00:00:00.000Z',
        to: '2024-03-31T00:00:00.000Z',
        index: -1,
      });
      expect(billingPeriodContaining(mar31, 'P1M', '2024-02-15T00:00:00Z')).toEqual({
        from: '2024-01-31T00:00:00.000Z',
        to: '2024-02-29T00:00:00.000Z',
        index: -2,
      });
    });

    it('works for fixed-length cadences', () => {
      expect(billingPeriodContaining('2024-01-10T00:00:00Z', 'P1W', '2024-01-02T00:00:00Z')).toEqual({
        from: '2023-12-27T00:00:00.000Z',
        to: '2024-01-03T00:00:00.000Z',
        index: -2,
      });
    });
  });

  describe('cadences', () => {
    const anchor = '2024-01-01T00:00:00Z';
    it.each([
      ['P1D', '2024-01-03T05:00:00Z', '2024-01-03T00:00:00.000Z', '2024-01-04T00:00:00.000Z', 2],
      ['P1W', '2024-01-09T00:00:00Z', '2024-01-08T00:00:00.000Z', '2024-01-15T00:00:00.000Z', 1],
      ['P3M', '2024-05-20T00:00:00Z', '2024-04-01T00:00:00.000Z', '2024-07-01T00:00:00.000Z', 1],
      ['P1Y', '2026-12-31T23:59:59Z', '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 2],
      ['PT1H', '2024-01-01T05:30:00Z', '2024-01-01T05:00:00.000Z', '2024-01-01T06:00:00.000Z', 5],
      ['P1Y6M', '2025-08-01T00:00:00Z', '2025-07-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 1],
    ])('%s', (cadence, instant, from, to, index) => {
      expect(billingPeriodContaining(anchor, cadence, instant)).toEqual({ from, to, index });
    });

    it('P3M from a month-end anchor clamps each quarter from the anchor', () => {
      expect(billingPeriodAt('2023-11-30T00:00:00Z', 'P3M', 1)).toEqual({
        from: '2024-02-29T00:00:00.000Z',
        to: '2024-05-30T00:00:00.000Z',
        index: 1,
      });
    });

    it.each(['P1M', 'P3M', 'P1Y', 'P1Y6M', 'P1D', 'P1W', 'P1W2D', 'PT1H', 'PT90M', 'P1DT12H'])(
      'accepts %s',
      (iso) => {
        expect(isValidCadence(iso)).toBe(true);
      },
    );

    it.each([
      ['not a duration', 'monthly'],
      ['empty', 'P'],
      ['zero', 'P0D'],
      ['negative', 'P-1M'],
      ['fractional months', 'P1.5M'],
      ['fractional hours', 'PT1.5H'],
      ['months mixed with days', 'P1M15D'],
      ['years mixed with hours', 'P1YT1H'],
      ['shorter than an hour', 'PT59M'],
      ['lower case', 'p1m'],
    ])('refuses %s (%s)', (_why, iso) => {
      expect(isValidCadence(iso)).toBe(false);
      expect(codeOf(() => billingPeriodContaining(anchor, iso, anchor))).toBe(
        'SUBSCRIPTIONS.INVALID_BILLING_CADENCE',
      );
    });
  });

  describe('nextBillingPeriod', () => {
    it('is the period after the one holding the instant', () => {
      expect(nextBillingPeriod('2024-01-31T00:00:00Z', 'P1M', '2024-02-29T00:00:00Z')).toEqual({
        from: '2024-03-31T00:00:00.000Z',
        to: '2024-04-30T00:00:00.000Z',
        index: 2,
      });
    });
  });

  describe('periodsBetween', () => {
    const anchor = '2024-01-31T00:00:00Z';

    it('lists every period overlapping [from, to), whole', () => {
      expect(periodsBetween(anchor, 'P1M', '2024-02-10T00:00:00Z', '2024-04-01T00:00:00Z')).toEqual([
        { from: '2024-01-31T00:00:00.000Z', to: '2024-02-29T00:00:00.000Z', index: 0 },
        { from: '2024-02-29T00:00:00.000Z', to: '2024-03-31T00:00:00.000Z', index: 1 },
        { from: '2024-03-31T00:00:00.000Z', to: '2024-04-30T00:00:00.000Z', index: 2 },
      ]);
    });

    it('leaves out the period starting exactly at `to`', () => {
      expect(periodsBetween(anchor, 'P1M', anchor, '2024-03-31T00:00:00Z').map((p) => p.index)).toEqual([
        0, 1,
      ]);
    });

    it('spans the anchor with negative and positive indexes', () => {
      expect(
        periodsBetween(anchor, 'P1M', '2023-12-31T00:00:00Z', '2024-02-01T00:00:00Z').map((p) => p.index),
      ).toEqual([-1, 0]);
    });

    it('is empty for an empty or reversed range', () => {
      expect(periodsBetween(anchor, 'P1M', anchor, anchor)).toEqual([]);
      expect(periodsBetween(anchor, 'P1M', '2024-05-01T00:00:00Z', anchor)).toEqual([]);
    });

    it('is bounded', () => {
      expect(periodsBetween(anchor, 'PT1H', '2024-01-31T00:00:00Z', '2024-01-31T10:00:00Z', 10)).toHaveLength(
        10,
      );
      expect(
        codeOf(() => periodsBetween(anchor, 'PT1H', '2024-01-31T00:00:00Z', '2024-01-31T10:00:00.001Z', 10)),
      ).toBe('SUBSCRIPTIONS.TOO_MANY_BILLING_PERIODS');
      expect(
        codeOf(() => periodsBetween(anchor, 'PT1H', '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z')),
      ).toBe('SUBSCRIPTIONS.TOO_MANY_BILLING_PERIODS');
    });
  });

  describe('instants', () => {
    it('parses RFC 3339 with an offset into UTC', () => {
      expect(parseInstant('2024-01-31T10:00:00+02:00').toISO()).toBe('2024-01-31T08:00:00.000Z');
      expect(isInstant('2024-01-31T10:00:00.123Z')).toBe(true);
    });

    it.each(['2024-01-31', '2024-01-31T10:00:00', '2024-02-30T00:00:00Z', 'yesterday', ''])(
      'refuses %p',
      (iso) => {
        expect(isInstant(iso)).toBe(false);
        expect(codeOf(() => parseInstant(iso))).toBe('SUBSCRIPTIONS.INVALID_INSTANT');
      },
    );

    it('floors to the second', () => {
      expect(floorToSecond('2024-01-31T10:00:07.999Z')).toBe('2024-01-31T10:00:07.000Z');
    });

    it('refuses periods beyond year 9999', () => {
      expect(codeOf(() => billingPeriodAt('9999-06-01T00:00:00Z', 'P1Y', 0))).toBe(
        'SUBSCRIPTIONS.INSTANT_OUT_OF_RANGE',
      );
    });
  });
});
