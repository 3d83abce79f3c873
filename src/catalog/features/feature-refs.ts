import { loadState } from '../../event-store/decide-and-append';
import type { EventStore } from '../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../event-store/stream-names';
import { Holds, isPastGrace, keyOwner } from '../../key-claims/key-claims';
import { CatalogKeyKind } from '../catalog-keys';
import { liveMeterBySlug } from '../meters/meter-refs';
import type { MeterFeatureLink } from '../meters/meter.decider';
import type { ResolvedFeatures } from '../plans/plan-validation';
import { Feature, featureDecider } from './feature.decider';

/** The live feature holding `key` in the namespace, if any, read from the log. */
export async function liveFeatureByKey(
  store: EventStore,
  namespace: string,
  key: string,
): Promise<Feature | undefined> {
  const owner = await keyOwner(store, namespace, CatalogKeyKind.featureKey, key);
  if (owner === undefined) return undefined;
  const { state } = await loadState(store, streamName(StreamCategory.feature, owner), featureDecider);
  return state.status === 'active' && state.feature.namespace === namespace ? state.feature : undefined;
}

/**
 * Each key's live feature, and the aggregation of its meter (none for a feature without one): what a
 * plan's rate cards are checked against when it is published, or given inline to a subscription.
 */
export async function resolveFeatures(
  store: EventStore,
  namespace: string,
  keys: readonly string[],
): Promise<ResolvedFeatures> {
  const resolved: Record<string, { aggregation?: string } | undefined> = {};
  for (const key of keys) {
    const feature = await liveFeatureByKey(store, namespace, key);
    if (feature === undefined) continue;
    const meter =
      feature.meterSlug === undefined
        ? undefined
        : await liveMeterBySlug(store, namespace, feature.meterSlug);
    resolved[key] = meter === undefined ? {} : { aggregation: meter.aggregation };
  }
  return resolved;
}

/** Whether a feature still holds the key it claimed: it is not archived. */
export function featureHoldsKey(store: EventStore, namespace: string, key: string): Holds {
  return async (ownerId) => {
    const { state } = await loadState(store, streamName(StreamCategory.feature, ownerId), featureDecider);
    return state.status === 'active' && state.feature.namespace === namespace && state.feature.key === key;
  };
}

/**
 * Whether a feature linked to a meter still uses it, read from the log: while it is live — or not
 * written yet, as long as its create may still be running (a create that failed after linking
 * leaves a link to a feature that never was).
 */
export async function linkedFeatureUsesMeter(
  store: EventStore,
  link: MeterFeatureLink,
  now: string,
): Promise<boolean> {
  const { state } = await loadState(
    store,
    streamName(StreamCategory.feature, link.featureId),
    featureDecider,
  );
  if (state.status === 'empty') return !isPastGrace(link.at, now);
  return state.status === 'active';
}
