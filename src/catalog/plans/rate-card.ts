import { Metadata } from '../catalog-rules';

/**
 * Rate cards, prices, discounts and entitlement templates as OpenMeter's v1 spec defines them
 * (`RateCardFlatFee`, `RateCardUsageBased`, `FlatPriceWithPaymentTerm`, `UnitPriceWithCommitments`,
 * `TieredPriceWithCommitments`, `PackagePriceWithCommitments`, `Discounts`, `RateCardEntitlement`).
 * Money and quantities are decimal strings (`Numeric`), never numbers. Not supported: dynamic prices
 * and `taxConfig`. Every type is JSON-safe: it is stored as is in plan events.
 */

export const PAYMENT_TERMS = ['in_advance', 'in_arrears'] as const;
export type PaymentTerm = (typeof PAYMENT_TERMS)[number];

/** A fixed amount per billing period (or once, on a flat-fee rate card without a cadence). */
export interface FlatPrice {
  readonly type: 'flat';
  readonly amount: string;
  /** Defaults to `in_advance`. */
  readonly paymentTerm?: PaymentTerm;
}

/** Spend bounds of a usage-based price over one billing period. */
export interface SpendCommitments {
  readonly minimumAmount?: string;
  readonly maximumAmount?: string;
}

export interface UnitPrice extends SpendCommitments {
  readonly type: 'unit';
  /** Price of one unit of usage. */
  readonly amount: string;
}

export const TIERED_PRICE_MODES = ['volume', 'graduated'] as const;
export type TieredPriceMode = (typeof TIERED_PRICE_MODES)[number];

/** A tier's flat component, charged once when usage reaches the tier. */
export interface TierFlatPrice {
  readonly type: 'flat';
  readonly amount: string;
}

/** A tier's per-unit component. */
export interface TierUnitPrice {
  readonly type: 'unit';
  readonly amount: string;
}

export interface PriceTier {
  /** Inclusive upper bound of the tier; absent on the last, open-ended tier only. */
  readonly upToAmount?: string;
  readonly flatPrice: TierFlatPrice | null;
  readonly unitPrice: TierUnitPrice | null;
}

/**
 * `volume`: the tier the period's total usage falls in prices all of it.
 * `graduated`: each tier prices the usage that falls within it.
 */
export interface TieredPrice extends SpendCommitments {
  readonly type: 'tiered';
  readonly mode: TieredPriceMode;
  /** Ordered by `upToAmount`; the last one open-ended. */
  readonly tiers: readonly PriceTier[];
}

export interface PackagePrice extends SpendCommitments {
  readonly type: 'package';
  /** Price of one package; usage is rounded up to whole packages. */
  readonly amount: string;
  readonly quantityPerPackage: string;
}

export type UsageBasedPrice = FlatPrice | UnitPrice | TieredPrice | PackagePrice;
export type Price = UsageBasedPrice;
export const PRICE_TYPES = ['flat', 'unit', 'tiered', 'package'] as const;
export type PriceType = Price['type'];

export interface PercentageDiscount {
  /** 0–100; `50` is 50 %. A number, as in the spec: it is a ratio, not money. */
  readonly percentage: number;
}

/** The first `quantity` units of usage in each period are free. */
export interface UsageDiscount {
  readonly quantity: string;
}

export interface Discounts {
  readonly percentage?: PercentageDiscount;
  /** Usage-based rate cards with a non-flat price only. */
  readonly usage?: UsageDiscount;
}

export interface BooleanEntitlementTemplate {
  readonly type: 'boolean';
  readonly metadata?: Metadata;
}

export interface StaticEntitlementTemplate {
  readonly type: 'static';
  /** A JSON object, serialized: returned as is by entitlement checks. */
  readonly config: string;
  readonly metadata?: Metadata;
}

export interface MeteredEntitlementTemplate {
  readonly type: 'metered';
  /** Access continues once the balance is spent. Defaults to false. */
  readonly isSoftLimit?: boolean;
  /** Balance granted at every usage-period reset. */
  readonly issueAfterReset?: number;
  /** 1–255, needs `issueAfterReset`. Defaults to 1. */
  readonly issueAfterResetPriority?: number;
  /** Defaults to false. */
  readonly preserveOverageAtReset?: boolean;
  /** ISO-8601 duration; defaults to the rate card's billing cadence. */
  readonly usagePeriod?: string;
  readonly metadata?: Metadata;
}

export type EntitlementTemplate =
  BooleanEntitlementTemplate | StaticEntitlementTemplate | MeteredEntitlementTemplate;
export const ENTITLEMENT_TEMPLATE_TYPES = ['boolean', 'static', 'metered'] as const;

interface RateCardCommon {
  /** Unique within its phase; equals `featureKey` when that is set. */
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly metadata?: Metadata;
  readonly featureKey?: string;
  /** Needs `featureKey`. */
  readonly entitlementTemplate?: EntitlementTemplate;
  /** Needs a price. */
  readonly discounts?: Discounts;
}

/** A recurring fee, or a one-time fee when `billingCadence` is null. Free when `price` is null. */
export interface FlatFeeRateCard extends RateCardCommon {
  readonly type: 'flat_fee';
  readonly billingCadence: string | null;
  readonly price: FlatPrice | null;
}

/** A price on metered usage, billed every `billingCadence`. Free when `price` is null. */
export interface UsageBasedRateCard extends RateCardCommon {
  readonly type: 'usage_based';
  readonly billingCadence: string;
  readonly price: UsageBasedPrice | null;
}

export type RateCard = FlatFeeRateCard | UsageBasedRateCard;
export const RATE_CARD_TYPES = ['flat_fee', 'usage_based'] as const;
export type RateCardType = RateCard['type'];
