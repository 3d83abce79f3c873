import type { RecordedEvent } from '../../../event-store/event-store.port';
import type { Projection, ProjectionTransaction } from '../../../projections/projection';
import { unreachable } from '../../../shared/decider';
import { PLAN_ADDON_EVENT_TYPES, PlanAddonEvent } from '../plan-addon.decider';

export const PLAN_ADDONS_PROJECTION = 'plan_addons@v1';

/**
 * Plan versions' add-on assignments; a detached one is kept with `deleted_at` (OpenMeter lists it
 * with `includeDeleted`). Guarded by the plan stream's version, so an event delivered twice changes
 * nothing, and an assignment detached and attached again is the row brought back.
 */
export const planAddonsProjection: Projection = {
  name: PLAN_ADDONS_PROJECTION,
  handles: PLAN_ADDON_EVENT_TYPES,
  tables: ['plan_addons'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    for (const recorded of events) await applyOne(recorded, tx);
  },
};

async function applyOne(recorded: RecordedEvent, tx: ProjectionTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as PlanAddonEvent;
  const table = tx.table('plan_addons');
  const version = recorded.streamVersion;
  switch (event.type) {
    case 'PlanAddonAttached':
    case 'PlanAddonUpdated': {
      const { data } = event;
      await tx.query(
        `INSERT INTO ${table} (namespace, plan_id, addon_id, from_plan_phase, max_quantity, metadata, created_at,
           updated_at, stream_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)
         ON CONFLICT (namespace, plan_id, addon_id) DO UPDATE SET from_plan_phase = $4, max_quantity = $5,
           metadata = $6, updated_at = $7, stream_version = $8, deleted_at = NULL,
           created_at = CASE WHEN $9 THEN $7 ELSE ${table}.created_at END
         WHERE ${table}.stream_version < $8`,
        [
          data.namespace,
          data.planId,
          data.addonId,
          data.fromPlanPhase,
          data.maxQuantity ?? null,
          JSON.stringify(data.metadata),
          data.at,
          version,
          event.type === 'PlanAddonAttached',
        ],
      );
      return;
    }
    case 'PlanAddonDetached':
      await tx.query(
        `UPDATE ${table} SET deleted_at = $4, updated_at = $4, stream_version = $5
         WHERE namespace = $1 AND plan_id = $2 AND addon_id = $3 AND stream_version < $5`,
        [event.data.namespace, event.data.planId, event.data.addonId, event.data.at, version],
      );
      return;
    default:
      unreachable(event);
  }
}
