import { Api, RouteName } from '../lib/api';
import { EVENT_TYPE } from '../lib/events';

export const USERS_METER = 'bench_active_users';
export const TOKENS_METER = 'bench_tokens';
export const USERS_FEATURE = 'active_users';
export const TOKENS_FEATURE = 'tokens';
export const CUSTOMER = 'bench-customer';
const PLAN = 'bench_per_seat';

export interface BillingWindow {
  /** Events are spread over `[from, to)`, inside the subscription's first billing period. */
  readonly from: Date;
  readonly to: Date;
}

/** Where usage goes when there is no subscription to bill it: the day before now. */
export function unbilledWindow(): BillingWindow {
  const now = Date.now();
  return { from: new Date(now - 24 * 3600_000), to: new Date(now - 60_000) };
}

export interface CatalogSetup {
  /** The meters exist: usage can be metered, projected and queried. */
  readonly metering: boolean;
  /** The feature, plan, customer and subscription exist too: there is an invoice to preview. */
  readonly billing: boolean;
  /** The first route missing, when either is false. */
  readonly missing?: RouteName;
  readonly window: BillingWindow;
}

/**
 * The seed scenario at benchmark scale: a UNIQUE_COUNT meter over `$.user_id` and a SUM meter over
 * `$.tokens`, a feature on each, a plan billing $1 per active user and $0.00001 per token, and one
 * customer holding every subject, subscribed from the start of the window. Goes as far as the
 * routes Tally serves allow.
 */
export async function setUpCatalog(api: Api, subjects: readonly string[]): Promise<CatalogSetup> {
  const now = Math.floor(Date.now() / 1000) * 1000;
  const window = unbilledWindow();
  const missing = async (routes: readonly RouteName[]) => {
    for (const route of routes) if (!(await api.has(route))) return route;
    return undefined;
  };
  const noMeters = await missing(['createMeter']);
  if (noMeters) return { metering: false, billing: false, missing: noMeters, window };

  const meter = (
    slug: string,
    name: string,
    aggregation: string,
    valueProperty: string,
    groupBy?: Record<string, string>,
  ) =>
    api.ok('POST', '/api/v1/meters', {
      body: {
        slug,
        name,
        eventType: EVENT_TYPE,
        aggregation,
        valueProperty,
        ...(groupBy ? { groupBy } : {}),
      },
    });
  await meter(USERS_METER, 'Active users', 'UNIQUE_COUNT', '$.user_id');
  await meter(TOKENS_METER, 'Tokens', 'SUM', '$.tokens', { model: '$.model' });
  const noBilling = await missing([
    'createFeature',
    'createPlan',
    'publishPlan',
    'createCustomer',
    'createSubscription',
  ]);
  if (noBilling) return { metering: true, billing: false, missing: noBilling, window };
  await api.ok('POST', '/api/v1/features', {
    body: { key: USERS_FEATURE, name: 'active-users', meterSlug: USERS_METER },
  });
  await api.ok('POST', '/api/v1/features', {
    body: { key: TOKENS_FEATURE, name: 'tokens', meterSlug: TOKENS_METER },
  });
  const rateCard = (feature: string, amount: string) => ({
    type: 'usage_based',
    key: feature,
    name: feature,
    featureKey: feature,
    billingCadence: 'P1M',
    price: { type: 'unit', amount },
  });
  const plan = await api.ok<{ id: string }>('POST', '/api/v1/plans', {
    body: {
      key: PLAN,
      name: 'Bench per-seat',
      currency: 'USD',
      billingCadence: 'P1M',
      phases: [
        {
          key: 'default',
          name: 'Default',
          duration: null,
          rateCards: [rateCard(USERS_FEATURE, '1'), rateCard(TOKENS_FEATURE, '0.00001')],
        },
      ],
    },
  });
  await api.ok('POST', `/api/v1/plans/${plan.id}/publish`);
  await api.ok('POST', '/api/v1/customers', {
    body: {
      name: 'Bench customer',
      key: CUSTOMER,
      currency: 'USD',
      usageAttribution: { subjectKeys: subjects },
    },
  });

  // Tally starts a subscription at most two minutes in the past, and bills usage from its start: the
  // usage is spread over the hour after it (event times up to 24 h ahead are accepted).
  const subscription = await api.ok<{ activeFrom?: string }>('POST', '/api/v1/subscriptions', {
    body: { customerKey: CUSTOMER, plan: { key: PLAN }, timing: 'immediate' },
  });
  const activeFrom = new Date(subscription.activeFrom ?? now);
  return {
    metering: true,
    billing: true,
    window: { from: activeFrom, to: new Date(activeFrom.getTime() + 3600_000) },
  };
}
