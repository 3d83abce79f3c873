import {
  asEqualityMap,
  equalityFilters,
  normalizeFilters,
  sameFilters,
  stringFilterProblems,
} from './string-filter';

const fields = (value: unknown) => stringFilterProblems('f', value, 'X').map((problem) => problem.field);

describe("OpenMeter's FilterString", () => {
  it('takes one operator per object, nulls being absent, and {} as match-all', () => {
    expect(fields({ $eq: 'a' })).toEqual([]);
    expect(fields({ $eq: 'a', $ne: null })).toEqual([]);
    expect(fields({})).toEqual([]);
    expect(fields({ $eq: 'a', $ne: 'b' })).toEqual(['f']);
    expect(fields({ $regex: 'a' })).toEqual(['f.$regex']);
  });

  it('refuses empty strings, empty lists, non-booleans for $exists, and nesting past the bound', () => {
    expect(fields({ $eq: '' })).toEqual(['f.$eq']);
    expect(fields({ $in: [] })).toEqual(['f.$in']);
    expect(fields({ $in: ['a', 1] })).toEqual(['f.$in[1]']);
    expect(fields({ $exists: 'yes' })).toEqual(['f.$exists']);
    expect(fields({ $and: [{ $or: [{ $and: [{ $eq: 'a' }] }] }] })).toEqual([]);
    expect(fields({ $and: [{ $or: [{ $and: [{ $or: [{ $eq: 'a' }] }] }] }] })).toEqual([
      'f.$and[0].$or[0].$and[0].$or',
    ]);
    expect(fields('a')).toEqual(['f']);
  });

  it('turns the legacy map into equalities and back, only while every filter is one', () => {
    expect(equalityFilters({ model: 'gpt-4' })).toEqual({ model: { $eq: 'gpt-4' } });
    expect(asEqualityMap({ model: { $eq: 'gpt-4' } })).toEqual({ model: 'gpt-4' });
    expect(asEqualityMap({ model: { $in: ['gpt-4'] } })).toBeUndefined();
    expect(normalizeFilters({ m: { $eq: null, $in: ['a'] } })).toEqual({ m: { $in: ['a'] } });
    expect(
      sameFilters({ a: { $eq: 'x' }, b: { $eq: 'y' } }, { b: { $eq: 'y', $ne: null }, a: { $eq: 'x' } }),
    ).toBe(true);
  });
});
