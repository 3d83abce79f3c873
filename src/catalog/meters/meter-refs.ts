import { loadState } from '../../event-store/decide-and-append';
import type { EventStore } from '../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../event-store/stream-names';
import { notFound } from '../../shared/errors';
import { CatalogErrorCode } from '../catalog-errors';
import { Holds, keyOwner } from '../../key-claims/key-claims';
import { CatalogKeyKind } from '../catalog-keys';
import { ULID_PATTERN } from '../../shared/http/list-params';
import { Meter, meterDecider } from './meter.decider';

/**
 * Turns a meter id or slug into the meter's id for a command, from the log itself: the id when its
 * stream exists (the decider then checks the namespace), else the holder of the slug's claim.
 */
export async function meterIdFor(store: EventStore, namespace: string, idOrSlug: string): Promise<string> {
  if (ULID_PATTERN.test(idOrSlug) && (await store.streamExists(streamName(StreamCategory.meter, idOrSlug)))) {
    return idOrSlug;
  }
  const owner = await keyOwner(store, namespace, CatalogKeyKind.meterSlug, idOrSlug);
  if (owner === undefined) throw notFound(CatalogErrorCode.METER_NOT_FOUND, `Meter ${idOrSlug} not found`);
  return owner;
}

/** The live meter holding `slug` in the namespace, if any. */
export async function liveMeterBySlug(
  store: EventStore,
  namespace: string,
  slug: string,
): Promise<Meter | undefined> {
  const owner = await keyOwner(store, namespace, CatalogKeyKind.meterSlug, slug);
  if (owner === undefined) return undefined;
  const { state } = await loadState(store, streamName(StreamCategory.meter, owner), meterDecider);
  return state.status === 'active' && state.meter.namespace === namespace ? state.meter : undefined;
}

/** Whether a meter still holds the slug it claimed: it is live and still has that slug. */
export function meterHoldsSlug(store: EventStore, namespace: string, slug: string): Holds {
  return async (ownerId) => {
    const { state } = await loadState(store, streamName(StreamCategory.meter, ownerId), meterDecider);
    return state.status === 'active' && state.meter.namespace === namespace && state.meter.slug === slug;
  };
}
