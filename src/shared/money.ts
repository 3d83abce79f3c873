import DecimalJs from 'decimal.js';

/**
 * The one decimal type for money and billing quantities. An independent clone so no other module's
 * configuration can change ours; 60 significant digits keep intermediate results exact for any
 * realistic bill, and rounding happens only once, at the end, to the currency's minor unit.
 */
export const Decimal = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Decimal = InstanceType<typeof Decimal>;

/** Decimal strings on the wire: optional sign, digits, optional fraction; no exponent, no spaces. */
export const DECIMAL_STRING = /^-?(0|[1-9]\d*)(\.\d+)?$/;

export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 80 && DECIMAL_STRING.test(value);
}

/** Canonical decimal string: no exponent, no trailing fractional zeros ("3.10" → "3.1", "-0" → "0"). */
export function toDecimalString(value: Decimal): string {
  const text = value.toFixed();
  return text === '-0' ? '0' : text;
}
