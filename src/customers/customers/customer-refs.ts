import { loadState } from '../../event-store/decide-and-append';
import type { EventStore } from '../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../event-store/stream-names';
import { keyOwner } from '../../key-claims/key-claims';
import { ULID_PATTERN } from '../../shared/http/list-params';
import { notFound } from '../../shared/errors';
import { CUSTOMER_SUBJECT_KEY_KIND, Customer, CustomerErrors, customerDecider } from './customer.decider';

/**
 * The live customer a command names by id or by key, read from the log. A key is found through its
 * claim — which subject keys share, so the holder must also have it as its key.
 */
export async function liveCustomer(
  store: EventStore,
  namespace: string,
  ref: { readonly id?: string; readonly key?: string },
): Promise<Customer> {
  const id =
    ref.id ??
    (ref.key === undefined
      ? undefined
      : await keyOwner(store, namespace, CUSTOMER_SUBJECT_KEY_KIND, ref.key));
  if (id !== undefined) {
    const { state } = await loadState(store, streamName(StreamCategory.customer, id), customerDecider);
    const matches = ref.id !== undefined || (state.status !== 'empty' && state.customer.key === ref.key);
    if (state.status === 'active' && state.customer.namespace === namespace && matches) return state.customer;
  }
  throw notFound(CustomerErrors.notFound, `Customer ${ref.id ?? ref.key} not found`);
}

/** The id of the customer `idOrKey` names: an id whose stream exists (the decider checks the rest), else a key. */
export async function customerIdFor(store: EventStore, namespace: string, idOrKey: string): Promise<string> {
  if (
    ULID_PATTERN.test(idOrKey) &&
    (await store.streamExists(streamName(StreamCategory.customer, idOrKey)))
  ) {
    return idOrKey;
  }
  return (await liveCustomer(store, namespace, { key: idOrKey })).id;
}
