import type { FieldProblem } from '../../shared/errors';
import { Decimal, isDecimalString } from '../../shared/money';

/**
 * The one price model: prices and discounts as OpenMeter's v1 API spells them (schema names kept so
 * they can be grepped in the spec), what plans store in their rate cards and what billing prices
 * with. Every amount and quantity is a decimal string.
 * `validatePrice` and `validateDiscounts` are the rule: what they accept, billing can price.
 */

export const PAYMENT_TERMS = ['in_advance', 'in_arrears'] as const;
export type PaymentTerm = (typeof PAYMENT_TERMS)[number];

/**
 * Charged once per period whatever the usage (`in_advance` by default). The payment term decides
 * which invoice carries the charge (the period's first or its last), which is the invoicing side's
 * concern, not pricing's.
 */
export interface FlatPriceWithPaymentTerm {
  readonly type: 'flat';
  readonly amount: string;
  readonly paymentTerm?: PaymentTerm;
}

/** Spend bounds of a usage-based price over one billing period. */
export interface SpendCommitments {
  readonly minimumAmount?: string;
  readonly maximumAmount?: string;
}

export interface UnitPriceWithCommitments extends SpendCommitments {
  readonly type: 'unit';
  /** Price of one unit of usage. */
  readonly amount: string;
}

export const TIERED_PRICE_MODES = ['volume', 'graduated'] as const;
export type TieredPriceMode = (typeof TIERED_PRICE_MODES)[number];

/** A tier's flat component, charged once when usage reaches the tier. */
export interface FlatPrice {
  readonly type: 'flat';
  readonly amount: string;
}

/** A tier's per-unit component. */
export interface UnitPrice {
  readonly type: 'unit';
  readonly amount: string;
}

/**
 * `upToAmount` is inclusive ("up to and including", per the spec); absent on the open-ended last
 * tier only. The spec marks the components nullable: null and absent both mean none.
 */
export interface PriceTier {
  readonly upToAmount?: string;
  readonly flatPrice?: FlatPrice | null;
  readonly unitPrice?: UnitPrice | null;
}

/**
 * `volume`: the tier the period's total usage falls in prices all of it.
 * `graduated`: each tier prices the usage that falls within it. Tiers are ordered by `upToAmount`.
 */
export interface TieredPriceWithCommitments extends SpendCommitments {
  readonly type: 'tiered';
  readonly mode: TieredPriceMode;
  readonly tiers: readonly PriceTier[];
}

/** `amount` buys one package of `quantityPerPackage` units; a started package is a whole package. */
export interface PackagePriceWithCommitments extends SpendCommitments {
  readonly type: 'package';
  readonly amount: string;
  readonly quantityPerPackage: string;
}

/**
 * The usage is itself the amount (a meter of cost), charged × `multiplier` (`"1"` when absent): a
 * cost passed through at 100%, 150% or 50%.
 */
export interface DynamicPriceWithCommitments extends SpendCommitments {
  readonly type: 'dynamic';
  readonly multiplier?: string;
}

/** A usage-based rate card's price; a flat-fee rate card's price is the `flat` member alone. */
export type Price =
  | FlatPriceWithPaymentTerm
  | UnitPriceWithCommitments
  | TieredPriceWithCommitments
  | PackagePriceWithCommitments
  | DynamicPriceWithCommitments;
export const PRICE_TYPES = ['flat', 'unit', 'tiered', 'package', 'dynamic'] as const;
export type PriceType = Price['type'];

/** 50% is `50`: a ratio, not money. OpenMeter sends a JSON number; a decimal string is accepted too. */
export interface DiscountPercentage {
  readonly percentage: number | string;
}

/** The first `quantity` units of usage in each period are free. */
export interface DiscountUsage {
  readonly quantity: string;
}

export interface Discounts {
  readonly percentage?: DiscountPercentage;
  /** Usage-based rate cards with a non-flat price only. */
  readonly usage?: DiscountUsage;
}

const INVALID_PRICE = 'BILLING.INVALID_PRICE';
const INVALID_DISCOUNT = 'BILLING.INVALID_DISCOUNT';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The wire format sometimes writes "absent" as null (the spec marks tier components nullable). */
const isAbsent = (value: unknown): value is null | undefined => value === undefined || value === null;

class Problems {
  readonly list: FieldProblem[] = [];

  constructor(private readonly code: string) {}

  add(field: string, message: string): void {
    this.list.push({ field, message, code: this.code });
  }

  /** Checks a non-negative decimal string and hands it back for the cross-field rules. */
  amount(value: unknown, field: string, required: boolean): Decimal | undefined {
    if (isAbsent(value)) {
      if (required) this.add(field, 'is required');
      return undefined;
    }
    if (!isDecimalString(value)) {
      this.add(field, 'must be a decimal string such as "12.5"');
      return undefined;
    }
    const decimal = new Decimal(value);
    if (decimal.isNegative() && !decimal.isZero()) {
      this.add(field, 'must not be negative');
      return undefined;
    }
    return decimal;
  }
}

/**
 * Everything wrong with a price, with `field` paths rooted at `price` (`price.tiers[1].upToAmount`)
 * for the caller to prefix. Takes `unknown` because it is the gate that turns untrusted input into a
 * `Price`; an empty result means the value is a well-formed `Price`.
 */
export function validatePrice(price: unknown): FieldProblem[] {
  const problems = new Problems(INVALID_PRICE);
  if (!isObject(price)) {
    problems.add('price', 'must be an object');
    return problems.list;
  }
  switch (price.type) {
    case 'flat':
      problems.amount(price.amount, 'price.amount', true);
      if (
        !isAbsent(price.paymentTerm) &&
        price.paymentTerm !== 'in_advance' &&
        price.paymentTerm !== 'in_arrears'
      ) {
        problems.add('price.paymentTerm', 'must be "in_advance" or "in_arrears"');
      }
      break;
    case 'unit':
      problems.amount(price.amount, 'price.amount', true);
      validateCommitments(price, problems);
      break;
    case 'package': {
      problems.amount(price.amount, 'price.amount', true);
      const perPackage = problems.amount(price.quantityPerPackage, 'price.quantityPerPackage', true);
      if (perPackage?.isZero()) problems.add('price.quantityPerPackage', 'must be greater than zero');
      validateCommitments(price, problems);
      break;
    }
    case 'tiered':
      if (price.mode !== 'volume' && price.mode !== 'graduated') {
        problems.add('price.mode', 'must be "volume" or "graduated"');
      }
      validateTiers(price.tiers, problems);
      validateCommitments(price, problems);
      break;
    case 'dynamic':
      problems.amount(price.multiplier, 'price.multiplier', false);
      validateCommitments(price, problems);
      break;
    default:
      problems.add('price.type', 'must be one of "flat", "unit", "tiered", "package", "dynamic"');
  }
  return problems.list;
}

function validateCommitments(price: Json, problems: Problems): void {
  const minimum = problems.amount(price.minimumAmount, 'price.minimumAmount', false);
  const maximum = problems.amount(price.maximumAmount, 'price.maximumAmount', false);
  if (minimum && maximum && minimum.greaterThan(maximum)) {
    problems.add('price.minimumAmount', 'must not be greater than maximumAmount');
  }
}

function validateTiers(tiers: unknown, problems: Problems): void {
  if (!Array.isArray(tiers) || tiers.length === 0) {
    problems.add('price.tiers', 'must be a non-empty array');
    return;
  }
  let previousUpTo: Decimal | undefined;
  tiers.forEach((tier: unknown, index) => {
    const at = `price.tiers[${index}]`;
    if (!isObject(tier)) {
      problems.add(at, 'must be an object');
      return;
    }
    const isLast = index === tiers.length - 1;
    if (isLast) {
      if (!isAbsent(tier.upToAmount))
        problems.add(`${at}.upToAmount`, 'must be absent: the last tier is open-ended');
    } else if (isAbsent(tier.upToAmount)) {
      problems.add(`${at}.upToAmount`, 'is required on every tier but the last');
    } else {
      const upTo = problems.amount(tier.upToAmount, `${at}.upToAmount`, true);
      if (upTo?.isZero()) {
        // A tier holding only quantity 0 could never be charged: zero usage reaches no tier.
        problems.add(`${at}.upToAmount`, 'must be greater than zero');
      } else if (upTo && previousUpTo && !upTo.greaterThan(previousUpTo)) {
        problems.add(`${at}.upToAmount`, "must be greater than the previous tier's upToAmount");
      }
      if (upTo) previousUpTo = upTo;
    }
    if (isAbsent(tier.flatPrice) && isAbsent(tier.unitPrice)) {
      problems.add(at, 'must have a flatPrice or a unitPrice');
    }
    validateTierComponent(tier.flatPrice, 'flat', `${at}.flatPrice`, problems);
    validateTierComponent(tier.unitPrice, 'unit', `${at}.unitPrice`, problems);
  });
}

function validateTierComponent(
  component: unknown,
  type: 'flat' | 'unit',
  at: string,
  problems: Problems,
): void {
  if (isAbsent(component)) return;
  if (!isObject(component)) {
    problems.add(at, 'must be an object');
    return;
  }
  if (component.type !== type) problems.add(`${at}.type`, `must be "${type}"`);
  problems.amount(component.amount, `${at}.amount`, true);
}

/**
 * Everything wrong with a rate card's discounts, with `field` paths rooted at `discounts`. The
 * price, when given, lets it refuse a usage discount on a flat price (OpenMeter: flat fees only
 * take percentage discounts), since free units mean nothing to a charge that ignores usage.
 */
export function validateDiscounts(discounts: unknown, price?: Price): FieldProblem[] {
  const problems = new Problems(INVALID_DISCOUNT);
  if (isAbsent(discounts)) return problems.list;
  if (!isObject(discounts)) {
    problems.add('discounts', 'must be an object');
    return problems.list;
  }
  const { percentage, usage } = discounts;
  if (!isAbsent(percentage)) {
    if (!isObject(percentage)) {
      problems.add('discounts.percentage', 'must be an object');
    } else if (parsePercentage(percentage.percentage) === undefined) {
      problems.add('discounts.percentage.percentage', 'must be a number from 0 to 100');
    }
  }
  if (!isAbsent(usage)) {
    if (!isObject(usage)) {
      problems.add('discounts.usage', 'must be an object');
    } else if (!isDecimalString(usage.quantity) || !new Decimal(usage.quantity).greaterThan(0)) {
      problems.add('discounts.usage.quantity', 'must be a positive decimal string');
    } else if (price?.type === 'flat') {
      problems.add('discounts.usage', 'is not allowed with a flat price');
    }
  }
  return problems.list;
}

/**
 * A percentage from 0 to 100, or undefined. A JSON number becomes a Decimal through its shortest
 * round-trip text (12.3 → "12.3"), so it is read as the author wrote it, not as its binary value.
 */
export function parsePercentage(value: unknown): Decimal | undefined {
  let decimal: Decimal;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    decimal = new Decimal(value);
  } else if (isDecimalString(value)) {
    decimal = new Decimal(value);
  } else {
    return undefined;
  }
  return decimal.greaterThanOrEqualTo(0) && decimal.lessThanOrEqualTo(100) ? decimal : undefined;
}
