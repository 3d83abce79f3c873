import { DateTime, Duration } from 'luxon';
import { DEFAULT_PRO_RATING_CONFIG } from '../../catalog';
import type { ProRatingConfig, RateCard } from '../../catalog';
import { addonTimeline, billingPeriodContaining, periodsBetween } from '../../customers';
import type { PlanPhaseSnapshot, Subscription, SubscriptionAddon, TimelinePhase } from '../../customers';
import { Decimal, toDecimalString } from '../../shared/money';
import type { Proration } from '../pricing';
import type { CreditInput, LineInput, Period } from './draft-invoice';

/** A subscription as billing sees it: what it was created with, and when it ends if it does. */
export interface BilledSubscription {
  readonly subscription: Subscription;
  readonly activeTo?: string;
  /** Set when a change or migration ended it: its successor starts at `activeTo`. */
  readonly nextSubscriptionId?: string;
  /**
   * Where its invoices (issued or drafted) end, oldest first: an invoice-now cut a period there. Only
   * the instants strictly inside a billing period split it; the others are its own boundaries.
   */
  readonly cuts?: readonly string[];
}

/** One rate card billed in a period, over its own window (an item an edit added or removed mid-period). */
export interface PeriodItem {
  /** Unique in the period: the rate card's key, with its start when the key runs twice in one phase. */
  readonly key: string;
  readonly phaseKey: string;
  readonly rateCard: RateCard;
  readonly window: Period;
  /** Set when an edit removed the item inside the period (or an add-on's quantity changed): where it ended. */
  readonly removedAt?: string;
  /** An add-on's item: its credit line is keyed by `key`, as its segments may repeat a rate card's key. */
  readonly creditKey?: string;
  /** An edited subscription's item: where it starts itself (its phase's start, or the edit adding it). */
  readonly startsAt?: string;
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
  /** What the period bills: the phase's rate cards over the window, or an edited subscription's items. */
  readonly items: readonly PeriodItem[];
  /**
   * Set when invoice-now cut the period: the part of it this plan bills, its invoice's own period
   * (and id). `usageWindow` is then within it: each part bills its own meter values over its own window.
   */
  readonly segment?: Period;
}

/** The period an invoice of this plan covers: the part an invoice-now cut, else the whole billing period. */
export const invoicePeriodOf = (plan: PeriodPlan): Period => plan.segment ?? plan.period;

/** The billing period, phase and rate cards in force at `instant`, or undefined outside the subscription. */
export function periodPlanAt(billed: BilledSubscription, instant: string): PeriodPlan | undefined {
  const { subscription, activeTo } = billed;
  if (instant < subscription.activeFrom || (activeTo !== undefined && instant >= activeTo)) return undefined;
  const period = billingPeriodContaining(subscription.billingAnchor, subscription.billingCadence, instant);
  const phase = phaseAt(subscription, instant);
  if (!phase) return undefined;
  const inside = (billed.cuts ?? []).filter((cut) => cut > period.from && cut < period.to);
  const segment = {
    from: inside.filter((cut) => cut <= instant).at(-1) ?? period.from,
    to: inside.find((cut) => cut > instant) ?? period.to,
  };
  const from = segment.from > subscription.activeFrom ? segment.from : subscription.activeFrom;
  const to = activeTo !== undefined && activeTo < segment.to ? activeTo : segment.to;
  const changed = billed.nextSubscriptionId !== undefined && to === activeTo && to < period.to;
  const usageWindow = { from, to };
  const items = subscription.timeline
    ? timelineItems(subscription.timeline, usageWindow)
    : (phase.rateCards as readonly RateCard[]).map((rateCard) => ({
        key: rateCard.key,
        phaseKey: phase.key,
        rateCard,
        window: usageWindow,
      }));
  items.push(...addonItems(subscription.addons ?? [], usageWindow, phase.key));
  return {
    period: { from: period.from, to: period.to },
    usageWindow,
    phase,
    rateCards: items.map((item) => item.rateCard),
    prorate: proRatingOf(subscription).enabled,
    ...(changed && { changedAt: to }),
    ...(inside.length > 0 && { segment }),
    items,
  };
}

/**
 * An edited subscription's items over `window`: each version of each item of every phase that runs
 * in it, over the part of the window where both the phase and the item run.
 */
function timelineItems(timeline: readonly TimelinePhase[], window: Period): PeriodItem[] {
  const items: PeriodItem[] = [];
  timeline.forEach((phase, index) => {
    const phaseTo = timeline[index + 1]?.activeFrom;
    const inPhase = phase.items.map((item) => {
      const from = [window.from, phase.activeFrom, item.activeFrom].reduce((a, b) => (a > b ? a : b));
      const to = [window.to, phaseTo, item.activeTo]
        .filter((end): end is string => end !== undefined)
        .reduce((a, b) => (a < b ? a : b));
      const removed = item.activeTo !== undefined && item.activeTo === to && to < window.to;
      return { item, from, to, removed };
    });
    for (const { item, from, to, removed } of inPhase) {
      if (from >= to) continue;
      const startsAt = item.activeFrom > phase.activeFrom ? item.activeFrom : phase.activeFrom;
      const key = item.rateCard.key;
      const twice =
        inPhase.filter((other) => other.item.rateCard.key === key && other.from < other.to).length > 1;
      items.push({
        key: twice ? `${key}@${from}` : key,
        phaseKey: phase.key,
        rateCard: item.rateCard as unknown as RateCard,
        window: { from, to },
        ...(removed && { removedAt: to }),
        startsAt,
      });
    }
  });
  return items;
}

/**
 * The add-ons' items over `window`: each segment of each add-on's timeline with quantity q > 0,
 * over its part of the window, bills each of the add-on's rate cards — a flat price at `amount × q`
 * (prorated as the plan's, by `prorationOf`), a usage price as it is (an add-on with one is taken
 * at most once). A segment that ends inside the window (a quantity change, or 0) is cut there as an
 * edit's removed item is: an in-advance fee bills on to the period's end and is credited back.
 */
function addonItems(addons: readonly SubscriptionAddon[], window: Period, phaseKey: string): PeriodItem[] {
  const items: PeriodItem[] = [];
  for (const addon of addons) {
    for (const segment of addonTimeline(addon)) {
      if (segment.quantity <= 0) continue;
      const from = segment.activeFrom > window.from ? segment.activeFrom : window.from;
      const end = segment.activeTo;
      const to = end !== undefined && end < window.to ? end : window.to;
      if (from >= to) continue;
      for (const card of addon.rateCards) {
        const rateCard = addonRateCard(addon, card as unknown as RateCard, segment.quantity);
        const key = `addon:${addon.id}:${card.key}@${segment.activeFrom}`;
        items.push({
          key,
          phaseKey,
          rateCard,
          window: { from, to },
          ...(end !== undefined && end < window.to && { removedAt: end }),
          creditKey: key,
        });
      }
    }
  }
  return items;
}

/** The add-on's rate card as billed for `quantity`: named for the add-on and the quantity. */
function addonRateCard(addon: SubscriptionAddon, card: RateCard, quantity: number): RateCard {
  const name = `${addon.name} × ${quantity}: ${card.name}`;
  const price = card.price;
  if (price?.type !== 'flat') return { ...card, name };
  const amount = toDecimalString(new Decimal(price.amount).times(quantity));
  return { ...card, name, price: { ...price, amount } } as RateCard;
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
function prorationOf(plan: PeriodPlan, item: PeriodItem): Proration | undefined {
  const price = item.rateCard.price;
  if (!plan.prorate || price?.type !== 'flat') return undefined;
  const inAdvance = price.paymentTerm === 'in_advance';
  // Cut short by a change, or by an edit removing it: billed on, and credited (`creditsOnChange`,
  // `creditsOnRemoval`). Paid in advance, the fee of a period invoice-now cut is billed once, by the
  // part it starts in, for the whole rest of the period.
  const cut =
    item.removedAt !== undefined ||
    (plan.changedAt !== undefined && item.window.to === plan.changedAt) ||
    plan.segment !== undefined;
  const billedTo = inAdvance && cut ? plan.period.to : item.window.to;
  if (item.window.from === plan.period.from && billedTo === plan.period.to) return undefined;
  return {
    part: secondsBetween(item.window.from, billedTo),
    whole: secondsBetween(plan.period.from, plan.period.to),
  };
}

/**
 * The credits for the in-advance flat fees an edit removed inside the period: each was billed to
 * the period's end (see `prorationOf`), and is credited on the same invoice for the part after its
 * removal, as `creditsOnChange` credits a change.
 */
export function creditsOnRemoval(subscriptionId: string, plan: PeriodPlan): CreditInput[] {
  if (!plan.prorate) return [];
  return plan.items
    .filter(
      (item) =>
        item.removedAt !== undefined &&
        item.rateCard.price?.type === 'flat' &&
        item.rateCard.price.paymentTerm === 'in_advance',
    )
    .map((item) => ({
      subscriptionId,
      phaseKey: item.phaseKey,
      rateCard: item.rateCard,
      ...(item.creditKey !== undefined && { lineKey: item.creditKey }),
      unused: { from: item.removedAt!, to: plan.period.to },
      proration: {
        part: secondsBetween(item.removedAt!, plan.period.to),
        whole: secondsBetween(plan.period.from, plan.period.to),
      },
    }));
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
  // The items running at the change: one an edit removed before it was credited then.
  return plan.items
    .filter(
      ({ rateCard, window }) =>
        window.to === changedAt &&
        rateCard.price?.type === 'flat' &&
        rateCard.price.paymentTerm === 'in_advance',
    )
    .map(({ rateCard, phaseKey, creditKey }) => ({
      subscriptionId: previous.subscription.id,
      phaseKey,
      rateCard,
      ...(creditKey !== undefined && { lineKey: creditKey }),
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
 * first. A period an invoice-now cut counts as its parts, each its own invoice; a part ending at a
 * cut is closed whatever `instant` (the cut closed it).
 */
export function closedPeriods(billed: BilledSubscription, instant: string, after?: string): PeriodPlan[] {
  const { subscription, activeTo } = billed;
  const from = after !== undefined && after > subscription.activeFrom ? after : subscription.activeFrom;
  const lastCut = billed.cuts?.at(-1);
  const reach = lastCut !== undefined && lastCut > instant ? lastCut : instant;
  const until = activeTo !== undefined && activeTo < reach ? activeTo : reach;
  if (until <= from) return [];
  const plans: PeriodPlan[] = [];
  for (const period of periodsBetween(subscription.billingAnchor, subscription.billingCadence, from, until)) {
    for (let at = period.from > from ? period.from : from; at < period.to;) {
      const plan = periodPlanAt(billed, at);
      if (!plan) break;
      const cut = plan.segment !== undefined && plan.segment.to < plan.period.to;
      if (plan.usageWindow.to <= instant || cut) plans.push(plan);
      at = invoicePeriodOf(plan).to;
    }
  }
  return plans;
}

/** Phases run one after another from `activeFrom`, each for its duration; the last is open-ended. */
export function phaseAt(subscription: Subscription, instant: string): PlanPhaseSnapshot | undefined {
  if (subscription.timeline) {
    // An edited subscription: the phase of its timeline running then (its items are `PeriodPlan.items`).
    const phase = [...subscription.timeline].reverse().find((candidate) => candidate.activeFrom <= instant);
    return phase && { key: phase.key, duration: null, rateCards: phase.items.map((item) => item.rateCard) };
  }
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

/**
 * Which flat fees a part of a cut period bills: one paid in advance only on the part it starts in
 * (the first, or the one an edit added it in — at the cut's instant too, the part after it); one in
 * arrears on each part, prorated, or — proration disabled — whole, on the part ending the period.
 */
function billedOnPart(plan: PeriodPlan, item: PeriodItem): boolean {
  const price = item.rateCard.price;
  if (!plan.segment || price?.type !== 'flat') return true;
  if (price.paymentTerm === 'in_advance')
    return (
      plan.segment.from === plan.period.from ||
      item.window.from > plan.segment.from ||
      item.startsAt === plan.segment.from
    );
  return plan.prorate || plan.segment.to === plan.period.to;
}

/** `quantities` by `PeriodItem.key`. */
export function lineInputs(plan: PeriodPlan, quantities: ReadonlyMap<string, string>): LineInput[] {
  return plan.items
    .filter((item) => billedOnPart(plan, item))
    .map((item) => ({
      phaseKey: item.phaseKey,
      rateCard: item.rateCard,
      ...(item.key !== item.rateCard.key && { lineKey: item.key }),
      ...(quantities.has(item.key) ? { meteredQuantity: quantities.get(item.key) } : {}),
      usageWindow: item.window,
      ...withProration(prorationOf(plan, item)),
    }));
}

const withProration = (proration: Proration | undefined) => (proration ? { proration } : {});
