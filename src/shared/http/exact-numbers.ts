import { isLosslessNumber, parse } from 'lossless-json';
import type { FieldProblem } from '../errors';
import { Decimal } from '../money';

/**
 * How a route names its body's members in problems: other routes say `body.…` (`body[3].…` for an
 * array); ingestion names an event's members bare (`data.value`) and a batch's by event
 * (`events[3].data.value`), as its own problems do. Set with `@RouteConfig({ bodyFields })`.
 */
export interface BodyFields {
  readonly object: string;
  readonly array: string;
}

export const DEFAULT_BODY_FIELDS: BodyFields = { object: 'body', array: 'body' };

/** A 10,000-event batch of bad numbers would otherwise answer with a multi-megabyte problem list. */
const MAX_REPORTED = 100;

export const INEXACT_NUMBER = 'HTTP.INEXACT_NUMBER';

/**
 * Every number of a JSON text that `JSON.parse` would not keep as sent — one past a double's range
 * (`1e400` becomes Infinity, stored as null), below it (`1e-400` becomes 0), or with more digits than
 * a double holds (`123456789012345678901234567890`) — named by its path. A number keeps its value
 * when the shortest text of the double it becomes has the same decimal value (`0.1`, `1.10`, `-0`
 * and `1e300` do). The text is read again by a lossless parser, which hands over each number as
 * written; only texts `scanJsonText` flags come here, so the common text pays nothing.
 */
export function inexactNumbers(text: string, fields: BodyFields): FieldProblem[] {
  // JSON.parse keeps the last of repeated keys, so the last is the one that must be exact.
  const lossless = parse(text, null, { onDuplicateKey: ({ newValue }) => newValue });
  const problems: FieldProblem[] = [];
  const pending: [unknown, string][] = [[lossless, Array.isArray(lossless) ? fields.array : fields.object]];
  const member = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (pending.length > 0 && problems.length < MAX_REPORTED) {
    const [value, path] = pending.pop()!;
    if (isLosslessNumber(value)) {
      const kept = Number(value.value);
      if (!keepsValue(value.value, kept)) {
        problems.push({
          field: path || 'body',
          code: INEXACT_NUMBER,
          message: `is a number a double cannot hold exactly (it would become ${JSON.stringify(kept)}); send it as a string to keep every digit`,
        });
      }
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--)
        pending.push([value[index], `${path}[${index}]`]);
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let index = entries.length - 1; index >= 0; index--) {
        pending.push([entries[index][1], member(path, entries[index][0])]);
      }
    }
  }
  return problems;
}

function keepsValue(written: string, kept: number): boolean {
  if (!Number.isFinite(kept)) return false;
  // Decimal itself underflows exponents past 9e15 to 0, so a zero is judged by its digits.
  if (kept === 0) return !/[1-9]/.test(written.split(/[eE]/)[0]);
  return new Decimal(written).eq(String(kept));
}
