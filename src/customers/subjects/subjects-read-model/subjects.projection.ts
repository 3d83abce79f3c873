import type { RecordedEvent } from '../../../event-store/event-store.port';
import type { Projection, ProjectionTransaction } from '../../../projections/projection';
import { unreachable } from '../../../shared/decider';
import type { SubjectEvent } from '../subject.decider';

export const SUBJECTS_PROJECTION = 'subjects@v1';

/** Subjects, deleted ones kept; changes guarded by the stream version (a redelivery is a no-op). */
export const subjectsProjection: Projection = {
  name: SUBJECTS_PROJECTION,
  handles: ['SubjectUpserted', 'SubjectDeleted'],
  tables: ['subjects'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    for (const recorded of events) await applyOne(recorded, tx);
  },
};

async function applyOne(recorded: RecordedEvent, tx: ProjectionTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as SubjectEvent;
  const subjects = tx.table('subjects');
  const version = recorded.streamVersion;
  switch (event.type) {
    case 'SubjectUpserted': {
      const s = event.data;
      // A key upserted again after its delete is a new subject (a new id) in the same stream.
      await tx.query(
        `INSERT INTO ${subjects} (namespace, id, key, display_name, metadata, current_period_start, current_period_end,
           stripe_customer_id, created_at, updated_at, stream_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (namespace, id) DO UPDATE SET display_name = $4, metadata = $5, current_period_start = $6,
           current_period_end = $7, stripe_customer_id = $8, updated_at = $10, stream_version = $11
         WHERE ${subjects}.stream_version < $11`,
        [
          s.namespace,
          s.id,
          s.key,
          s.displayName ?? null,
          s.metadata === undefined ? null : JSON.stringify(s.metadata),
          s.currentPeriodStart ?? null,
          s.currentPeriodEnd ?? null,
          s.stripeCustomerId ?? null,
          s.createdAt,
          s.updatedAt,
          version,
        ],
      );
      return;
    }
    case 'SubjectDeleted':
      await tx.query(
        `UPDATE ${subjects} SET deleted_at = $3, updated_at = $3, stream_version = $4
         WHERE namespace = $1 AND id = $2 AND stream_version < $4`,
        [event.data.namespace, event.data.id, event.data.at, version],
      );
      return;
    default:
      unreachable(event);
  }
}
