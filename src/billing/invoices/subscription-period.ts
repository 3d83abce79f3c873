import { DateTime, Duration } from 'luxon';
import type { RateCard } from '../../catalog';
import { billingPeriodContaining, periodsBetween } from '../../customers';
import type { PlanPhaseSnapshot, Subscription } from '../../customers';
import type { LineInput, Period } from './draft-invoice';

/** A subscription as billing sees it: what it was created with, and when it ends if it does. */
export interface BilledSubscription {
  readonly subscription: Subscription;
  readonly activeTo?: string;
}

export interface PeriodPlan {
  /** The whole billing period `anchor + n × cadence` containing the instant. */
  readonly period: Period;
  /** The part of it the subscription covers: only usage at or after `activeFrom` is billed. */
  readonly usageWindow: Period;
  readonly phase: PlanPhaseSnapshot;
  readonly rateCards: readonly RateCard[];
}

/** The billing period, phase and rate cards in force at `instant`, or undefined outside the subscription. */
export function periodPlanAt(billed: BilledSubscription, instant: string): PeriodPlan | undefined {
  const { subscription, activeTo } = billed;
  if (instant < subscription.activeFrom || (activeTo !== undefined && instant >= activeTo)) return undefined;
  const period = billingPeriodContaining(subscription.billingAnchor, subscription.billingCadence, instant);
  const phase = phaseAt(subscription, instant);
  if (!phase) return undefined;
  const from = period.from > subscription.activeFrom ? period.from : subscription.activeFrom;
  const to = activeTo !== undefined && activeTo < period.to ? activeTo : period.to;
  return {
    period: { from: period.from, to: period.to },
    usageWindow: { from, to },
    phase,
    rateCards: phase.rateCards as readonly RateCard[],
  };
}

/**
 * The subscription's periods whose usage stopped counting by `instant` (their window, or the
 * subscription, has ended), from `after` on — the end of the last period already issued — oldest
 * first.
 */
export function closedPeriods(billed: BilledSubscription, instant: string, after?: string): PeriodPlan[] {
  const { subscription, activeTo } = billed;
  const from = after !== undefined && after > subscription.activeFrom ? after : subscription.activeFrom;
  const until = activeTo !== undefined && activeTo < instant ? activeTo : instant;
  if (until <= from) return [];
  return periodsBetween(subscription.billingAnchor, subscription.billingCadence, from, until)
    .map((period) => periodPlanAt(billed, period.from > from ? period.from : from))
    .filter((plan): plan is PeriodPlan => plan !== undefined && plan.usageWindow.to <= instant);
}

/** Phases run one after another from `activeFrom`, each for its duration; the last is open-ended. */
export function phaseAt(subscription: Subscription, instant: string): PlanPhaseSnapshot | undefined {
  let start = DateTime.fromISO(subscription.activeFrom, { zone: 'utc' });
  const at = DateTime.fromISO(instant, { zone: 'utc' });
  for (const phase of subscription.plan.phases) {
    if (phase.duration === null) return phase;
    const end = start.plus(Duration.fromISO(phase.duration));
    if (at < end) return phase;
    start = end;
  }
  return undefined;
}

export function lineInputs(plan: PeriodPlan, quantities: ReadonlyMap<string, string>): LineInput[] {
  return plan.rateCards.map((rateCard) => ({
    phaseKey: plan.phase.key,
    rateCard,
    ...(quantities.has(rateCard.key) ? { meteredQuantity: quantities.get(rateCard.key) } : {}),
    usageWindow: plan.usageWindow,
  }));
}
