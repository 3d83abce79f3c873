/**
 * The one rule for instants that come in from outside — an event's `time`, a meter's `eventFrom`, a
 * subscription's `timing` or `billingAnchor`, a query's `from` and `to`: an RFC 3339 date-time with
 * an offset, whose UTC instant lies in [`EARLIEST_INSTANT`, `LATEST_INSTANT`).
 *
 * PostgreSQL's timestamptz and the four-digit years of RFC 3339 and `Date#toISOString` end at
 * 0001-01-01 and 9999-12-31 in UTC; a valid RFC 3339 text can still fall outside once normalised
 * (`0001-01-01T00:30:00+01:00` is year 0). Such an instant, once in the log, stopped every projection
 * that stored it. The bounds stand a thousand years inside those ends, so every window, time zone
 * and billing period computed from an accepted instant stays representable too, and clear of the
 * years 0–99 that `Date.UTC` reads as 1900–1999.
 */
export const EARLIEST_INSTANT = '1000-01-01T00:00:00Z';
/** Exclusive. */
export const LATEST_INSTANT = '9000-01-01T00:00:00Z';
export const EARLIEST_INSTANT_MS = Date.UTC(1000, 0, 1);
export const LATEST_INSTANT_MS = Date.UTC(9000, 0, 1);

export const NOT_AN_INSTANT = 'must be an RFC 3339 date-time with an offset';
export const INSTANT_OUT_OF_RANGE = `must lie from ${EARLIEST_INSTANT} up to (not including) ${LATEST_INSTANT} in UTC`;

export type InstantReading =
  | { readonly ok: true; readonly ms: number }
  | { readonly ok: false; readonly problem: typeof NOT_AN_INSTANT | typeof INSTANT_OUT_OF_RANGE };

/** RFC 3339 (`T`/`Z` in either case, offset mandatory); the fields are range-checked after. */
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Epoch milliseconds of an instant Tally accepts, or the problem with it (`field` + problem reads as a sentence). */
export function readInstant(value: unknown): InstantReading {
  const ms = parseRfc3339(value);
  if (ms === undefined) return { ok: false, problem: NOT_AN_INSTANT };
  if (ms < EARLIEST_INSTANT_MS || ms >= LATEST_INSTANT_MS)
    return { ok: false, problem: INSTANT_OUT_OF_RANGE };
  return { ok: true, ms };
}

/** The canonical spelling of an RFC 3339 date-time already checked: UTC with milliseconds, as `Date#toISOString` writes it. */
export function utcIso(checked: string): string {
  return new Date(parseRfc3339(checked)!).toISOString();
}

/**
 * Epoch milliseconds of an RFC 3339 date-time, or undefined when it is not one. Digits past the
 * millisecond are dropped, as `Date.parse` drops them. A leap second (`23:59:60Z`, valid RFC 3339)
 * counts as the last millisecond of its minute, so it stays in its minute, day and billing period
 * (JavaScript time, like PostgreSQL's, has no leap seconds). On the ingestion hot path (twice an
 * event) and the projection's (once): the time is built from the checked fields rather than handing
 * the text on to `Date.parse` (BENCHMARKS.md).
 */
export function parseRfc3339(value: unknown): number | undefined {
  const fields = typeof value === 'string' ? RFC3339.exec(value) : null;
  if (!fields) return undefined;
  const year = Number(fields[1]);
  const month = Number(fields[2]);
  const day = Number(fields[3]);
  const hour = Number(fields[4]);
  const minute = Number(fields[5]);
  const second = Number(fields[6]);
  const offsetHours = fields[9] === undefined ? 0 : Number(fields[9]);
  const offsetMinutes = fields[10] === undefined ? 0 : Number(fields[10]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (
    !monthDays ||
    day < 1 ||
    day > monthDays ||
    hour > 23 ||
    minute > 59 ||
    second > 60 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return undefined;
  }
  const leapSecond = second === 60;
  const millisecond = leapSecond
    ? 999
    : fields[7] === undefined
      ? 0
      : Number(fields[7].slice(0, 3).padEnd(3, '0'));
  const instant = new Date(Date.UTC(2000, 0, 1, hour, minute, leapSecond ? 59 : second, millisecond));
  // setUTCFullYear, not Date.UTC's year: Date.UTC reads years 0–99 as 1900–1999.
  instant.setUTCFullYear(year, month - 1, day);
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
  return instant.getTime() - (fields[8] === '-' ? -offsetMs : offsetMs);
}
