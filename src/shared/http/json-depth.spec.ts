import fc from 'fast-check';
import { Decimal } from '../money';
import { scanJsonText } from './json-depth';

const nestsDeeperThan = (text: string, limit: number) => scanJsonText(text, limit).tooDeep;

describe('scanJsonText: depth', () => {
  it('measures the nesting of arrays and objects', () => {
    expect(nestsDeeperThan('[[1]]', 2)).toBe(false);
    expect(nestsDeeperThan('[[[1]]]', 2)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":[]}}', 2)).toBe(true);
    expect(nestsDeeperThan('[[],[],[],[]]', 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan('["[[[[", "\\"[[[[", "\\\\", {"{{{{": "}}}}"}]', 2)).toBe(false);
    expect(nestsDeeperThan('["\\\\"[[]]]', 2)).toBe(true);
  });

  it('agrees with the depth of any JSON value', () => {
    const depth = (value: unknown): number =>
      value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depth)) : 0;
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat({ max: 6 }), (value, limit) => {
        expect(nestsDeeperThan(JSON.stringify(value), limit)).toBe(depth(value) > limit);
      }),
    );
  });
});

describe('scanJsonText: numbers JSON.parse may alter', () => {
  const mayAlter = (text: string) => scanJsonText(text, 64).mayAlterNumbers;

  it('flags a number with an exponent or 16 digits or more, wherever it stands', () => {
    for (const text of [
      '{"a":1e5}',
      '[1E-400]',
      '{"a":[0, -2.5e+3]}',
      '12345678901234567',
      '[0.000000000000001]',
    ]) {
      expect([text, mayAlter(text)]).toEqual([text, true]);
    }
    expect(mayAlter('{"a":1234567890.123456}')).toBe(true);
  });

  it('lets every other number by, and digits and exponents inside strings too', () => {
    for (const text of [
      '{"a":123456789012345,"b":-0.1,"c":1.10,"d":-0}',
      '{"id":"12345678901234567890","e":"1e400","k1e5":"x"}',
      '{"time":"2024-01-01T12:34:56.123456789Z","u":"57b5f342-b8d5-49ae-9d6c-350c1d92155c"}',
      '["\\"]',
    ]) {
      expect([text, mayAlter(text)]).toEqual([text, false]);
    }
  });

  it('lets by only numbers JSON.parse keeps exactly', () => {
    const digits = (min: number, max: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    const token = fc
      .tuple(
        fc.constantFrom('', '-'),
        fc.oneof(
          fc.constant('0'),
          fc.tuple(fc.constantFrom(...'123456789'), digits(0, 19)).map(([a, b]) => a + b),
        ),
        fc.option(digits(1, 20)),
        fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(1, 3))),
      )
      .map(([sign, whole, fraction, exponent]) =>
        [
          sign,
          whole,
          fraction === null ? '' : `.${fraction}`,
          exponent === null ? '' : exponent.join(''),
        ].join(''),
      );
    fc.assert(
      fc.property(token, (number) => {
        if (!mayAlter(`{"n":${number}}`)) {
          expect([number, new Decimal(number).eq(String(JSON.parse(number)))]).toEqual([number, true]);
        }
      }),
      { numRuns: 5_000 },
    );
  });
});
