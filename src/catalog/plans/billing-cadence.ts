import { Duration } from 'luxon';

/**
 * ISO-8601 durations for billing cadences, phase durations and usage periods — the one rule for what
 * a billing duration may be, shared by plans (here) and subscriptions (`billing-period.ts`), so a
 * plan that can be published can always be subscribed to.
 *
 * A period is added to an anchor along the calendar, so a duration is kept as three parts that do
 * not convert into one another: months (P1Y = P12M; months differ in length), days (P1W = P7D; a day
 * is 23 to 25 hours across daylight-saving changes) and exact time (hours, minutes, seconds).
 */
export interface CalendarDuration {
  readonly months: number;
  readonly days: number;
  readonly millis: number;
}

const ONE_HOUR_MS = 3_600_000;

/**
 * A positive duration of whole units, at least one hour long (as OpenMeter requires of billing
 * cadences), either calendar months (`P1M`, `P1Y6M`) or a span of days and time (`P1W`, `P1DT12H`,
 * `PT6H`); `undefined` for anything else, including luxon's lenient `P`, `-P1M` and `P1.5D`.
 * Months mixed with days or time (`P1M15D`, `P1YT1H`) are refused: each multiple would first move by
 * whole months, clamping the day to the month's end, then by a fixed span, so periods laid end to
 * end from an anchor would have no consistent shape.
 */
export function parseCalendarDuration(value: unknown): CalendarDuration | undefined {
  if (typeof value !== 'string') return undefined;
  const duration = Duration.fromISO(value);
  if (!duration.isValid) return undefined;
  const units = duration.toObject();
  const amounts = Object.values(units);
  if (!amounts.every((amount) => Number.isInteger(amount) && amount >= 0)) return undefined;
  const {
    years = 0,
    quarters = 0,
    months = 0,
    weeks = 0,
    days = 0,
    hours = 0,
    minutes = 0,
    seconds = 0,
    milliseconds = 0,
  } = units;
  const parts: CalendarDuration = {
    months: years * 12 + quarters * 3 + months,
    days: weeks * 7 + days,
    millis: ((hours * 60 + minutes) * 60 + seconds) * 1000 + milliseconds,
  };
  if (parts.months > 0) return parts.days === 0 && parts.millis === 0 ? parts : undefined;
  return parts.days > 0 || parts.millis >= ONE_HOUR_MS ? parts : undefined;
}

export function sameDuration(a: CalendarDuration, b: CalendarDuration): boolean {
  return a.months === b.months && a.days === b.days && a.millis === b.millis;
}

/**
 * Whether periods of `part`, laid end to end from the same anchor, land exactly on every boundary
 * of `whole` — so a rate card billed every `part` never straddles the plan's billing period.
 * True when equal, or when both use a single calendar part and `whole` is a whole multiple of
 * `part` (P1M in P1Y, P1W in P4W, PT6H in PT24H). Mixed parts only align when equal: P1D does not
 * divide P1M, and PT1H does not divide P1D or P1DT12H (a day may be 23 hours).
 */
export function dividesEvenly(part: CalendarDuration, whole: CalendarDuration): boolean {
  if (sameDuration(part, whole)) return true;
  const unit = singlePart(part);
  if (unit === undefined || unit !== singlePart(whole)) return false;
  return whole[unit] % part[unit] === 0;
}

function singlePart(duration: CalendarDuration): keyof CalendarDuration | undefined {
  const used = (Object.keys(duration) as (keyof CalendarDuration)[]).filter((part) => duration[part] > 0);
  return used.length === 1 ? used[0] : undefined;
}
