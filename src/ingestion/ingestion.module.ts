import { Module } from '@nestjs/common';
import { IngestEventsController } from './ingest-events/ingest-events.controller';
import { IngestEventsHandler } from './ingest-events/ingest-events.handler';
import { UsageWriter } from './usage-writer';
import { VoidUsageController } from './void-usage/void-usage.controller';
import { VoidUsageHandler } from './void-usage/void-usage.handler';

/** CloudEvents intake: envelope validation, deduplicated durable writes, group commit; voids. */
@Module({
  controllers: [IngestEventsController, VoidUsageController],
  providers: [IngestEventsHandler, UsageWriter, VoidUsageHandler],
})
export class IngestionModule {}
