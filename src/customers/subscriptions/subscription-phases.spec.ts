import { PlanSnapshot, Subscription, SubscriptionState } from './subscription.decider';
import { phaseAt, phaseWindows } from './subscription-phases';

const trial = { key: 'trial', duration: 'P1M', rateCards: [] };
const standard = { key: 'standard', duration: null, rateCards: [] };
const plan: PlanSnapshot = {
  id: '01J000000000000000000PLAN1',
  key: 'per_seat',
  version: 1,
  name: 'Per-Seat',
  currency: 'USD',
  billingCadence: 'P1M',
  phases: [trial, standard],
};
const subscription: Subscription = {
  id: '01J00000000000000000000SUB',
  namespace: 'default',
  customerId: '01J0000000000000000000ACME',
  name: 'Per-Seat',
  plan,
  currency: 'USD',
  billingCadence: 'P1M',
  activeFrom: '2024-01-31T09:00:00.000Z',
  billingAnchor: '2024-01-31T09:00:00.000Z',
  createdAt: '2024-01-31T09:00:00.000Z',
};
const open: SubscriptionState = { status: 'open', subscription };
const canceledAt = (activeTo: string): SubscriptionState => ({
  status: 'canceled',
  subscription,
  activeTo,
  canceledAt: '2024-01-31T09:00:00.000Z',
});

describe('subscription phases', () => {
  it('runs each phase for its duration along the calendar, the last one without an end', () => {
    expect(phaseWindows(open)).toEqual([
      { phase: trial, activeFrom: '2024-01-31T09:00:00.000Z', activeTo: '2024-02-29T09:00:00.000Z' },
      { phase: standard, activeFrom: '2024-02-29T09:00:00.000Z' },
    ]);
  });

  it('stops at the end of a canceled subscription, leaving out phases that never start', () => {
    expect(phaseWindows(canceledAt('2024-02-10T00:00:00.000Z'))).toEqual([
      { phase: trial, activeFrom: '2024-01-31T09:00:00.000Z', activeTo: '2024-02-10T00:00:00.000Z' },
    ]);
    expect(phaseWindows(canceledAt('2024-03-10T00:00:00.000Z'))[1]).toEqual({
      phase: standard,
      activeFrom: '2024-02-29T09:00:00.000Z',
      activeTo: '2024-03-10T00:00:00.000Z',
    });
    expect(phaseWindows(canceledAt('2024-01-31T09:00:00.000Z'))).toEqual([]);
    expect(phaseWindows({ status: 'empty' })).toEqual([]);
  });

  it('finds the phase running at an instant; a boundary belongs to the phase that starts there', () => {
    expect(phaseAt(open, '2024-01-31T08:59:59Z')).toBeUndefined();
    expect(phaseAt(open, '2024-01-31T09:00:00Z')?.phase).toBe(trial);
    expect(phaseAt(open, '2024-02-29T08:59:59.999Z')?.phase).toBe(trial);
    expect(phaseAt(open, '2024-02-29T09:00:00Z')?.phase).toBe(standard);
    expect(phaseAt(open, '2030-01-01T00:00:00Z')?.phase).toBe(standard);
    expect(phaseAt(canceledAt('2024-02-10T00:00:00.000Z'), '2024-02-10T00:00:00Z')).toBeUndefined();
  });
});
