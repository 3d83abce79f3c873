import type { LogPosition } from '../../event-store/event-store.port';
import type { Period } from './draft-invoice';
import type { GroupByFilters } from '../../shared/string-filter';

export const METERED_QUANTITY = Symbol('MeteredQuantity');

export interface MeteredQuantityRequest {
  readonly meterSlug: string;
  /** Usage is attributed to the customer through its key and subject keys. */
  readonly customerId: string;
  readonly window: Period;
  readonly filterGroupBy: GroupByFilters;
}

/** The meter's value for a customer over a window, as a decimal string: what an invoice line bills. */
export interface MeteredQuantity {
  /**
   * Each request's quantity, in order. The caller has already waited for `projections` (one
   * read-your-writes wait for the whole invoice, not one per line).
   */
  quantities(namespace: string, requests: readonly MeteredQuantityRequest[]): Promise<string[]>;
  /**
   * The same, all read at one log position, which is given: the quantities count exactly the usage
   * at or before `through`. What an issued document bills is defined by it.
   */
  quantitiesAsOf(
    namespace: string,
    requests: readonly MeteredQuantityRequest[],
  ): Promise<{ quantities: string[]; through: LogPosition }>;
  /** The projections quantities are read from, for read-your-writes. */
  readonly projections: readonly string[];
}
