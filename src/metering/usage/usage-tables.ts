import type { MeterAggregation } from '../../catalog';
import type { MeterDefinition, UsageFact } from '../measurement';

/**
 * The tables `usage@v3` owns (see the 1732400200000, 1732400600000, 1732400600100, 1732400800100,
 * 1732400800200 and 1796619197103 migrations).
 */
export const UsageTable = {
  meters: 'usage_meters',
  events: 'usage_events',
  buckets: 'usage_buckets',
  distinctValues: 'usage_distinct_values',
  distinctSlotValues: 'usage_distinct_slot_values',
  distinctCounts: 'usage_distinct_counts',
  unitTotals: 'usage_unit_totals',
  customerSubjects: 'usage_customer_subjects',
  customerVersions: 'usage_customer_versions',
  voids: 'usage_voids',
  hours: 'usage_hours',
} as const;

/**
 * The condition that the usage event `events` (an alias of the raw table) is not voided: every read
 * of raw usage that counts it adds this. `voids` is the void table's (physical) name.
 */
export function notVoided(events: string, voids: string = UsageTable.voids): string {
  return `NOT EXISTS (SELECT 1 FROM ${voids} v WHERE v.namespace = ${events}.namespace AND v.source = ${events}.source AND v.id = ${events}.id)`;
}

export const METER_COLUMNS =
  'id, namespace, slug, event_type, aggregation, value_property, group_by, event_from';

export interface MeterRow {
  id: string;
  namespace: string;
  slug: string;
  event_type: string;
  aggregation: MeterAggregation;
  value_property: string | null;
  group_by: Record<string, string>;
  event_from: Date | null;
}

export function meterFromRow(row: MeterRow): MeterDefinition {
  return {
    id: row.id,
    namespace: row.namespace,
    slug: row.slug,
    eventType: row.event_type,
    aggregation: row.aggregation,
    valueProperty: row.value_property ?? undefined,
    groupBy: row.group_by,
    eventFrom: row.event_from?.getTime(),
  };
}

/** The raw usage table's rows as meters read them (backfills here, sub-minute edges in queries). */
export interface RawUsageRow {
  source: string;
  id: string;
  subject: string;
  time: Date;
  data: unknown;
  position_commit: string;
  position_prepare: string;
}

export function factFromRow(row: RawUsageRow): UsageFact {
  return {
    subject: row.subject,
    timeMs: row.time.getTime(),
    data: row.data,
    position: { commit: BigInt(row.position_commit), prepare: BigInt(row.position_prepare) },
  };
}
