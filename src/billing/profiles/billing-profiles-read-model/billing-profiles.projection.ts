import type { RecordedEvent } from '../../../event-store/event-store.port';
import type { Projection, ProjectionTransaction } from '../../../projections/projection';
import { unreachable } from '../../../shared/decider';
import { BILLING_PROFILES_EVENT_TYPES, BillingProfilesEvent } from '../billing-profiles.decider';

export const BILLING_PROFILES_PROJECTION = 'billing_profiles@v1';

/**
 * Billing profiles and customer overrides, deleted ones kept. Every change is guarded by the
 * namespace stream's version, so a redelivered event (or a whole history delivered again) finds a
 * newer version on its row and changes nothing.
 */
export const billingProfilesProjection: Projection = {
  name: BILLING_PROFILES_PROJECTION,
  handles: BILLING_PROFILES_EVENT_TYPES,
  tables: ['billing_profiles', 'billing_customer_overrides'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    for (const recorded of events) await applyOne(recorded, tx);
  },
};

async function applyOne(recorded: RecordedEvent, tx: ProjectionTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as BillingProfilesEvent;
  const profiles = tx.table('billing_profiles');
  const overrides = tx.table('billing_customer_overrides');
  const version = recorded.streamVersion;
  switch (event.type) {
    case 'BillingProfileCreated': {
      const { at, ...profile } = event.data;
      await tx.query(
        `INSERT INTO ${profiles} (namespace, id, name, profile, created_at, updated_at, stream_version)
         VALUES ($1, $2, $3, $4, $5, $5, $6) ON CONFLICT (namespace, id) DO NOTHING`,
        [profile.namespace, profile.id, profile.name, JSON.stringify(profile), at, version],
      );
      return;
    }
    case 'BillingProfileUpdated': {
      const { at, ...content } = event.data;
      await tx.query(
        `UPDATE ${profiles} SET name = $3, profile = $4::jsonb || jsonb_build_object('apps', profile->'apps'),
           updated_at = $5, stream_version = $6
         WHERE namespace = $1 AND id = $2 AND stream_version < $6`,
        [content.namespace, content.id, content.name, JSON.stringify(content), at, version],
      );
      return;
    }
    case 'BillingProfileDeleted':
      await tx.query(
        `UPDATE ${profiles} SET deleted_at = $3, updated_at = $3, stream_version = $4
         WHERE namespace = $1 AND id = $2 AND stream_version < $4`,
        [event.data.namespace, event.data.id, event.data.at, version],
      );
      return;
    case 'DefaultBillingProfileSet':
      // The old default loses the flag in the same event that gives it to the new one.
      await tx.query(
        `UPDATE ${profiles} SET is_default = (id = $2), updated_at = $3, stream_version = $4
         WHERE namespace = $1 AND (id = $2 OR id = $5) AND stream_version < $4`,
        [event.data.namespace, event.data.id, event.data.at, version, event.data.previousId ?? null],
      );
      return;
    case 'BillingCustomerOverrideSet': {
      const { at, namespace, ...override } = event.data;
      await tx.query(
        `INSERT INTO ${overrides} AS o (namespace, customer_id, override, created_at, updated_at, stream_version)
         VALUES ($1, $2, $3, $4, $4, $5)
         ON CONFLICT (namespace, customer_id) DO UPDATE SET override = excluded.override,
           created_at = CASE WHEN o.deleted_at IS NULL THEN o.created_at ELSE excluded.created_at END,
           updated_at = excluded.updated_at, deleted_at = NULL, stream_version = excluded.stream_version
         WHERE o.stream_version < excluded.stream_version`,
        [namespace, override.customerId, JSON.stringify(override), at, version],
      );
      return;
    }
    case 'BillingCustomerOverrideDeleted':
      await tx.query(
        `UPDATE ${overrides} SET deleted_at = $3, updated_at = $3, stream_version = $4
         WHERE namespace = $1 AND customer_id = $2 AND stream_version < $4`,
        [event.data.namespace, event.data.customerId, event.data.at, version],
      );
      return;
    default:
      unreachable(event);
  }
}
