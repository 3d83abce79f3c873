import { minorUnitsOf } from '../../src/shared/currencies';

/**
 * Money as the currency shows it, to its minor unit (`$3.00`, `¥300`, `BHD 1.500`) from Tally's own
 * list of currencies, with more digits only when the amount has them (a unit price of `0.0015`). The
 * decimal string is formatted as it is, never through a float.
 */
export function money(amount: string | undefined, currency: string): string {
  if (amount === undefined) return '—';
  const minor = minorUnitsOf(currency) ?? 2;
  const decimals = amount.includes('.') ? amount.split('.')[1].replace(/e.*$/i, '').length : 0;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: minor,
    maximumFractionDigits: Math.min(20, Math.max(minor, decimals)),
  }).format(amount as Intl.StringNumericLiteral);
}

/** A quantity or count, as sent (a decimal string stays exact). */
export function quantity(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'number'
    ? new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 }).format(value)
    : value;
}

export function localTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** UTC, as hover text beside a local time. */
export function utcTime(iso: string): string {
  return `${new Date(iso)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, '')} UTC`;
}

const CADENCES: Record<string, string> = {
  P1D: '1 day',
  P1W: '1 week',
  P2W: '2 weeks',
  P1M: '1 month',
  P3M: '3 months',
  P6M: '6 months',
  P1Y: '1 year',
};
export const CADENCE_OPTIONS = Object.entries(CADENCES).map(([value, label]) => ({ value, label }));
export const cadence = (iso: string) => CADENCES[iso] ?? iso;

/** A key or slug of the API's pattern (`^[a-z0-9]+(?:_[a-z0-9]+)*$`) made from a name. */
export function keyOf(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
