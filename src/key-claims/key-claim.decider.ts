import { Decider, Message, evolveByType, unreachable } from '../shared/decider';
import { conflict } from '../shared/errors';

/**
 * Uniqueness of a natural key (meter slug, feature key, plan key + version, customer key, subject
 * key) as an aggregate: one claim stream per (namespace, kind, key) — see `keyClaimStream` — appended
 * with its expected version. Two racing claims cannot both append, so exactly one owner wins, on any
 * event store that offers optimistic concurrency; no unique index on a read model is needed.
 *
 * The handler claims before it appends the owner's own events and releases after the owner gives the
 * key up (rename, delete). A claim left behind by a crash between the two appends is harmless for the
 * winner and is repaired by claiming again with the same owner (a no-op) or releasing it.
 */

export type ClaimKey = Message<
  'ClaimKey',
  {
    namespace: string;
    /** The key space, e.g. `meter_slug`, `feature_key`, `plan_key_version`, `customer_subject`. */
    kind: string;
    key: string;
    /** The aggregate that wants the key (a meter id, a customer id…). */
    ownerId: string;
    now: string;
    /** The DomainError code thrown when another owner holds the key, e.g. `CATALOG.METER_SLUG_TAKEN`. */
    takenCode: string;
    /** The request field to name in the error's `problems`, e.g. `body.slug`. */
    field?: string;
  }
>;

export type ReleaseKey = Message<
  'ReleaseKey',
  {
    namespace: string;
    kind: string;
    key: string;
    ownerId: string;
    now: string;
  }
>;

export type KeyClaimCommand = ClaimKey | ReleaseKey;

export type KeyClaimed = Message<
  'KeyClaimed',
  { namespace: string; kind: string; key: string; ownerId: string; claimedAt: string }
>;

export type KeyReleased = Message<
  'KeyReleased',
  { namespace: string; kind: string; key: string; ownerId: string; releasedAt: string }
>;

export type KeyClaimEvent = KeyClaimed | KeyReleased;

export type KeyClaimState =
  | { readonly status: 'unclaimed' }
  | { readonly status: 'claimed'; readonly ownerId: string; readonly claimedAt: string }
  | { readonly status: 'released'; readonly lastOwnerId: string; readonly releasedAt: string };

function claim(command: ClaimKey, state: KeyClaimState): KeyClaimEvent[] {
  const { namespace, kind, key, ownerId, now, takenCode, field } = command.data;
  if (state.status === 'claimed') {
    if (state.ownerId === ownerId) return [];
    throw conflict(
      takenCode,
      `${kind} "${key}" is already taken`,
      field ? [{ field, message: `"${key}" is already taken`, code: takenCode }] : [],
    );
  }
  return [{ type: 'KeyClaimed', data: { namespace, kind, key, ownerId, claimedAt: now } }];
}

/** Only the holder can release; anyone else's release is a no-op, so a stale retry never frees a key. */
function release(command: ReleaseKey, state: KeyClaimState): KeyClaimEvent[] {
  const { namespace, kind, key, ownerId, now } = command.data;
  if (state.status !== 'claimed' || state.ownerId !== ownerId) return [];
  return [{ type: 'KeyReleased', data: { namespace, kind, key, ownerId, releasedAt: now } }];
}

export const keyClaimDecider: Decider<KeyClaimCommand, KeyClaimEvent, KeyClaimState> = {
  initialState: () => ({ status: 'unclaimed' }),
  evolve: evolveByType<KeyClaimEvent, KeyClaimState>({
    KeyClaimed: (_state, event) => ({
      status: 'claimed',
      ownerId: event.data.ownerId,
      claimedAt: event.data.claimedAt,
    }),
    KeyReleased: (_state, event) => ({
      status: 'released',
      lastOwnerId: event.data.ownerId,
      releasedAt: event.data.releasedAt,
    }),
  }),
  decide: (command, state) => {
    switch (command.type) {
      case 'ClaimKey':
        return claim(command, state);
      case 'ReleaseKey':
        return release(command, state);
      default:
        return unreachable(command);
    }
  },
};
