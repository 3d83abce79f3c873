import { loadState } from '../../event-store/decide-and-append';
import type { EventStore } from '../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../event-store/stream-names';
import { Holds, KeyKind, keyOwner } from '../key-claims';
import { Feature, featureDecider } from './feature.decider';

/** The live feature holding `key` in the namespace, if any, read from the log. */
export async function liveFeatureByKey(
  store: EventStore,
  namespace: string,
  key: string,
): Promise<Feature | undefined> {
  const owner = await keyOwner(store, namespace, KeyKind.featureKey, key);
  if (owner === undefined) return undefined;
  const { state } = await loadState(store, streamName(StreamCategory.feature, owner), featureDecider);
  return state.status === 'active' && state.feature.namespace === namespace ? state.feature : undefined;
}

/** Whether a feature still holds the key it claimed: it is not archived. */
export function featureHoldsKey(store: EventStore, namespace: string, key: string): Holds {
  return async (ownerId) => {
    const { state } = await loadState(store, streamName(StreamCategory.feature, ownerId), featureDecider);
    return state.status === 'active' && state.feature.namespace === namespace && state.feature.key === key;
  };
}
