import { ValidateBy, ValidationOptions } from 'class-validator';
import { NOT_AN_INSTANT, readInstant } from '../instant';

/**
 * A DTO property holding an instant Tally accepts (`readInstant`: RFC 3339 with an offset, within
 * the representable range), or one of `keywords` (`immediate`). The one time check of every request
 * body and query string; the ingestion reader applies the same rule to events.
 */
export function IsInstant(keywords: readonly string[] = [], options?: ValidationOptions): PropertyDecorator {
  const problem = (value: unknown) => {
    if (typeof value === 'string' && keywords.includes(value)) return undefined;
    const read = readInstant(value);
    if (read.ok) return undefined;
    return keywords.length > 0 && read.problem === NOT_AN_INSTANT
      ? `must be ${keywords.map((keyword) => `"${keyword}"`).join(' or ')} or an RFC 3339 date-time with an offset`
      : read.problem;
  };
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => problem(value) === undefined,
        defaultMessage: (args) => `${args?.property ?? 'value'} ${problem(args?.value)}`,
      },
    },
    options,
  );
}
