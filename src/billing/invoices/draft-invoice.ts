import type { Discounts, Price, RateCard } from '../../catalog';
import { DomainError } from '../../shared/errors';
import { Decimal, toDecimalString } from '../../shared/money';
import { Charge, priceUsage, Proration, roundMoney } from '../pricing';
import type { WorkflowInput } from '../profiles/workflow';
import type { AvailableActions } from './invoice-status';
import { stableUlid } from '../../shared/stable-id';

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
  /** Set when the rate card's key is billed twice in one phase of the period (removed, then added again). */
  readonly lineKey?: string;
  readonly meteredQuantity?: string;
  /** The part of the period whose usage the line counts: [max(period start, activeFrom), min(period end, activeTo)). */
  readonly usageWindow: Period;
  /** A flat fee billed for part of its period (see `prorationOf`). */
  readonly proration?: Proration;
}

/**
 * A credit for the unused part of a flat fee the predecessor of a change billed in advance
 * (`creditsOnChange`): a line of its own, negative, on the successor's first invoice.
 */
export interface CreditInput {
  readonly subscriptionId: string;
  readonly phaseKey: string;
  readonly rateCard: RateCard;
  /** Set for an add-on's fee, whose rate card's key may be credited twice in one period. */
  readonly lineKey?: string;
  /** From the change to the end of the predecessor's period. */
  readonly unused: Period;
  readonly proration: Proration;
}

/**
 * A one-off charge added to the customer (`createPendingInvoiceLine`), billed on this invoice: a
 * `manual` line of its own id, priced as any line — a flat price once, a usage price at its feature's
 * meter value over its own period (`meteredQuantity`).
 */
export interface OneOffInput {
  readonly id: string;
  readonly rateCard: RateCard;
  readonly meteredQuantity?: string;
  readonly period: Period;
  readonly invoiceAt: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/**
 * `gathering`: the open period, still collecting usage. `draft`: the period is over but not issued
 * (collecting late usage, waiting for the next sweep, or held back by a critical validation issue).
 */
export type InvoiceStatus = 'gathering' | 'draft' | 'issued' | 'voided';

export interface DraftInvoiceInput {
  readonly namespace: string;
  readonly customer: InvoiceCustomer;
  readonly subscription: InvoiceSubscriptionRef;
  readonly period: Period;
  readonly lines: readonly LineInput[];
  readonly status: InvoiceStatus;
  readonly number: string;
  readonly issuedAt?: string;
  /** Problems found before pricing (the draft could not be computed): reported on the invoice. */
  readonly issues?: readonly FoundIssue[];
  readonly credits?: readonly CreditInput[];
  readonly oneOffs?: readonly OneOffInput[];
}

/**
 * OpenMeter's `ValidationIssue`. A `critical` one keeps the invoice from being issued (it stays a
 * draft, reported, and is retried on every sweep); a `warning` is shown and issued with it.
 */
export interface ValidationIssue {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly severity: 'critical' | 'warning';
  /** JSONPath into the invoice, e.g. `$.lines[1].quantity`. */
  readonly field?: string;
  readonly code: string;
  readonly component: string;
  readonly message: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** An issue as it is found; the invoice gives it its id and timestamps. */
export type FoundIssue = Omit<ValidationIssue, 'id' | 'createdAt' | 'updatedAt'>;

export const BillingIssueCode = {
  /** A line's metered quantity is below zero: billed as zero. */
  NEGATIVE_QUANTITY: 'BILLING.NEGATIVE_QUANTITY',
  /** The invoice's lines could not be computed at all (a meter gone, an unexpected failure). */
  DRAFT_FAILED: 'BILLING.DRAFT_FAILED',
} as const;

export const hasCriticalIssues = (invoice: { readonly validationIssues: readonly ValidationIssue[] }) =>
  invoice.validationIssues.some((issue) => issue.severity === 'critical');

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
  /** `manual`: a one-off charge (a pending line), its `id` the pending line's. */
  readonly managedBy: 'subscription' | 'manual';
  readonly metadata?: Readonly<Record<string, string>>;
  readonly status: 'valid';
  /** A flat fee's line is `flat_fee` (quantity 1); invoices issued before said `usage_based`, and keep it. */
  readonly type: 'flat_fee' | 'usage_based';
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
  /**
   * How the total came about (Tally's addition): the pricing engine's working, every figure a decimal
   * string. Absent on a line that could not be priced (its totals are zero; a critical issue says why).
   */
  readonly charge?: Charge;
  /**
   * A correction's line (Tally's addition): the line it corrects, what the period's documents had
   * billed for it, and what it is worth now. Its own quantity and totals are the difference.
   */
  readonly correction?: LineCorrection;
  /**
   * A credit line's (Tally's addition): the subscription a change ended, whose in-advance fee this
   * line gives back for the unused part of its period; `charge` is the part credited.
   */
  readonly creditOf?: { readonly subscription: { readonly id: string } };
}

/** One line's billed figures. */
export interface LineFigures {
  readonly quantity: string;
  readonly meteredQuantity: string;
  readonly total: string;
}

export interface LineCorrection {
  readonly lineId: string;
  readonly billed: LineFigures;
  readonly now: LineFigures;
}

/**
 * OpenMeter's `Invoice.type`: an invoice, or a correction of one — `standard` when it bills more,
 * `credit_note` when it gives back.
 */
export type InvoiceType = 'standard' | 'credit_note';

/** An issued document, by id and number. */
export interface DocumentRef {
  readonly id: string;
  readonly number: string;
}

/** A correction as the invoice it corrects lists it. */
export interface CorrectionRef extends DocumentRef {
  readonly type: InvoiceType;
  readonly total: string;
}

export interface Invoice {
  readonly id: string;
  readonly type: InvoiceType;
  readonly number: string;
  readonly status: InvoiceStatus;
  readonly statusDetails: {
    readonly immutable: boolean;
    /** True while a critical validation issue keeps the invoice from being issued. */
    readonly failed: boolean;
    readonly extendedStatus: string;
    /** The actions the invoice accepts now: each is refused (409) while it is absent. */
    readonly availableActions: AvailableActions;
  };
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly issuedAt?: string;
  /** A drafted invoice's: when its draft period ends and, with auto-advance, it issues itself. */
  readonly draftUntil?: string;
  /** A voided invoice's: when it was voided. */
  readonly voidedAt?: string;
  readonly currency: string;
  readonly period: Period;
  /** OpenMeter's `BillingParty`: an issued invoice's is its billing profile's, snapshotted at issue. */
  readonly supplier: Readonly<Record<string, unknown>>;
  readonly customer: {
    readonly id: string;
    readonly key?: string;
    readonly name: string;
    /** Set by an edit of the draft (`updateInvoice`), as are `description` and `metadata`. */
    readonly taxId?: Readonly<Record<string, unknown>>;
    readonly addresses?: readonly Readonly<Record<string, unknown>>[];
    readonly usageAttribution: { readonly subjectKeys: readonly string[] };
  };
  readonly description?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  /**
   * OpenMeter's `InvoiceWorkflowSettings`: an issued invoice's is the customer's effective workflow
   * at issue (profile with override), so a later profile change never changes an issued invoice.
   */
  readonly workflow: {
    readonly sourceBillingProfileId?: string;
    readonly apps?: Readonly<Record<'tax' | 'invoicing' | 'payment', { readonly id: string }>>;
    readonly workflow: WorkflowInput;
  };
  /** When an issued invoice is due: `issuedAt` + the workflow's `invoicing.dueAfter`. */
  readonly dueAt?: string;
  /** When the period's usage was collected for issue: its end + the workflow's `collection.interval`. */
  readonly collectionAt?: string;
  /** When `snapshotQuantities` took the quantities, skipping the rest of the collection interval. */
  readonly quantitySnapshotedAt?: string;
  readonly totals: InvoiceTotals;
  readonly lines: readonly InvoiceLine[];
  readonly validationIssues: readonly ValidationIssue[];
  /** A re-bill's: the voided invoice whose period's usage it bills again (Tally's addition). */
  readonly replaces?: DocumentRef;
  /** A correction's: the invoice it corrects (Tally's addition). */
  readonly correctionOf?: DocumentRef;
  /**
   * An issued invoice's corrections, oldest first (Tally's addition): listed in its answers, never
   * part of its own figures, which stay as issued.
   */
  readonly corrections?: readonly CorrectionRef[];
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
  const found: FoundIssue[] = [...(input.issues ?? [])];
  const lines = input.lines
    .filter((line) => line.rateCard.price !== null)
    .map((line, index) => {
      const priced = priceLine(line, index, invoiceId, input);
      found.push(...priced.issues);
      return priced.line;
    });
  for (const credit of input.credits ?? []) {
    const priced = creditLine(credit, lines.length, invoiceId, input);
    found.push(...priced.issues);
    lines.push(priced.line);
  }
  for (const oneOff of input.oneOffs ?? []) {
    const line = { phaseKey: ONE_OFF, rateCard: oneOff.rateCard, usageWindow: oneOff.period };
    const metered = oneOff.meteredQuantity !== undefined ? { meteredQuantity: oneOff.meteredQuantity } : {};
    const priced = priceLine({ ...line, ...metered }, lines.length, invoiceId, input);
    found.push(...priced.issues);
    lines.push({
      ...priced.line,
      id: oneOff.id,
      managedBy: 'manual',
      invoiceAt: oneOff.invoiceAt,
      ...(oneOff.metadata !== undefined && { metadata: oneOff.metadata }),
    });
  }
  const sum = (pick: (t: InvoiceTotals) => string) =>
    toDecimalString(lines.reduce((acc, l) => acc.plus(pick(l.totals)), new Decimal(0)));
  const stamp = input.issuedAt ?? input.period.from;
  const validationIssues = found.map((issue, index) => ({
    id: stableUlid(new Date(input.period.from), 'validation-issue', invoiceId, String(index), issue.code),
    createdAt: input.period.from,
    updatedAt: stamp,
    ...issue,
  }));
  const failed = hasCriticalIssues({ validationIssues });
  return {
    id: invoiceId,
    type: 'standard',
    number: input.number,
    status: input.status,
    statusDetails: {
      immutable: input.status === 'issued',
      failed,
      extendedStatus: extendedStatusOf(input.status, failed),
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
    validationIssues,
  };
}

const ONE_OFF = 'one-off';

/** OpenMeter's extended statuses for the states Tally has: a draft waits for the sweep, or is invalid. */
function extendedStatusOf(status: InvoiceStatus, failed: boolean): string {
  if (status !== 'draft') return status;
  return failed ? 'draft.invalid' : 'draft.waiting_auto_approval';
}

/**
 * One line, priced — or, when pricing refuses it (a quantity too long to bill, a currency or price
 * stored before a check refused them), left unpriced with zero totals and a critical issue: one
 * line's figure is its invoice's problem alone, never a failure of every invoice read with it.
 */
function priceLine(
  line: LineInput,
  index: number,
  invoiceId: string,
  input: DraftInvoiceInput,
): { line: InvoiceLine; issues: FoundIssue[] } {
  const rateCard = line.rateCard;
  const price = rateCard.price as Price;
  const metered = line.meteredQuantity ?? '0';
  const at = `$.lines[${index}]`;
  const id = lineIdFor(invoiceId, line.phaseKey, line.lineKey ?? rateCard.key, input.period);
  const about = {
    lineId: id,
    rateCardKey: rateCard.key,
    ...(rateCard.featureKey ? { featureKey: rateCard.featureKey } : {}),
  };
  let charge: Charge;
  try {
    charge = priceUsage({
      price,
      quantity: price.type === 'flat' ? '1' : metered,
      discounts: rateCard.discounts as Discounts | undefined,
      currency: input.subscription.currency,
      ...(line.proration && { proration: line.proration }),
    });
  } catch (error) {
    const problems = error instanceof DomainError && error.problems.length > 0 ? error.problems : [undefined];
    const issues = problems.map((problem): FoundIssue => ({
      severity: 'critical',
      ...(problem ? { field: problem.field === 'currency' ? '$.currency' : `${at}.${problem.field}` } : {}),
      code: error instanceof DomainError ? error.code : BillingIssueCode.DRAFT_FAILED,
      component: 'billing.pricing',
      message: `Line "${rateCard.name}" cannot be priced: ${problem ? `${problem.field} ${problem.message}` : error instanceof Error ? error.message : String(error)}`,
      metadata: about,
    }));
    return { line: invoiceLine(line, id, invoiceId, input, { quantity: '0', totals: ZERO_TOTALS }), issues };
  }
  const issues: FoundIssue[] = charge.quantity.startsWith('-')
    ? [
        {
          severity: 'warning',
          field: `${at}.meteredQuantity`,
          code: BillingIssueCode.NEGATIVE_QUANTITY,
          component: 'billing.pricing',
          message: `Line "${rateCard.name}" metered ${charge.quantity} (more returned than used in the period): billed as 0`,
          metadata: { ...about, meteredQuantity: charge.quantity },
        },
      ]
    : [];
  const currency = input.subscription.currency;
  const priced = invoiceLine(line, id, invoiceId, input, {
    quantity: price.type === 'flat' ? '1' : charge.billedQuantity,
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
  });
  return { line: priced, issues };
}

/**
 * The credit for a fee the predecessor billed in advance, priced as that fee over the unused part
 * and negated. A credit that cannot be priced (the price stored before a check refused it) is left
 * at zero with a critical issue, as any line.
 */
function creditLine(
  credit: CreditInput,
  index: number,
  invoiceId: string,
  input: DraftInvoiceInput,
): { line: InvoiceLine; issues: FoundIssue[] } {
  const { rateCard } = credit;
  const id = lineIdFor(
    invoiceId,
    credit.phaseKey,
    `credit:${credit.subscriptionId}:${credit.lineKey ?? rateCard.key}`,
    input.period,
  );
  const line: LineInput = { phaseKey: credit.phaseKey, rateCard, usageWindow: credit.unused };
  const base = {
    name: `${rateCard.name} (unused part credited)`,
    creditOf: { subscription: { id: credit.subscriptionId } },
  };
  const currency = input.subscription.currency;
  try {
    const charge = priceUsage({
      price: rateCard.price as Price,
      quantity: '1',
      discounts: rateCard.discounts as Discounts | undefined,
      currency,
      proration: credit.proration,
    });
    const amount = toDecimalString(new Decimal(roundMoney(new Decimal(charge.total), currency)).negated());
    const totals = { ...ZERO_TOTALS, amount, total: amount };
    return {
      line: { ...invoiceLine(line, id, invoiceId, input, { quantity: '1', totals, charge }), ...base },
      issues: [],
    };
  } catch (error) {
    const issue: FoundIssue = {
      severity: 'critical',
      field: `$.lines[${index}]`,
      code: error instanceof DomainError ? error.code : BillingIssueCode.DRAFT_FAILED,
      component: 'billing.pricing',
      message: `Credit for "${rateCard.name}" cannot be priced: ${error instanceof Error ? error.message : String(error)}`,
      metadata: { lineId: id, rateCardKey: rateCard.key, subscriptionId: credit.subscriptionId },
    };
    const priced = invoiceLine(line, id, invoiceId, input, { quantity: '0', totals: ZERO_TOTALS });
    return { line: { ...priced, ...base }, issues: [issue] };
  }
}

const ZERO_TOTALS: InvoiceTotals = {
  amount: '0',
  chargesTotal: '0',
  discountsTotal: '0',
  creditsTotal: '0',
  taxesInclusiveTotal: '0',
  taxesExclusiveTotal: '0',
  taxesTotal: '0',
  total: '0',
};

function invoiceLine(
  line: LineInput,
  id: string,
  invoiceId: string,
  input: DraftInvoiceInput,
  figures: { quantity: string; totals: InvoiceTotals; charge?: Charge },
): InvoiceLine {
  const rateCard = line.rateCard;
  const price = rateCard.price as Price;
  const currency = input.subscription.currency;
  const metered = line.meteredQuantity ?? '0';
  return {
    id,
    name: rateCard.name,
    ...(rateCard.description ? { description: rateCard.description } : {}),
    createdAt: input.period.from,
    updatedAt: input.issuedAt ?? input.period.from,
    managedBy: 'subscription',
    status: 'valid',
    type: rateCard.type === 'flat_fee' ? 'flat_fee' : 'usage_based',
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
    quantity: figures.quantity,
    meteredQuantity: metered,
    subscription: {
      subscription: { id: input.subscription.id },
      phase: { id: line.phaseKey },
      item: { id: rateCard.key },
      billingPeriod: input.period,
    },
    totals: figures.totals,
    ...(figures.charge ? { charge: figures.charge } : {}),
  };
}

/** A flat fee paid in advance is due when the period starts; everything else when it ends. */
function invoiceAtOf(price: Price, period: Period): string {
  return price.type === 'flat' && price.paymentTerm === 'in_advance' ? period.from : period.to;
}
