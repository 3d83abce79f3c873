import { Decimal, isDecimalString, toDecimalString } from './money';

describe('money', () => {
  it('adds decimal strings exactly where binary floats drift', () => {
    expect(toDecimalString(new Decimal('0.1').plus('0.2'))).toBe('0.3');
  });
  it('writes canonical strings without exponents', () => {
    expect(toDecimalString(new Decimal('1e-30'))).toBe('0.000000000000000000000000000001');
    expect(toDecimalString(new Decimal('-0'))).toBe('0');
    expect(toDecimalString(new Decimal('3.10'))).toBe('3.1');
  });
  it('recognises decimal strings and refuses everything else', () => {
    expect(['0', '1', '-2.5', '10.00'].every(isDecimalString)).toBe(true);
    expect(['', '01', '1e3', ' 1', 'NaN', '1.', '.5', 1].some(isDecimalString)).toBe(false);
  });
});
