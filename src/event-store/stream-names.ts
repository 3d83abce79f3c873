import { createHash } from 'node:crypto';

/**
 * The one place stream names are built. Names are `<category>-<id>`: the category has no dash, since
 * EventStoreDB's `$by_category` splits at the first one. Natural keys (slugs, customer keys) may hold
 * any character, so key streams carry a digest of the key instead of the key itself.
 */
export const StreamCategory = {
  meter: 'meter',
  feature: 'feature',
  plan: 'plan',
  addon: 'addon',
  customer: 'customer',
  subscription: 'subscription',
  invoice: 'invoice',
  invoiceLedger: 'invoiceledger',
  billingProfiles: 'billingprofiles',
  usage: 'usage',
  usageVoids: 'usagevoids',
  keyClaim: 'keyclaim',
  entitlement: 'entitlement',
  subject: 'subject',
} as const;
export type StreamCategory = (typeof StreamCategory)[keyof typeof StreamCategory];

export function streamName(category: StreamCategory, id: string): string {
  return `${category}-${id}`;
}

export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}

export function idOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? '' : streamId.slice(dash + 1);
}

/** The stream that holds the claim on a unique key: `kind` such as `meter_slug`, scoped by namespace. */
export function keyClaimStream(namespace: string, kind: string, key: string): string {
  return streamName(StreamCategory.keyClaim, digestOf([namespace, kind, key]));
}

function digestOf(parts: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/** A subject (OpenMeter's `/api/v1/subjects`): one stream per key, so upserts of a key serialize. */
export function subjectStream(namespace: string, key: string): string {
  return streamName(StreamCategory.subject, digestOf([namespace, key]));
}

/** A customer's entitlements to one feature (and their grants and resets); keys may hold any character. */
export function entitlementStream(namespace: string, customerId: string, featureKey: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([namespace, customerId, featureKey]))
    .digest('base64url');
  return streamName(StreamCategory.entitlement, digest);
}

/** Issued invoices of a namespace, in order: the stream's version is the last invoice number. */
export function invoiceLedgerStream(namespace: string): string {
  return streamName(StreamCategory.invoiceLedger, namespace);
}

/** A namespace's billing profiles and customer overrides: one stream, since its rules span profiles. */
export function billingProfilesStream(namespace: string): string {
  return streamName(StreamCategory.billingProfiles, namespace);
}

/** All usage of a namespace is one logical stream; the PostgreSQL adapter deduplicates within it. */
export function usageStream(namespace: string): string {
  return streamName(StreamCategory.usage, namespace);
}

/** A namespace's voids of usage events, in order: one stream, so a batch of voids is one atomic append. */
export function usageVoidStream(namespace: string): string {
  return streamName(StreamCategory.usageVoids, namespace);
}

/** The identity that makes a usage event unique forever: (namespace, source, id). */
export function usageDedupKey(namespace: string, source: string, id: string): string {
  return JSON.stringify([namespace, source, id]);
}
