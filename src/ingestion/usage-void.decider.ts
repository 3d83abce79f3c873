import { Decider, Message, evolveByType, unreachable } from '../shared/decider';
import { USAGE_VOIDED, type UsageVoidedData } from './usage-voided';

/**
 * A namespace's voids of usage events. Voiding is idempotent per event: the first void of an event
 * is the one recorded, and voiding it again decides nothing (the answer repeats the first void's
 * reason, actor and time). A batch is decided whole and appended in one go, at the version read: of
 * two racing voids of one event, exactly one records it; the other decides again and finds it done.
 * Whether the events exist is the handler's question (the log's dedup index), asked before deciding.
 */
export interface UsageIdentity {
  readonly source: string;
  readonly id: string;
}

export type VoidUsage = Message<
  'VoidUsage',
  {
    readonly namespace: string;
    readonly events: readonly UsageIdentity[];
    readonly reason: string;
    readonly actor: UsageVoidedData['actor'];
    readonly now: string;
  }
>;
export type UsageVoidCommand = VoidUsage;

export type UsageVoided = Message<typeof USAGE_VOIDED, UsageVoidedData>;
export type UsageVoidEvent = UsageVoided;

/**
 * The voids as a list, newest first: `evolve` adds one link in constant time (a fold over a long
 * history stays linear), and `decide` indexes the list once per decision.
 */
export interface VoidLink {
  readonly voided: UsageVoidedData;
  readonly earlier?: VoidLink;
}
export interface UsageVoidState {
  readonly latest?: VoidLink;
}

export function identityKey(identity: UsageIdentity): string {
  return JSON.stringify([identity.source, identity.id]);
}

/** Every voided event's first void, by `identityKey`. */
export function voidsOf(state: UsageVoidState): Map<string, UsageVoidedData> {
  const voids = new Map<string, UsageVoidedData>();
  // Newest first: an older void of the same event (never written, but history is fact) wins.
  for (let link = state.latest; link; link = link.earlier) voids.set(identityKey(link.voided), link.voided);
  return voids;
}

function voidUsage(command: VoidUsage, state: UsageVoidState): UsageVoidEvent[] {
  const { namespace, events, reason, actor, now } = command.data;
  const done = voidsOf(state);
  const voids: UsageVoidEvent[] = [];
  for (const identity of events) {
    const key = identityKey(identity);
    if (done.has(key)) continue;
    const voided: UsageVoidedData = {
      namespace,
      source: identity.source,
      id: identity.id,
      reason,
      voidedAt: now,
      actor,
    };
    done.set(key, voided);
    voids.push({ type: USAGE_VOIDED, data: voided });
  }
  return voids;
}

export const usageVoidDecider: Decider<UsageVoidCommand, UsageVoidEvent, UsageVoidState> = {
  initialState: () => ({}),
  evolve: evolveByType<UsageVoidEvent, UsageVoidState>({
    [USAGE_VOIDED]: (state: UsageVoidState, event: UsageVoided) => ({
      latest: { voided: event.data, earlier: state.latest },
    }),
  }),
  decide: (command, state) => {
    switch (command.type) {
      case 'VoidUsage':
        return voidUsage(command, state);
      default:
        return unreachable(command.type);
    }
  },
};
