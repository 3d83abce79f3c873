/**
 * The catalog's face: what other contexts may import from it. Meters, features and plans are
 * commanded through HTTP; other contexts see their events (to keep copies of their own), the price
 * model and rate cards that subscriptions copy (`model.ts`, the pure part), and the plan lookup a
 * subscription starts from.
 */
export * from './model';
export { CatalogModule } from './catalog.module';
export { PlanLookup } from './plans/plan-to-subscribe';
export { AddonLookup } from './plan-addons/addon-to-subscribe';
export type { AddonToSubscribe } from './plan-addons/addon-to-subscribe';
export { AlignmentDto, CustomPlanInputDto } from './plans/plan-content.dto';
export {
  FlatFeeRateCardDto,
  rateCardOf,
  UnknownRateCardDto,
  UsageBasedRateCardDto,
} from './plans/plan-content.dto';
export { MeterParams } from './meters/meter.params';
export {
  DiscountsDto,
  FlatPriceDto,
  PackagePriceDto,
  TieredPriceDto,
  UnitPriceDto,
  UnknownPriceDto,
} from './plans/plan-content.dto';
export type { PlanToSubscribe } from './plans/plan-to-subscribe';
