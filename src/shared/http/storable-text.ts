import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { FieldProblem, invalid } from '../errors';

// NUL is the very character to find here, hence the control character in the pattern.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * PostgreSQL text cannot hold a NUL character and its jsonb refuses unpaired surrogates. Such a
 * string used to reach the database from any path parameter, query or DTO body and fail there — a
 * 500, and worse, after a command had already claimed its key in an earlier append (a fuzzed
 * customer name left its key taken by no customer). So every input is checked at the edge, before
 * any command runs, and each such string is named in one 400.
 *
 * A body declared without a DTO (`@Body() body: unknown`) belongs to a handler that validates its raw
 * input itself, with its own problem codes (ingestion names each event's field).
 */
@Injectable()
export class StorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    if (metadata.type === 'body' && (metadata.metatype === undefined || metadata.metatype === Object))
      return value;
    assertStorable(value, metadata.data ?? '');
    return value;
  }
}

/** 400 naming every string PostgreSQL cannot hold; for a handler that validates its raw body itself. */
export function assertStorable(value: unknown, path = ''): void {
  const problems = unstorableFields(value, path);
  if (problems.length > 0) {
    throw invalid('REQUEST.UNSTORABLE_TEXT', 'The request holds text that cannot be stored', problems);
  }
}

/** Every member (key or value) holding a NUL or an unpaired surrogate, by path; iterative, so depth costs no stack. */
export function unstorableFields(root: unknown, rootPath: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: [unknown, string][] = [[root, rootPath]];
  const name = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);
  while (pending.length > 0 && problems.length < 100) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) {
        problems.push({
          field: path || 'value',
          code: 'unstorableText',
          message: 'holds a NUL character or an unpaired surrogate',
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, `${path}[${index}]`]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, member] of Object.entries(value)) {
        if (UNSTORABLE.test(key)) {
          problems.push({
            field: name(path, key),
            code: 'unstorableText',
            message: 'the name holds a NUL character or an unpaired surrogate',
          });
        } else {
          pending.push([member, name(path, key)]);
        }
      }
    }
  }
  return problems;
}
