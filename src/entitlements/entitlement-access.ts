import { phaseAt, SubscriptionState, subscriptionStatusAt } from '../customers';

/**
 * OpenMeter's `EntitlementValue`, for the entitlements Tally evaluates: boolean ones (`hasAccess`)
 * and static ones (`hasAccess` with their `config`). Metered entitlements — balances, usage and
 * overage from grants — are not evaluated yet: a metered template answers `hasAccess: false`.
 */
export interface EntitlementAccess {
  readonly hasAccess: boolean;
  /** A static entitlement's JSON config, serialized. */
  readonly config?: string;
}

/**
 * What the subscription entitles its customer to for `featureKey` at `instantIso`: read from the
 * rate cards of the plan phase running then. A subscription that is not running entitles nothing.
 */
export function entitlementAt(
  state: SubscriptionState,
  featureKey: string,
  instantIso: string,
): EntitlementAccess {
  const status = subscriptionStatusAt(state, instantIso);
  if (status !== 'active' && status !== 'canceled') return { hasAccess: false };
  const window = phaseAt(state, instantIso);
  for (const rateCard of window?.phase.rateCards ?? []) {
    if (!isRecord(rateCard) || rateCard.featureKey !== featureKey || !isRecord(rateCard.entitlementTemplate))
      continue;
    const template = rateCard.entitlementTemplate;
    if (template.type === 'boolean') return { hasAccess: true };
    if (template.type === 'static' && typeof template.config === 'string')
      return { hasAccess: true, config: template.config };
  }
  return { hasAccess: false };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
