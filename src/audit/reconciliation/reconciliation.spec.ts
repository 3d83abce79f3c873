import type { Subscription } from '../../customers';
import { billedUsageWindows, reconciliationReport } from './reconciliation';

const usageCard = (featureKey: string, price: unknown = { type: 'unit', amount: '1' }) => ({
  type: 'usage_based',
  key: featureKey,
  name: featureKey,
  featureKey,
  billingCadence: 'P1M',
  price,
});

function subscription(phases: Subscription['plan']['phases']): Subscription {
  return {
    id: 'sub',
    namespace: 'default',
    customerId: 'cust',
    name: 'plan',
    plan: {
      id: 'plan',
      key: 'plan',
      version: 1,
      name: 'plan',
      currency: 'USD',
      billingCadence: 'P1M',
      phases,
    },
    currency: 'USD',
    billingCadence: 'P1M',
    activeFrom: '2026-01-15T00:00:00.000Z',
    billingAnchor: '2026-01-15T00:00:00.000Z',
    createdAt: '2026-01-15T00:00:00.000Z',
  };
}

const meters = new Map([
  ['calls', { eventType: 'call' }],
  ['late', { eventType: 'late', eventFrom: new Date('2026-02-20T00:00:00Z') }],
]);
const range = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const iso = (w: { from: Date; to: Date; periodFrom: Date; eventType: string }) => [
  w.eventType,
  w.periodFrom.toISOString(),
  w.from.toISOString(),
  w.to.toISOString(),
];

describe('billedUsageWindows', () => {
  it('splits by billing period and phase, bills only priced usage cards, and honours eventFrom and the end', () => {
    const sub = subscription([
      // A free month: its usage card has no price, so nothing is billed in it.
      { key: 'trial', duration: 'P1M', rateCards: [usageCard('calls', null)] },
      {
        key: 'paid',
        duration: null,
        rateCards: [
          usageCard('calls'),
          usageCard('late'),
          usageCard('unknown_feature'),
          { ...usageCard('calls'), key: 'flat', price: { type: 'flat', amount: '5' } },
        ],
      },
    ]);
    const windows = billedUsageWindows(
      [{ subscription: sub, activeTo: new Date('2026-03-20T00:00:00Z') }],
      (key) => meters.get(key),
      range,
      100,
    );
    expect(windows.map(iso)).toEqual([
      ['call', '2026-02-15T00:00:00.000Z', '2026-02-15T00:00:00.000Z', '2026-03-15T00:00:00.000Z'],
      ['late', '2026-02-15T00:00:00.000Z', '2026-02-20T00:00:00.000Z', '2026-03-15T00:00:00.000Z'],
      ['call', '2026-03-15T00:00:00.000Z', '2026-03-15T00:00:00.000Z', '2026-03-20T00:00:00.000Z'],
      ['late', '2026-03-15T00:00:00.000Z', '2026-03-15T00:00:00.000Z', '2026-03-20T00:00:00.000Z'],
    ]);
    // The flat-priced card reads the same meter but is not usage billing: no window of its own.
    expect(windows.every((w) => w.subscriptionId === 'sub' && w.customerId === 'cust')).toBe(true);
  });

  it('clips to the requested range', () => {
    const sub = subscription([{ key: 'paid', duration: null, rateCards: [usageCard('calls')] }]);
    const windows = billedUsageWindows(
      [{ subscription: sub }],
      (key) => meters.get(key),
      { from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-02-20T00:00:00Z') },
      100,
    );
    expect(windows.map(iso)).toEqual([
      ['call', '2026-01-15T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-02-15T00:00:00.000Z'],
      ['call', '2026-02-15T00:00:00.000Z', '2026-02-15T00:00:00.000Z', '2026-02-20T00:00:00.000Z'],
    ]);
  });

  it("follows an edited subscription's timeline: an item billed from its addition, to its removal", () => {
    const plan = subscription([{ key: 'paid', duration: null, rateCards: [usageCard('calls')] }]);
    // Edited on 2026-02-01: `late` added; on 2026-02-25: `calls` removed.
    const edited: Subscription = {
      ...plan,
      timeline: [
        {
          key: 'paid',
          name: 'paid',
          activeFrom: plan.activeFrom,
          items: [
            {
              rateCard: usageCard('calls'),
              activeFrom: plan.activeFrom,
              activeTo: '2026-02-25T00:00:00.000Z',
            },
            { rateCard: usageCard('late'), activeFrom: '2026-02-01T00:00:00.000Z' },
          ],
        },
      ],
    };
    const windows = billedUsageWindows(
      [{ subscription: edited }],
      (key) => meters.get(key),
      {
        from: new Date('2026-01-15T00:00:00Z'),
        to: new Date('2026-03-01T00:00:00Z'),
      },
      100,
    );
    expect(windows.map(iso)).toEqual([
      ['call', '2026-01-15T00:00:00.000Z', '2026-01-15T00:00:00.000Z', '2026-02-15T00:00:00.000Z'],
      ['call', '2026-02-15T00:00:00.000Z', '2026-02-15T00:00:00.000Z', '2026-02-25T00:00:00.000Z'],
      // `late` reads from its meter's eventFrom (2026-02-20), inside the item's span.
      ['late', '2026-02-15T00:00:00.000Z', '2026-02-20T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
    ]);
  });

  it("counts an add-on's usage rate cards over the segments it was held, as billing bills them", () => {
    const plan = subscription([{ key: 'paid', duration: null, rateCards: [] }]);
    // Taken on 2026-01-20, set to 0 on 2026-02-05, taken again on 2026-02-25.
    const withAddon: Subscription = {
      ...plan,
      addons: [
        {
          id: '01ADDONSUB0000000000000000',
          addon: { id: '01ADDON0000000000000000000', key: 'calls', version: 1, instanceType: 'single' },
          name: 'Calls',
          rateCards: [usageCard('calls') as unknown as { key: string }],
          createdAt: '2026-01-20T00:00:00.000Z',
          updatedAt: '2026-02-25T00:00:00.000Z',
          quantities: [
            { at: '2026-01-20T00:00:00.000Z', quantity: 1 },
            { at: '2026-02-05T00:00:00.000Z', quantity: 0 },
            { at: '2026-02-25T00:00:00.000Z', quantity: 1 },
          ],
        },
      ],
    };
    const windows = billedUsageWindows(
      [{ subscription: withAddon }],
      (key) => meters.get(key),
      { from: new Date('2026-01-15T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') },
      100,
    );
    expect(windows.map(iso)).toEqual([
      ['call', '2026-01-15T00:00:00.000Z', '2026-01-20T00:00:00.000Z', '2026-02-05T00:00:00.000Z'],
      ['call', '2026-02-15T00:00:00.000Z', '2026-02-25T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
    ]);
  });
});

describe('reconciliationReport', () => {
  const day = (text: string) => new Date(`${text}T00:00:00Z`);
  const window = { from: new Date('2026-01-01T12:00:00Z'), to: new Date('2026-01-03T06:00:00Z') };
  const usage = [
    {
      day: day('2026-01-02'),
      projected: 5,
      voided: 1,
      metered: 4,
      attributed: 3,
      billable: 3,
      billed: 2,
      pendingCorrection: 1,
    },
  ];
  const none = { voided: 0, metered: 0, attributed: 0, billable: 0, billed: 0, pendingCorrection: 0 };

  it('derives deduplicated from accepted and stored, per clipped UTC day and in total', () => {
    const report = reconciliationReport(
      'default',
      window,
      [{ day: day('2026-01-02'), accepted: 7, stored: 5 }],
      usage,
      [],
    );
    expect(report.days).toEqual([
      {
        from: window.from,
        to: day('2026-01-02'),
        accepted: 0,
        stored: 0,
        deduplicated: 0,
        ...none,
      },
      {
        from: day('2026-01-02'),
        to: day('2026-01-03'),
        accepted: 7,
        stored: 5,
        deduplicated: 2,
        voided: 1,
        metered: 4,
        attributed: 3,
        billable: 3,
        billed: 2,
        pendingCorrection: 1,
      },
      {
        from: day('2026-01-03'),
        to: window.to,
        accepted: 0,
        stored: 0,
        deduplicated: 0,
        ...none,
      },
    ]);
    expect(report.totals).toEqual({
      accepted: 7,
      stored: 5,
      deduplicated: 2,
      voided: 1,
      metered: 4,
      attributed: 3,
      billable: 3,
      billed: 2,
      pendingCorrection: 1,
    });
  });

  it('reports intake as unknown, and stored from the usage read model, where the store keeps no counters', () => {
    const report = reconciliationReport('default', window, undefined, usage, []);
    expect(report.totals).toEqual({
      accepted: null,
      stored: 5,
      deduplicated: null,
      voided: 1,
      metered: 4,
      attributed: 3,
      billable: 3,
      billed: 2,
      pendingCorrection: 1,
    });
  });
});
