import { invalid } from '../../shared/errors';
import { Decimal, toDecimalString } from '../../shared/money';

/**
 * ISO 4217 (list one) minor units for the currencies whose exponent is not 2; every other billable
 * code has 2. A table rather than `Intl.NumberFormat(...).maximumFractionDigits`: Node 20's ICU
 * reports CLDR display digits, which disagree with ISO for currencies an invoice must get right
 * (IQD is 3, not 0; HUF, IDR, COP, PKR and a dozen more are 2, not 0) and it answers 2 for any
 * code it has never heard of. CLF, UYW and UYI are listed even though today's ICU does not know
 * them, so a newer ICU that does cannot silently give them 2.
 */
// prettier-ignore
const MINOR_UNITS_NOT_TWO: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
  RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/**
 * Codes ISO 4217 gives no minor unit ("N.A."): precious metals, SDR-like units of account, the
 * testing and "no currency" codes. ICU knows some of them (XDR, XSU), but nothing can be invoiced
 * in them because there is no smallest unit to round to.
 */
const WITHOUT_MINOR_UNIT: ReadonlySet<string> = new Set(
  'XAG XAU XBA XBB XBC XBD XDR XPD XPT XSU XTS XUA XXX'.split(' '),
);

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Read once: the set ICU ships with is fixed for the life of the process. */
const KNOWN_TO_INTL: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** A three-letter upper-case ISO 4217 code that Intl knows and that has a minor unit to round to. */
export function isCurrencyCode(code: unknown): code is string {
  return (
    typeof code === 'string' &&
    CURRENCY_CODE.test(code) &&
    KNOWN_TO_INTL.has(code) &&
    !WITHOUT_MINOR_UNIT.has(code)
  );
}

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
  return MINOR_UNITS_NOT_TWO[currency] ?? 2;
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
