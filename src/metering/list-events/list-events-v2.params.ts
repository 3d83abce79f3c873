import { FieldProblem, invalid } from '../../shared/errors';
import { deepObjectOf } from '../../shared/http/deep-object';
import { readInstant } from '../../shared/instant';
import { ULID_PATTERN } from '../../shared/http/list-params';
import { StringFilter, normalizeFilter, stringFilterProblems } from '../../shared/string-filter';
import { MeteringErrorCode, MeteringProblemCode } from '../metering-errors';

/** OpenMeter's `FilterTime`: one operator, instants compared; `$and`/`$or` combine. */
export type TimeFilter =
  | { readonly $gt: number }
  | { readonly $gte: number }
  | { readonly $lt: number }
  | { readonly $lte: number }
  | { readonly $and: readonly TimeFilter[] }
  | { readonly $or: readonly TimeFilter[] };

/** `GET /api/v2/events`' filter (OpenMeter's `ListEventsV2Params.filter`). */
export interface EventsV2Filter {
  readonly id?: StringFilter;
  readonly source?: StringFilter;
  readonly subject?: StringFilter;
  readonly type?: StringFilter;
  readonly customerId?: readonly string[];
  readonly time?: TimeFilter;
  readonly ingestedAt?: TimeFilter;
}

/** A position in the listing: the last event of a page (time, then log position, newest first). */
export interface EventsCursor {
  readonly timeMs: number;
  readonly commit: string;
  readonly prepare: string;
}

export interface EventsV2Params {
  readonly cursor?: EventsCursor;
  readonly limit: number;
  readonly filter: EventsV2Filter;
}

const MAX_LIMIT = 100;
const STRING_FIELDS = ['id', 'source', 'subject', 'type'] as const;
const TIME_FIELDS = ['time', 'ingestedAt'] as const;
const TIME_OPERATORS = ['$gt', '$gte', '$lt', '$lte'];
const MAX_TIME_DEPTH = 4;

/**
 * Reads `cursor`, `limit` (1–100), `clientId` and `filter` — JSON, as the spec encodes it, or
 * deepObject brackets (`filter[subject][$eq]=acme`), as OpenMeter's SDK sends objects. Every bad
 * parameter is named in one 400 answer.
 */
export function parseEventsV2Params(raw: Readonly<Record<string, unknown>>): EventsV2Params {
  const problems: FieldProblem[] = [];
  const fail = (field: string, message: string, code: string = MeteringProblemCode.INVALID_VALUE) =>
    problems.push({ field, code, message });
  const single = (name: string): string | undefined => {
    const value = raw[name];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    fail(name, 'may be given only once');
    return undefined;
  };
  for (const name of Object.keys(raw)) {
    if (!name.startsWith('filter[') && !['cursor', 'limit', 'clientId', 'filter'].includes(name))
      fail(name, 'is not a parameter of this listing', MeteringProblemCode.UNKNOWN_PARAMETER);
  }
  const limitText = single('limit');
  const limit = limitText === undefined ? MAX_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT || !/^\d+$/.test(limitText ?? '1'))
    fail('limit', `must be an integer from 1 to ${MAX_LIMIT}`);
  const clientId = single('clientId');
  if (clientId !== undefined && (clientId.length < 1 || clientId.length > 36))
    fail('clientId', 'must be 1 to 36 characters');
  const cursorText = single('cursor');
  const cursor = cursorText === undefined ? undefined : decodeCursor(cursorText);
  if (cursorText !== undefined && !cursor) fail('cursor', 'is not a cursor this listing gave');

  let rawFilter: unknown = {};
  const json = single('filter');
  const brackets = deepObjectOf(raw, 'filter');
  brackets.malformed.forEach((name) => fail(name, 'must be filter[field][operator]'));
  if (json !== undefined) {
    try {
      rawFilter = JSON.parse(json);
    } catch {
      fail('filter', 'must be a JSON object');
    }
  } else if (brackets.value) {
    rawFilter = brackets.value;
  }
  const filter = readFilter(rawFilter, fail);
  if (problems.length > 0)
    throw invalid(MeteringErrorCode.INVALID_QUERY, 'The events listing parameters are not valid', problems);
  return { cursor, limit, filter };
}

export function encodeCursor(cursor: EventsCursor): string {
  return Buffer.from(JSON.stringify([cursor.timeMs, cursor.commit, cursor.prepare])).toString('base64url');
}

function decodeCursor(text: string): EventsCursor | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return undefined;
    const [timeMs, commit, prepare] = parsed as unknown[];
    if (!Number.isSafeInteger(timeMs) || !readInstant(new Date(timeMs as number).toISOString()).ok)
      return undefined;
    if (typeof commit !== 'string' || typeof prepare !== 'string') return undefined;
    if (!/^\d{1,20}$/.test(commit) || !/^\d{1,20}$/.test(prepare)) return undefined;
    return { timeMs: timeMs as number, commit, prepare };
  } catch {
    return undefined;
  }
}

type Fail = (field: string, message: string, code?: string) => void;

function readFilter(value: unknown, fail: Fail): EventsV2Filter {
  if (!isObject(value)) {
    fail('filter', 'must be an object of id, source, subject, type, customerId, time, ingestedAt');
    return {};
  }
  const filter: Record<string, unknown> = {};
  for (const [name, operand] of Object.entries(value)) {
    const field = `filter.${name}`;
    if (operand === null || operand === undefined) continue;
    if ((STRING_FIELDS as readonly string[]).includes(name)) {
      const found = stringFilterProblems(field, operand, MeteringProblemCode.INVALID_FILTER);
      found.forEach((problem) => fail(problem.field, problem.message, problem.code));
      if (found.length === 0) filter[name] = normalizeFilter(operand as StringFilter);
    } else if ((TIME_FIELDS as readonly string[]).includes(name)) {
      const read = readTimeFilter(field, operand, fail, 1);
      if (read) filter[name] = read;
    } else if (name === 'customerId') {
      const ids = customerIds(field, operand, fail);
      if (ids) filter.customerId = ids;
    } else {
      fail(field, 'is not a field this listing filters on', MeteringProblemCode.UNKNOWN_PARAMETER);
    }
  }
  return filter as EventsV2Filter;
}

/** OpenMeter's `FilterIDExact`: `$in` (or `$eq`) customer ids. */
function customerIds(field: string, operand: unknown, fail: Fail): string[] | undefined {
  const entries = isObject(operand)
    ? Object.entries(operand).filter(([, v]) => v !== null && v !== undefined)
    : [];
  const [name, value] = entries[0] ?? [];
  const ids = name === '$in' ? value : name === '$eq' ? [value] : undefined;
  if (entries.length !== 1 || !Array.isArray(ids) || ids.length === 0 || ids.length > 100) {
    fail(field, 'must be { "$in": [customer ids] }', MeteringProblemCode.INVALID_FILTER);
    return undefined;
  }
  const bad = ids.findIndex((id) => typeof id !== 'string' || !ULID_PATTERN.test(id));
  if (bad >= 0) {
    fail(`${field}.${name}[${bad}]`, 'must be a customer id (ULID)', MeteringProblemCode.INVALID_FILTER);
    return undefined;
  }
  return ids as string[];
}

function readTimeFilter(field: string, operand: unknown, fail: Fail, depth: number): TimeFilter | undefined {
  const entries = isObject(operand)
    ? Object.entries(operand).filter(([, v]) => v !== null && v !== undefined)
    : [];
  if (entries.length !== 1) {
    fail(
      field,
      'must hold one operator: $gt, $gte, $lt, $lte, $and or $or',
      MeteringProblemCode.INVALID_FILTER,
    );
    return undefined;
  }
  const [[name, value]] = entries;
  const at = `${field}.${name}`;
  if (TIME_OPERATORS.includes(name)) {
    const read = readInstant(value);
    if (!read.ok) {
      fail(at, read.problem, MeteringProblemCode.INVALID_TIMESTAMP);
      return undefined;
    }
    return { [name]: read.ms } as TimeFilter;
  }
  if (name === '$and' || name === '$or') {
    if (depth >= MAX_TIME_DEPTH || !Array.isArray(value) || value.length === 0 || value.length > 100) {
      fail(
        at,
        `must be a list of 1 to 100 filters, nested at most ${MAX_TIME_DEPTH} deep`,
        MeteringProblemCode.INVALID_FILTER,
      );
      return undefined;
    }
    const nested = value.map((item, index) => readTimeFilter(`${at}[${index}]`, item, fail, depth + 1));
    if (nested.some((item) => item === undefined)) return undefined;
    return name === '$and' ? { $and: nested as TimeFilter[] } : { $or: nested as TimeFilter[] };
  }
  fail(at, 'is not a time filter operator', MeteringProblemCode.INVALID_FILTER);
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
