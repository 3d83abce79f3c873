import { Claim } from '../../key-claims/key-claims';
import { loadState } from '../../event-store/decide-and-append';
import type { EventStore } from '../../event-store/event-store.port';
import { StreamCategory, streamName } from '../../event-store/stream-names';
import {
  CUSTOMER_SUBJECT_KEY_KIND,
  CustomerFields,
  claimedKeysOf,
  customerDecider,
  keyClaimErrorFor,
} from './customer.decider';

/** The claims that give a customer its key and subject keys, each naming the request field it came from. */
export function customerKeyClaims(
  store: EventStore,
  namespace: string,
  customerId: string,
  fields: CustomerFields,
  keys: readonly string[],
): Claim[] {
  return keys.map((key) => ({
    namespace,
    kind: CUSTOMER_SUBJECT_KEY_KIND,
    key,
    ownerId: customerId,
    ...keyClaimErrorFor(fields, key),
    // Whether the customer that claimed the key still holds it: live, with it as its key or a subject key.
    holds: async (ownerId: string) => {
      const { state } = await loadState(store, streamName(StreamCategory.customer, ownerId), customerDecider);
      return (
        state.status !== 'empty' && state.customer.namespace === namespace && claimedKeysOf(state).has(key)
      );
    },
  }));
}
