import { RecordedEvent, USAGE_RECORDED } from '../../event-store/event-store.port';
import { categoryOf, idOf, StreamCategory } from '../../event-store/stream-names';
import { Projection, ProjectionTransaction } from '../../projections/projection';

export const AUDIT_LOG_PROJECTION = 'audit_log@v1';

/** Usage has its own listing (`GET /api/v1/events`); the audit log is the domain's history. */

export const auditLogProjection: Projection = {
  name: AUDIT_LOG_PROJECTION,
  handles: { except: [USAGE_RECORDED] },
  tables: ['audit_log'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction) {
    const domain = events.filter((e) => categoryOf(e.streamId) !== StreamCategory.usage);
    if (domain.length === 0) return;
    await tx.query(
      `INSERT INTO ${tx.table('audit_log')} (position_commit, position_prepare, namespace, stream_id, stream_version,
         entity_type, entity_id, type, data, actor_id, actor_name, correlation_id, causation_id, recorded_at)
       SELECT * FROM unnest($1::numeric[], $2::numeric[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[],
         $8::text[], $9::jsonb[], $10::text[], $11::text[], $12::text[], $13::text[], $14::timestamptz[])
       ON CONFLICT DO NOTHING`,
      [
        domain.map((e) => e.position.commit.toString()),
        domain.map((e) => e.position.prepare.toString()),
        domain.map((e) => e.metadata.namespace),
        domain.map((e) => e.streamId),
        domain.map((e) => e.streamVersion),
        domain.map((e) => categoryOf(e.streamId)),
        domain.map((e) => idOf(e.streamId)),
        domain.map((e) => e.type),
        domain.map((e) => JSON.stringify(e.data)),
        domain.map((e) => e.metadata.actor?.id ?? null),
        domain.map((e) => e.metadata.actor?.name ?? null),
        domain.map((e) => e.metadata.correlationId ?? null),
        domain.map((e) => e.metadata.causationId ?? null),
        domain.map((e) => e.recordedAt.toISOString()),
      ],
    );
  },
};
