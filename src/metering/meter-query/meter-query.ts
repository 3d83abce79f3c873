import type { GroupByFilters } from '../../shared/string-filter';
import type { MeterDefinition } from '../measurement';

/** A meter query and its answer, as the service, the HTTP edge and billing speak of them. */

export const WINDOW_SIZES = ['MINUTE', 'HOUR', 'DAY', 'MONTH'] as const;

export type WindowSize = (typeof WINDOW_SIZES)[number];

export interface MeterQuery {
  readonly namespace: string;
  /** The meter's id or slug. */
  readonly meter: string;
  /** Inclusive; absent means from the first event. */
  readonly from?: Date;
  /** Exclusive; absent means up to the last event. */
  readonly to?: Date;
  /** Absent: one row per group over the whole range. */
  readonly windowSize?: WindowSize;
  /** IANA name; windows start at midnights (hours, months) of this zone. Defaults to UTC. */
  readonly windowTimeZone?: string;
  readonly subjects?: readonly string[];
  readonly customerIds?: readonly string[];
  /** The meter's group-by names, `subject` and `customer_id`. */
  readonly groupBy?: readonly string[];
  /**
   * Group-by name → the filter its value must pass (OpenMeter's `advancedMeterGroupByFilters`; the
   * legacy `filterGroupBy[name]=value` is `{ $in: [value, …] }`).
   */
  readonly filterGroupBy?: GroupByFilters;
  /** Which parameter the filters came in (the legacy one by default), to name it in a problem. */
  readonly filtersFrom?: 'filterGroupBy' | 'advancedMeterGroupByFilters';
}

export interface MeterQueryRow {
  /** A decimal string, exact but for AVG (60 significant digits). */
  readonly value: string;
  /** The window (or the queried range) the value covers, clipped to `[from, to)`. */
  readonly windowStart: Date;
  readonly windowEnd: Date;
  /** Set when grouped (or filtered) by subject, else null. */
  readonly subject: string | null;
  /** Present when grouped (or filtered) by customer; null for subjects no customer claims. */
  readonly customerId?: string | null;
  readonly groupBy: Readonly<Record<string, string | null>>;
}

/** Which columns the rows carry, so that even an empty answer can name them (CSV headers). */
export interface MeterQueryShape {
  readonly bySubject: boolean;
  readonly byCustomer: boolean;
  /** The meter's own group-by names the rows are split by, in the order asked. */
  readonly dimensions: readonly string[];
}

export interface MeterQueryAnswer {
  readonly meter: MeterDefinition;
  readonly shape: MeterQueryShape;
  readonly rows: readonly MeterQueryRow[];
}
