import { DateTime, Duration } from 'luxon';
import type { RateCard } from '../../catalog';
import type { RecordedSubscription } from '../../billing';
import type { IntakeDay } from '../../event-store/event-store.port';
import type {
  BilledUsageWindow,
  BillingPeriodCount,
  CountedMeter,
  TimeRange,
  UsageDay,
} from '../../metering';
import { addonTimeline, periodsBetween } from '../../customers/model';
import type { Subscription } from '../../customers';

/**
 * Reconciliation: what became of a namespace's usage events whose event time lies in `[from, to)`.
 *
 *   accepted           every event of an acknowledged ingestion request, repeats included
 *   stored             accepted events written to the log (the first of each (source, id)), voided
 *                      ones included: a void takes nothing out of the log
 *   deduplicated       accepted − stored: repeats inside a request and across requests
 *   voided             stored events voided since: they count in none of the figures below
 *   metered            stored events a live meter reads (its event type, at or after its eventFrom)
 *   attributed         stored events whose subject belongs to a customer (key or subject key)
 *   billable           attributed events that a subscription active at their time bills: its phase
 *                      then has a usage-based, priced rate card whose feature reads a meter the event
 *                      matches — issued, or on an invoice still to come
 *   billed             events on an issued document: in an issued period, stored at or before the log
 *                      position its documents billed through, and not voided at or before it
 *   pendingCorrection  events that changed an issued period after its latest document (stored since,
 *                      or billed and voided since) in a way that alters its figures: on no document
 *                      yet, the next correction bills them
 *
 * Attribution and billing use the read models as they stand (a subject's current customer, the
 * subscriptions' recorded terms), as the invoice preview does. Feature group-by filters are not
 * applied: an event of a filtered feature's meter counts as billable whatever its group-by values.
 */
export interface ReconciliationCounts {
  /** Null where the event store cannot count intake atomically with the write (EventStoreDB). */
  readonly accepted: number | null;
  readonly stored: number;
  readonly deduplicated: number | null;
  readonly voided: number;
  readonly metered: number;
  readonly attributed: number;
  readonly billable: number;
  readonly billed: number;
  readonly pendingCorrection: number;
}

export type { TimeRange };

export interface ReconciliationReport extends TimeRange {
  readonly namespace: string;
  readonly totals: ReconciliationCounts;
  /** One entry per UTC day the range touches, clipped to the range. */
  readonly days: readonly (TimeRange & ReconciliationCounts)[];
  readonly billingPeriods: readonly BillingPeriodCount[];
}

const DAY_MS = 86_400_000;

/** Joins the write-time and read-time counters; `intake` undefined means the store keeps none. */
export function reconciliationReport(
  namespace: string,
  range: TimeRange,
  intake: readonly IntakeDay[] | undefined,
  usage: readonly UsageDay[],
  billingPeriods: readonly BillingPeriodCount[],
): ReconciliationReport {
  const intakeByDay = new Map((intake ?? []).map((d) => [d.day.getTime(), d]));
  const usageByDay = new Map(usage.map((d) => [d.day.getTime(), d]));
  const days: (TimeRange & ReconciliationCounts)[] = [];
  for (let day = floorToDay(range.from.getTime()); day < range.to.getTime(); day += DAY_MS) {
    const counted = intakeByDay.get(day);
    const read = usageByDay.get(day);
    days.push({
      from: new Date(Math.max(day, range.from.getTime())),
      to: new Date(Math.min(day + DAY_MS, range.to.getTime())),
      ...counts(
        intake === undefined ? undefined : { accepted: counted?.accepted ?? 0, stored: counted?.stored ?? 0 },
        read,
      ),
    });
  }
  return { namespace, ...range, totals: sum(days, intake !== undefined), days, billingPeriods };
}

function counts(
  intake: { accepted: number; stored: number } | undefined,
  read: UsageDay | undefined,
): ReconciliationCounts {
  return {
    accepted: intake ? intake.accepted : null,
    stored: intake ? intake.stored : (read?.projected ?? 0),
    deduplicated: intake ? intake.accepted - intake.stored : null,
    voided: read?.voided ?? 0,
    metered: read?.metered ?? 0,
    attributed: read?.attributed ?? 0,
    billable: read?.billable ?? 0,
    billed: read?.billed ?? 0,
    pendingCorrection: read?.pendingCorrection ?? 0,
  };
}

function sum(days: readonly ReconciliationCounts[], countsIntake: boolean): ReconciliationCounts {
  const total = (pick: (d: ReconciliationCounts) => number | null) =>
    days.reduce((acc, d) => acc + (pick(d) ?? 0), 0);
  return {
    accepted: countsIntake ? total((d) => d.accepted) : null,
    stored: total((d) => d.stored),
    deduplicated: countsIntake ? total((d) => d.deduplicated) : null,
    voided: total((d) => d.voided),
    metered: total((d) => d.metered),
    attributed: total((d) => d.attributed),
    billable: total((d) => d.billable),
    billed: total((d) => d.billed),
    pendingCorrection: total((d) => d.pendingCorrection),
  };
}

function floorToDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/**
 * Every window in which some event would be billed, for subscriptions overlapping the range. The
 * metered rate cards are the invoice preview's: usage-based, with a feature and a non-flat price.
 */
export function billedUsageWindows(
  subscriptions: readonly RecordedSubscription[],
  meterOfFeature: (featureKey: string) => CountedMeter | undefined,
  range: TimeRange,
  maxPeriods: number,
): BilledUsageWindow[] {
  const windows: BilledUsageWindow[] = [];
  for (const { subscription, activeTo } of subscriptions) {
    const active = intersect(range, {
      from: new Date(subscription.activeFrom),
      to: activeTo ?? range.to,
    });
    if (!active) continue;
    const periods = periodsBetween(
      subscription.billingAnchor,
      subscription.billingCadence,
      active.from.toISOString(),
      active.to.toISOString(),
      maxPeriods,
    );
    for (const phase of phaseSpans(subscription)) {
      const phaseActive = intersect(active, phase.span);
      if (!phaseActive) continue;
      const meters = phase.rateCards.flatMap((card) => {
        if (!card.featureKey || !card.price || card.price.type === 'flat') return [];
        const meter = meterOfFeature(card.featureKey);
        return meter ? [meter] : [];
      });
      for (const period of periods) {
        const whole = { from: new Date(period.from), to: new Date(period.to) };
        const billedSpan = intersect(phaseActive, whole);
        if (!billedSpan) continue;
        for (const meter of meters) {
          const span = meter.eventFrom
            ? intersect(billedSpan, { from: meter.eventFrom, to: billedSpan.to })
            : billedSpan;
          if (!span) continue;
          windows.push({
            subscriptionId: subscription.id,
            customerId: subscription.customerId,
            periodFrom: whole.from,
            periodTo: whole.to,
            ...span,
            eventType: meter.eventType,
          });
        }
      }
    }
  }
  return windows;
}

const FOREVER = new Date(8.64e15);

type Span = { span: TimeRange; rateCards: readonly RateCard[] };

/**
 * Phases run one after another from `activeFrom`, each for its duration; the last is open-ended. An
 * edited subscription runs its timeline instead: each item over the part of its phase it ran in (an
 * edit added it from, or removed it at, its instant), as billing bills it. Its add-ons' rate cards
 * run beside them over each segment the add-on was held (quantity above 0).
 */
function phaseSpans(subscription: Subscription): Span[] {
  return [...planSpans(subscription), ...addonSpans(subscription)];
}

function addonSpans(subscription: Subscription): Span[] {
  return (subscription.addons ?? []).flatMap((addon) =>
    addonTimeline(addon)
      .filter((segment) => segment.quantity > 0)
      .map((segment) => ({
        span: {
          from: new Date(segment.activeFrom),
          to: segment.activeTo ? new Date(segment.activeTo) : FOREVER,
        },
        rateCards: addon.rateCards as unknown as readonly RateCard[],
      })),
  );
}

function planSpans(subscription: Subscription): Span[] {
  const { timeline } = subscription;
  if (timeline) {
    return timeline.flatMap((phase, index) => {
      const phaseTo = timeline[index + 1]?.activeFrom;
      return phase.items.flatMap((item) => {
        const span = intersect(
          { from: new Date(phase.activeFrom), to: phaseTo ? new Date(phaseTo) : FOREVER },
          { from: new Date(item.activeFrom), to: item.activeTo ? new Date(item.activeTo) : FOREVER },
        );
        return span ? [{ span, rateCards: [item.rateCard as unknown as RateCard] }] : [];
      });
    });
  }
  const spans: Span[] = [];
  let start = DateTime.fromISO(subscription.activeFrom, { zone: 'utc' });
  for (const phase of subscription.plan.phases) {
    const end = phase.duration === null ? undefined : start.plus(Duration.fromISO(phase.duration));
    spans.push({
      span: { from: start.toJSDate(), to: end ? end.toJSDate() : FOREVER },
      rateCards: phase.rateCards as readonly RateCard[],
    });
    if (!end) break;
    start = end;
  }
  return spans;
}

function intersect(a: TimeRange, b: TimeRange): TimeRange | undefined {
  const from = Math.max(a.from.getTime(), b.from.getTime());
  const to = Math.min(a.to.getTime(), b.to.getTime());
  return from < to ? { from: new Date(from), to: new Date(to) } : undefined;
}
