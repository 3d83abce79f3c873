import { invalid } from '../../shared/errors';
import { isCurrencyCode, minorUnitsOf } from '../../shared/currencies';
import { Decimal, toDecimalString } from '../../shared/money';

export { isCurrencyCode };

/** Throws `BILLING.INVALID_CURRENCY` unless `isCurrencyCode(currency)`. */
export function assertCurrencyCode(currency: unknown): asserts currency is string {
  if (!isCurrencyCode(currency)) {
    throw invalid(
      'BILLING.INVALID_CURRENCY',
      `Unknown or non-billable currency: ${JSON.stringify(currency)}`,
      [
        {
          field: 'currency',
          message: 'must be an ISO 4217 currency code with a minor unit',
          code: 'BILLING.INVALID_CURRENCY',
        },
      ],
    );
  }
}

/** Decimal places of the currency's minor unit (USD 2, JPY 0, BHD 3). Throws `BILLING.INVALID_CURRENCY`. */
export function minorUnits(currency: string): number {
  assertCurrencyCode(currency);
  return minorUnitsOf(currency)!;
}

/**
 * The one place money is rounded. Half-up (half away from zero, as decimal.js applies ROUND_HALF_UP
 * to negatives): it is what a customer checking a line with a calculator expects, and it is what
 * OpenMeter's decimal `Round` does, so the same usage bills the same cents in both. Banker's rounding
 * would only pay off if many rounded values were summed; Tally rounds each line once, at the end.
 * The result is canonical (no trailing zeros), like every decimal string Tally stores.
 */
export function roundMoney(amount: Decimal, currency: string): string {
  return toDecimalString(amount.toDecimalPlaces(minorUnits(currency), Decimal.ROUND_HALF_UP));
}
