import type { MeterDefinition } from '../measurement';

/**
 * The select list that folds pre-aggregated rows (minute buckets, or unit totals) into a meter's
 * value: `rows` prefixes their columns, `distinctCount` is how UNIQUE_COUNT is folded (a DISTINCT
 * over minute values, a sum over per-unit counts). Values leave PostgreSQL as text, for decimals.
 */
export function aggregateSql(meter: MeterDefinition, rows: string, distinctCount: string): string[] {
  switch (meter.aggregation) {
    case 'UNIQUE_COUNT':
      return [`${distinctCount}::text AS value`];
    case 'COUNT':
      return [`sum(${rows}count)::text AS value`];
    case 'SUM':
      return [`sum(${rows}sum)::text AS value`];
    case 'AVG':
      return [`sum(${rows}sum)::text AS sum`, `sum(${rows}count)::text AS count`];
    case 'MIN':
      return [`min(${rows}min)::text AS value`];
    case 'MAX':
      return [`max(${rows}max)::text AS value`];
    case 'LATEST':
      return [
        `(array_agg(${rows}latest_value ORDER BY ${rows}latest_time DESC, ${rows}latest_commit DESC, ${rows}latest_prepare DESC))[1]::text AS value`,
      ];
  }
}
