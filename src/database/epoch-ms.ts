/**
 * SQL for the `timestamptz` at `epochMs` milliseconds since 1970 (a `bigint` expression). Statements
 * that send thousands of times at once send them as `bigint[]` of epoch milliseconds rather than
 * `timestamptz[]`: PostgreSQL parses a number far faster than a timestamp's text, and the sender
 * skips `toISOString` (BENCHMARKS.md, "Figures behind the code").
 *
 * Exact over JavaScript's whole range of dates: whole seconds reach `to_timestamp` as a `double` that
 * holds them exactly (its microseconds too), and the milliseconds are added as an interval. Multiplying
 * all the milliseconds by one interval would round them in floating point beyond the year 2255.
 */
export function timestampFromEpochMs(epochMs: string): string {
  return `(to_timestamp(${epochMs} / 1000) + (${epochMs} % 1000) * interval '1 millisecond')`;
}

/** The epoch milliseconds of a time or an ISO-8601 timestamp, for `timestampFromEpochMs`. */
export function epochMsOf(time: Date | string): number {
  return typeof time === 'string' ? Date.parse(time) : time.getTime();
}
