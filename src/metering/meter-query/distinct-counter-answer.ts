import type { DataSource } from 'typeorm';
import { CounterUnit, METER_SCOPE, unitStart } from '../usage/distinct-counters';
import { UsageTable } from '../usage/usage-tables';
import type { MeterDefinition } from '../measurement';
import type { MeterQuery, MeterQueryShape, WindowSize } from './meter-query.service';

const MINUTE_MS = 60_000;
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Z']);
const UNIT_OF_WINDOW: Partial<Record<WindowSize, CounterUnit>> = { HOUR: 'hour', DAY: 'day', MONTH: 'month' };
/** The units a range without windows is looked up in, smallest first. */
const RANGE_UNITS: readonly CounterUnit[] = ['hour', 'day', 'month'];

/** A result row as the scan would give it: what `rowsOf` turns into an answer. */
export interface CountedRow {
  window_start?: Date;
  customer_id?: string;
  value: string;
  first_minute: Date;
  last_minute: Date;
  [dimension: `g${number}`]: string | null;
}

interface CountRow {
  scope: string;
  unit_start: Date;
  values_seen: string;
  first_time: Date;
  last_time: Date;
}

/**
 * A UNIQUE_COUNT answered from the exact distinct counters instead of a scan, or undefined when the
 * counters cannot say: the query splits values by subject or group, windows in another time zone or
 * by minute, or the range cuts through a unit that has usage on both sides of the cut. A unit whose
 * usage lies wholly inside the range counts exactly what the range holds; one whose usage lies wholly
 * outside counts nothing; only a unit with usage on both sides needs the scan.
 */
export async function answerFromCounters(
  db: DataSource,
  meter: MeterDefinition,
  query: MeterQuery,
  shape: MeterQueryShape,
): Promise<CountedRow[] | undefined> {
  if (meter.aggregation !== 'UNIQUE_COUNT') return undefined;
  if (shape.bySubject || shape.dimensions.length > 0) return undefined;
  if (Object.keys(query.filterGroupBy ?? {}).length > 0) return undefined;
  const customers =
    query.customerIds && query.customerIds.length > 0 ? [...new Set(query.customerIds)] : undefined;
  // Grouped by customer without naming them: subjects no customer claims would need a row of their own.
  if (shape.byCustomer && !customers) return undefined;
  if (query.windowSize && !UTC_ZONES.has(query.windowTimeZone ?? 'UTC')) return undefined;
  const scopes = customers ?? [METER_SCOPE];

  const from = query.from?.getTime();
  const to = query.to?.getTime();
  let unit: CounterUnit;
  let starts: { from: number; to?: number };
  if (query.windowSize) {
    const windowUnit = UNIT_OF_WINDOW[query.windowSize];
    if (!windowUnit) return undefined;
    // Customers keep only month and all-time counters.
    if (customers && windowUnit !== 'month') return undefined;
    unit = windowUnit;
    starts = { from: from === undefined ? 0 : unitStart(unit, from), ...(to === undefined ? {} : { to }) };
  } else {
    unit = 'all';
    if (from !== undefined && to !== undefined) {
      const fits = RANGE_UNITS.filter((u) => !customers || u === 'month').find(
        (u) => unitStart(u, from) === unitStart(u, to - 1),
      );
      if (fits) unit = fits;
    }
    const start = unit === 'all' ? 0 : unitStart(unit, from!);
    starts = { from: start, to: start + 1 };
  }

  const rows = await db.query<CountRow[]>(
    `SELECT scope, unit_start, values_seen, first_time, last_time FROM ${UsageTable.distinctCounts}
     WHERE meter_id = $1 AND scope = ANY($2) AND unit = $3 AND unit_start >= $4
       AND ($5::timestamptz IS NULL OR unit_start < $5)
     ORDER BY unit_start, scope`,
    [
      meter.id,
      scopes,
      unit,
      new Date(starts.from).toISOString(),
      starts.to === undefined ? null : new Date(starts.to).toISOString(),
    ],
  );
  const answer: CountedRow[] = [];
  for (const row of rows) {
    const first = row.first_time.getTime();
    const last = row.last_time.getTime();
    const outside = (from !== undefined && last < from) || (to !== undefined && first >= to);
    if (outside) continue;
    const inside = (from === undefined || first >= from) && (to === undefined || last < to);
    if (!inside) return undefined;
    answer.push({
      ...(query.windowSize ? { window_start: row.unit_start } : {}),
      ...(shape.byCustomer ? { customer_id: row.scope } : {}),
      value: row.values_seen,
      first_minute: new Date(Math.floor(first / MINUTE_MS) * MINUTE_MS),
      last_minute: new Date(Math.floor(last / MINUTE_MS) * MINUTE_MS),
    });
  }
  return answer;
}
