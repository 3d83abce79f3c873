import { GroupByFilters, StringFilter, operatorOf } from '../../shared/string-filter';

/**
 * The SQL condition for group-by filters over a `group_values` jsonb column: the one evaluation of
 * OpenMeter's `FilterString` in Tally, shared by the meter query (scans and counters), invoice lines
 * (which are meter queries) and lineage, so they always agree on which usage a filter keeps.
 *
 * A value an event lacks reads as `''` (see `shared/string-filter.ts`); comparisons are by code point
 * (`COLLATE "C"`), whatever the database's collation.
 */
export function groupByFiltersSql(
  filters: GroupByFilters | undefined,
  groupValues: string,
  bind: (value: unknown) => string,
): string | undefined {
  // A name is bound only where its condition is kept: a parameter no condition reads is one
  // PostgreSQL cannot type, and the whole statement fails.
  const kept = Object.entries(filters ?? {}).flatMap(([name, filter]) =>
    operatorOf(filter) ? [filterSql(filter, `coalesce(${groupValues}->>${bind(name)}, '')`, bind)] : [],
  );
  return kept.length === 0 ? undefined : kept.join(' AND ');
}

/** The condition `value` (an SQL text expression) passes `filter` on: `true` for `{}`. */
export function stringFilterSql(
  filter: StringFilter,
  value: string,
  bind: (value: unknown) => string,
): string {
  return filterSql(filter, value, bind);
}

function filterSql(filter: StringFilter, value: string, bind: (value: unknown) => string): string {
  const operator = operatorOf(filter);
  if (!operator) return 'true';
  const [name, operand] = operator;
  switch (name) {
    case '$eq':
      return `${value} = ${bind(operand)}`;
    case '$ne':
      return `${value} <> ${bind(operand)}`;
    case '$exists':
      return operand ? `${value} <> ''` : `${value} = ''`;
    case '$in':
      return `${value} = ANY(${bind(operand)}::text[])`;
    case '$nin':
      return `NOT (${value} = ANY(${bind(operand)}::text[]))`;
    case '$like':
      return `${value} LIKE ${bind(operand)}`;
    case '$nlike':
      return `${value} NOT LIKE ${bind(operand)}`;
    case '$ilike':
      return `${value} ILIKE ${bind(operand)}`;
    case '$nilike':
      return `${value} NOT ILIKE ${bind(operand)}`;
    case '$contains':
      return `strpos(lower(${value}), lower(${bind(operand)})) > 0`;
    case '$ncontains':
      return `strpos(lower(${value}), lower(${bind(operand)})) = 0`;
    case '$gt':
      return `${value} COLLATE "C" > ${bind(operand)}`;
    case '$gte':
      return `${value} COLLATE "C" >= ${bind(operand)}`;
    case '$lt':
      return `${value} COLLATE "C" < ${bind(operand)}`;
    case '$lte':
      return `${value} COLLATE "C" <= ${bind(operand)}`;
    case '$and':
    case '$or': {
      const parts = (operand as StringFilter[]).map((nested) => filterSql(nested, value, bind));
      return `(${parts.join(name === '$and' ? ' AND ' : ' OR ')})`;
    }
    default: {
      const unknown: never = name;
      throw new Error(`unknown filter operator ${String(unknown)}`);
    }
  }
}
