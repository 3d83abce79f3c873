import { DomainError } from '../../shared/errors';
import { Decimal } from '../../shared/money';
import { isCurrencyCode, minorUnits, roundMoney } from './currencies';

describe('currencies', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['CLP', 0],
    ['ISK', 0],
    ['XOF', 0],
    ['BHD', 3],
    ['KWD', 3],
    ['JOD', 3],
    ['TND', 3],
    // ICU's display digits say 0 for these; ISO 4217 says otherwise, and invoices follow ISO.
    ['IQD', 3],
    ['HUF', 2],
    ['IDR', 2],
    ['COP', 2],
    ['PKR', 2],
    // ISO 4217 codes Node's ICU does not know: the list, not the runtime, decides.
    ['CLF', 4],
    ['UYI', 0],
  ])('%s has %i minor-unit digits', (currency, digits) => {
    expect(minorUnits(currency)).toBe(digits);
  });

  it.each(['USD', 'EUR', 'JPY', 'BHD', 'CHF'])('accepts %s', (code) => {
    expect(isCurrencyCode(code)).toBe(true);
  });

  it.each([
    ['lower case', 'usd'],
    ['too long', 'USDT'],
    ['unknown to ISO', 'ZZZ'],
    ['no minor unit (SDR)', 'XDR'],
    ['not a string', 840],
    ['empty', ''],
  ])('refuses %s', (_, code) => {
    expect(isCurrencyCode(code)).toBe(false);
  });

  it('refuses to give minor units for an unknown currency', () => {
    expect(() => minorUnits('ZZZ')).toThrow(DomainError);
    expect(() => minorUnits('ZZZ')).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'BILLING.INVALID_CURRENCY' }),
    );
  });

  // Half-up: every case below ending in 5 would go the other way under banker's rounding.
  it.each([
    ['0.125', 'USD', '0.13'],
    ['0.135', 'USD', '0.14'],
    ['0.1249999', 'USD', '0.12'],
    ['2.5', 'JPY', '3'],
    ['0.5', 'JPY', '1'],
    ['1.0005', 'BHD', '1.001'],
    ['1.0004999', 'BHD', '1'],
    ['10', 'USD', '10'],
    ['0', 'USD', '0'],
    ['12.30', 'USD', '12.3'],
    ['-0.125', 'USD', '-0.13'],
  ])('rounds %s %s to %s', (amount, currency, rounded) => {
    expect(roundMoney(new Decimal(amount), currency)).toBe(rounded);
  });
});
