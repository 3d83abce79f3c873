import type { DistinctValue } from '../usage-aggregator';
import type { ProjectionTransaction } from '../../projections/projection';

/** The UTC units a UNIQUE_COUNT meter keeps exact distinct counters for. */
export type CounterUnit = 'hour' | 'day' | 'month' | 'all';

/** The whole meter's scope; a customer's scope is its id. */
export const METER_SCOPE = '';

/** Units kept for the whole meter (query windows and ranges) and for each customer (invoices, filters). */
const METER_UNITS: readonly CounterUnit[] = ['hour', 'day', 'month', 'all'];
const CUSTOMER_UNITS: readonly CounterUnit[] = ['month', 'all'];

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
    const levels = [1, 2, 3, 4];
    // Each level inserts only the values the level below it gained: a value already in an hour's set
    // is already in its day's, month's and all-time sets (every insert runs up the whole chain).
    const chain = levels
      .slice(1)
      .map(
        (level) => `, l${level} AS (
         INSERT INTO ${sets} (meter_id, scope, unit, unit_start, value)
         SELECT c.meter_id, c.scope, c.u${level}, c.s${level}, c.value
         FROM c JOIN l${level - 1} AS below
           ON below.meter_id = c.meter_id AND below.scope = c.scope AND below.unit = c.u${level - 1}
          AND below.unit_start = c.s${level - 1} AND below.value = c.value
         WHERE c.u${level} IS NOT NULL
         ON CONFLICT DO NOTHING
         RETURNING meter_id, scope, unit, unit_start, value)`,
      )
      .join('');
    const candidates = this.candidates();
    await tx.query(
      `WITH slot AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[])
           AS s(meter_id, scope, unit, unit_start, first_time, last_time)
       ), c AS (
         SELECT * FROM unnest($7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::text[],
                              $13::timestamptz[], $14::text[], $15::timestamptz[], $16::text[], $17::timestamptz[])
           AS c(meter_id, scope, value, u1, s1, u2, s2, u3, s3, u4, s4)
       ), l1 AS (
         INSERT INTO ${sets} (meter_id, scope, unit, unit_start, value)
         SELECT meter_id, scope, u1, s1, value FROM c
         ON CONFLICT DO NOTHING
         RETURNING meter_id, scope, unit, unit_start, value)${chain}
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
        candidates.map((c) => c.meterId),
        candidates.map((c) => c.scope),
        candidates.map((c) => c.value),
        ...levels.flatMap((level) => [
          candidates.map((c) => c.units[level - 1] ?? null),
          candidates.map((c) => {
            const start = c.starts[level - 1];
            return start === undefined ? null : new Date(start).toISOString();
          }),
        ]),
      ],
    );
  }

  /** One row per value and finest unit of each scope, with the starts of every unit above it. */
  private candidates(): {
    meterId: string;
    scope: string;
    value: string;
    units: readonly CounterUnit[];
    starts: number[];
  }[] {
    const rows = new Map<
      string,
      { meterId: string; scope: string; value: string; units: readonly CounterUnit[]; starts: number[] }
    >();
    for (const slot of this.slots.values()) {
      const units = unitsFor(slot.scope);
      if (slot.unit !== units[0]) continue;
      for (const value of slot.values) {
        const key = `${slot.meterId}\u0000${slot.scope}\u0000${slot.start}\u0000${value}`;
        if (rows.has(key)) continue;
        rows.set(key, {
          meterId: slot.meterId,
          scope: slot.scope,
          value,
          units,
          starts: units.map((unit) => unitStart(unit, slot.start)),
        });
      }
    }
    return [...rows.values()];
  }
}
