import { decideAndAppend, loadState } from '../event-store/decide-and-append';
import type { EventMetadata, EventStore } from '../event-store/event-store.port';
import { keyClaimStream } from '../event-store/stream-names';
import { ClaimKey, KeyClaimState, keyClaimDecider } from './key-claim.decider';

/**
 * Unique natural keys, through the key-claim decider: one stream per (namespace, kind, key), appended
 * at the version read, so of two racing claims exactly one is written — on either event store.
 * Handlers claim before they append the owner's own events and release once the owner gives the key
 * up; `keyOwner` turns a key back into the id that holds it.
 *
 * A crash between the claim and the owner's append (or between the owner giving the key up and the
 * release) leaves a claim its owner does not hold. Such a claim, once older than `CLAIM_GRACE_MS`,
 * is released by the next command that claims the key — when the claim says how to ask its owner
 * (`holds`). Within the grace the owner may still be mid-command, so the claim stands.
 */

/** Longer than any command runs (requests time out after 30 s): an older claim is no command's work in progress. */
export const CLAIM_GRACE_MS = 60_000;

/** Whether the owner's own state still holds the key it claimed. */
export type Holds = (ownerId: string) => Promise<boolean>;

export type Claim = Omit<ClaimKey['data'], 'now'> & { readonly holds?: Holds };

export async function claimKey(
  store: EventStore,
  { holds: _holds, ...claim }: Claim,
  now: string,
  metadata: EventMetadata,
): Promise<void> {
  await decideAndAppend(
    store,
    keyClaimStream(claim.namespace, claim.kind, claim.key),
    keyClaimDecider,
    { type: 'ClaimKey', data: { ...claim, now } },
    { metadata },
  );
}

/** Whether a claim made at `claimedAt` is past the time its owner could still be mid-command. */
export function isPastGrace(claimedAt: string, now: string): boolean {
  return Date.parse(now) - Date.parse(claimedAt) >= CLAIM_GRACE_MS;
}

/** Releases the key if `ownerId` holds it; a no-op otherwise, so a retried release is harmless. */
export async function releaseKey(
  store: EventStore,
  { namespace, kind, key, ownerId }: { namespace: string; kind: string; key: string; ownerId: string },
  now: string,
  metadata: EventMetadata,
): Promise<void> {
  await decideAndAppend(
    store,
    keyClaimStream(namespace, kind, key),
    keyClaimDecider,
    { type: 'ReleaseKey', data: { namespace, kind, key, ownerId, now } },
    { metadata },
  );
}

export async function keyClaimState(
  store: EventStore,
  namespace: string,
  kind: string,
  key: string,
): Promise<KeyClaimState> {
  return (await loadState(store, keyClaimStream(namespace, kind, key), keyClaimDecider)).state;
}

/** The id that holds the key now, if any. */
export async function keyOwner(
  store: EventStore,
  namespace: string,
  kind: string,
  key: string,
): Promise<string | undefined> {
  const state = await keyClaimState(store, namespace, kind, key);
  return state.status === 'claimed' ? state.ownerId : undefined;
}

/**
 * Claims every key in order, all or none. A key already taken refuses the command before anything
 * is written; one taken by a racing command meanwhile releases the keys claimed so far before the
 * conflict is rethrown. Returns an undo that releases them all, for when the owner's own append fails
 * afterwards.
 */
export async function claimAll(
  store: EventStore,
  claims: readonly Claim[],
  now: string,
  metadata: EventMetadata,
): Promise<() => Promise<void>> {
  for (const { holds, ...claim } of claims) {
    const { state } = await loadState(
      store,
      keyClaimStream(claim.namespace, claim.kind, claim.key),
      keyClaimDecider,
    );
    const stale =
      state.status === 'claimed' &&
      state.ownerId !== claim.ownerId &&
      holds !== undefined &&
      isPastGrace(state.claimedAt, now) &&
      !(await holds(state.ownerId));
    if (stale) await releaseKey(store, { ...claim, ownerId: state.ownerId }, now, metadata);
    else keyClaimDecider.decide({ type: 'ClaimKey', data: { ...claim, now } }, state);
  }
  const claimed: Claim[] = [];
  const undo = async () => {
    for (const claim of [...claimed].reverse()) await releaseKey(store, claim, now, metadata);
  };
  try {
    for (const claim of claims) {
      await claimKey(store, claim, now, metadata);
      claimed.push(claim);
    }
  } catch (error) {
    await undo();
    throw error;
  }
  return undo;
}

/**
 * Claims the keys, then runs the owner's own append; if that fails, the keys are released again, so
 * a refused command leaves no claim behind.
 */
export async function withClaims<T>(
  store: EventStore,
  claims: readonly Claim[],
  now: string,
  metadata: EventMetadata,
  work: () => Promise<T>,
): Promise<T> {
  const undo = await claimAll(store, claims, now, metadata);
  try {
    return await work();
  } catch (error) {
    await undo();
    throw error;
  }
}
