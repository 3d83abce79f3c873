import { KeyKind, claimKey, keyClaimState, releaseKey } from '../../catalog/key-claims';
import { loadState } from '../../event-store/decide-and-append';
import type { EventMetadata, EventStore } from '../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../event-store/stream-names';
import { conflict } from '../../shared/errors';
import { SubscriptionErrors, subscriptionDecider, subscriptionStatusAt } from './subscription.decider';

/**
 * At most one subscription per customer has not ended, also under concurrent creates: the claim on
 * (namespace, `active_subscription`, customer id) names the subscription that holds the customer.
 * Whether a subscription has ended is a matter of time, not of an event, so a holder that has ended
 * is released by the next subscription that takes the slot.
 */

/**
 * How long a claim whose subscription has not been written yet is taken for one being created. Past
 * it, the create is known to have died between its two appends, and the slot is free again.
 */
export const CREATION_GRACE_MS = 60_000;

/**
 * The subscription holding the customer at `now`: active, canceled but still running, scheduled —
 * or still being created (claimed, not written yet).
 */
export async function slotHolder(
  store: EventStore,
  namespace: string,
  customerId: string,
  now: string,
): Promise<string | undefined> {
  const slot = await keyClaimState(store, namespace, KeyKind.activeSubscription, customerId);
  if (slot.status !== 'claimed') return undefined;
  const { state } = await loadState(
    store,
    streamName(StreamCategory.subscription, slot.ownerId),
    subscriptionDecider,
  );
  if (state.status === 'empty') {
    return Date.parse(now) - Date.parse(slot.claimedAt) < CREATION_GRACE_MS ? slot.ownerId : undefined;
  }
  return subscriptionStatusAt(state, now) === 'inactive' ? undefined : slot.ownerId;
}

/** Gives the slot to `subscriptionId`, or answers 409 while another subscription holds the customer. */
export async function takeSlot(
  store: EventStore,
  slot: { readonly namespace: string; readonly customerId: string; readonly subscriptionId: string },
  now: string,
  metadata: EventMetadata,
): Promise<void> {
  const { namespace, customerId, subscriptionId } = slot;
  const key = { namespace, kind: KeyKind.activeSubscription, key: customerId };
  const current = await keyClaimState(store, namespace, KeyKind.activeSubscription, customerId);
  if (current.status === 'claimed' && current.ownerId !== subscriptionId) {
    if ((await slotHolder(store, namespace, customerId, now)) !== undefined) throw alreadyActive(customerId);
    await releaseKey(store, { ...key, ownerId: current.ownerId }, now, metadata);
  }
  await claimKey(
    store,
    {
      ...key,
      ownerId: subscriptionId,
      takenCode: SubscriptionErrors.alreadyActive,
      field: 'body.customerId',
    },
    now,
    metadata,
  );
}

export async function releaseSlot(
  store: EventStore,
  slot: { readonly namespace: string; readonly customerId: string; readonly subscriptionId: string },
  now: string,
  metadata: EventMetadata,
): Promise<void> {
  await releaseKey(
    store,
    {
      namespace: slot.namespace,
      kind: KeyKind.activeSubscription,
      key: slot.customerId,
      ownerId: slot.subscriptionId,
    },
    now,
    metadata,
  );
}

function alreadyActive(customerId: string) {
  return conflict(
    SubscriptionErrors.alreadyActive,
    `Customer ${customerId} already has a subscription that has not ended`,
  );
}
