import { invalid } from '../../shared/errors';
import { Decimal, isDecimalString, toDecimalString } from '../../shared/money';
import { assertCurrencyCode, roundMoney } from './currencies';
import {
  type Discounts,
  type PackagePriceWithCommitments,
  parsePercentage,
  type Price,
  type TieredPriceMode,
  type TieredPriceWithCommitments,
  validateDiscounts,
  validatePrice,
} from '../../catalog/model';

export interface PriceUsageInput {
  readonly price: Price;
  /** The meter's value for the line's period. A flat price ignores it (its billed quantity is 1). */
  readonly quantity: string;
  readonly discounts?: Discounts;
  readonly currency: string;
  /** A flat price billed for part of its period only (`proRatingConfig`); other prices ignore it. */
  readonly proration?: Proration;
}

/**
 * The part of a billing period a flat fee is billed for, in seconds (decimal strings): the fee is
 * `amount × part ÷ whole`, left exact until the charge's one rounding.
 */
export interface Proration {
  readonly part: string;
  readonly whole: string;
}

/** One tier's share of a tiered charge: `amount` = `quantity` × `unitAmount` + `flatAmount`. */
export interface TierCharge {
  readonly tierIndex: number;
  readonly quantity: string;
  readonly unitAmount: string;
  readonly flatAmount: string;
  readonly amount: string;
}

/**
 * The working of one invoice line, every figure a decimal string so the line can show how its total
 * came about. Only `total` is rounded; the rest are exact.
 *
 *   billedQuantity = max(quantity, 0) − usageDiscountQuantity        (flat: 1)
 *   subtotal       = price applied to billedQuantity
 *   total          = round(subtotal − discountAmount + minimumTrueUp − capReduction)
 */
interface ChargeCommon {
  readonly currency: string;
  readonly quantity: string;
  readonly usageDiscountQuantity: string;
  readonly billedQuantity: string;
  readonly subtotal: string;
  /** "0" without a percentage discount. */
  readonly discountPercentage: string;
  readonly discountAmount: string;
  /** Added so the charge reaches the price's `minimumAmount`. */
  readonly minimumTrueUp: string;
  /** Removed so the charge stays within the price's `maximumAmount`. */
  readonly capReduction: string;
  readonly unroundedTotal: string;
  readonly total: string;
}

export interface FlatCharge extends ChargeCommon {
  readonly type: 'flat';
  readonly unitPrice: string;
  /** Set when the fee is billed for part of its period: `subtotal` = `unitPrice` × part ÷ whole. */
  readonly proration?: Proration;
}
export interface UnitCharge extends ChargeCommon {
  readonly type: 'unit';
  readonly unitPrice: string;
}
/** `unitPrice` is the price of one package. */
export interface PackageCharge extends ChargeCommon {
  readonly type: 'package';
  readonly unitPrice: string;
  readonly quantityPerPackage: string;
  readonly packages: string;
}
/** The usage is the amount: `multiplier` × the billed quantity. */
export interface DynamicCharge extends ChargeCommon {
  readonly type: 'dynamic';
  readonly multiplier: string;
}
/** Graduated: one entry per tier the quantity reaches. Volume: the one tier the whole quantity falls in. */
export interface TieredCharge extends ChargeCommon {
  readonly type: 'tiered';
  readonly mode: TieredPriceMode;
  readonly tiers: readonly TierCharge[];
}
export type Charge = FlatCharge | UnitCharge | PackageCharge | TieredCharge | DynamicCharge;

type Rated =
  | { readonly type: 'unit'; readonly subtotal: Decimal; readonly unitPrice: string }
  | {
      readonly type: 'flat';
      readonly subtotal: Decimal;
      readonly unitPrice: string;
      readonly proration?: Proration;
    }
  | { readonly type: 'dynamic'; readonly subtotal: Decimal; readonly multiplier: string }
  | {
      readonly type: 'package';
      readonly subtotal: Decimal;
      readonly unitPrice: string;
      readonly quantityPerPackage: string;
      readonly packages: string;
    }
  | {
      readonly type: 'tiered';
      readonly subtotal: Decimal;
      readonly mode: TieredPriceMode;
      readonly tiers: readonly TierCharge[];
    };

const ZERO = new Decimal(0);

/**
 * Prices one invoice line. Steps, in order: free units (usage discount) come off the quantity; the
 * price is applied to what is left; the percentage discount comes off that subtotal; the minimum
 * commitment tops the discounted charge up (so a discount never eats into a commitment); the maximum
 * caps it; the result is rounded once, to the currency's minor unit (half-up, see `roundMoney`).
 *
 * Zero usage costs nothing before commitments, in every model. OpenMeter charges the first tier's
 * flat price at zero usage in volume mode but not in graduated mode, so a one-tier price would bill
 * differently depending on a mode that cannot matter; Tally treats zero as reaching no tier in both.
 *
 * Negative usage (a SUM meter's refunds outweighing its use over the period) bills as zero, in every
 * model: a tier or a package has no meaning below zero, and units returned from an earlier period
 * are that period's correction, not a credit on this one. `quantity` keeps the figure as metered.
 *
 * Throws `BILLING.INVALID_CURRENCY`, `BILLING.INVALID_QUANTITY` (not a decimal string of at most 80
 * characters), `BILLING.INVALID_PRICE` or `BILLING.INVALID_DISCOUNT`; the invoice that asked reports
 * it on itself rather than fail.
 */
export function priceUsage(input: PriceUsageInput): Charge {
  assertPriceable(input);
  const { price, discounts, currency } = input;

  const quantity = new Decimal(input.quantity);
  const usable = Decimal.max(quantity, ZERO);
  const freeUnits = discounts?.usage ? new Decimal(discounts.usage.quantity) : ZERO;
  const usageDiscountQuantity = price.type === 'flat' ? ZERO : Decimal.min(usable, freeUnits);
  const billedQuantity = price.type === 'flat' ? new Decimal(1) : usable.minus(usageDiscountQuantity);

  const { subtotal, ...detail } = rate(price, billedQuantity, input.proration);

  const percentage = parsePercentage(discounts?.percentage?.percentage) ?? ZERO;
  const discountAmount = subtotal.times(percentage).dividedBy(100);
  const discounted = subtotal.minus(discountAmount);

  const minimum =
    price.type === 'flat' || price.minimumAmount == null ? undefined : new Decimal(price.minimumAmount);
  const minimumTrueUp = minimum?.greaterThan(discounted) ? minimum.minus(discounted) : ZERO;
  const committed = discounted.plus(minimumTrueUp);

  const maximum =
    price.type === 'flat' || price.maximumAmount == null ? undefined : new Decimal(price.maximumAmount);
  const capReduction = maximum?.lessThan(committed) ? committed.minus(maximum) : ZERO;
  const unroundedTotal = committed.minus(capReduction);

  return {
    ...detail,
    currency,
    quantity: toDecimalString(quantity),
    usageDiscountQuantity: toDecimalString(usageDiscountQuantity),
    billedQuantity: toDecimalString(billedQuantity),
    subtotal: toDecimalString(subtotal),
    discountPercentage: toDecimalString(percentage),
    discountAmount: toDecimalString(discountAmount),
    minimumTrueUp: toDecimalString(minimumTrueUp),
    capReduction: toDecimalString(capReduction),
    unroundedTotal: toDecimalString(unroundedTotal),
    total: roundMoney(unroundedTotal, currency),
  };
}

function assertPriceable({ price, quantity, discounts, currency }: PriceUsageInput): void {
  assertCurrencyCode(currency);
  if (!isDecimalString(quantity)) {
    const message = 'must be a decimal string of at most 80 characters';
    throw invalid('BILLING.INVALID_QUANTITY', `Quantity ${message}`, [
      { field: 'quantity', message, code: 'BILLING.INVALID_QUANTITY' },
    ]);
  }
  const priceProblems = validatePrice(price);
  if (priceProblems.length > 0) {
    throw invalid('BILLING.INVALID_PRICE', 'The price is not valid', priceProblems);
  }
  const discountProblems = validateDiscounts(discounts, price);
  if (discountProblems.length > 0) {
    throw invalid('BILLING.INVALID_DISCOUNT', 'The discounts are not valid', discountProblems);
  }
}

function rate(price: Price, quantity: Decimal, proration: Proration | undefined): Rated {
  switch (price.type) {
    case 'flat': {
      const amount = new Decimal(price.amount);
      const unitPrice = toDecimalString(amount);
      if (proration === undefined) return { type: 'flat', subtotal: amount, unitPrice };
      // Multiplied before divided: exact whenever the result is, e.g. 49 × 2116800 ÷ 2678400.
      const subtotal = amount.times(proration.part).dividedBy(proration.whole);
      return { type: 'flat', subtotal, unitPrice, proration };
    }
    case 'unit':
      return {
        type: 'unit',
        subtotal: quantity.times(price.amount),
        unitPrice: toDecimalString(new Decimal(price.amount)),
      };
    case 'package':
      return ratePackage(price, quantity);
    case 'tiered':
      return {
        type: 'tiered',
        mode: price.mode,
        ...(price.mode === 'graduated' ? rateGraduated : rateVolume)(price, quantity),
      };
    case 'dynamic': {
      const multiplier = new Decimal(price.multiplier ?? 1);
      return {
        type: 'dynamic',
        subtotal: quantity.times(multiplier),
        multiplier: toDecimalString(multiplier),
      };
    }
    default: {
      const unknown: never = price;
      throw invalid('BILLING.INVALID_PRICE', `Unknown price type: ${JSON.stringify(unknown)}`);
    }
  }
}

function ratePackage(price: PackagePriceWithCommitments, quantity: Decimal) {
  const perPackage = new Decimal(price.quantityPerPackage);
  // An integer quotient plus a remainder check, not ceil(q / size): a division rounded to 60 digits
  // could land on a whole number the exact quotient is just short of.
  const whole = quantity.dividedToIntegerBy(perPackage);
  const packages = whole.times(perPackage).lessThan(quantity) ? whole.plus(1) : whole;
  return {
    type: 'package' as const,
    subtotal: packages.times(price.amount),
    unitPrice: toDecimalString(new Decimal(price.amount)),
    quantityPerPackage: toDecimalString(perPackage),
    packages: toDecimalString(packages),
  };
}

/** Tier `i` holds the quantities in (upTo[i−1], upTo[i]]; reaching it at all costs its flat price. */
function rateGraduated(price: TieredPriceWithCommitments, quantity: Decimal) {
  const tiers: TierCharge[] = [];
  let subtotal = ZERO;
  let lowerBound = ZERO;
  for (const [tierIndex, tier] of price.tiers.entries()) {
    if (quantity.lessThanOrEqualTo(lowerBound)) break;
    const upperBound = tier.upToAmount == null ? quantity : Decimal.min(quantity, tier.upToAmount);
    const charge = tierCharge(tierIndex, tier, upperBound.minus(lowerBound));
    tiers.push(charge.detail);
    subtotal = subtotal.plus(charge.amount);
    lowerBound = upperBound;
  }
  return { subtotal, tiers };
}

/** The whole quantity at the rates of the tier it falls in. */
function rateVolume(price: TieredPriceWithCommitments, quantity: Decimal) {
  if (quantity.isZero()) return { subtotal: ZERO, tiers: [] };
  const tierIndex = price.tiers.findIndex(
    (tier) => tier.upToAmount == null || quantity.lessThanOrEqualTo(tier.upToAmount),
  );
  const charge = tierCharge(tierIndex, price.tiers[tierIndex], quantity);
  return { subtotal: charge.amount, tiers: [charge.detail] };
}

function tierCharge(tierIndex: number, tier: TieredPriceWithCommitments['tiers'][number], quantity: Decimal) {
  const unitAmount = new Decimal(tier.unitPrice?.amount ?? 0);
  const flatAmount = new Decimal(tier.flatPrice?.amount ?? 0);
  const amount = quantity.times(unitAmount).plus(flatAmount);
  return {
    amount,
    detail: {
      tierIndex,
      quantity: toDecimalString(quantity),
      unitAmount: toDecimalString(unitAmount),
      flatAmount: toDecimalString(flatAmount),
      amount: toDecimalString(amount),
    },
  };
}
