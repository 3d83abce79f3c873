import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, invalid } from '../errors';

/**
 * DTOs are checked at the edge: unknown properties are refused (not silently dropped) and every
 * problem is named, with its path, in one 400 answer.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalid('REQUEST.INVALID', 'The request is not valid', flatten(errors)),
  });
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
