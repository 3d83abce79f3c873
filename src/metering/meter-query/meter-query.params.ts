import { IANAZone } from 'luxon';
import { FieldProblem, invalid } from '../../shared/errors';
import { deepObjectOf } from '../../shared/http/deep-object';
import { readInstant } from '../../shared/instant';
import { GroupByFilters, groupByFiltersProblems, normalizeFilters } from '../../shared/string-filter';
import { MeteringErrorCode, MeteringProblemCode } from '../metering-errors';
import { MeterQuery, WINDOW_SIZES, WindowSize } from './meter-query';

export type MeterQueryParams = Omit<MeterQuery, 'namespace' | 'meter'>;

/** OpenMeter's limit on each repeatable parameter. */
const MAX_VALUES = 100;
const FILTER_GROUP_BY = /^filterGroupBy\[([^\]]+)\]$/;
const ADVANCED = 'advancedMeterGroupByFilters';
/** Accepted for OpenMeter clients, which send it to follow a query's progress; it changes nothing. */
const CLIENT_ID = 'clientId';

/**
 * Reads the meter query's URL parameters by hand: `filterGroupBy[<name>]` (OpenMeter's deepObject
 * style) has open-ended names that a whitelisting DTO cannot describe. Repeatable parameters repeat
 * their name (`subject=a&subject=b`); `advancedMeterGroupByFilters` is JSON (as the spec encodes it)
 * or deepObject brackets (`advancedMeterGroupByFilters[model][$in]=gpt-4`, as OpenMeter's SDK sends
 * objects). Every bad parameter is named in one 400 answer.
 */
export function parseMeterQueryParams(raw: Readonly<Record<string, unknown>>): MeterQueryParams {
  const reader = new Reader();
  const single = (name: string): string | undefined => {
    const value = raw[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      reader.fail(name, MeteringProblemCode.INVALID_VALUE, 'may be given only once');
      return undefined;
    }
    return value;
  };
  const many = (name: string): string[] | undefined => {
    const value = raw[name];
    return value === undefined ? undefined : ((Array.isArray(value) ? value : [value]) as string[]);
  };

  const filterGroupBy: Record<string, string[]> = {};
  for (const name of Object.keys(raw)) {
    const dimension = FILTER_GROUP_BY.exec(name)?.[1];
    if (dimension !== undefined) filterGroupBy[dimension] = many(name) ?? [];
    else if (!name.startsWith(`${ADVANCED}[`) && !KNOWN_PARAMETERS.has(name))
      reader.fail(name, MeteringProblemCode.UNKNOWN_PARAMETER, 'is not a meter query parameter');
  }
  let advanced: unknown;
  const json = single(ADVANCED);
  const brackets = deepObjectOf(raw, ADVANCED);
  brackets.malformed.forEach((name) =>
    reader.fail(name, MeteringProblemCode.INVALID_VALUE, `must be ${ADVANCED}[group-by name][operator]`),
  );
  if (json !== undefined) {
    try {
      advanced = JSON.parse(json);
    } catch {
      reader.fail(
        ADVANCED,
        MeteringProblemCode.INVALID_VALUE,
        'must be a JSON object of group-by name → filter',
      );
    }
  } else if (brackets.value) {
    advanced = brackets.value;
  }
  single(CLIENT_ID);
  return reader.finish({
    from: single('from'),
    to: single('to'),
    windowSize: single('windowSize'),
    windowTimeZone: single('windowTimeZone'),
    subjects: many('subject'),
    customerIds: many('filterCustomerId'),
    groupBy: many('groupBy'),
    filterGroupBy: Object.keys(filterGroupBy).length > 0 ? filterGroupBy : undefined,
    advanced,
  });
}

/** OpenMeter's `MeterQueryRequest`, the body of `POST …/query`: the same query as the URL's. */
export function parseMeterQueryBody(body: unknown): MeterQueryParams {
  const reader = new Reader();
  if (!isObject(body)) {
    reader.fail('body', MeteringProblemCode.INVALID_VALUE, 'must be a JSON object (MeterQueryRequest)');
    return reader.finish({});
  }
  for (const name of Object.keys(body)) {
    if (!KNOWN_BODY_FIELDS.has(name))
      reader.fail(name, MeteringProblemCode.UNKNOWN_PARAMETER, 'is not a meter query field');
  }
  const text = (name: string): string | undefined => {
    const value = body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    reader.fail(name, MeteringProblemCode.INVALID_VALUE, 'must be a string');
    return undefined;
  };
  const list = (name: string): string[] | undefined => {
    const value = body[name];
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
    reader.fail(name, MeteringProblemCode.INVALID_VALUE, 'must be a list of strings');
    return undefined;
  };
  let filterGroupBy: Record<string, string[]> | undefined;
  const legacy = body.filterGroupBy;
  if (legacy !== undefined && legacy !== null) {
    if (!isObject(legacy)) {
      reader.fail('filterGroupBy', MeteringProblemCode.INVALID_VALUE, 'must be an object of name → values');
    } else {
      filterGroupBy = {};
      for (const [name, values] of Object.entries(legacy)) {
        if (Array.isArray(values) && values.every((value) => typeof value === 'string'))
          filterGroupBy[name] = values as string[];
        else
          reader.fail(
            `filterGroupBy.${name}`,
            MeteringProblemCode.INVALID_VALUE,
            'must be a list of strings',
          );
      }
    }
  }
  text(CLIENT_ID);
  return reader.finish({
    from: text('from'),
    to: text('to'),
    windowSize: text('windowSize'),
    windowTimeZone: text('windowTimeZone'),
    subjects: list('subject'),
    customerIds: list('filterCustomerId'),
    groupBy: list('groupBy'),
    filterGroupBy,
    advanced: body[ADVANCED] ?? undefined,
  });
}

interface RawQuery {
  readonly from?: string;
  readonly to?: string;
  readonly windowSize?: string;
  readonly windowTimeZone?: string;
  readonly subjects?: readonly string[];
  readonly customerIds?: readonly string[];
  readonly groupBy?: readonly string[];
  readonly filterGroupBy?: Readonly<Record<string, readonly string[]>>;
  readonly advanced?: unknown;
}

/** Collects every problem, then checks the query's values and answers it (or one 400). */
class Reader {
  private readonly problems: FieldProblem[] = [];

  fail(field: string, code: MeteringProblemCode, message: string): void {
    this.problems.push({ field, code, message });
  }

  finish(raw: RawQuery): MeterQueryParams {
    const instant = (name: 'from' | 'to'): Date | undefined => {
      const text = raw[name];
      if (text === undefined) return undefined;
      const read = readInstant(text);
      if (!read.ok) this.fail(name, MeteringProblemCode.INVALID_TIMESTAMP, read.problem);
      return read.ok ? new Date(read.ms) : undefined;
    };
    const values = (name: string, list: readonly string[] | undefined) => {
      if (list === undefined) return undefined;
      if (list.length > MAX_VALUES)
        this.fail(name, MeteringProblemCode.TOO_MANY_VALUES, `may be given at most ${MAX_VALUES} times`);
      if (list.some((value) => value === ''))
        this.fail(name, MeteringProblemCode.INVALID_VALUE, 'may not be empty');
      return list;
    };
    const from = instant('from');
    const to = instant('to');
    if (from && to && from.getTime() >= to.getTime())
      this.fail('to', MeteringProblemCode.INVALID_RANGE, 'must be after from');
    const windowSize = WINDOW_SIZES.find((size) => size === raw.windowSize);
    if (raw.windowSize !== undefined && !windowSize)
      this.fail('windowSize', MeteringProblemCode.INVALID_ENUM, `must be one of ${WINDOW_SIZES.join(', ')}`);
    if (raw.windowTimeZone !== undefined && !IANAZone.isValidZone(raw.windowTimeZone)) {
      this.fail(
        'windowTimeZone',
        MeteringProblemCode.INVALID_TIME_ZONE,
        'must be an IANA time zone such as Europe/Berlin',
      );
    }
    const filterGroupBy = this.filters(raw, values);
    const result: MeterQueryParams = {
      ...(raw.advanced !== undefined && { filtersFrom: 'advancedMeterGroupByFilters' as const }),
      from,
      to,
      windowSize: windowSize as WindowSize | undefined,
      windowTimeZone: raw.windowTimeZone,
      subjects: values('subject', raw.subjects),
      customerIds: values('filterCustomerId', raw.customerIds),
      groupBy: values('groupBy', raw.groupBy),
      filterGroupBy,
    };
    if (this.problems.length > 0)
      throw invalid(
        MeteringErrorCode.INVALID_QUERY,
        'The meter query parameters are not valid',
        this.problems,
      );
    return result;
  }

  /** OpenMeter: the advanced filters, or the legacy ones as `$in` — never both. */
  private filters(
    raw: RawQuery,
    values: (name: string, list: readonly string[] | undefined) => readonly string[] | undefined,
  ): GroupByFilters | undefined {
    const legacy = Object.entries(raw.filterGroupBy ?? {});
    for (const [name, list] of legacy) values(`filterGroupBy[${name}]`, list);
    if (raw.advanced === undefined) {
      return legacy.length === 0
        ? undefined
        : Object.fromEntries(
            legacy.filter(([, list]) => list.length > 0).map(([name, list]) => [name, { $in: list }]),
          );
    }
    const problems = groupByFiltersProblems(ADVANCED, raw.advanced, MeteringProblemCode.INVALID_FILTER);
    problems.forEach((problem) => this.problems.push(problem));
    if (legacy.length > 0)
      this.fail(
        'filterGroupBy',
        MeteringProblemCode.INVALID_FILTER,
        'advanced meter group by filters and filter group by cannot be used together',
      );
    return problems.length === 0 ? normalizeFilters(raw.advanced as GroupByFilters) : undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const KNOWN_PARAMETERS: ReadonlySet<string> = new Set([
  'from',
  'to',
  'windowSize',
  'windowTimeZone',
  'subject',
  'filterCustomerId',
  'groupBy',
  ADVANCED,
  CLIENT_ID,
]);

const KNOWN_BODY_FIELDS: ReadonlySet<string> = new Set([
  'from',
  'to',
  'windowSize',
  'windowTimeZone',
  'subject',
  'filterCustomerId',
  'groupBy',
  'filterGroupBy',
  ADVANCED,
  CLIENT_ID,
]);
