import fc from 'fast-check';
import { nestsDeeperThan } from './json-depth';

describe('nestsDeeperThan', () => {
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
