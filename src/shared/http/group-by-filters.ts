import { FILTER_OPERATORS, LIST_OPERATORS } from '../string-filter';

/** Where the API document holds `FilterString` (`$and` and `$or` nest it). */
const STRING_FILTER_REF = { $ref: '#/components/schemas/FilterString' };

/** OpenMeter's `FilterString`, for the API document: one operator per object. */
export const STRING_FILTER_SCHEMA = {
  type: 'object',
  description:
    'One operator: $eq, $ne, $in, $nin, $like, $nlike, $ilike, $nilike, $contains, $ncontains, $gt, $gte, $lt, $lte, $exists, $and, $or',
  properties: Object.fromEntries(
    FILTER_OPERATORS.map((operator) => [
      operator,
      (LIST_OPERATORS as readonly string[]).includes(operator)
        ? { type: 'array', items: { type: 'string' }, nullable: true }
        : operator === '$and' || operator === '$or'
          ? { type: 'array', items: STRING_FILTER_REF, nullable: true }
          : operator === '$exists'
            ? { type: 'boolean', nullable: true }
            : { type: 'string', nullable: true },
    ]),
  ),
} as const;

/**
 * `advancedMeterGroupByFilters`: group-by name → `FilterString`. The edge checks only that it is an
 * object; the one filter rule (`shared/string-filter.ts`) names each problem at its path.
 */
export const GROUP_BY_FILTERS_SCHEMA = {
  type: 'object',
  additionalProperties: STRING_FILTER_REF,
  example: { model: { $in: ['gpt-4', 'gpt-4o'] }, type: { $eq: 'input' } },
} as const;
