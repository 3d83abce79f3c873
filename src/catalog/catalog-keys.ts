/** The catalog's unique key spaces, claimed through `src/key-claims`. */
export const CatalogKeyKind = {
  meterSlug: 'meter_slug',
  featureKey: 'feature_key',
  /** `planVersionKey(key, version)`: a version number is never given to two plans of a key. */
  planVersion: 'plan_version',
  /** The plan key: held by its one draft, from creation until it is published or deleted. */
  planDraft: 'plan_draft',
  /** `planVersionKey(key, version)` of an add-on key: as plans'. */
  addonVersion: 'addon_version',
  /** The add-on key: held by its one draft, as plans'. */
  addonDraft: 'addon_draft',
} as const;

export function planVersionKey(key: string, version: number): string {
  return `${key}@${version}`;
}
