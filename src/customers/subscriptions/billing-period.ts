import { DateTime } from 'luxon';
import { parseCalendarDuration } from '../../catalog/model';
import { invalid } from '../../shared/errors';
import { parseRfc3339, readInstant } from '../../shared/instant';

/**
 * Billing-period calendar math, in UTC. Period `n` of a subscription is
 * `[anchor + n × cadence, anchor + (n + 1) × cadence)`, always computed from the anchor itself, never
 * by adding the cadence to the previous boundary: a Jan 31 anchor with `P1M` gives Feb 29 (Feb 28 in
 * a common year), then Mar 31 — repeated addition would drift to Mar 29 and stay there. `n` may be
 * negative (instants before the anchor). Ranges are half-open, so an instant exactly on a boundary
 * belongs to the period that starts there.
 *
 * Instants travel as RFC 3339 strings; everything this module returns is canonical UTC with
 * milliseconds (`2024-01-31T00:00:00.000Z`, the shape of `Date.prototype.toISOString`).
 */

export interface BillingPeriod {
  /** Inclusive start, canonical UTC ISO string. */
  readonly from: string;
  /** Exclusive end, canonical UTC ISO string. */
  readonly to: string;
  /** `n` in `anchor + n × cadence`: 0 is the period starting at the anchor, negative before it. */
  readonly index: number;
}

/** Default bound of `periodsBetween`. */
export const MAX_PERIODS_BETWEEN = 1000;

export const BillingPeriodErrors = {
  invalidCadence: 'SUBSCRIPTIONS.INVALID_BILLING_CADENCE',
  invalidInstant: 'SUBSCRIPTIONS.INVALID_INSTANT',
  outOfRange: 'SUBSCRIPTIONS.INSTANT_OUT_OF_RANGE',
  tooManyPeriods: 'SUBSCRIPTIONS.TOO_MANY_BILLING_PERIODS',
} as const;

/**
 * What a cadence is — calendar months, or a fixed span of at least an hour, never both — is
 * decided by the catalog's `parseCalendarDuration`, so a published plan can always be subscribed to.
 * In UTC a day is exactly 24 hours, so days and time fold into one fixed span here.
 */
type Cadence =
  { readonly kind: 'months'; readonly months: number } | { readonly kind: 'fixed'; readonly ms: number };

const DAY_MS = 24 * 3_600_000;

function parseCadence(iso: string): Cadence | undefined {
  const duration = parseCalendarDuration(iso);
  if (duration === undefined) return undefined;
  if (duration.months > 0) return { kind: 'months', months: duration.months };
  const ms = duration.days * DAY_MS + duration.millis;
  return Number.isSafeInteger(ms) ? { kind: 'fixed', ms } : undefined;
}

/**
 * Whether `iso` is a billing cadence this module can compute periods for: an ISO-8601 duration of
 * whole, non-negative units, positive in total, either calendar-month based (`P1M`, `P3M`, `P1Y`,
 * `P1Y6M`) or of fixed length and at least one hour (`PT1H`, `P1D`, `P1W`, `P1W2D`) — not both.
 */
export function isValidCadence(iso: string): boolean {
  return parseCadence(iso) !== undefined;
}

function requireCadence(iso: string, field: string): Cadence {
  const cadence = parseCadence(iso);
  if (cadence) return cadence;
  const message =
    'must be an ISO-8601 duration of whole units, either months/years or at least one hour of weeks/days/hours';
  throw invalid(BillingPeriodErrors.invalidCadence, `Invalid billing cadence "${String(iso)}": ${message}`, [
    { field, message, code: BillingPeriodErrors.invalidCadence },
  ]);
}

// RFC 3339 date-time: a time and an explicit offset are required, so nothing depends on a default zone.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function tryParseInstant(iso: unknown): DateTime | undefined {
  const ms = parseRfc3339(iso);
  return ms === undefined ? undefined : DateTime.fromMillis(ms, { zone: 'utc' });
}

/**
 * Whether `iso` is an instant a command may bring: an RFC 3339 date-time with an explicit offset
 * (`Z` or `±hh:mm`) within the range every read model holds (the shared rule, `readInstant`).
 */
export function isInstant(iso: unknown): iso is string {
  return readInstant(iso).ok;
}

/** Parses an RFC 3339 date-time into a UTC luxon DateTime, or throws `SUBSCRIPTIONS.INVALID_INSTANT`. */
export function parseInstant(iso: string, field = 'instant'): DateTime {
  const instant = tryParseInstant(iso);
  if (instant) return instant;
  const message = 'must be an RFC 3339 date-time with an offset, e.g. 2024-01-31T00:00:00Z';
  throw invalid(BillingPeriodErrors.invalidInstant, `Invalid ${field} "${String(iso)}": ${message}`, [
    { field, message, code: BillingPeriodErrors.invalidInstant },
  ]);
}

/** Canonical UTC ISO string (`…T00:00:00.000Z`) of a DateTime. */
export function formatInstant(instant: DateTime): string {
  const iso = instant.isValid ? instant.toUTC().toISO() : null;
  if (iso === null || !RFC3339.test(iso)) {
    throw invalid(
      BillingPeriodErrors.outOfRange,
      'A billing date falls outside the supported years 0000–9999',
    );
  }
  return iso;
}

/** The instant truncated to the whole second, canonical UTC: `…T10:00:07.999Z` → `…T10:00:07.000Z`. */
export function floorToSecond(iso: string, field = 'instant'): string {
  return formatInstant(parseInstant(iso, field).startOf('second'));
}

/** `anchor + n × cadence`, from the anchor in one step (see the module comment). */
function boundary(anchor: DateTime, cadence: Cadence, n: number): DateTime {
  return cadence.kind === 'months'
    ? anchor.plus({ months: n * cadence.months })
    : anchor.plus({ milliseconds: n * cadence.ms });
}

function indexContaining(anchor: DateTime, cadence: Cadence, instant: DateTime): number {
  if (cadence.kind === 'fixed') return Math.floor((instant.toMillis() - anchor.toMillis()) / cadence.ms);
  // Whole months between the two, divided by the cadence, is right or one too high (when the instant
  // falls earlier in its month than the anchor's day and time); the loops settle any remainder.
  const monthsApart = (instant.year - anchor.year) * 12 + (instant.month - anchor.month);
  let n = Math.floor(monthsApart / cadence.months);
  while (boundary(anchor, cadence, n) > instant) n -= 1;
  while (boundary(anchor, cadence, n + 1) <= instant) n += 1;
  return n;
}

function periodAt(anchor: DateTime, cadence: Cadence, index: number): BillingPeriod {
  return {
    from: formatInstant(boundary(anchor, cadence, index)),
    to: formatInstant(boundary(anchor, cadence, index + 1)),
    index,
  };
}

/** Period number `index` of the recurrence (0 starts at the anchor). */
export function billingPeriodAt(anchorIso: string, cadenceIso: string, index: number): BillingPeriod {
  if (!Number.isSafeInteger(index)) {
    throw invalid(BillingPeriodErrors.outOfRange, `Billing period index ${index} is not an integer`);
  }
  return periodAt(
    parseInstant(anchorIso, 'billingAnchor'),
    requireCadence(cadenceIso, 'billingCadence'),
    index,
  );
}

/** The period `[from, to)` holding `instantIso`; an instant on a boundary belongs to the later period. */
export function billingPeriodContaining(
  anchorIso: string,
  cadenceIso: string,
  instantIso: string,
): BillingPeriod {
  const anchor = parseInstant(anchorIso, 'billingAnchor');
  const cadence = requireCadence(cadenceIso, 'billingCadence');
  return periodAt(anchor, cadence, indexContaining(anchor, cadence, parseInstant(instantIso)));
}

/** The period after the one holding `instantIso`. */
export function nextBillingPeriod(anchorIso: string, cadenceIso: string, instantIso: string): BillingPeriod {
  const anchor = parseInstant(anchorIso, 'billingAnchor');
  const cadence = requireCadence(cadenceIso, 'billingCadence');
  return periodAt(anchor, cadence, indexContaining(anchor, cadence, parseInstant(instantIso)) + 1);
}

/**
 * Every whole period that overlaps `[fromIso, toIso)`, in order — the first may start before `from`
 * and the last end after `to`; clip them if you need the overlap. An empty or reversed range gives
 * `[]`. More than `maxPeriods` periods is refused (`SUBSCRIPTIONS.TOO_MANY_BILLING_PERIODS`) before
 * any is built, so a wide range over an hourly cadence cannot exhaust memory.
 */
export function periodsBetween(
  anchorIso: string,
  cadenceIso: string,
  fromIso: string,
  toIso: string,
  maxPeriods: number = MAX_PERIODS_BETWEEN,
): BillingPeriod[] {
  const anchor = parseInstant(anchorIso, 'billingAnchor');
  const cadence = requireCadence(cadenceIso, 'billingCadence');
  const from = parseInstant(fromIso, 'from');
  const to = parseInstant(toIso, 'to');
  if (to <= from) return [];
  const first = indexContaining(anchor, cadence, from);
  const atEnd = indexContaining(anchor, cadence, to);
  const last = boundary(anchor, cadence, atEnd).toMillis() === to.toMillis() ? atEnd - 1 : atEnd;
  const count = last - first + 1;
  if (count > maxPeriods) {
    throw invalid(
      BillingPeriodErrors.tooManyPeriods,
      `The range spans ${count} billing periods; at most ${maxPeriods} are allowed`,
    );
  }
  return Array.from({ length: count }, (_, offset) => periodAt(anchor, cadence, first + offset));
}
