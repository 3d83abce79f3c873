/**
 * Every code the entitlements context answers with. A `DomainError` carries one of
 * `EntitlementErrorCode`; each of its `problems` one of `EntitlementProblemCode`.
 */
export const EntitlementErrorCode = {
  INVALID: 'ENTITLEMENTS.INVALID', // 400, with a problem per field
  NOT_FOUND: 'ENTITLEMENTS.NOT_FOUND', // 404
  CUSTOMER_NOT_FOUND: 'ENTITLEMENTS.CUSTOMER_NOT_FOUND', // 404
  SUBJECT_NOT_FOUND: 'ENTITLEMENTS.SUBJECT_NOT_FOUND', // 404: no live customer holds the subject
  CUSTOMER_DELETED: 'ENTITLEMENTS.CUSTOMER_DELETED', // 412, as OpenMeter answers a deleted customer's value
  GRANT_NOT_FOUND: 'ENTITLEMENTS.GRANT_NOT_FOUND', // 404
  ALREADY_EXISTS: 'ENTITLEMENTS.ALREADY_EXISTS', // 409: the customer has an active entitlement to the feature
  NOT_METERED: 'ENTITLEMENTS.NOT_METERED', // 400: grants, resets and history need a metered entitlement
  MANAGED_BY_SUBSCRIPTION: 'ENTITLEMENTS.MANAGED_BY_SUBSCRIPTION', // 403: only an override replaces it
  METER_GONE: 'ENTITLEMENTS.METER_GONE', // 409: the feature's meter no longer exists
} as const;
export type EntitlementErrorCode = (typeof EntitlementErrorCode)[keyof typeof EntitlementErrorCode];

export const EntitlementProblemCode = {
  REQUIRED: 'ENTITLEMENTS.REQUIRED',
  NOT_ALLOWED: 'ENTITLEMENTS.NOT_ALLOWED',
  INVALID_VALUE: 'ENTITLEMENTS.INVALID_VALUE',
  INVALID_INTERVAL: 'ENTITLEMENTS.INVALID_INTERVAL',
  INVALID_CONFIG: 'ENTITLEMENTS.INVALID_CONFIG',
  FEATURE_NOT_FOUND: 'ENTITLEMENTS.FEATURE_NOT_FOUND',
  FEATURE_NOT_METERED: 'ENTITLEMENTS.FEATURE_NOT_METERED',
  TOO_EARLY: 'ENTITLEMENTS.TOO_EARLY', // before the usage period in progress (or the last reset)
  IN_FUTURE: 'ENTITLEMENTS.IN_FUTURE',
  INVALID_TIME_ZONE: 'ENTITLEMENTS.INVALID_TIME_ZONE',
  TOO_MANY_WINDOWS: 'ENTITLEMENTS.TOO_MANY_WINDOWS',
} as const;
