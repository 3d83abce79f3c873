import { FieldProblem, invalid } from '../../shared/errors';
import { readInstant } from '../../shared/instant';
import type { TimeRange } from './reconciliation';

export const ReconciliationErrorCode = {
  INVALID_QUERY: 'RECONCILIATION.INVALID_QUERY', // 400
} as const;

export const ReconciliationProblemCode = {
  REQUIRED: 'RECONCILIATION.REQUIRED',
  INVALID_TIMESTAMP: 'RECONCILIATION.INVALID_TIMESTAMP',
  NOT_ON_THE_HOUR: 'RECONCILIATION.NOT_ON_THE_HOUR',
  INVALID_RANGE: 'RECONCILIATION.INVALID_RANGE',
  RANGE_TOO_LONG: 'RECONCILIATION.RANGE_TOO_LONG',
  UNKNOWN_PARAMETER: 'RECONCILIATION.UNKNOWN_PARAMETER',
} as const;
type ProblemCode = (typeof ReconciliationProblemCode)[keyof typeof ReconciliationProblemCode];

const HOUR_MS = 3_600_000;
/** A year and a day: the per-day breakdown stays a few hundred entries. */
export const MAX_RANGE_DAYS = 366;

/**
 * `from` and `to`, both required, RFC 3339, on whole UTC hours (intake is counted per event hour, so
 * a range that splits an hour could not be answered exactly), `from` < `to`, at most 366 days apart.
 * Every problem is named in one 400 answer.
 */
export function parseReconciliationParams(raw: Readonly<Record<string, unknown>>): TimeRange {
  const problems: FieldProblem[] = [];
  const fail = (field: string, code: ProblemCode, message: string) => problems.push({ field, code, message });
  const instant = (name: 'from' | 'to'): Date | undefined => {
    const value = raw[name];
    if (value === undefined || value === '') {
      fail(name, ReconciliationProblemCode.REQUIRED, 'is required (RFC 3339, on a whole hour)');
      return undefined;
    }
    const read = readInstant(value);
    if (!read.ok) {
      fail(
        name,
        ReconciliationProblemCode.INVALID_TIMESTAMP,
        Array.isArray(value) ? 'must be given once' : read.problem,
      );
      return undefined;
    }
    const ms = read.ms;
    if (ms % HOUR_MS !== 0) {
      fail(name, ReconciliationProblemCode.NOT_ON_THE_HOUR, 'must be on a whole hour (UTC offsets in hours)');
      return undefined;
    }
    return new Date(ms);
  };
  const from = instant('from');
  const to = instant('to');
  if (from && to && from.getTime() >= to.getTime())
    fail('to', ReconciliationProblemCode.INVALID_RANGE, 'must be after from');
  else if (from && to && to.getTime() - from.getTime() > MAX_RANGE_DAYS * 24 * HOUR_MS)
    fail('to', ReconciliationProblemCode.RANGE_TOO_LONG, `must be at most ${MAX_RANGE_DAYS} days after from`);
  for (const name of Object.keys(raw)) {
    if (name !== 'from' && name !== 'to')
      fail(name, ReconciliationProblemCode.UNKNOWN_PARAMETER, 'is not a reconciliation parameter');
  }
  if (problems.length > 0 || !from || !to)
    throw invalid(
      ReconciliationErrorCode.INVALID_QUERY,
      'The reconciliation parameters are not valid',
      problems,
    );
  return { from, to };
}
