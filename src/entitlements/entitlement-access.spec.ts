import { PlanSnapshot, Subscription, SubscriptionState } from '../customers';
import { entitlementAt } from './entitlement-access';

const card = (featureKey: string, entitlementTemplate?: unknown) => ({
  type: 'flat_fee',
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
        card('tokens', { type: 'metered', issueAfterReset: 100 }),
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
  activeFrom: '2024-03-01T00:00:00.000Z',
  billingAnchor: '2024-03-01T00:00:00.000Z',
  createdAt: '2024-03-01T00:00:00.000Z',
};
const open: SubscriptionState = { status: 'open', subscription };
const inTrial = '2024-03-05T00:00:00Z';
const afterTrial = '2024-04-01T00:00:00Z';

describe('entitlement access', () => {
  it('grants a boolean entitlement of the phase running then, and only then', () => {
    expect(entitlementAt(open, 'sso', inTrial)).toEqual({ hasAccess: true });
    expect(entitlementAt(open, 'sso', afterTrial)).toEqual({ hasAccess: false });
    expect(entitlementAt(open, 'active_users', inTrial)).toEqual({ hasAccess: false });
    expect(entitlementAt(open, 'active_users', afterTrial)).toEqual({ hasAccess: true });
  });

  it('grants a static entitlement with its config', () => {
    expect(entitlementAt(open, 'seats', afterTrial)).toEqual({ hasAccess: true, config: '{"seats":10}' });
  });

  it('does not evaluate metered entitlements yet, and grants nothing without a template or rate card', () => {
    expect(entitlementAt(open, 'tokens', afterTrial)).toEqual({ hasAccess: false });
    expect(entitlementAt(open, 'support', afterTrial)).toEqual({ hasAccess: false });
    expect(entitlementAt(open, 'unknown', afterTrial)).toEqual({ hasAccess: false });
  });

  it('grants nothing before the subscription starts or after it ends, but does until a canceled one ends', () => {
    expect(entitlementAt(open, 'sso', '2024-02-29T23:59:59Z')).toEqual({ hasAccess: false });
    const canceled: SubscriptionState = {
      status: 'canceled',
      subscription,
      activeTo: '2024-03-10T00:00:00.000Z',
      canceledAt: '2024-03-02T00:00:00.000Z',
    };
    expect(entitlementAt(canceled, 'sso', inTrial)).toEqual({ hasAccess: true });
    expect(entitlementAt(canceled, 'sso', '2024-03-10T00:00:00Z')).toEqual({ hasAccess: false });
  });
});
