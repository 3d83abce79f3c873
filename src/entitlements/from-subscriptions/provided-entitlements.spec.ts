import type { PlanSnapshot, Subscription, SubscriptionState } from '../../customers/model';
import { providedEntitlements } from './provided-entitlements';

const card = (featureKey: string, entitlementTemplate?: unknown) => ({
  type: 'usage_based',
  key: featureKey,
  name: featureKey,
  featureKey,
  billingCadence: 'P1M',
  price: null,
  ...(entitlementTemplate !== undefined && { entitlementTemplate }),
});

const plan: PlanSnapshot = {
  id: '01J000000000000000000PLAN1',
  key: 'pro',
  version: 1,
  name: 'Pro',
  currency: 'USD',
  billingCadence: 'P1M',
  phases: [
    { key: 'trial', duration: 'P14D', rateCards: [card('sso', { type: 'boolean' })] },
    {
      key: 'standard',
      duration: null,
      rateCards: [
        card('active_users', { type: 'boolean' }),
        card('seats', { type: 'static', config: '{"seats":10}' }),
        card('tokens', { type: 'metered', issueAfterReset: 100, usagePeriod: 'P1W', isSoftLimit: true }),
        card('support'),
      ],
    },
  ],
};
const subscription: Subscription = {
  id: '01J00000000000000000000SUB',
  namespace: 'default',
  customerId: '01J0000000000000000000ACME',
  name: 'Pro',
  plan,
  currency: 'USD',
  billingCadence: 'P1M',
  activeFrom: '2024-03-01T00:00:30.000Z',
  billingAnchor: '2024-03-01T00:00:30.000Z',
  createdAt: '2024-03-01T00:00:30.000Z',
};
const open: SubscriptionState = { status: 'open', subscription };

describe('entitlements a subscription provides', () => {
  it('provides one per rate card with a template, in force while its phase runs', () => {
    const provided = providedEntitlements(open);
    expect(provided.map((e) => [e.featureKey, e.type, e.activeFrom, e.activeTo])).toEqual([
      ['sso', 'boolean', '2024-03-01T00:00:30.000Z', '2024-03-15T00:00:30.000Z'],
      ['active_users', 'boolean', '2024-03-15T00:00:30.000Z', undefined],
      ['seats', 'static', '2024-03-15T00:00:30.000Z', undefined],
      ['tokens', 'metered', '2024-03-15T00:00:30.000Z', undefined],
    ]);
    expect(provided.every((e) => e.annotations['subscription.id'] === subscription.id)).toBe(true);
    expect(provided.find((e) => e.featureKey === 'seats')?.config).toBe('{"seats":10}');
  });

  it('measures a metered one from its phase start and counts periods from the billing anchor, on their minutes', () => {
    const tokens = providedEntitlements(open).find((e) => e.featureKey === 'tokens')!;
    expect(tokens).toMatchObject({
      usagePeriod: { interval: 'P1W', anchor: '2024-03-01T00:00:00.000Z' },
      measureUsageFrom: '2024-03-15T00:00:00.000Z',
      isSoftLimit: true,
      issueAfterReset: { amount: '100', priority: 1 },
      grant: {
        amount: '100',
        effectiveAt: '2024-03-15T00:00:00.000Z',
        minRolloverAmount: '100',
        maxRolloverAmount: '100',
        annotations: { issueAfterReset: true },
      },
    });
    expect(tokens.grant!.entitlementId).toBe(tokens.id);
  });

  it('gives the same ids for the same subscription, and ends with a cancelation', () => {
    const ids = providedEntitlements(open).map((e) => e.id);
    expect(providedEntitlements(open).map((e) => e.id)).toEqual(ids);
    const canceled: SubscriptionState = {
      status: 'canceled',
      subscription,
      activeTo: '2024-03-10T00:00:00.000Z',
      canceledAt: '2024-03-02T00:00:00.000Z',
    };
    const provided = providedEntitlements(canceled);
    expect(provided.map((e) => [e.id, e.activeTo])).toEqual([[ids[0], '2024-03-10T00:00:00.000Z']]);
  });

  it('provides nothing for an empty subscription', () => {
    expect(providedEntitlements({ status: 'empty' })).toEqual([]);
  });
});
