import type { PlanSnapshot, Subscription, SubscriptionAddon, SubscriptionState } from '../../customers/model';
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

  describe('with add-ons', () => {
    const addon = (
      rateCards: ReturnType<typeof card>[],
      quantities: { at: string; quantity: number }[],
    ): SubscriptionAddon => ({
      id: `01J0000000000000000ADDON${rateCards[0]!.key.length}`,
      addon: { id: '01J0000000000000000000ADD1', key: 'extra', version: 1, instanceType: 'multiple' },
      name: 'Extra',
      rateCards,
      createdAt: quantities[0]!.at,
      updatedAt: quantities.at(-1)!.at,
      quantities,
    });
    const withAddons = (...addons: SubscriptionAddon[]): Subscription => ({ ...subscription, addons });
    const shapes = (state: SubscriptionState) =>
      providedEntitlements(state)
        .map((e) => [e.featureKey, e.activeFrom, e.activeTo, e.issueAfterReset?.amount])
        .sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));

    it('gives a card the plan lacks over each held segment, a metered one issuing quantity × its amount', () => {
      const held = addon(
        [card('credits', { type: 'metered', issueAfterReset: 2.5 })],
        [
          { at: '2024-03-20T00:00:00.000Z', quantity: 3 },
          { at: '2024-03-25T00:00:00.000Z', quantity: 0 },
          { at: '2024-03-28T00:00:00.000Z', quantity: 1 },
        ],
      );
      const canceled: SubscriptionState = {
        status: 'canceled',
        subscription: withAddons(held),
        activeTo: '2024-04-01T00:00:00.000Z',
        canceledAt: '2024-03-02T00:00:00.000Z',
      };
      expect(shapes(canceled).filter(([feature]) => feature === 'credits')).toEqual([
        ['credits', '2024-03-20T00:00:00.000Z', '2024-03-25T00:00:00.000Z', '7.5'],
        ['credits', '2024-03-28T00:00:00.000Z', '2024-04-01T00:00:00.000Z', '2.5'],
      ]);
    });

    it('raises the plan’s metered issueAfterReset while held; leaves a boolean whole and a static as it is', () => {
      const held = addon(
        [
          card('tokens', { type: 'metered', issueAfterReset: 50 }),
          card('active_users', { type: 'boolean' }),
          card('seats', { type: 'static', config: '{"seats":99}' }),
        ],
        [{ at: '2024-03-20T00:00:00.000Z', quantity: 2 }],
      );
      const provided = providedEntitlements({ status: 'open', subscription: withAddons(held) });
      expect(shapes({ status: 'open', subscription: withAddons(held) })).toEqual([
        ['active_users', '2024-03-15T00:00:30.000Z', undefined, undefined],
        ['seats', '2024-03-15T00:00:30.000Z', undefined, undefined],
        ['sso', '2024-03-01T00:00:30.000Z', '2024-03-15T00:00:30.000Z', undefined],
        ['tokens', '2024-03-15T00:00:30.000Z', '2024-03-20T00:00:00.000Z', '100'],
        ['tokens', '2024-03-20T00:00:00.000Z', undefined, '200'],
      ]);
      const [before, after] = provided.filter((e) => e.featureKey === 'tokens');
      expect(before!.id).toBe(providedEntitlements(open).find((e) => e.featureKey === 'tokens')!.id);
      expect(after).toMatchObject({
        isSoftLimit: true,
        usagePeriod: { interval: 'P1W' },
        grant: { amount: '200' },
      });
      expect(provided.find((e) => e.featureKey === 'seats')?.config).toBe('{"seats":10}');
    });
  });

  it('provides nothing for an empty subscription', () => {
    expect(providedEntitlements({ status: 'empty' })).toEqual([]);
  });
});
