import type { RecordedEvent } from '../../../event-store/event-store.port';
import type { Projection, ProjectionTransaction } from '../../../projections/projection';
import { unreachable } from '../../../shared/decider';
import { ADDON_EVENT_TYPES, Addon, AddonEvent } from '../addon.decider';

export const ADDONS_PROJECTION = 'addons@v1';

/**
 * Add-on versions, deleted ones kept. Changes are guarded by the add-on's stream version, so an
 * event delivered twice changes nothing.
 */
export const addonsProjection: Projection = {
  name: ADDONS_PROJECTION,
  handles: ADDON_EVENT_TYPES,
  tables: ['addons'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    for (const recorded of events) await applyOne(recorded, tx);
  },
};

async function applyOne(recorded: RecordedEvent, tx: ProjectionTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as AddonEvent;
  const addons = tx.table('addons');
  const version = recorded.streamVersion;
  switch (event.type) {
    case 'AddonCreated': {
      const { at, ...addon } = event.data;
      await tx.query(
        `INSERT INTO ${addons} (namespace, id, key, version, name, description, currency, instance_type, metadata,
           rate_cards, created_at, updated_at, stream_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12)
         ON CONFLICT (namespace, id) DO NOTHING`,
        [...addonColumns(addon), at, version],
      );
      return;
    }
    case 'AddonUpdated':
    case 'AddonPublished': {
      const { at, ...rest } = event.data;
      const effectiveFrom = event.type === 'AddonPublished' ? event.data.effectiveFrom : null;
      const addon: Addon = { ...rest };
      await tx.query(
        `UPDATE ${addons} SET key = $3, version = $4, name = $5, description = $6, currency = $7,
           instance_type = $8, metadata = $9, rate_cards = $10, updated_at = $11, stream_version = $12,
           effective_from = coalesce($13, effective_from)
         WHERE namespace = $1 AND id = $2 AND stream_version < $12`,
        [...addonColumns(addon), at, version, effectiveFrom],
      );
      return;
    }
    case 'AddonArchived':
      await tx.query(
        `UPDATE ${addons} SET effective_to = $3, updated_at = $4, stream_version = $5
         WHERE namespace = $1 AND id = $2 AND stream_version < $5`,
        [event.data.namespace, event.data.id, event.data.effectiveTo, event.data.at, version],
      );
      return;
    case 'AddonDeleted':
      await tx.query(
        `UPDATE ${addons} SET deleted_at = $3, updated_at = $3, stream_version = $4
         WHERE namespace = $1 AND id = $2 AND stream_version < $4`,
        [event.data.namespace, event.data.id, event.data.at, version],
      );
      return;
    default:
      unreachable(event);
  }
}

function addonColumns(addon: Addon): unknown[] {
  return [
    addon.namespace,
    addon.id,
    addon.key,
    addon.version,
    addon.name,
    addon.description ?? null,
    addon.currency,
    addon.instanceType,
    JSON.stringify(addon.metadata),
    JSON.stringify(addon.rateCards),
  ];
}
