import type { FeatureEvent } from '../../catalog';
import {
  claimedKeysOf,
  CustomerEvent,
  Subscription,
  SubscriptionEvent,
  SubscriptionState,
} from '../../customers';
import type { RecordedEvent } from '../../event-store/event-store.port';
import type { Projection, ProjectionTransaction } from '../../projections/projection';
import { unreachable } from '../../shared/decider';
import {
  ENTITLEMENT_CREATED,
  ENTITLEMENT_DELETED,
  ENTITLEMENT_EVENT_TYPES,
  ENTITLEMENT_GRANT_CREATED,
  ENTITLEMENT_GRANT_VOIDED,
  ENTITLEMENT_USAGE_RESET,
  EntitlementEvent,
  GrantData,
} from '../entitlement.decider';
import { providedEntitlements } from '../from-subscriptions/provided-entitlements';

export const ENTITLEMENTS_PROJECTION = 'entitlements@v4';

export const EntitlementTable = {
  entitlements: 'entitlements',
  grants: 'entitlement_grants',
  resets: 'entitlement_resets',
  features: 'entitlement_features',
  customers: 'entitlement_customers',
  customerSubjects: 'entitlement_customer_subjects',
  subscriptions: 'entitlement_subscriptions',
} as const;

type Input = EntitlementEvent | CustomerEvent | SubscriptionEvent | FeatureEvent;

const OTHERS: readonly Input['type'][] = [
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
 * `entitlements@v4`: every entitlement — created through the API, or provided by a subscription
 * (computed again from the subscription at each of its events, its edits and add-ons included, see
 * `providedEntitlements`) — with
 * its grants and manual resets; and the context's own copies of what it reads of other contexts:
 * features (their meters and filters), customers with the subjects usage is attributed by (as
 * metering attributes it: the key and the subject keys of a live customer), and subscriptions.
 * Balances are not stored: they are burnt down at read time from metering's per-minute counters
 * (see `balance/`), so a value reflects every acknowledged event. Every change is an insert that
 * ignores a repeat, a version-guarded upsert, or a recomputation from stored state, so an event
 * delivered twice changes nothing.
 */
export const entitlementsProjection: Projection = {
  name: ENTITLEMENTS_PROJECTION,
  handles: [...ENTITLEMENT_EVENT_TYPES, ...OTHERS],
  tables: Object.values(EntitlementTable),
  async apply(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    for (const recorded of events) await applyOne(recorded, tx);
  },
};

async function applyOne(recorded: RecordedEvent, tx: ProjectionTransaction): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as Input;
  const t = (name: keyof typeof EntitlementTable) => tx.table(EntitlementTable[name]);
  switch (event.type) {
    case ENTITLEMENT_CREATED: {
      const e = event.data;
      await tx.query(
        `INSERT INTO ${t('entitlements')} (namespace, id, customer_id, feature_key, feature_id, subscription_id, type,
           entitlement, active_from, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $8, $9, $9)
         ON CONFLICT (namespace, id) DO NOTHING`,
        [
          e.namespace,
          e.id,
          e.customerId,
          e.featureKey,
          e.featureId,
          e.type,
          JSON.stringify(e),
          e.activeFrom,
          e.createdAt,
        ],
      );
      // Overriding an entitlement a subscription provides ends it for good; one created here ends by its own event.
      if (e.supersedes !== undefined) {
        await tx.query(
          `UPDATE ${t('entitlements')} SET deleted_at = $3, updated_at = $3
           WHERE namespace = $1 AND id = $2 AND subscription_id IS NOT NULL AND deleted_at IS NULL`,
          [e.namespace, e.supersedes, e.createdAt],
        );
      }
      return;
    }
    case ENTITLEMENT_DELETED:
      await tx.query(
        `UPDATE ${t('entitlements')} SET deleted_at = $3, updated_at = $3
         WHERE namespace = $1 AND id = $2 AND deleted_at IS NULL`,
        [event.data.namespace, event.data.id, event.data.deletedAt],
      );
      return;
    case ENTITLEMENT_USAGE_RESET: {
      const r = event.data;
      const added = await tx.query(
        `INSERT INTO ${t('resets')} (namespace, entitlement_id, reset_at, retain_anchor, preserve_overage)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING reset_at`,
        [r.namespace, r.entitlementId, r.resetAt, r.retainAnchor, r.preserveOverage],
      );
      if (added.length > 0)
        await tx.query(`UPDATE ${t('entitlements')} SET updated_at = $3 WHERE namespace = $1 AND id = $2`, [
          r.namespace,
          r.entitlementId,
          r.requestedAt,
        ]);
      return;
    }
    case ENTITLEMENT_GRANT_CREATED:
      await insertGrant(tx, event.data);
      return;
    case ENTITLEMENT_GRANT_VOIDED:
      await tx.query(
        `UPDATE ${t('grants')} SET voided_at = $3, updated_at = $4
         WHERE namespace = $1 AND id = $2 AND voided_at IS NULL`,
        [event.data.namespace, event.data.id, event.data.voidedAt, event.data.requestedAt],
      );
      return;
    case 'CustomerCreated':
    case 'CustomerUpdated':
    case 'CustomerDeleted':
      await applyCustomerEvent(event, recorded.streamVersion, tx);
      return;
    case 'FeatureCreated': {
      const f = event.data;
      await tx.query(
        `INSERT INTO ${t('features')} (namespace, id, key, meter_slug, meter_group_by_filters, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (namespace, id) DO NOTHING`,
        [f.namespace, f.id, f.key, f.meterSlug ?? null, JSON.stringify(f.meterGroupByFilters ?? {}), f.at],
      );
      return;
    }
    case 'FeatureArchived':
      await tx.query(
        `UPDATE ${t('features')} SET archived_at = $3 WHERE namespace = $1 AND id = $2 AND archived_at IS NULL`,
        [event.data.namespace, event.data.id, event.data.at],
      );
      return;
    case 'SubscriptionCreated': {
      const s = event.data;
      await tx.query(
        `INSERT INTO ${t('subscriptions')} (namespace, id, customer_id, subscription) VALUES ($1, $2, $3, $4)
         ON CONFLICT (namespace, id) DO NOTHING`,
        [s.namespace, s.id, s.customerId, JSON.stringify(s)],
      );
      await provide(tx, s.namespace, s.id);
      return;
    }
    case 'SubscriptionCanceled': {
      const c = event.data;
      // A later cancelation only ever brings the end earlier.
      await tx.query(
        `UPDATE ${t('subscriptions')} SET active_to = $3, canceled_at = $4
         WHERE namespace = $1 AND id = $2 AND (active_to IS NULL OR active_to > $3)`,
        [c.namespace, c.id, c.activeTo, c.canceledAt],
      );
      await provide(tx, c.namespace, c.id);
      return;
    }
    case 'SubscriptionRestored': {
      // Its end taken back: what it provides runs on with it.
      const r = event.data;
      await tx.query(
        `UPDATE ${t('subscriptions')} SET active_to = NULL, canceled_at = NULL WHERE namespace = $1 AND id = $2`,
        [r.namespace, r.id],
      );
      await provide(tx, r.namespace, r.id);
      return;
    }
    case 'SubscriptionDeleted':
      // Not handled: the SubscriptionCanceled before it ended it at its start, so it provides nothing.
      return;
    case 'SubscriptionEdited': {
      // What it provides follows its timeline: an item an edit added or removed gives or takes its
      // entitlement from the edit's instant. Only a newer edit replaces the timeline.
      const e = event.data;
      const edited = await tx.query(
        `UPDATE ${t('subscriptions')}
         SET subscription = jsonb_set(subscription, '{timeline}', $3::jsonb), edited_version = $4
         WHERE namespace = $1 AND id = $2 AND edited_version < $4 RETURNING id`,
        [e.namespace, e.id, JSON.stringify(e.timeline), recorded.streamVersion],
      );
      if (edited.length > 0) await provide(tx, e.namespace, e.id, e.editedAt);
      return;
    }
    case 'SubscriptionAddonCreated':
    case 'SubscriptionAddonUpdated': {
      // Add-on templates are provided while held; the event carries every add-on as it now stands.
      // Edits and add-ons share the stream-version guard: each sets its own field, in stream order.
      const a = event.data;
      const changed = await tx.query(
        `UPDATE ${t('subscriptions')}
         SET subscription = jsonb_set(subscription, '{addons}', $3::jsonb), edited_version = $4
         WHERE namespace = $1 AND id = $2 AND edited_version < $4 RETURNING id`,
        [a.namespace, a.id, JSON.stringify(a.addons), recorded.streamVersion],
      );
      if (changed.length > 0) await provide(tx, a.namespace, a.id, a.subscriptionAddon.updatedAt);
      return;
    }
    default:
      unreachable(event);
  }
}

async function insertGrant(tx: ProjectionTransaction, grant: GrantData): Promise<void> {
  await tx.query(
    `INSERT INTO ${tx.table(EntitlementTable.grants)} (namespace, id, entitlement_id, terms, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (namespace, id) DO NOTHING`,
    [grant.namespace, grant.id, grant.entitlementId, JSON.stringify(grant), grant.createdAt],
  );
}

/**
 * Makes the entitlements the subscription provides what its current state gives: each one upserted
 * (an override's end kept), those it no longer gives (phases a cancelation cut off before they ran)
 * removed with their grants.
 */
async function provide(
  tx: ProjectionTransaction,
  namespace: string,
  subscriptionId: string,
  editedAt?: string,
): Promise<void> {
  const entitlements = tx.table(EntitlementTable.entitlements);
  const grants = tx.table(EntitlementTable.grants);
  const [row] = await tx.query<{
    subscription: Subscription;
    active_to: Date | null;
    canceled_at: Date | null;
  }>(
    `SELECT subscription, active_to, canceled_at FROM ${tx.table(EntitlementTable.subscriptions)}
     WHERE namespace = $1 AND id = $2`,
    [namespace, subscriptionId],
  );
  if (!row) return;
  const state: SubscriptionState =
    row.active_to === null || row.canceled_at === null
      ? { status: 'open', subscription: row.subscription }
      : {
          status: 'canceled',
          subscription: row.subscription,
          activeTo: row.active_to.toISOString(),
          canceledAt: row.canceled_at.toISOString(),
        };
  const updatedAt =
    editedAt ?? (state.status === 'canceled' ? state.canceledAt : state.subscription.createdAt);
  const provided = providedEntitlements(state);
  for (const { grant, ...entitlement } of provided) {
    await tx.query(
      `INSERT INTO ${entitlements} (namespace, id, customer_id, feature_key, feature_id, subscription_id, type,
         entitlement, active_from, active_to, created_at, updated_at)
       VALUES ($1, $2, $3, $4, NULL, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (namespace, id) DO UPDATE SET entitlement = $7, active_from = $8, active_to = $9,
         updated_at = greatest(${entitlements}.updated_at, $11)`,
      [
        namespace,
        entitlement.id,
        entitlement.customerId,
        entitlement.featureKey,
        subscriptionId,
        entitlement.type,
        JSON.stringify(entitlement),
        entitlement.activeFrom,
        entitlement.activeTo ?? null,
        entitlement.createdAt,
        updatedAt,
      ],
    );
    if (grant) await insertGrant(tx, grant);
  }
  const kept = provided.map((entitlement) => entitlement.id);
  await tx.query(
    `DELETE FROM ${grants} WHERE namespace = $1 AND entitlement_id IN (
       SELECT id FROM ${entitlements} WHERE namespace = $1 AND subscription_id = $2 AND NOT (id = ANY($3)))`,
    [namespace, subscriptionId, kept],
  );
  await tx.query(
    `DELETE FROM ${entitlements} WHERE namespace = $1 AND subscription_id = $2 AND NOT (id = ANY($3))`,
    [namespace, subscriptionId, kept],
  );
}

/** The context's copy of a customer and its subjects, guarded by the stream version as `customers@v1` is. */
async function applyCustomerEvent(
  event: CustomerEvent,
  version: number,
  tx: ProjectionTransaction,
): Promise<void> {
  const customers = tx.table(EntitlementTable.customers);
  const subjects = tx.table(EntitlementTable.customerSubjects);
  const { namespace, id } = event.data;
  const deleted = event.type === 'CustomerDeleted';
  const written = await tx.query(
    `INSERT INTO ${customers} (namespace, id, key, subject_keys, deleted_at, stream_version)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (namespace, id) DO UPDATE SET key = $3, subject_keys = $4, deleted_at = $5, stream_version = $6
     WHERE ${customers}.stream_version < $6
     RETURNING id`,
    [
      namespace,
      id,
      event.data.key ?? null,
      event.data.usageAttribution.subjectKeys,
      deleted ? event.data.deletedAt : null,
      version,
    ],
  );
  if (written.length === 0) return;
  const held = deleted ? [] : [...claimedKeysOf({ status: 'active', customer: event.data })];
  await tx.query(
    `DELETE FROM ${subjects} WHERE namespace = $1 AND customer_id = $2 AND NOT (subject_key = ANY($3))`,
    [namespace, id, held],
  );
  await tx.query(
    `INSERT INTO ${subjects} (namespace, subject_key, customer_id) SELECT $1, unnest($3::text[]), $2
     ON CONFLICT (namespace, subject_key) DO UPDATE SET customer_id = EXCLUDED.customer_id`,
    [namespace, id, held],
  );
}
