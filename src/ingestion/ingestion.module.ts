import { Module } from '@nestjs/common';
import { IngestEventsController } from './ingest-events/ingest-events.controller';
import { IngestEventsHandler } from './ingest-events/ingest-events.handler';
import { UsageWriter } from './usage-writer';

/** CloudEvents intake: envelope validation, deduplicated durable writes, group commit. */
@Module({
  controllers: [IngestEventsController],
  providers: [IngestEventsHandler, UsageWriter],
})
export class IngestionModule {}
