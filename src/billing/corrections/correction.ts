import { Decimal, toDecimalString } from '../../shared/money';
import type { Invoice, InvoiceLine, InvoiceTotals, LineFigures } from '../invoices/draft-invoice';
import { stableUlid } from '../../shared/stable-id';

/**
 * Corrections of an issued period, pure: what its documents billed so far, and the document that
 * brings them to what the period is worth now. Each line's difference is taken on totals —
 * price(now) − price(billed) — never by pricing a difference of quantities, so tiers, packages,
 * minimums and maximums and discounts come out right.
 */

const TOTALS: readonly (keyof InvoiceTotals)[] = [
  'amount',
  'chargesTotal',
  'discountsTotal',
  'creditsTotal',
  'taxesInclusiveTotal',
  'taxesExclusiveTotal',
  'taxesTotal',
  'total',
];
/** The figures a correction is about: a change of any of them is billed; `meteredQuantity` alone is not. */
const BILLED_TOTALS: readonly (keyof InvoiceTotals)[] = ['amount', 'chargesTotal', 'discountsTotal', 'total'];

interface Billed {
  readonly quantity: Decimal;
  readonly meteredQuantity: Decimal;
  readonly totals: Readonly<Record<keyof InvoiceTotals, Decimal>>;
}

const ZERO = new Decimal(0);
const NOTHING: Billed = {
  quantity: ZERO,
  meteredQuantity: ZERO,
  totals: Object.fromEntries(TOTALS.map((t) => [t, ZERO])) as Billed['totals'],
};

/** The id of a period's `ordinal`-th correction (1, 2, …): the same however often it is decided. */
export function correctionIdFor(original: Invoice, ordinal: number): string {
  return stableUlid(new Date(original.period.from), 'correction', original.id, String(ordinal));
}

/**
 * What the original and its corrections billed, per line of the original: its figures plus every
 * correction's differences (a correction's line names the line it corrects).
 */
export function billedSoFar(original: Invoice, corrections: readonly Invoice[]): Map<string, Billed> {
  const billed = new Map<string, Billed>();
  const add = (lineId: string, line: InvoiceLine) => {
    const before = billed.get(lineId) ?? NOTHING;
    billed.set(lineId, {
      quantity: before.quantity.plus(line.quantity),
      meteredQuantity: before.meteredQuantity.plus(line.meteredQuantity),
      totals: Object.fromEntries(
        TOTALS.map((t) => [t, before.totals[t].plus(line.totals[t])]),
      ) as Billed['totals'],
    });
  };
  for (const line of original.lines) add(line.id, line);
  for (const correction of corrections)
    for (const line of correction.lines) add(line.correction?.lineId ?? line.id, line);
  return billed;
}

export interface CorrectionInput {
  /** The issued invoice, and its corrections so far, oldest first. */
  readonly original: Invoice;
  readonly corrections: readonly Invoice[];
  /** The period's invoice computed now, from the usage as it stands. */
  readonly now: Invoice;
  /** When the correction is issued; numbering is the ledger's. */
  readonly issuedAt: string;
}

/**
 * The correction the period needs — one line per line whose quantity or totals changed, carrying
 * the difference; `standard` when the net total is positive or zero, `credit_note` when negative —
 * or undefined when nothing the documents billed has changed (a late event of a user already
 * counted, say).
 */
export function draftCorrection(input: CorrectionInput): Invoice | undefined {
  const { original, corrections, now, issuedAt } = input;
  const id = correctionIdFor(original, corrections.length + 1);
  const billed = billedSoFar(original, corrections);
  const lines: InvoiceLine[] = [];
  for (const line of now.lines) {
    const before = billed.get(line.id) ?? NOTHING;
    const changed =
      !before.quantity.eq(line.quantity) || BILLED_TOTALS.some((t) => !before.totals[t].eq(line.totals[t]));
    if (!changed) continue;
    const difference = (from: Decimal, to: string) => toDecimalString(new Decimal(to).minus(from));
    const { charge: _charge, ...rest } = line;
    lines.push({
      ...rest,
      id: stableUlid(new Date(original.period.from), 'correction-line', id, line.id),
      createdAt: issuedAt,
      updatedAt: issuedAt,
      invoice: { id },
      quantity: difference(before.quantity, line.quantity),
      meteredQuantity: difference(before.meteredQuantity, line.meteredQuantity),
      totals: Object.fromEntries(
        TOTALS.map((t) => [t, difference(before.totals[t], line.totals[t])]),
      ) as unknown as InvoiceTotals,
      correction: { lineId: line.id, billed: billedFigures(before), now: lineFigures(line) },
    });
  }
  if (lines.length === 0) return undefined;
  const sum = (pick: keyof InvoiceTotals) =>
    toDecimalString(lines.reduce((acc, line) => acc.plus(line.totals[pick]), new Decimal(0)));
  const totals = Object.fromEntries(TOTALS.map((t) => [t, sum(t)])) as unknown as InvoiceTotals;
  return {
    ...now,
    id,
    type: new Decimal(totals.total).isNegative() ? 'credit_note' : 'standard',
    number: `DRAFT-${id}`,
    status: 'draft',
    statusDetails: { ...now.statusDetails, immutable: false, failed: false, extendedStatus: 'draft' },
    createdAt: issuedAt,
    updatedAt: issuedAt,
    period: original.period,
    totals,
    lines,
    validationIssues: [],
    correctionOf: { id: original.id, number: original.number },
  };
}

function billedFigures(billed: Billed): LineFigures {
  return {
    quantity: toDecimalString(billed.quantity),
    meteredQuantity: toDecimalString(billed.meteredQuantity),
    total: toDecimalString(billed.totals.total),
  };
}

function lineFigures(line: InvoiceLine): LineFigures {
  return { quantity: line.quantity, meteredQuantity: line.meteredQuantity, total: line.totals.total };
}
