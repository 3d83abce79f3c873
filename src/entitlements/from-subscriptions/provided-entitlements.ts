import type { EntitlementTemplate } from '../../catalog/model';
import { phaseWindows, SubscriptionState } from '../../customers/model';
import { Decimal, toDecimalString } from '../../shared/money';
import { stableUlid } from '../../shared/stable-id';
import { floorMinute } from '../balance/minutes';
import { intervalIso } from '../balance/usage-period';
import type { EntitlementType, GrantData, RecurringPeriod } from '../entitlement.decider';

/**
 * The entitlements a subscription provides: one per rate card with an `entitlementTemplate` in each
 * phase, active while the phase runs (so it starts with the subscription, and ends with the phase
 * or with the subscription, whichever comes first) — for an edited subscription, while the item
 * runs in its phase, so an edit adding or removing it gives or takes it from the edit's instant. They are a function of the subscription as it
 * stands, computed again at each of its events, so a later change of the subscription only has to
 * change its state. Their ids are derived from what they are (subscription, phase, rate card), so
 * they are the same after any replay.
 *
 * Metered ones count usage as OpenMeter's do: periods of the template's `usagePeriod` (else the
 * rate card's billing cadence, else the plan's) anchored at the subscription's billing anchor,
 * measured from the phase start, both on their minute; an `issueAfterReset` amount becomes a grant
 * restored to that amount at every reset.
 */
export interface ProvidedEntitlement {
  readonly id: string;
  readonly namespace: string;
  readonly subscriptionId: string;
  readonly customerId: string;
  readonly featureKey: string;
  readonly type: EntitlementType;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly config?: string;
  readonly usagePeriod?: RecurringPeriod;
  readonly measureUsageFrom?: string;
  readonly isSoftLimit?: boolean;
  readonly issueAfterReset?: { readonly amount: string; readonly priority: number };
  readonly preserveOverageAtReset?: boolean;
  readonly activeFrom: string;
  readonly activeTo?: string;
  readonly createdAt: string;
  readonly annotations: Readonly<Record<string, unknown>>;
  /** The `issueAfterReset` grant. */
  readonly grant?: GrantData;
}

/** OpenMeter's annotation naming the subscription that manages an entitlement. */
export const SUBSCRIPTION_ANNOTATION = 'subscription.id';

interface RateCardWithTemplate {
  readonly key: string;
  readonly featureKey: string;
  readonly billingCadence?: string | null;
  readonly entitlementTemplate: EntitlementTemplate;
}

function withTemplate(rateCard: unknown): rateCard is RateCardWithTemplate {
  if (typeof rateCard !== 'object' || rateCard === null) return false;
  const card = rateCard as Record<string, unknown>;
  const template = card.entitlementTemplate as Record<string, unknown> | undefined;
  return (
    typeof card.key === 'string' &&
    typeof card.featureKey === 'string' &&
    typeof template === 'object' &&
    template !== null &&
    ['boolean', 'static', 'metered'].includes(template.type as string)
  );
}

/** A rate card of a phase over the part of the subscription it runs in. */
interface ItemWindow {
  readonly phaseKey: string;
  readonly rateCard: unknown;
  readonly activeFrom: string;
  readonly activeTo?: string;
}

/**
 * The plan's phases, each rate card for its whole phase; an edited subscription's timeline instead,
 * each item from where it starts (an edit added it then) to where it ends (an edit removed it then),
 * within its phase — all cut at a cancelation's end.
 */
function itemWindows(state: Exclude<SubscriptionState, { status: 'empty' }>): ItemWindow[] {
  const { timeline } = state.subscription;
  if (!timeline) {
    return phaseWindows(state).flatMap((window) =>
      window.phase.rateCards.map((rateCard) => ({
        phaseKey: window.phase.key,
        rateCard,
        activeFrom: window.activeFrom,
        ...(window.activeTo !== undefined && { activeTo: window.activeTo }),
      })),
    );
  }
  const end = state.status === 'canceled' ? state.activeTo : undefined;
  const earliest = (...ends: (string | undefined)[]) =>
    ends.filter((at): at is string => at !== undefined).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  return timeline.flatMap((phase, index) =>
    phase.items.flatMap((item) => {
      const activeFrom =
        Date.parse(item.activeFrom) > Date.parse(phase.activeFrom) ? item.activeFrom : phase.activeFrom;
      const activeTo = earliest(timeline[index + 1]?.activeFrom, item.activeTo, end);
      if (activeTo !== undefined && Date.parse(activeTo) <= Date.parse(activeFrom)) return [];
      return [{ phaseKey: phase.key, rateCard: item.rateCard, activeFrom, ...(activeTo && { activeTo }) }];
    }),
  );
}

export function providedEntitlements(state: SubscriptionState): ProvidedEntitlement[] {
  if (state.status === 'empty') return [];
  const { subscription } = state;
  const provided: ProvidedEntitlement[] = [];
  for (const window of itemWindows(state)) {
    const { rateCard } = window;
    if (!withTemplate(rateCard)) continue;
    const template = rateCard.entitlementTemplate;
    const id = stableUlid(
      new Date(window.activeFrom),
      'entitlement',
      subscription.id,
      window.phaseKey,
      rateCard.key,
    );
    const base = {
      id,
      namespace: subscription.namespace,
      subscriptionId: subscription.id,
      customerId: subscription.customerId,
      featureKey: rateCard.featureKey,
      type: template.type,
      ...(template.metadata !== undefined && { metadata: template.metadata }),
      activeFrom: window.activeFrom,
      ...(window.activeTo !== undefined && { activeTo: window.activeTo }),
      createdAt: subscription.createdAt,
      annotations: { [SUBSCRIPTION_ANNOTATION]: subscription.id, 'subscription.owner': ['subscription'] },
    };
    if (template.type === 'boolean') provided.push(base);
    else if (template.type === 'static') provided.push({ ...base, config: template.config });
    else {
      const interval =
        intervalIso(template.usagePeriod) ??
        intervalIso(rateCard.billingCadence) ??
        intervalIso(subscription.billingCadence);
      if (interval === undefined) continue;
      const measureUsageFrom = new Date(floorMinute(Date.parse(window.activeFrom))).toISOString();
      const amount = template.issueAfterReset ?? 0;
      const issue =
        template.issueAfterReset === undefined
          ? undefined
          : {
              amount: toDecimalString(new Decimal(String(amount))),
              priority: template.issueAfterResetPriority ?? 1,
            };
      provided.push({
        ...base,
        usagePeriod: {
          interval,
          anchor: new Date(floorMinute(Date.parse(subscription.billingAnchor))).toISOString(),
        },
        measureUsageFrom,
        isSoftLimit: template.isSoftLimit ?? false,
        preserveOverageAtReset: template.preserveOverageAtReset ?? false,
        ...(issue !== undefined && { issueAfterReset: issue }),
        ...(issue !== undefined &&
          amount > 0 && {
            grant: {
              id: stableUlid(new Date(measureUsageFrom), 'grant', id),
              entitlementId: id,
              namespace: subscription.namespace,
              amount: issue.amount,
              priority: issue.priority,
              effectiveAt: measureUsageFrom,
              minRolloverAmount: issue.amount,
              maxRolloverAmount: issue.amount,
              annotations: { issueAfterReset: true },
              createdAt: subscription.createdAt,
            },
          }),
      });
    }
  }
  return provided;
}
