import type { FieldProblem } from './errors';

/**
 * OpenMeter's `FilterString` (its Go `filter.FilterString`): one operator per object, `$and`/`$or`
 * combining nested filters. A feature's `advancedMeterGroupByFilters` and a meter query's hold one per
 * group-by name. `null` members are absent (OpenMeter's `omitempty`); `{}` matches every value.
 *
 * Against a group-by value an event lacks, a filter sees the empty string, as OpenMeter's ClickHouse
 * (`JSON_VALUE` of a missing path) does: `$ne: "x"` and `$exists: false` match it, `$eq` never does.
 * `$like`/`$ilike` take SQL LIKE patterns (`%`, `_`, `\` escapes); `$contains` matches a part, in any
 * case; `$gt` … `$lte` compare code points.
 */
export interface StringFilter {
  readonly $eq?: string | null;
  readonly $ne?: string | null;
  readonly $exists?: boolean | null;
  readonly $in?: readonly string[] | null;
  readonly $nin?: readonly string[] | null;
  readonly $like?: string | null;
  readonly $nlike?: string | null;
  readonly $ilike?: string | null;
  readonly $nilike?: string | null;
  readonly $contains?: string | null;
  readonly $ncontains?: string | null;
  readonly $gt?: string | null;
  readonly $gte?: string | null;
  readonly $lt?: string | null;
  readonly $lte?: string | null;
  readonly $and?: readonly StringFilter[] | null;
  readonly $or?: readonly StringFilter[] | null;
}

/** Group-by name → the filter its value must pass; every entry must. */
export type GroupByFilters = Readonly<Record<string, StringFilter>>;

export const STRING_OPERATORS = [
  '$eq',
  '$ne',
  '$in',
  '$nin',
  '$like',
  '$nlike',
  '$ilike',
  '$nilike',
  '$contains',
  '$ncontains',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
] as const;
export const LIST_OPERATORS = ['$in', '$nin'] as const;
export const COMBINING_OPERATORS = ['$and', '$or'] as const;
export const FILTER_OPERATORS = [...STRING_OPERATORS, '$exists', ...COMBINING_OPERATORS] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** How deep `$and`/`$or` may nest, and how many members a list may hold: bounds on the SQL a filter makes. */
export const MAX_FILTER_DEPTH = 4;
export const MAX_FILTER_ITEMS = 100;

/** The one operator a valid filter uses, and its operand; undefined for `{}`. */
export function operatorOf(filter: StringFilter): [FilterOperator, unknown] | undefined {
  const entry = Object.entries(filter).find(([, operand]) => operand !== null && operand !== undefined);
  return entry as [FilterOperator, unknown] | undefined;
}

/** The legacy exact-match map (`meterGroupByFilters`, `filterGroupBy[k]=v`) as filters. */
export function equalityFilters(values: Readonly<Record<string, string>>): Record<string, StringFilter> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { $eq: value }]));
}

/** The filters as the legacy exact-match map, when every one is a plain `$eq`; else undefined. */
export function asEqualityMap(filters: GroupByFilters): Record<string, string> | undefined {
  const map: Record<string, string> = {};
  for (const [name, filter] of Object.entries(filters)) {
    const operator = operatorOf(filter);
    if (operator?.[0] !== '$eq') return undefined;
    map[name] = operator[1] as string;
  }
  return map;
}

/**
 * Everything wrong with a map of group-by filters, at paths under `field`
 * (`advancedMeterGroupByFilters.model.$in[2]`). Takes `unknown`: it is the gate untrusted input passes.
 */
export function groupByFiltersProblems(field: string, value: unknown, code: string): FieldProblem[] {
  if (!isObject(value)) return [{ field, code, message: 'must be an object of group-by name → filter' }];
  return Object.entries(value).flatMap(([name, filter]) =>
    stringFilterProblems(`${field}.${name}`, filter, code),
  );
}

export function stringFilterProblems(field: string, value: unknown, code: string, depth = 1): FieldProblem[] {
  const fail = (at: string, message: string): FieldProblem[] => [{ field: at, code, message }];
  if (!isObject(value)) return fail(field, 'must be a filter object such as { "$eq": "value" }');
  const present = Object.entries(value).filter(([, operand]) => operand !== null && operand !== undefined);
  const unknown = present.filter(([name]) => !(FILTER_OPERATORS as readonly string[]).includes(name));
  if (unknown.length > 0)
    return unknown.flatMap(([name]) =>
      fail(`${field}.${name}`, `is not a filter operator: use one of ${FILTER_OPERATORS.join(', ')}`),
    );
  if (present.length > 1) return fail(field, 'may hold one operator only (combine several with $and or $or)');
  if (present.length === 0) return [];
  const [operator, operand] = present[0];
  const at = `${field}.${operator}`;
  if (operator === '$exists') return typeof operand === 'boolean' ? [] : fail(at, 'must be true or false');
  if ((COMBINING_OPERATORS as readonly string[]).includes(operator)) {
    if (depth >= MAX_FILTER_DEPTH) return fail(at, `may nest at most ${MAX_FILTER_DEPTH} levels deep`);
    if (!Array.isArray(operand) || operand.length === 0 || operand.length > MAX_FILTER_ITEMS)
      return fail(at, `must be a list of 1 to ${MAX_FILTER_ITEMS} filters`);
    return operand.flatMap((nested, index) =>
      stringFilterProblems(`${at}[${index}]`, nested, code, depth + 1),
    );
  }
  if ((LIST_OPERATORS as readonly string[]).includes(operator)) {
    if (!Array.isArray(operand) || operand.length === 0 || operand.length > MAX_FILTER_ITEMS)
      return fail(at, `must be a list of 1 to ${MAX_FILTER_ITEMS} strings`);
    return operand.flatMap((item, index) =>
      typeof item === 'string' && item !== '' ? [] : fail(`${at}[${index}]`, 'must be a non-empty string'),
    );
  }
  return typeof operand === 'string' && operand !== '' ? [] : fail(at, 'must be a non-empty string');
}

/** A copy without `null` members: the one spelling a filter is stored in. */
export function normalizeFilter(filter: StringFilter): StringFilter {
  const operator = operatorOf(filter);
  if (!operator) return {};
  const [name, operand] = operator;
  if (name === '$and' || name === '$or') return { [name]: (operand as StringFilter[]).map(normalizeFilter) };
  return { [name]: Array.isArray(operand) ? [...operand] : operand };
}

export function normalizeFilters(filters: GroupByFilters): Record<string, StringFilter> {
  return Object.fromEntries(Object.entries(filters).map(([name, filter]) => [name, normalizeFilter(filter)]));
}

/** Whether two maps of filters say the same, `null` members and key order aside. */
export function sameFilters(a: GroupByFilters, b: GroupByFilters): boolean {
  return canonical(normalizeFilters(a)) === canonical(normalizeFilters(b));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
