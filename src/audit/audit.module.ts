import { Module } from '@nestjs/common';
import { BillingModule } from '../billing';
import { MeteringModule } from '../metering';
import { ProjectionsService } from '../projections/projections.service';
import { auditLogProjection } from './audit-log/audit-log.projection';
import { AuditLogController } from './read-audit-log/audit-log.controller';
import { AuditLogQuery } from './read-audit-log/audit-log.query';
import { ReconcileUsageHandler } from './reconciliation/reconcile-usage.query';
import { ReconciliationController } from './reconciliation/reconciliation.controller';

/** Cross-cutting reports: the audit log and entity histories, and usage reconciliation. */
@Module({
  imports: [BillingModule, MeteringModule],
  controllers: [AuditLogController, ReconciliationController],
  providers: [AuditLogQuery, ReconcileUsageHandler],
})
export class AuditModule {
  constructor(projections: ProjectionsService) {
    projections.register(auditLogProjection);
  }
}
