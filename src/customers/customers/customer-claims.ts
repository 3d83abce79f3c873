import { Claim } from '../../catalog/key-claims';
import { CUSTOMER_SUBJECT_KEY_KIND, CustomerFields, keyClaimErrorFor } from './customer.decider';

/** The claims that give a customer its key and subject keys, each naming the request field it came from. */
export function customerKeyClaims(
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
  }));
}
