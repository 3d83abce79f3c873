/**
 * Limits more than one context keeps. A usage event's identifying attributes (`id`, `source`,
 * `type`, `subject`) become part of the dedup key (a unique index entry, which PostgreSQL caps at
 * about 2.7 kB) and of read-model keys, so they are bounded; a meter's event type, which must match
 * such a `type`, by the same bound.
 */
export const MAX_ATTRIBUTE_LENGTH = 256;
