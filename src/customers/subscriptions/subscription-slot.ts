import { claimKey, isPastGrace, keyClaimState, releaseKey } from '../../key-claims/key-claims';

/** The customer id, in this key space: held by the subscription that runs (or will run) for the customer. */
const ACTIVE_SUBSCRIPTION_KIND = 'active_subscription';
import { loadState } from '../../event-store/decide-and-append';
import type { EventMetadata, EventStore } from '../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../event-store/stream-names';
import { conflict } from '../../shared/errors';
import { SubscriptionErrors, subscriptionDecider, subscriptionStatusAt } from './subscription.decider';

/**
 * At most one subscription per customer has not ended, also under concurrent creates: the claim on
 * (namespace, `active_subscription`, customer id) names the subscription that holds the customer —
 * or the customer itself while it is being deleted, so no subscription starts for a customer that is
 * going. Whether a subscription has ended is a matter of time, not of an event, so a holder that has
 * ended is released by the next one that takes the slot.
 */

export interface Slot {
  readonly namespace: string;
  readonly customerId: string;
  /** A subscription id, or the customer id for a deletion. */
  readonly holderId: string;
}

/**
 * Who holds the customer at `now`: a subscription active, canceled but still running, scheduled or
 * still being created (claimed, not written yet) — or a deletion under way, whose holder names no
 * subscription and so counts as one being created.
 */
export async function slotHolder(
  store: EventStore,
  namespace: string,
  customerId: string,
  now: string,
): Promise<string | undefined> {
  const slot = await keyClaimState(store, namespace, ACTIVE_SUBSCRIPTION_KIND, customerId);
  if (slot.status !== 'claimed') return undefined;
  const { state } = await loadState(
    store,
    streamName(StreamCategory.subscription, slot.ownerId),
    subscriptionDecider,
  );
  if (state.status === 'empty') {
    // Claimed but not written: being created — or, past the grace, a create that died between the two.
    return isPastGrace(slot.claimedAt, now) ? undefined : slot.ownerId;
  }
  return subscriptionStatusAt(state, now) === 'inactive' ? undefined : slot.ownerId;
}

/** Gives the slot to `holderId`, or answers 409 while someone else holds the customer. */
export async function takeSlot(
  store: EventStore,
  slot: Slot,
  now: string,
  metadata: EventMetadata,
): Promise<void> {
  const { namespace, customerId, holderId } = slot;
  const key = { namespace, kind: ACTIVE_SUBSCRIPTION_KIND, key: customerId };
  const current = await keyClaimState(store, namespace, ACTIVE_SUBSCRIPTION_KIND, customerId);
  if (current.status === 'claimed' && current.ownerId !== holderId) {
    if ((await slotHolder(store, namespace, customerId, now)) !== undefined) throw alreadyActive(customerId);
    await releaseKey(store, { ...key, ownerId: current.ownerId }, now, metadata);
  }
  await claimKey(
    store,
    {
      ...key,
      ownerId: holderId,
      takenCode: SubscriptionErrors.alreadyActive,
      field: 'body.customerId',
    },
    now,
    metadata,
  );
}

export async function releaseSlot(
  store: EventStore,
  slot: Slot,
  now: string,
  metadata: EventMetadata,
): Promise<void> {
  await releaseKey(
    store,
    {
      namespace: slot.namespace,
      kind: ACTIVE_SUBSCRIPTION_KIND,
      key: slot.customerId,
      ownerId: slot.holderId,
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

/**
 * Hands the customer's slot from a subscription to its successor (a change or migration), once the
 * predecessor has its end: the successor holds the customer from then on, though it may start later.
 */
export async function passSlot(
  store: EventStore,
  slot: {
    readonly namespace: string;
    readonly customerId: string;
    readonly from: string;
    readonly to: string;
  },
  now: string,
  metadata: EventMetadata,
): Promise<void> {
  const { namespace, customerId } = slot;
  await releaseSlot(store, { namespace, customerId, holderId: slot.from }, now, metadata);
  await takeSlot(store, { namespace, customerId, holderId: slot.to }, now, metadata);
}
