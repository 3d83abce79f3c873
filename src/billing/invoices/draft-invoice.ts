import type { RateCard } from '../../catalog/plans/rate-card';
import { Decimal, toDecimalString } from '../../shared/money';
import { Charge, Discounts, Price, priceUsage, roundMoney } from '../pricing';
import { stableUlid } from './stable-id';

export interface Period {
  readonly from: string;
  readonly to: string;
}

export interface InvoiceCustomer {
  readonly id: string;
  readonly key?: string;
  readonly name: string;
  readonly subjectKeys: readonly string[];
}

export interface InvoiceSubscriptionRef {
  readonly id: string;
  readonly planKey: string;
  readonly planVersion: number;
  readonly currency: string;
}

/** One priced rate card of the period: `meteredQuantity` is absent for rate cards with no meter. */
export interface LineInput {
  readonly phaseKey: string;
  readonly rateCard: RateCard;
  readonly meteredQuantity?: string;
  /** The part of the period whose usage the line counts: [max(period start, activeFrom), min(period end, activeTo)). */
  readonly usageWindow: Period;
}

export interface DraftInvoiceInput {
  readonly namespace: string;
  readonly customer: InvoiceCustomer;
  readonly subscription: InvoiceSubscriptionRef;
  readonly period: Period;
  readonly lines: readonly LineInput[];
  readonly status: 'gathering' | 'issued';
  readonly number: string;
  readonly issuedAt?: string;
}

export interface InvoiceTotals {
  readonly amount: string;
  readonly chargesTotal: string;
  readonly discountsTotal: string;
  readonly creditsTotal: string;
  readonly taxesInclusiveTotal: string;
  readonly taxesExclusiveTotal: string;
  readonly taxesTotal: string;
  readonly total: string;
}

export interface InvoiceLine {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly managedBy: 'subscription';
  readonly status: 'valid';
  readonly type: 'usage_based';
  readonly currency: string;
  readonly invoice: { readonly id: string };
  readonly period: Period;
  readonly invoiceAt: string;
  readonly featureKey?: string;
  readonly price: Price;
  readonly rateCard: { readonly featureKey?: string; readonly price: Price; readonly discounts?: Discounts };
  readonly quantity: string;
  readonly meteredQuantity: string;
  readonly subscription: {
    readonly subscription: { readonly id: string };
    readonly phase: { readonly id: string };
    readonly item: { readonly id: string };
    readonly billingPeriod: Period;
  };
  readonly totals: InvoiceTotals;
  /** How the total came about (Tally's addition): the pricing engine's working, every figure a decimal string. */
  readonly charge: Charge;
}

export interface Invoice {
  readonly id: string;
  readonly type: 'standard';
  readonly number: string;
  readonly status: 'gathering' | 'issued';
  readonly statusDetails: {
    readonly immutable: boolean;
    readonly failed: false;
    readonly extendedStatus: string;
    readonly availableActions: Record<string, never>;
  };
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly issuedAt?: string;
  readonly currency: string;
  readonly period: Period;
  readonly supplier: { readonly name: string };
  readonly customer: {
    readonly id: string;
    readonly key?: string;
    readonly name: string;
    readonly usageAttribution: { readonly subjectKeys: readonly string[] };
  };
  readonly workflow: { readonly workflow: { readonly invoicing: { readonly autoAdvance: boolean } } };
  readonly totals: InvoiceTotals;
  readonly lines: readonly InvoiceLine[];
}

/** The id of the invoice for one subscription's billing period: the same before and after it is issued. */
export function invoiceIdFor(subscriptionId: string, period: Period): string {
  return stableUlid(new Date(period.from), 'invoice', subscriptionId, period.from);
}

export function lineIdFor(invoiceId: string, phaseKey: string, rateCardKey: string, period: Period): string {
  return stableUlid(new Date(period.from), 'line', invoiceId, phaseKey, rateCardKey);
}

/**
 * Prices every rate card of a period into an OpenMeter `Invoice`. Pure: the same input gives the
 * same invoice, byte for byte (timestamps come from the period, never from a clock).
 */
export function draftInvoice(input: DraftInvoiceInput): Invoice {
  const invoiceId = invoiceIdFor(input.subscription.id, input.period);
  const currency = input.subscription.currency;
  const lines = input.lines
    .filter((line) => line.rateCard.price !== null)
    .map((line) => priceLine(line, invoiceId, input));
  const sum = (pick: (t: InvoiceTotals) => string) =>
    toDecimalString(lines.reduce((acc, l) => acc.plus(pick(l.totals)), new Decimal(0)));
  const stamp = input.issuedAt ?? input.period.from;
  return {
    id: invoiceId,
    type: 'standard',
    number: input.number,
    status: input.status,
    statusDetails: {
      immutable: input.status === 'issued',
      failed: false,
      extendedStatus: input.status,
      availableActions: {},
    },
    createdAt: input.period.from,
    updatedAt: stamp,
    ...(input.issuedAt ? { issuedAt: input.issuedAt } : {}),
    currency,
    period: input.period,
    supplier: { name: 'Tally' },
    customer: {
      id: input.customer.id,
      ...(input.customer.key !== undefined ? { key: input.customer.key } : {}),
      name: input.customer.name,
      usageAttribution: { subjectKeys: input.customer.subjectKeys },
    },
    workflow: { workflow: { invoicing: { autoAdvance: true } } },
    totals: {
      amount: sum((t) => t.amount),
      chargesTotal: sum((t) => t.chargesTotal),
      discountsTotal: sum((t) => t.discountsTotal),
      creditsTotal: '0',
      taxesInclusiveTotal: '0',
      taxesExclusiveTotal: '0',
      taxesTotal: '0',
      total: sum((t) => t.total),
    },
    lines,
  };
}

function priceLine(line: LineInput, invoiceId: string, input: DraftInvoiceInput): InvoiceLine {
  const rateCard = line.rateCard;
  const price = rateCard.price as Price;
  const currency = input.subscription.currency;
  const metered = line.meteredQuantity ?? '0';
  const charge = priceUsage({
    price,
    quantity: price.type === 'flat' ? '1' : metered,
    discounts: rateCard.discounts as Discounts | undefined,
    currency,
  });
  const id = lineIdFor(invoiceId, line.phaseKey, rateCard.key, input.period);
  return {
    id,
    name: rateCard.name,
    ...(rateCard.description ? { description: rateCard.description } : {}),
    createdAt: input.period.from,
    updatedAt: input.issuedAt ?? input.period.from,
    managedBy: 'subscription',
    status: 'valid',
    type: 'usage_based',
    currency,
    invoice: { id: invoiceId },
    period: line.usageWindow,
    invoiceAt: invoiceAtOf(price, input.period),
    ...(rateCard.featureKey ? { featureKey: rateCard.featureKey } : {}),
    price,
    rateCard: {
      ...(rateCard.featureKey ? { featureKey: rateCard.featureKey } : {}),
      price,
      ...(rateCard.discounts ? { discounts: rateCard.discounts as Discounts } : {}),
    },
    quantity: price.type === 'flat' ? '1' : charge.billedQuantity,
    meteredQuantity: metered,
    subscription: {
      subscription: { id: input.subscription.id },
      phase: { id: line.phaseKey },
      item: { id: rateCard.key },
      billingPeriod: input.period,
    },
    totals: {
      amount: roundMoney(new Decimal(charge.subtotal), currency),
      chargesTotal: roundMoney(new Decimal(charge.minimumTrueUp), currency),
      discountsTotal: roundMoney(new Decimal(charge.discountAmount).plus(charge.capReduction), currency),
      creditsTotal: '0',
      taxesInclusiveTotal: '0',
      taxesExclusiveTotal: '0',
      taxesTotal: '0',
      total: charge.total,
    },
    charge,
  };
}

/** A flat fee paid in advance is due when the period starts; everything else when it ends. */
function invoiceAtOf(price: Price, period: Period): string {
  return price.type === 'flat' && price.paymentTerm === 'in_advance' ? period.from : period.to;
}
