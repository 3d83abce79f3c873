import type { MeterDefinition, UsageFact } from '../measurement';
import { measure } from '../measurement';
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
 * Folds the usage a UNIQUE_COUNT meter counts into per-unit distinct sets, for the whole meter and
 * for the customer owning the event's subject, and writes them with their counters in one statement:
 * each counter grows by the values its set actually gained, and its first/last event time widens to
 * the usage counted, so the pair stays exact whatever order or batches the usage arrives in.
 */
export class DistinctCounters {
  private readonly slots = new Map<string, Slot>();

  /**
   * @param customer the customer owning the fact's subject, if any.
   * @param meterScope false when only the customer's counters are being rebuilt.
   */
  add(meter: MeterDefinition, fact: UsageFact, customer: string | undefined, meterScope = true): void {
    const measurement = measure(meter, fact);
    if (!measurement?.counted || measurement.value === undefined) return;
    if (meterScope) this.addTo(meter.id, METER_SCOPE, fact.timeMs, measurement.value);
    if (customer !== undefined) this.addTo(meter.id, customer, fact.timeMs, measurement.value);
  }

  get isEmpty(): boolean {
    return this.slots.size === 0;
  }

  private addTo(meterId: string, scope: string, timeMs: number, value: string): void {
    for (const unit of unitsFor(scope)) {
      const start = unitStart(unit, timeMs);
      const key = `${meterId}\u0000${scope}\u0000${unit}\u0000${start}`;
      let slot = this.slots.get(key);
      if (!slot) {
        slot = { meterId, scope, unit, start, first: timeMs, last: timeMs, values: new Set() };
        this.slots.set(key, slot);
      }
      if (timeMs < slot.first) slot.first = timeMs;
      if (timeMs > slot.last) slot.last = timeMs;
      slot.values.add(value);
    }
  }

  async write(tx: ProjectionTransaction): Promise<void> {
    if (this.slots.size === 0) return;
    const slots = [...this.slots.values()];
    const values = { slot: [] as number[], value: [] as string[] };
    slots.forEach((slot, index) => {
      for (const value of slot.values) {
        values.slot.push(index + 1);
        values.value.push(value);
      }
    });
    const sets = tx.table('usage_distinct_sets');
    const counts = tx.table('usage_distinct_counts');
    await tx.query(
      `WITH slot AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[])
           WITH ORDINALITY AS s(meter_id, scope, unit, unit_start, first_time, last_time, n)
       ), added AS (
         INSERT INTO ${sets} (meter_id, scope, unit, unit_start, value)
         SELECT slot.meter_id, slot.scope, slot.unit, slot.unit_start, v.value
         FROM unnest($7::int[], $8::text[]) AS v(n, value) JOIN slot USING (n)
         ON CONFLICT DO NOTHING
         RETURNING meter_id, scope, unit, unit_start
       ), gained AS (
         SELECT meter_id, scope, unit, unit_start, count(*) AS values_seen FROM added GROUP BY 1, 2, 3, 4
       )
       INSERT INTO ${counts} AS c (meter_id, scope, unit, unit_start, values_seen, first_time, last_time)
       SELECT slot.meter_id, slot.scope, slot.unit, slot.unit_start, coalesce(gained.values_seen, 0),
              slot.first_time, slot.last_time
       FROM slot LEFT JOIN gained USING (meter_id, scope, unit, unit_start)
       ON CONFLICT (meter_id, scope, unit, unit_start) DO UPDATE SET
         values_seen = c.values_seen + excluded.values_seen,
         first_time = least(c.first_time, excluded.first_time),
         last_time = greatest(c.last_time, excluded.last_time)`,
      [
        slots.map((s) => s.meterId),
        slots.map((s) => s.scope),
        slots.map((s) => s.unit),
        slots.map((s) => new Date(s.start).toISOString()),
        slots.map((s) => new Date(s.first).toISOString()),
        slots.map((s) => new Date(s.last).toISOString()),
        values.slot,
        values.value,
      ],
    );
  }
}
