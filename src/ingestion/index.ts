/** The ingestion context's face: the usage event contract it writes to the log. */
export { IngestionModule } from './ingestion.module';
export { USAGE_RECORDED, usageTimeMs } from './usage-recorded';
export type { UsageCloudEvent, UsageRecordedData } from './usage-recorded';
