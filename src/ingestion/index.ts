/** The ingestion context's face: the usage event contracts it writes to the log (usage, and its voids). */
export { IngestionModule } from './ingestion.module';
export { USAGE_RECORDED, usageTimeMs } from './usage-recorded';
export type { UsageCloudEvent, UsageRecordedData } from './usage-recorded';
export { USAGE_VOIDED } from './usage-voided';
export type { UsageVoidedData } from './usage-voided';
