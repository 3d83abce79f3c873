/**
 * The metering context's face: meter values for billing (also as of one log position), the events
 * behind them for lineage, what changed after a position (corrections), usage counts for
 * reconciliation, one customer's usage over many ranges for entitlements, and the wait every usage
 * read makes (read-your-writes).
 */
export { CustomerUsage } from './customer-usage/customer-usage.query';
export type {
  CustomerUsageAnswer,
  CustomerUsageRequest,
  UsageRange,
} from './customer-usage/customer-usage.query';
export { MeterQueryService } from './meter-query/meter-query.service';
export type { MeterQuery } from './meter-query/meter-query';
export { MeteringModule } from './metering.module';
export { UsageAccounting } from './usage-accounting/usage-accounting.query';
export type {
  BilledUsageWindow,
  BillingPeriodCount,
  CountedMeter,
  TimeRange,
  UsageDay,
} from './usage-accounting/usage-accounting.query';
export { UsageChanges } from './usage-changes/usage-changes.query';
export type { ChangedHour, Changes, ChangesRequest } from './usage-changes/usage-changes.query';
export { UsageEvidence } from './usage-evidence/usage-evidence.query';
export type { Evidence, EvidenceEntry, EvidenceRequest } from './usage-evidence/usage-evidence.query';
export { usageCaughtUp } from './usage/usage-caught-up';
export { USAGE_PROJECTION } from './usage/usage.projection';
