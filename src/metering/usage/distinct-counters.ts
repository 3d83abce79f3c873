import type { DistinctValue } from '../usage-aggregator';
import type { ProjectionTransaction } from '../../projections/projection';

/** The UTC units a UNIQUE_COUNT meter keeps exact distinct counters for. */
export type CounterUnit = 'hour' | 'day' | 'month' | 'all';

/** The whole meter's scope; a customer's scope is its id. */
export const METER_SCOPE = '';

/** Units kept for the whole meter (query windows and ranges) and for each customer (invoices, filters). */
const METER_UNITS: readonly CounterUnit[] = ['hour', 'day', 'month', 'all'];
const CUSTOMER_UNITS: readonly CounterUnit[] = ['month', 'all'];

/** The unit above each in a scope's chain (see `unitsFor`), as SQL over a set row's `unit`. */
const NEXT_UNIT_SQL = `CASE unit WHEN 'hour' THEN 'day' WHEN 'day' THEN 'month' WHEN 'month' THEN 'all' END`;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The start (epoch ms, UTC) of the unit holding `timeMs`; all time starts at the epoch. */
export function unitStart(unit: CounterUnit, timeMs: number): number {
  switch (unit) {
    case 'hour':
      return Math.floor(timeMs / HOUR_MS) * HOUR_MS;
    case 'day':
      return Math.floor(timeMs / DAY_MS) * DAY_MS;
    case 'month': {
      const date = new Date(timeMs);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    }
    case 'all':
      return 0;
  }
}

/** The end (exclusive) of the unit starting at `start`. */
export function unitEnd(unit: CounterUnit, start: number): number {
  switch (unit) {
    case 'hour':
      return start + HOUR_MS;
    case 'day':
      return start + DAY_MS;
    case 'month': {
      const date = new Date(start);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    }
    case 'all':
      return Infinity;
  }
}

export function unitsFor(scope: string): readonly CounterUnit[] {
  return scope === METER_SCOPE ? METER_UNITS : CUSTOMER_UNITS;
}

interface Slot {
  readonly meterId: string;
  readonly scope: string;
  readonly unit: CounterUnit;
  readonly start: number;
  first: number;
  last: number;
  readonly values: Set<string>;
}

/**
 * Folds a UNIQUE_COUNT meter's per-minute distinct values into per-unit distinct sets, for the whole meter and
 * for the customer owning the event's subject, and writes them with their counters in one statement:
 * each counter grows by the values its set actually gained, and its first/last event time widens to
 * the usage counted, so the pair stays exact whatever order or batches the usage arrives in.
 */
export class DistinctCounters {
  private readonly slots = new Map<string, Slot>();

  /**
   * @param seen one value of one minute, as the minute aggregator folded it.
   * @param customer the customer owning its subject, if any.
   * @param meterScope false when only the customer's counters are being rebuilt.
   */
  add(seen: DistinctValue, customer: string | undefined, meterScope = true): void {
    if (meterScope) this.addTo(seen, METER_SCOPE);
    if (customer !== undefined) this.addTo(seen, customer);
  }

  get isEmpty(): boolean {
    return this.slots.size === 0;
  }

  private addTo(seen: DistinctValue, scope: string): void {
    const units = unitsFor(scope);
    for (const unit of units) {
      const start = unitStart(unit, seen.minuteMs);
      const key = `${seen.meterId}\u0000${scope}\u0000${unit}\u0000${start}`;
      let slot = this.slots.get(key);
      if (!slot) {
        slot = {
          meterId: seen.meterId,
          scope,
          unit,
          start,
          first: seen.firstMs,
          last: seen.lastMs,
          values: new Set(),
        };
        this.slots.set(key, slot);
      }
      if (seen.firstMs < slot.first) slot.first = seen.firstMs;
      if (seen.lastMs > slot.last) slot.last = seen.lastMs;
      // The coarser units' values follow from the finest unit's (see write).
      if (unit === units[0]) slot.values.add(seen.value);
    }
  }

  async write(tx: ProjectionTransaction): Promise<void> {
    if (this.slots.size === 0) return;
    const slots = [...this.slots.values()];
    const sets = tx.table('usage_distinct_sets');
    const counts = tx.table('usage_distinct_counts');
    // Each level inserts only the values the level below it gained: a value already in an hour's set
    // is already in its day's, month's and all-time sets (every insert runs up the whole chain).
    const up = (level: number) => `, l${level} AS (
         INSERT INTO ${sets} (meter_id, scope, unit, unit_start, value)
         SELECT meter_id, scope, next.unit,
                CASE next.unit WHEN 'all' THEN 'epoch'::timestamptz ELSE date_trunc(next.unit, unit_start, 'UTC') END,
                value
         FROM l${level - 1}, LATERAL (SELECT ${NEXT_UNIT_SQL} AS unit) AS next
         WHERE next.unit IS NOT NULL
         ON CONFLICT DO NOTHING
         RETURNING meter_id, scope, unit, unit_start, value)`;
    const levels = [1, 2, 3, 4];
    const finest = slots.filter((slot) => slot.unit === unitsFor(slot.scope)[0]);
    const values = { slot: [] as number[], value: [] as string[] };
    finest.forEach((slot, index) => {
      for (const value of slot.values) {
        values.slot.push(index + 1);
        values.value.push(value);
      }
    });
    await tx.query(
      `WITH slot AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[])
           AS s(meter_id, scope, unit, unit_start, first_time, last_time)
       ), finest AS (
         SELECT * FROM unnest($7::text[], $8::text[], $9::text[], $10::timestamptz[])
           WITH ORDINALITY AS f(meter_id, scope, unit, unit_start, n)
       ), l1 AS (
         INSERT INTO ${sets} (meter_id, scope, unit, unit_start, value)
         SELECT finest.meter_id, finest.scope, finest.unit, finest.unit_start, v.value
         FROM unnest($11::int[], $12::text[]) AS v(n, value) JOIN finest USING (n)
         ON CONFLICT DO NOTHING
         RETURNING meter_id, scope, unit, unit_start, value)${levels.slice(1).map(up).join('')}
       , gained AS (
         SELECT meter_id, scope, unit, unit_start, count(*) AS values_seen
         FROM (${levels.map((level) => `SELECT meter_id, scope, unit, unit_start FROM l${level}`).join(' UNION ALL ')}) AS added
         GROUP BY 1, 2, 3, 4
       )
       INSERT INTO ${counts} AS t (meter_id, scope, unit, unit_start, values_seen, first_time, last_time)
       SELECT slot.meter_id, slot.scope, slot.unit, slot.unit_start, coalesce(gained.values_seen, 0),
              slot.first_time, slot.last_time
       FROM slot LEFT JOIN gained USING (meter_id, scope, unit, unit_start)
       ON CONFLICT (meter_id, scope, unit, unit_start) DO UPDATE SET
         values_seen = t.values_seen + excluded.values_seen,
         first_time = least(t.first_time, excluded.first_time),
         last_time = greatest(t.last_time, excluded.last_time)`,
      [
        slots.map((s) => s.meterId),
        slots.map((s) => s.scope),
        slots.map((s) => s.unit),
        slots.map((s) => new Date(s.start).toISOString()),
        slots.map((s) => new Date(s.first).toISOString()),
        slots.map((s) => new Date(s.last).toISOString()),
        finest.map((s) => s.meterId),
        finest.map((s) => s.scope),
        finest.map((s) => s.unit),
        finest.map((s) => new Date(s.start).toISOString()),
        values.slot,
        values.value,
      ],
    );
  }
}
