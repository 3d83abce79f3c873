/**
 * Every code the catalog deciders throw or report, in one place for the HTTP exception filter and
 * for clients. A `DomainError` carries one of `CatalogErrorCode`; each of its `problems` carries one
 * of `CatalogProblemCode` naming the rule a field broke — except a malformed price, which carries the
 * price model's `BILLING.INVALID_PRICE` (`plans/price.ts`; a code clients have always seen, kept).
 */
export const CatalogErrorCode = {
  METER_INVALID: 'CATALOG.METER_INVALID', // 400
  METER_ALREADY_EXISTS: 'CATALOG.METER_ALREADY_EXISTS', // 409: the stream already holds a meter
  METER_NOT_FOUND: 'CATALOG.METER_NOT_FOUND', // 404
  METER_IN_USE: 'CATALOG.METER_IN_USE', // 409: a live feature uses it
  METER_GROUP_BY_IN_USE: 'CATALOG.METER_GROUP_BY_IN_USE', // 409: an update drops a group-by a feature filters on
  METER_DELETED: 'CATALOG.METER_DELETED', // 409: deleted while a feature was being created on it

  FEATURE_INVALID: 'CATALOG.FEATURE_INVALID', // 400
  FEATURE_ALREADY_EXISTS: 'CATALOG.FEATURE_ALREADY_EXISTS', // 409
  FEATURE_NOT_FOUND: 'CATALOG.FEATURE_NOT_FOUND', // 404

  PLAN_INVALID: 'CATALOG.PLAN_INVALID', // 400
  PLAN_ALREADY_EXISTS: 'CATALOG.PLAN_ALREADY_EXISTS', // 409
  PLAN_NOT_FOUND: 'CATALOG.PLAN_NOT_FOUND', // 404
  PLAN_NOT_DRAFT: 'CATALOG.PLAN_NOT_DRAFT', // 409: published versions are immutable
  PLAN_NOT_PUBLISHED: 'CATALOG.PLAN_NOT_PUBLISHED', // 409: only a published version can be archived
  PLAN_ACTIVE: 'CATALOG.PLAN_ACTIVE', // 409: an active version must be archived before it is deleted

  ADDON_INVALID: 'CATALOG.ADDON_INVALID', // 400
  ADDON_ALREADY_EXISTS: 'CATALOG.ADDON_ALREADY_EXISTS', // 409
  ADDON_NOT_FOUND: 'CATALOG.ADDON_NOT_FOUND', // 404
  ADDON_NOT_DRAFT: 'CATALOG.ADDON_NOT_DRAFT', // 409: published versions are immutable, and kept
  ADDON_NOT_PUBLISHED: 'CATALOG.ADDON_NOT_PUBLISHED', // 409: only a published version can be archived
  ADDON_VERSION_TAKEN: 'CATALOG.ADDON_VERSION_TAKEN', // 409: (key, version) exists, or a draft of the key exists

  // Thrown by the create handlers, which claim unique keys in key-claim streams (deciders see one stream).
  METER_SLUG_TAKEN: 'CATALOG.METER_SLUG_TAKEN', // 409
  FEATURE_KEY_TAKEN: 'CATALOG.FEATURE_KEY_TAKEN', // 409: a live feature has the key
  PLAN_VERSION_TAKEN: 'CATALOG.PLAN_VERSION_TAKEN', // 409: (key, version) exists, or a draft of the key exists
} as const;
export type CatalogErrorCode = (typeof CatalogErrorCode)[keyof typeof CatalogErrorCode];

export const CatalogProblemCode = {
  REQUIRED: 'CATALOG.REQUIRED',
  NOT_ALLOWED: 'CATALOG.NOT_ALLOWED',
  INVALID_KEY: 'CATALOG.INVALID_KEY',
  INVALID_TEXT: 'CATALOG.INVALID_TEXT',
  INVALID_METADATA: 'CATALOG.INVALID_METADATA',
  INVALID_TIMESTAMP: 'CATALOG.INVALID_TIMESTAMP',
  INVALID_ENUM: 'CATALOG.INVALID_ENUM',
  INVALID_JSON_PATH: 'CATALOG.INVALID_JSON_PATH',
  INVALID_GROUP_BY: 'CATALOG.INVALID_GROUP_BY',
  METER_NOT_FOUND: 'CATALOG.METER_NOT_FOUND',
  UNSUPPORTED_AGGREGATION: 'CATALOG.UNSUPPORTED_AGGREGATION',
  UNKNOWN_GROUP_BY: 'CATALOG.UNKNOWN_GROUP_BY',
  INVALID_VERSION: 'CATALOG.INVALID_VERSION',
  INVALID_CURRENCY: 'CATALOG.INVALID_CURRENCY',
  INVALID_DURATION: 'CATALOG.INVALID_DURATION',
  CADENCE_MISMATCH: 'CATALOG.CADENCE_MISMATCH',
  /** `alignment.billablesMustAlign`: a billable rate card's cadence is not the plan's. */
  CADENCE_UNALIGNED: 'CATALOG.CADENCE_UNALIGNED',
  INVALID_TAX_CONFIG: 'CATALOG.INVALID_TAX_CONFIG',
  NO_PHASES: 'CATALOG.NO_PHASES',
  PHASE_DURATION: 'CATALOG.PHASE_DURATION',
  DUPLICATE_KEY: 'CATALOG.DUPLICATE_KEY',
  KEY_MISMATCH: 'CATALOG.KEY_MISMATCH',
  FEATURE_NOT_FOUND: 'CATALOG.FEATURE_NOT_FOUND',
  FEATURE_NOT_METERED: 'CATALOG.FEATURE_NOT_METERED',
  UNSUPPORTED_PRICE: 'CATALOG.UNSUPPORTED_PRICE',
  INVALID_DECIMAL: 'CATALOG.INVALID_DECIMAL',
  INVALID_DISCOUNT: 'CATALOG.INVALID_DISCOUNT',
  INVALID_ENTITLEMENT: 'CATALOG.INVALID_ENTITLEMENT',
  EFFECTIVE_FROM_IN_PAST: 'CATALOG.EFFECTIVE_FROM_IN_PAST',
} as const;
export type CatalogProblemCode = (typeof CatalogProblemCode)[keyof typeof CatalogProblemCode];
