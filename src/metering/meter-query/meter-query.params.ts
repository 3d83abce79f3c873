import { IANAZone } from 'luxon';
import { FieldProblem, invalid } from '../../shared/errors';
import { readInstant } from '../../shared/instant';
import { MeteringErrorCode, MeteringProblemCode } from '../metering-errors';
import { MeterQuery, WINDOW_SIZES, WindowSize } from './meter-query';

export type MeterQueryParams = Omit<MeterQuery, 'namespace' | 'meter'>;

/** OpenMeter's limit on each repeatable parameter. */
const MAX_VALUES = 100;
const FILTER_GROUP_BY = /^filterGroupBy\[([^\]]+)\]$/;
/** Accepted for OpenMeter clients, which send it to follow a query's progress; it changes nothing. */
const CLIENT_ID = 'clientId';

/**
 * Reads the meter query's URL parameters by hand: `filterGroupBy[<name>]` (OpenMeter's deepObject
 * style) has open-ended names that a whitelisting DTO cannot describe. Repeatable parameters repeat
 * their name (`subject=a&subject=b`); every bad parameter is named in one 400 answer.
 */
export function parseMeterQueryParams(raw: Readonly<Record<string, unknown>>): MeterQueryParams {
  const problems: FieldProblem[] = [];
  const fail = (field: string, code: MeteringProblemCode, message: string) =>
    problems.push({ field, code, message });

  const single = (name: string): string | undefined => {
    const value = raw[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      fail(name, MeteringProblemCode.INVALID_VALUE, 'may be given only once');
      return undefined;
    }
    return value;
  };
  const many = (name: string): string[] | undefined => {
    const value = raw[name];
    if (value === undefined) return undefined;
    const values = (Array.isArray(value) ? value : [value]) as string[];
    if (values.length > MAX_VALUES)
      fail(name, MeteringProblemCode.TOO_MANY_VALUES, `may be given at most ${MAX_VALUES} times`);
    if (values.some((v) => v === '')) fail(name, MeteringProblemCode.INVALID_VALUE, 'may not be empty');
    return values;
  };
  const instant = (name: string): Date | undefined => {
    const text = single(name);
    if (text === undefined) return undefined;
    const read = readInstant(text);
    if (!read.ok) fail(name, MeteringProblemCode.INVALID_TIMESTAMP, read.problem);
    return read.ok ? new Date(read.ms) : undefined;
  };

  const from = instant('from');
  const to = instant('to');
  if (from && to && from.getTime() >= to.getTime())
    fail('to', MeteringProblemCode.INVALID_RANGE, 'must be after from');

  const windowSizeText = single('windowSize');
  const windowSize = WINDOW_SIZES.find((size) => size === windowSizeText);
  if (windowSizeText !== undefined && !windowSize) {
    fail('windowSize', MeteringProblemCode.INVALID_ENUM, `must be one of ${WINDOW_SIZES.join(', ')}`);
  }
  const windowTimeZone = single('windowTimeZone');
  if (windowTimeZone !== undefined && !IANAZone.isValidZone(windowTimeZone)) {
    fail(
      'windowTimeZone',
      MeteringProblemCode.INVALID_TIME_ZONE,
      'must be an IANA time zone such as Europe/Berlin',
    );
  }

  const filterGroupBy: Record<string, string[]> = {};
  for (const name of Object.keys(raw)) {
    const dimension = FILTER_GROUP_BY.exec(name)?.[1];
    if (dimension !== undefined) {
      filterGroupBy[dimension] = many(name) ?? [];
    } else if (!KNOWN_PARAMETERS.has(name)) {
      fail(name, MeteringProblemCode.UNKNOWN_PARAMETER, 'is not a meter query parameter');
    }
  }
  const result: MeterQueryParams = {
    from,
    to,
    windowSize: windowSize as WindowSize | undefined,
    windowTimeZone,
    subjects: many('subject'),
    customerIds: many('filterCustomerId'),
    groupBy: many('groupBy'),
    filterGroupBy,
  };
  if (problems.length > 0)
    throw invalid(MeteringErrorCode.INVALID_QUERY, 'The meter query parameters are not valid', problems);
  return result;
}

const KNOWN_PARAMETERS: ReadonlySet<string> = new Set([
  'from',
  'to',
  'windowSize',
  'windowTimeZone',
  'subject',
  'filterCustomerId',
  'groupBy',
  CLIENT_ID,
]);
