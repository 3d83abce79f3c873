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
 * for the customer owning the event's subject, and writes them with their counters in the same
 * transaction: each counter grows by the values its set actually gained, and its first/last event time widens to
 * the usage counted, so the pair stays exact whatever order or batches the usage arrives in.
 */
export class DistinctCounters {
  private readonly slots = new Map<string, Slot>();
  /** Each minute's slots, finest unit first: the many values of one minute look their units up once. */
  private readonly slotsOfMinute = new Map<string, Slot[]>();

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
    const minute = `${seen.meterId}\u0000${scope}\u0000${seen.minuteMs}`;
    let slots = this.slotsOfMinute.get(minute);
    if (!slots) {
      slots = unitsFor(scope).map((unit) => this.slotOf(seen, scope, unit));
      this.slotsOfMinute.set(minute, slots);
    }
    for (const slot of slots) {
      if (seen.firstMs < slot.first) slot.first = seen.firstMs;
      if (seen.lastMs > slot.last) slot.last = seen.lastMs;
    }
    // The coarser units' values follow from the finest unit's (see write).
    slots[0].values.add(seen.value);
  }

  /** The slot of the unit holding the value's minute, empty when the batch has none yet. */
  private slotOf(seen: DistinctValue, scope: string, unit: CounterUnit): Slot {
    const start = unitStart(unit, seen.minuteMs);
    const key = slotKey(seen.meterId, scope, unit, start);
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
    return slot;
  }

  async write(tx: ProjectionTransaction): Promise<void> {
    if (this.slots.size === 0) return;
    const slots = [...this.slots.values()];
    const counts = tx.table('usage_distinct_counts');
    const setValues = tx.table('usage_distinct_slot_values');
    // Every unit the batch touches gets its counter row, numbered on first use, with its event
    // times widened; the number is the unit's key in the sets.
    const numbered = await tx.query<{
      slot: string;
      meter_id: string;
      scope: string;
      unit: string;
      unit_start: Date;
    }>(
      `INSERT INTO ${counts} AS t (meter_id, scope, unit, unit_start, values_seen, first_time, last_time)
       SELECT meter_id, scope, unit, unit_start, 0, first_time, last_time
       FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[])
         AS s(meter_id, scope, unit, unit_start, first_time, last_time)
       ON CONFLICT (meter_id, scope, unit, unit_start) DO UPDATE SET
         first_time = least(t.first_time, excluded.first_time),
         last_time = greatest(t.last_time, excluded.last_time)
       RETURNING slot, meter_id, scope, unit, unit_start`,
      [
        slots.map((s) => s.meterId),
        slots.map((s) => s.scope),
        slots.map((s) => s.unit),
        slots.map((s) => new Date(s.start).toISOString()),
        slots.map((s) => new Date(s.first).toISOString()),
        slots.map((s) => new Date(s.last).toISOString()),
      ],
    );
    const slotNumbers = new Map(
      numbered.map((row) => [
        slotKey(row.meter_id, row.scope, row.unit as CounterUnit, row.unit_start.getTime()),
        row.slot,
      ]),
    );
    const numberOf = (meterId: string, scope: string, unit: CounterUnit, start: number) =>
      slotNumbers.get(slotKey(meterId, scope, unit, start))!;
    const finest = { slot: [] as string[], value: [] as string[] };
    const parents = { slot: [] as string[], parent: [] as string[] };
    for (const slot of slots) {
      const units = unitsFor(slot.scope);
      const number = numberOf(slot.meterId, slot.scope, slot.unit, slot.start);
      const next = units[units.indexOf(slot.unit) + 1];
      if (next !== undefined) {
        parents.slot.push(number);
        parents.parent.push(numberOf(slot.meterId, slot.scope, next, unitStart(next, slot.start)));
      }
      if (slot.unit !== units[0]) continue;
      for (const value of slot.values) {
        finest.slot.push(number);
        finest.value.push(value);
      }
    }
    // Each level inserts only the values the level below it gained: a value already in an hour's set
    // is already in its day's, month's and all-time sets (every insert runs up the whole chain).
    const up = (level: number) => `, l${level} AS (
         INSERT INTO ${setValues} (slot, value)
         SELECT parent.parent, l${level - 1}.value FROM l${level - 1} JOIN parent USING (slot)
         ON CONFLICT DO NOTHING
         RETURNING slot, value)`;
    const levels = [1, 2, 3, 4];
    await tx.query(
      `WITH parent AS (
         SELECT * FROM unnest($3::bigint[], $4::bigint[]) AS p(slot, parent)
       ), l1 AS (
         INSERT INTO ${setValues} (slot, value)
         SELECT * FROM unnest($1::bigint[], $2::text[])
         ON CONFLICT DO NOTHING
         RETURNING slot, value)${levels.slice(1).map(up).join('')}
       , gained AS (
         SELECT slot, count(*) AS values_gained
         FROM (${levels.map((level) => `SELECT slot FROM l${level}`).join(' UNION ALL ')}) AS added
         GROUP BY slot
       )
       UPDATE ${counts} AS t SET values_seen = t.values_seen + gained.values_gained
       FROM gained WHERE t.slot = gained.slot`,
      [finest.slot, finest.value, parents.slot, parents.parent],
    );
  }
}

function slotKey(meterId: string, scope: string, unit: CounterUnit, start: number): string {
  return `${meterId}\u0000${scope}\u0000${unit}\u0000${start}`;
}
