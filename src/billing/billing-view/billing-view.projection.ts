import type { CustomerEvent, SubscriptionEvent } from '../../customers';
import { type FeatureEvent, filtersOf } from '../../catalog';
import { RecordedEvent } from '../../event-store/event-store.port';
import { Projection, ProjectionTransaction } from '../../projections/projection';
import { unreachable } from '../../shared/decider';

export const BILLING_VIEW_PROJECTION = 'billing_view@v5';

type BillingInput = CustomerEvent | SubscriptionEvent | FeatureEvent;

const HANDLED: readonly BillingInput['type'][] = [
  'CustomerCreated',
  'CustomerUpdated',
  'CustomerDeleted',
  'SubscriptionCreated',
  'SubscriptionCanceled',
  'SubscriptionRestored',
  'SubscriptionEdited',
  'SubscriptionAddonCreated',
  'SubscriptionAddonUpdated',
  'FeatureCreated',
  'FeatureArchived',
];

/**
 * Billing's own view of who is subscribed to what, and which meter each feature reads. Catalog and
 * customer events are few: they are applied one by one, in order.
 */
export const billingViewProjection: Projection = {
  name: BILLING_VIEW_PROJECTION,
  handles: HANDLED,
  tables: ['billing_customers', 'billing_subscriptions', 'billing_features'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction) {
    for (const recorded of events) await applyOne(recorded as unknown as BillingInput, tx);
  },
};

async function applyOne(event: BillingInput, tx: ProjectionTransaction): Promise<void> {
  const customers = tx.table('billing_customers');
  const subscriptions = tx.table('billing_subscriptions');
  const features = tx.table('billing_features');
  switch (event.type) {
    case 'CustomerCreated':
    case 'CustomerUpdated': {
      const c = event.data;
      await tx.query(
        `INSERT INTO ${customers} (namespace, id, key, name, currency, subject_keys) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (namespace, id) DO UPDATE SET key = $3, name = $4, currency = $5, subject_keys = $6`,
        [c.namespace, c.id, c.key ?? null, c.name, c.currency ?? null, c.usageAttribution.subjectKeys],
      );
      return;
    }
    case 'CustomerDeleted': {
      const c = event.data;
      await tx.query(`UPDATE ${customers} SET deleted = true WHERE namespace = $1 AND id = $2`, [
        c.namespace,
        c.id,
      ]);
      return;
    }
    case 'SubscriptionCreated': {
      const s = event.data;
      await tx.query(
        `INSERT INTO ${subscriptions} (namespace, id, customer_id, subscription, active_from) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (namespace, id) DO NOTHING`,
        [s.namespace, s.id, s.customerId, JSON.stringify(s), s.activeFrom],
      );
      return;
    }
    case 'SubscriptionCanceled':
      await tx.query(
        `UPDATE ${subscriptions} SET active_to = $3, next_subscription_id = $4 WHERE namespace = $1 AND id = $2`,
        [event.data.namespace, event.data.id, event.data.activeTo, event.data.nextSubscriptionId ?? null],
      );
      return;
    case 'SubscriptionRestored':
      await tx.query(
        `UPDATE ${subscriptions} SET active_to = NULL, next_subscription_id = NULL WHERE namespace = $1 AND id = $2`,
        [event.data.namespace, event.data.id],
      );
      return;
    case 'SubscriptionDeleted':
      // Not handled: the SubscriptionCanceled before it ended it at its start, so it bills nothing.
      return;
    case 'SubscriptionEdited':
      // Billing reads an edited subscription's phases and items from its timeline (see `periodPlanAt`).
      await tx.query(
        `UPDATE ${subscriptions} SET subscription = jsonb_set(subscription, '{timeline}', $3::jsonb)
         WHERE namespace = $1 AND id = $2`,
        [event.data.namespace, event.data.id, JSON.stringify(event.data.timeline)],
      );
      return;
    case 'SubscriptionAddonCreated':
    case 'SubscriptionAddonUpdated':
      // Billing prices each add-on's quantity segments beside the plan's items (see `periodPlanAt`).
      await tx.query(
        `UPDATE ${subscriptions} SET subscription = jsonb_set(subscription, '{addons}', $3::jsonb)
         WHERE namespace = $1 AND id = $2`,
        [event.data.namespace, event.data.id, JSON.stringify(event.data.addons)],
      );
      return;
    case 'FeatureCreated': {
      const f = event.data;
      await tx.query(
        `INSERT INTO ${features} (namespace, id, key, meter_slug, group_by_filters) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (namespace, id) DO NOTHING`,
        [f.namespace, f.id, f.key, f.meterSlug ?? null, JSON.stringify(filtersOf(f))],
      );
      return;
    }
    case 'FeatureArchived':
      await tx.query(`UPDATE ${features} SET archived = true WHERE namespace = $1 AND id = $2`, [
        event.data.namespace,
        event.data.id,
      ]);
      return;
    default:
      unreachable(event);
  }
}
