import type { RecordedEvent } from '../../../event-store/event-store.port';
import type { Projection, ProjectionTransaction } from '../../../projections/projection';
import { unreachable } from '../../../shared/decider';
import type { SubscriptionEvent } from '../subscription.decider';

export const SUBSCRIPTIONS_PROJECTION = 'subscriptions@v5';

/**
 * Subscriptions with the plan snapshot they were created with. Status and current period depend on
 * the time of the question, so they are computed when asked; the rows hold only what the events say.
 */
export const subscriptionsProjection: Projection = {
  name: SUBSCRIPTIONS_PROJECTION,
  handles: [
    'SubscriptionCreated',
    'SubscriptionCanceled',
    'SubscriptionRestored',
    'SubscriptionDeleted',
    'SubscriptionEdited',
    'SubscriptionAddonCreated',
    'SubscriptionAddonUpdated',
  ],
  tables: ['subscriptions'],
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    for (const recorded of events) await applyOne(recorded, tx);
  },
};

async function applyOne(recorded: RecordedEvent, tx: ProjectionTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as SubscriptionEvent;
  const subscriptions = tx.table('subscriptions');
  const version = recorded.streamVersion;
  switch (event.type) {
    case 'SubscriptionCreated': {
      const subscription = event.data;
      await tx.query(
        `INSERT INTO ${subscriptions} (namespace, id, customer_id, customer_key, name, description, metadata, plan_id,
           plan_key, plan_version, plan, currency, billing_cadence, billing_anchor, active_from, created_at, updated_at,
           stream_version, alignment, settlement_mode, cost_basis_mode, starting_phase, previous_subscription_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17, $18, $19, $20, $21, $22)
         ON CONFLICT (namespace, id) DO NOTHING`,
        [
          subscription.namespace,
          subscription.id,
          subscription.customerId,
          subscription.customerKey ?? null,
          subscription.name,
          subscription.description ?? null,
          subscription.metadata === undefined ? null : JSON.stringify(subscription.metadata),
          subscription.plan.id,
          subscription.plan.key,
          subscription.plan.version,
          JSON.stringify(subscription.plan),
          subscription.currency,
          subscription.billingCadence,
          subscription.billingAnchor,
          subscription.activeFrom,
          subscription.createdAt,
          version,
          subscription.alignment === undefined ? null : JSON.stringify(subscription.alignment),
          subscription.settlementMode ?? null,
          subscription.costBasisMode ?? null,
          subscription.startingPhase ?? null,
          subscription.previousSubscriptionId ?? null,
        ],
      );
      return;
    }
    case 'SubscriptionCanceled':
      await tx.query(
        `UPDATE ${subscriptions} SET active_to = $3, canceled_at = $4, updated_at = $4, stream_version = $5,
           next_subscription_id = $6
         WHERE namespace = $1 AND id = $2 AND stream_version < $5`,
        [
          event.data.namespace,
          event.data.id,
          event.data.activeTo,
          event.data.canceledAt,
          version,
          event.data.nextSubscriptionId ?? null,
        ],
      );
      return;
    case 'SubscriptionRestored':
      await tx.query(
        `UPDATE ${subscriptions} SET active_to = NULL, canceled_at = NULL, next_subscription_id = NULL,
           updated_at = $3, stream_version = $4
         WHERE namespace = $1 AND id = $2 AND stream_version < $4`,
        [event.data.namespace, event.data.id, event.data.restoredAt, version],
      );
      return;
    case 'SubscriptionDeleted':
      // It never ran: gone from every list and answer (its events stay in its history).
      await tx.query(`DELETE FROM ${subscriptions} WHERE namespace = $1 AND id = $2`, [
        event.data.namespace,
        event.data.id,
      ]);
      return;
    case 'SubscriptionEdited':
      await tx.query(
        `UPDATE ${subscriptions} SET timeline = $3, updated_at = $4, stream_version = $5
         WHERE namespace = $1 AND id = $2 AND stream_version < $5`,
        [
          event.data.namespace,
          event.data.id,
          JSON.stringify(event.data.timeline),
          event.data.editedAt,
          version,
        ],
      );
      return;
    case 'SubscriptionAddonCreated':
    case 'SubscriptionAddonUpdated': {
      const addon = event.data.subscriptionAddon;
      await tx.query(
        `UPDATE ${subscriptions} SET addons = $3, updated_at = $4, stream_version = $5
         WHERE namespace = $1 AND id = $2 AND stream_version < $5`,
        [event.data.namespace, event.data.id, JSON.stringify(event.data.addons), addon.updatedAt, version],
      );
      return;
    }
    default:
      unreachable(event);
  }
}
