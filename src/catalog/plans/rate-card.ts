import { Metadata } from '../catalog-rules';
import type { Discounts, FlatPriceWithPaymentTerm, Price } from './price';

/**
 * Rate cards and entitlement templates as OpenMeter's v1 spec defines them (`RateCardFlatFee`,
 * `RateCardUsageBased`, `RateCardEntitlement`); their prices and discounts are the price model of
 * `./price`. Money and quantities are decimal strings (`Numeric`), never numbers. Every type is
 * JSON-safe: it is stored as is in plan events.
 */

export const TAX_BEHAVIORS = ['inclusive', 'exclusive'] as const;
export type TaxBehavior = (typeof TAX_BEHAVIORS)[number];

/**
 * OpenMeter's `TaxConfig`: kept with the rate card and shown back, not acted on — Tally calculates
 * no tax (its invoices' tax totals are 0).
 */
export interface TaxConfig {
  readonly behavior?: TaxBehavior;
  /** `^txcd_\d{8}$`. */
  readonly stripe?: { readonly code: string };
  readonly customInvoicing?: { readonly code: string };
  /** A ULID. */
  readonly taxCodeId?: string;
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
  readonly taxConfig?: TaxConfig;
}

/** A recurring fee, or a one-time fee when `billingCadence` is null. Free when `price` is null. */
export interface FlatFeeRateCard extends RateCardCommon {
  readonly type: 'flat_fee';
  readonly billingCadence: string | null;
  readonly price: FlatPriceWithPaymentTerm | null;
}

/** A price on metered usage, billed every `billingCadence`. Free when `price` is null. */
export interface UsageBasedRateCard extends RateCardCommon {
  readonly type: 'usage_based';
  readonly billingCadence: string;
  readonly price: Price | null;
}

export type RateCard = FlatFeeRateCard | UsageBasedRateCard;
export const RATE_CARD_TYPES = ['flat_fee', 'usage_based'] as const;
export type RateCardType = RateCard['type'];
