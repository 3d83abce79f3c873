import { Module } from '@nestjs/common';
import { ProjectionsService } from '../projections/projections.service';
import { auditLogProjection } from './audit-log/audit-log.projection';
import { AuditLogController } from './read-audit-log/audit-log.controller';
import { AuditLogQuery } from './read-audit-log/audit-log.query';

@Module({
  controllers: [AuditLogController],
  providers: [AuditLogQuery],
})
export class AuditModule {
  constructor(projections: ProjectionsService) {
    projections.register(auditLogProjection);
  }
}
