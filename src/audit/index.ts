/** The audit context's face: its module (the audit log, entity histories and reconciliation are HTTP reads). */
export { AuditModule } from './audit.module';
