import { DateTime, Duration } from 'luxon';
import { DEFAULT_PRO_RATING_CONFIG } from '../../catalog';
import type { ProRatingConfig, RateCard } from '../../catalog';
import { billingPeriodContaining, periodsBetween } from '../../customers';
import type { PlanPhaseSnapshot, Subscription } from '../../customers';
import type { Proration } from '../pricing';
import type { CreditInput, LineInput, Period } from './draft-invoice';

/** A subscription as billing sees it: what it was created with, and when it ends if it does. */
export interface BilledSubscription {
  readonly subscription: Subscription;
  readonly activeTo?: string;
  /** Set when a change or migration ended it: its successor starts at `activeTo`. */
  readonly nextSubscriptionId?: string;
}

export interface PeriodPlan {
  /** The whole billing period `anchor + n × cadence` containing the instant. */
  readonly period: Period;
  /** The part of it the subscription covers: only usage at or after `activeFrom` is billed. */
  readonly usageWindow: Period;
  readonly phase: PlanPhaseSnapshot;
  readonly rateCards: readonly RateCard[];
  /** The plan's `proRatingConfig.enabled`: flat fees of a partial period bill their part of it. */
  readonly prorate: boolean;
  /** Set when the window ends at a change (or migration) inside the period. */
  readonly changedAt?: string;
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
  const changed = billed.nextSubscriptionId !== undefined && to === activeTo && to < period.to;
  return {
    period: { from: period.from, to: period.to },
    usageWindow: { from, to },
    phase,
    rateCards: phase.rateCards as readonly RateCard[],
    prorate: proRatingOf(subscription).enabled,
    ...(changed && { changedAt: to }),
  };
}

/** The plan's option as the catalog stored it (the snapshot carries it verbatim), else OpenMeter's default. */
function proRatingOf(subscription: Subscription): ProRatingConfig {
  const { proRatingConfig } = subscription.plan as { proRatingConfig?: ProRatingConfig };
  return proRatingConfig ?? DEFAULT_PRO_RATING_CONFIG;
}

const secondsBetween = (from: string, to: string) => ((Date.parse(to) - Date.parse(from)) / 1000).toString();

/**
 * What part of its period a flat fee of this period bills (`prorate_prices`): the seconds of the
 * window over the seconds of the whole period — but for a fee paid in advance whose window a change
 * ends, which bills on to the period's end (it was due at the start, for the whole rest of the
 * period; the successor's first invoice credits the unused part back, see `creditsOnChange`).
 * Undefined for a whole period, a price that is not flat, or proration disabled.
 */
function prorationOf(plan: PeriodPlan, rateCard: RateCard): Proration | undefined {
  const price = rateCard.price;
  if (!plan.prorate || price?.type !== 'flat') return undefined;
  const inAdvance = price.paymentTerm === 'in_advance';
  const to = inAdvance && plan.changedAt !== undefined ? plan.period.to : plan.usageWindow.to;
  if (plan.usageWindow.from === plan.period.from && to === plan.period.to) return undefined;
  return {
    part: secondsBetween(plan.usageWindow.from, to),
    whole: secondsBetween(plan.period.from, plan.period.to),
  };
}

/**
 * The credits a successor's first invoice carries for its predecessor (`previous`), which a change
 * ended at `changedAt`: each flat fee the predecessor billed in advance for its last period is
 * credited for the part of that period after the change, `amount × (period end − change) ÷ period`.
 * None when the predecessor does not prorate, never ran, or the change falls on its period's end.
 */
export function creditsOnChange(previous: BilledSubscription, changedAt: string): CreditInput[] {
  const before = new Date(Date.parse(changedAt) - 1).toISOString();
  const plan = periodPlanAt(previous, before);
  if (!plan || !plan.prorate || plan.changedAt !== changedAt) return [];
  return plan.rateCards
    .filter((rateCard) => rateCard.price?.type === 'flat' && rateCard.price.paymentTerm === 'in_advance')
    .map((rateCard) => ({
      subscriptionId: previous.subscription.id,
      phaseKey: plan.phase.key,
      rateCard,
      unused: { from: changedAt, to: plan.period.to },
      proration: {
        part: secondsBetween(changedAt, plan.period.to),
        whole: secondsBetween(plan.period.from, plan.period.to),
      },
    }));
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
    ...withProration(prorationOf(plan, rateCard)),
  }));
}

const withProration = (proration: Proration | undefined) => (proration ? { proration } : {});
