import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FieldProblem, invalid } from '../errors';
import { unstorableFields } from './storable-text';

/**
 * DTOs are checked at the edge: unknown properties are refused (not silently dropped) and every
 * problem is named, with its path, in one 400 answer.
 */
const OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
} as const;

export function createValidationPipe(): ValidationPipe {
  return new DtoValidationPipe({
    ...OPTIONS,
    transform: true,
    exceptionFactory: (errors) => invalid('REQUEST.INVALID', 'The request is not valid', flatten(errors)),
  });
}

class DtoValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.metatype && this.toValidate(metadata)) {
      assertNoReservedNames(value, metadata.data ?? '');
      assertNoNullItems(value, metadata.data ?? '');
    }
    return super.transform(value, metadata);
  }
}

/**
 * class-transformer takes an object's `constructor` member for its class, and skips any member named
 * after a method every object has: nested, a `constructor` answered 500 (the write-route fuzzer's
 * subject key `{"constructor":" "}`), and `toString`, `valueOf`… vanished without a word (customer
 * metadata `{"toString":"x"}` was stored as `{}`). A DTO body cannot carry these names, so they are
 * refused by name before anything transforms the input.
 */
const RESERVED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

function assertNoReservedNames(root: unknown, rootPath: string): void {
  const problems: FieldProblem[] = [];
  const pending: [unknown, string][] = [[root, rootPath]];
  while (pending.length > 0 && problems.length < 100) {
    const [value, path] = pending.pop()!;
    if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, `${path}[${index}]`]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, member] of Object.entries(value)) {
        const field = path ? `${path}.${key}` : key;
        if (RESERVED_NAMES.has(key)) {
          problems.push({ field, code: 'reservedName', message: `a member cannot be named ${key}` });
        } else {
          pending.push([member, field]);
        }
      }
    }
  }
  if (problems.length > 0) throw invalid('REQUEST.INVALID', 'The request is not valid', problems);
}

/**
 * class-transformer reads the discriminator of each item of a list whose items are chosen by `type`
 * (rate cards, prices) and throws on a `null` item: a 500 (the write-route fuzzer's rate card
 * `[null, …]`). No list in a DTO body takes a `null` item, so one is refused by its index first.
 */
function assertNoNullItems(root: unknown, rootPath: string): void {
  const problems: FieldProblem[] = [];
  const pending: [unknown, string][] = [[root, rootPath]];
  while (pending.length > 0 && problems.length < 100) {
    const [value, path] = pending.pop()!;
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (item === null)
          problems.push({ field: `${path}[${index}]`, code: 'nullItem', message: 'may not be null' });
        else pending.push([item, `${path}[${index}]`]);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, member] of Object.entries(value))
        pending.push([member, path ? `${path}.${key}` : key]);
    }
  }
  if (problems.length > 0) throw invalid('REQUEST.INVALID', 'The request is not valid', problems);
}

/**
 * A body that is a list of DTOs (OpenMeter's `SubjectUpsert[]`), checked as the pipe checks one:
 * every problem of every item, at `[index].field`, in one 400; at most `max` items.
 */
export function validateList<T extends object>(type: new () => T, body: unknown, max: number): T[] {
  if (!Array.isArray(body) || body.length > max) {
    throw invalid('REQUEST.INVALID', 'The request is not valid', [
      { field: 'body', message: `must be a list of at most ${max} items`, code: 'isArray' },
    ]);
  }
  assertNoReservedNames(body, '');
  const items = body.map((item: unknown) => plainToInstance(type, item as object));
  // The storable-text pipe skips a body without a DTO: checked here, as it checks one.
  const problems = items.flatMap((item, index) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? [
          ...flatten(validateSync(item, OPTIONS), `[${index}]`),
          ...unstorableFields(body[index], `[${index}]`),
        ]
      : [{ field: `[${index}]`, message: 'must be an object', code: 'isObject' }],
  );
  if (problems.length > 0) throw invalid('REQUEST.INVALID', 'The request is not valid', problems);
  return items;
}

export function flatten(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      problems.push({ field, message, code: constraint });
    }
    if (error.children?.length) problems.push(...flatten(error.children, field));
  }
  return problems;
}
