import type { RecordedEvent } from '../../../event-store/event-store.port';
import type { Projection, ProjectionTransaction } from '../../../projections/projection';
import { unreachable } from '../../../shared/decider';
import { type FeatureEvent, filtersOf } from '../feature.decider';

export const FEATURES_PROJECTION = 'features@v2';

/** Features, archived ones kept; changes guarded by the stream version (a redelivery is a no-op). */
export const featuresProjection: Projection = {
  name: FEATURES_PROJECTION,
  handles: ['FeatureCreated', 'FeatureArchived'],
  tables: ['features'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    for (const recorded of events) await applyOne(recorded, tx);
  },
};

async function applyOne(recorded: RecordedEvent, tx: ProjectionTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as FeatureEvent;
  const features = tx.table('features');
  const version = recorded.streamVersion;
  switch (event.type) {
    case 'FeatureCreated': {
      const { at, ...feature } = event.data;
      await tx.query(
        `INSERT INTO ${features} (namespace, id, key, name, meter_slug, meter_group_by_filters,
           advanced_meter_group_by_filters, unit_cost, metadata, created_at, updated_at, stream_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11)
         ON CONFLICT (namespace, id) DO NOTHING`,
        [
          feature.namespace,
          feature.id,
          feature.key,
          feature.name,
          feature.meterSlug ?? null,
          feature.meterGroupByFilters === undefined ? null : JSON.stringify(feature.meterGroupByFilters),
          feature.meterSlug === undefined ? null : JSON.stringify(filtersOf(feature)),
          feature.unitCost === undefined ? null : JSON.stringify(feature.unitCost),
          JSON.stringify(feature.metadata),
          at,
          version,
        ],
      );
      return;
    }
    case 'FeatureArchived':
      await tx.query(
        `UPDATE ${features} SET archived_at = $3, updated_at = $3, stream_version = $4
         WHERE namespace = $1 AND id = $2 AND stream_version < $4`,
        [event.data.namespace, event.data.id, event.data.at, version],
      );
      return;
    default:
      unreachable(event);
  }
}
