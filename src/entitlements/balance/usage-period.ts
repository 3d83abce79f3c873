import { CalendarDuration, parseCalendarDuration } from '../../catalog/model';
import { billingPeriodContaining } from '../../customers/model';

/**
 * A metered entitlement's usage periods: `anchor + n × interval` (calendar arithmetic in UTC, the
 * billing periods' own), starting at `measureUsageFrom`. A manual reset starts a new period at its
 * instant, keeping the anchor (`retainAnchor`) or moving it there; every period boundary is a reset
 * (usage counts from zero, grants roll over). All instants are epoch milliseconds on whole minutes.
 */

/** OpenMeter's `RecurringPeriodIntervalEnum` and the durations they stand for. */
export const INTERVAL_KEYWORDS = { DAY: 'P1D', WEEK: 'P1W', MONTH: 'P1M', YEAR: 'P1Y' } as const;
export type IntervalKeyword = keyof typeof INTERVAL_KEYWORDS;

/**
 * The ISO-8601 duration an interval names — a keyword, or a duration of whole units of at least an
 * hour, months or a fixed span but not both (the rule of billing cadences) — or undefined.
 */
export function intervalIso(interval: unknown): string | undefined {
  if (typeof interval !== 'string') return undefined;
  if (Object.hasOwn(INTERVAL_KEYWORDS, interval)) return INTERVAL_KEYWORDS[interval as IntervalKeyword];
  return parseCalendarDuration(interval) ? interval : undefined;
}

/** OpenMeter's answer for an interval: the keyword of a duration that is one, else the duration. */
export function intervalName(iso: string): string {
  const duration = parseCalendarDuration(iso);
  const same = (a: CalendarDuration, b: CalendarDuration) =>
    a.months === b.months && a.days === b.days && a.millis === b.millis;
  for (const [keyword, keywordIso] of Object.entries(INTERVAL_KEYWORDS)) {
    if (duration && same(duration, parseCalendarDuration(keywordIso)!)) return keyword;
  }
  return iso;
}

export interface UsageReset {
  readonly at: number;
  readonly retainAnchor: boolean;
  readonly preserveOverage: boolean;
}

export interface UsageSchedule {
  /** ISO-8601 duration (see `intervalIso`). */
  readonly interval: string;
  readonly anchor: number;
  readonly measureUsageFrom: number;
  /** Whether overage carries into the next period at the automatic resets. */
  readonly preserveOverageAtReset: boolean;
  /** Manual resets, in time order, each after `measureUsageFrom` and after the one before. */
  readonly resets: readonly UsageReset[];
}

export interface Period {
  readonly from: number;
  /** Exclusive. */
  readonly to: number;
}

/** A reset: a period starting at `at`, and whether the overage of the one before carries into it. */
export interface ResetPoint {
  readonly at: number;
  readonly preserveOverage: boolean;
}

interface Segment {
  readonly from: number;
  readonly to: number;
  readonly anchor: number;
}

/** Stretches between manual resets, each with the anchor its periods count from. */
function segmentsOf(schedule: UsageSchedule): Segment[] {
  const segments: Segment[] = [];
  let from = schedule.measureUsageFrom;
  let anchor = schedule.anchor;
  for (const reset of schedule.resets) {
    segments.push({ from, to: reset.at, anchor });
    from = reset.at;
    if (!reset.retainAnchor) anchor = reset.at;
  }
  segments.push({ from, to: Infinity, anchor });
  return segments;
}

/** The period of `anchor + n × interval` holding `at`, with no start of measurement or resets to clip it. */
export function containing(anchor: number, interval: string, at: number): Period {
  const period = billingPeriodContaining(
    new Date(anchor).toISOString(),
    interval,
    new Date(at).toISOString(),
  );
  return { from: Date.parse(period.from), to: Date.parse(period.to) };
}

/**
 * The usage period in progress at `at`; before `measureUsageFrom`, the first one. Its start is the
 * last reset at or before `at` (or `measureUsageFrom`).
 */
export function periodAt(schedule: UsageSchedule, at: number): Period {
  const instant = Math.max(at, schedule.measureUsageFrom);
  const segments = segmentsOf(schedule);
  let segment = segments[0];
  for (const next of segments) if (next.from <= instant) segment = next;
  const period = containing(segment.anchor, schedule.interval, instant);
  return { from: Math.max(period.from, segment.from), to: Math.min(period.to, segment.to) };
}

/** Whether the overage at the end of the period before `at` (a reset) carries into the one starting there. */
export function preservesOverageAt(schedule: UsageSchedule, at: number): boolean {
  if (at <= schedule.measureUsageFrom) return false;
  const manual = schedule.resets.find((reset) => reset.at === at);
  return manual ? manual.preserveOverage : schedule.preserveOverageAtReset;
}

/** Every reset in `(after, until]`, in order: the manual ones and each automatic period boundary. */
export function resetsBetween(schedule: UsageSchedule, after: number, until: number): ResetPoint[] {
  const points: ResetPoint[] = [];
  for (const segment of segmentsOf(schedule)) {
    if (segment.from > until) break;
    if (segment.to <= after) continue;
    if (segment.from > after && segment.from !== schedule.measureUsageFrom) {
      points.push({ at: segment.from, preserveOverage: preservesOverageAt(schedule, segment.from) });
    }
    for (let at = Math.max(after, segment.from); ;) {
      const boundary = containing(segment.anchor, schedule.interval, at).to;
      if (boundary >= segment.to || boundary > until) break;
      points.push({ at: boundary, preserveOverage: schedule.preserveOverageAtReset });
      at = boundary;
    }
  }
  return points;
}
