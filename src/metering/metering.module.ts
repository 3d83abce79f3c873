import { Module } from '@nestjs/common';
import { ProjectionsService } from '../projections/projections.service';
import { CustomerUsage } from './customer-usage/customer-usage.query';
import { ListEventsController, ListEventsV2Controller } from './list-events/list-events.controller';
import { ListEventsHandler, ListEventsV2Handler } from './list-events/list-events.handler';
import { MeterQueryService } from './meter-query/meter-query.service';
import { QueryMeterController } from './meter-query/query-meter.controller';
import { QueryMeterHandler } from './meter-query/query-meter.handler';
import { MeterValuesController } from './meter-values/meter-values.controller';
import { PortalQueryController } from './portal/portal-query.controller';
import { PortalTokensController } from './portal/portal-tokens.controller';
import { ListMeterValuesHandler } from './meter-values/meter-values.query';
import { UsageAccounting } from './usage-accounting/usage-accounting.query';
import { UsageChanges } from './usage-changes/usage-changes.query';
import { UsageEvidence } from './usage-evidence/usage-evidence.query';
import { UsageProjection } from './usage/usage.projection';

/** Usage read models and what reads them: the meter query (also for billing) and the events listing. */
@Module({
  controllers: [
    QueryMeterController,
    MeterValuesController,
    ListEventsController,
    ListEventsV2Controller,
    PortalTokensController,
    PortalQueryController,
  ],
  providers: [
    MeterQueryService,
    UsageEvidence,
    UsageAccounting,
    CustomerUsage,
    UsageChanges,
    QueryMeterHandler,
    ListMeterValuesHandler,
    ListEventsHandler,
    ListEventsV2Handler,
  ],
  exports: [MeterQueryService, UsageEvidence, UsageAccounting, CustomerUsage, UsageChanges],
})
export class MeteringModule {
  constructor(projections: ProjectionsService) {
    projections.register(new UsageProjection());
  }
}
