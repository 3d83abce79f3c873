import type { RecordedEvent } from '../../../event-store/event-store.port';
import type { Projection, ProjectionTransaction } from '../../../projections/projection';
import { unreachable } from '../../../shared/decider';
import type { Meter, MeterEvent } from '../meter.decider';

export const METERS_PROJECTION = 'meters@v1';

/**
 * Meters as the API shows them, one row per meter, deleted ones kept (soft delete). Every change is
 * guarded by the stream version, so an event delivered twice changes nothing the second time.
 */
export const metersProjection: Projection = {
  name: METERS_PROJECTION,
  handles: ['MeterCreated', 'MeterUpdated', 'MeterDeleted', 'MeterFeatureLinked'],
  tables: ['meters'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    for (const recorded of events) await applyOne(recorded, tx);
  },
};

async function applyOne(recorded: RecordedEvent, tx: ProjectionTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as MeterEvent;
  const meters = tx.table('meters');
  const version = recorded.streamVersion;
  switch (event.type) {
    case 'MeterCreated': {
      const { at, ...meter } = event.data;
      await tx.query(
        `INSERT INTO ${meters} (namespace, id, slug, name, description, event_type, aggregation, value_property,
           group_by, event_from, metadata, created_at, updated_at, stream_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13)
         ON CONFLICT (namespace, id) DO NOTHING`,
        [...meterColumns(meter), at, version],
      );
      return;
    }
    case 'MeterUpdated': {
      const { at, ...meter } = event.data;
      await tx.query(
        `UPDATE ${meters} SET slug = $3, name = $4, description = $5, event_type = $6, aggregation = $7,
           value_property = $8, group_by = $9, event_from = $10, metadata = $11, updated_at = $12, stream_version = $13
         WHERE namespace = $1 AND id = $2 AND stream_version < $13`,
        [...meterColumns(meter), at, version],
      );
      return;
    }
    case 'MeterDeleted':
      await tx.query(
        `UPDATE ${meters} SET deleted_at = $3, stream_version = $4
         WHERE namespace = $1 AND id = $2 AND stream_version < $4`,
        [event.data.namespace, event.data.id, event.data.at, version],
      );
      return;
    case 'MeterFeatureLinked':
      // The meter as shown is unchanged, but its version (the ETag an If-Match names) has moved.
      await tx.query(
        `UPDATE ${meters} SET stream_version = $3 WHERE namespace = $1 AND id = $2 AND stream_version < $3`,
        [event.data.namespace, event.data.id, version],
      );
      return;
    default:
      unreachable(event);
  }
}

function meterColumns(meter: Meter): unknown[] {
  return [
    meter.namespace,
    meter.id,
    meter.slug,
    meter.name,
    meter.description ?? null,
    meter.eventType,
    meter.aggregation,
    meter.valueProperty ?? null,
    JSON.stringify(meter.groupBy),
    meter.eventFrom ?? null,
    JSON.stringify(meter.metadata),
  ];
}
