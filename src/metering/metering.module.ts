import { Module } from '@nestjs/common';
import { ProjectionsService } from '../projections/projections.service';
import { CustomerUsage } from './customer-usage/customer-usage.query';
import { ListEventsController } from './list-events/list-events.controller';
import { ListEventsHandler } from './list-events/list-events.handler';
import { MeterQueryService } from './meter-query/meter-query.service';
import { QueryMeterController } from './meter-query/query-meter.controller';
import { QueryMeterHandler } from './meter-query/query-meter.handler';
import { UsageAccounting } from './usage-accounting/usage-accounting.query';
import { UsageChanges } from './usage-changes/usage-changes.query';
import { UsageEvidence } from './usage-evidence/usage-evidence.query';
import { UsageProjection } from './usage/usage.projection';

/** Usage read models and what reads them: the meter query (also for billing) and the events listing. */
@Module({
  controllers: [QueryMeterController, ListEventsController],
  providers: [
    MeterQueryService,
    UsageEvidence,
    UsageAccounting,
    CustomerUsage,
    UsageChanges,
    QueryMeterHandler,
    ListEventsHandler,
  ],
  exports: [MeterQueryService, UsageEvidence, UsageAccounting, CustomerUsage, UsageChanges],
})
export class MeteringModule {
  constructor(projections: ProjectionsService) {
    projections.register(new UsageProjection());
  }
}
