/**
 * The catalog's published model: the pure part of its face (no framework, no database), which pure
 * code in other contexts (deciders, pricing, billing periods) may import. `index.ts` adds the services.
 */
export { CATALOG_KEY_PATTERN } from './catalog-rules';
export { filtersOf } from './features/feature.decider';
export type { FeatureEvent, FeatureUnitCost } from './features/feature.decider';
export type {
  MeterAggregation,
  MeterCreatedData,
  MeterDeletedData,
  MeterUpdatedData,
} from './meters/meter.decider';
export { parseCalendarDuration } from './plans/billing-cadence';
export type { CalendarDuration } from './plans/billing-cadence';
export { DEFAULT_PRO_RATING_CONFIG, SETTLEMENT_MODES } from './plans/plan.decider';
export type { Alignment, ProRatingConfig, SettlementMode } from './plans/plan.decider';
export { unalignedRateCardProblems } from './plans/plan-validation';
export { parsePercentage, validateDiscounts, validatePrice } from './plans/price';
export type {
  Discounts,
  FlatPriceWithPaymentTerm,
  PackagePriceWithCommitments,
  Price,
  PriceTier,
  TieredPriceMode,
  TieredPriceWithCommitments,
  UnitPriceWithCommitments,
} from './plans/price';
export type { EntitlementTemplate, RateCard } from './plans/rate-card';
