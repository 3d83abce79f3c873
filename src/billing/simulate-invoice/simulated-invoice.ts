import { Price, RateCard, validateDiscounts, validatePrice } from '../../catalog/model';
import { FieldProblem, invalid } from '../../shared/errors';
import { readInstant } from '../../shared/instant';
import {
  draftInvoice,
  Invoice,
  InvoiceCustomer,
  InvoiceLine,
  LineInput,
  Period,
} from '../invoices/draft-invoice';
import { isCurrencyCode } from '../pricing';

/** One caller-given line: OpenMeter's `InvoiceSimulationLine`, its price where the rate card has it. */
export interface SimulationLine {
  readonly id?: string;
  readonly name: string;
  readonly description?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly period: Period;
  readonly invoiceAt: string;
  readonly quantity: string;
  readonly featureKey?: string;
  /** `rateCard.price`, else the deprecated top-level `price`; `null` when free. Checked here, by the catalog's rules. */
  readonly price: unknown;
  readonly discounts?: unknown;
}

export interface SimulationInput {
  readonly namespace: string;
  readonly customer: InvoiceCustomer;
  readonly currency: string;
  readonly number?: string;
  readonly lines: readonly SimulationLine[];
}

/** A simulated line: not a subscription's, so `manual` and without the subscription reference. */
export type SimulatedLine = Omit<InvoiceLine, 'subscription' | 'managedBy'> & {
  readonly managedBy: 'manual';
  readonly metadata?: Readonly<Record<string, string>>;
};
export type SimulatedInvoice = Omit<Invoice, 'lines'> & { readonly lines: readonly SimulatedLine[] };

const PHASE = 'simulation';
const keyOf = (index: number) => `line_${index}`;

/**
 * Prices caller-given lines into an invoice, through the same drafting and pricing as every invoice
 * (`draftInvoice`, the catalog's price model): a simulation is what these lines would bill, stored
 * nowhere. Pure. A line with a flat price bills it once (quantity 1), as a flat fee does.
 */
export function simulateInvoice(input: SimulationInput): SimulatedInvoice {
  const problems = simulationProblems(input);
  if (problems.length > 0)
    throw invalid('BILLING.SIMULATION_INVALID', 'The simulated invoice is not valid', problems);
  const lines: LineInput[] = input.lines.map((line, index) => ({
    phaseKey: PHASE,
    rateCard: rateCardOf(line, index),
    meteredQuantity: line.quantity,
    usageWindow: line.period,
  }));
  const from = Math.min(...input.lines.map((line) => Date.parse(line.period.from)));
  const to = Math.max(...input.lines.map((line) => Date.parse(line.period.to)));
  const drafted = draftInvoice({
    namespace: input.namespace,
    customer: input.customer,
    subscription: {
      id: `simulation:${input.customer.id}`,
      planKey: PHASE,
      planVersion: 0,
      currency: input.currency,
    },
    period: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    lines,
    status: 'gathering',
    number: input.number ?? 'SIMULATION',
  });
  return {
    ...drafted,
    lines: drafted.lines.map((drafted) => {
      const index = Number(drafted.subscription.item.id.slice('line_'.length));
      const given = input.lines[index];
      const { subscription: _subscription, managedBy: _managedBy, ...line } = drafted;
      return {
        ...line,
        ...(given.id !== undefined && { id: given.id }),
        managedBy: 'manual' as const,
        invoiceAt: given.invoiceAt,
        ...(given.metadata !== undefined && { metadata: given.metadata }),
      };
    }),
  };
}

function rateCardOf(line: SimulationLine, index: number): RateCard {
  const common = {
    key: keyOf(index),
    name: line.name,
    ...(line.description !== undefined && { description: line.description }),
    ...(line.featureKey !== undefined && { featureKey: line.featureKey }),
    ...(line.discounts !== undefined && { discounts: line.discounts as RateCard['discounts'] }),
  };
  const price = (line.price ?? null) as Price | null;
  return price?.type === 'flat'
    ? { ...common, type: 'flat_fee', billingCadence: null, price }
    : { ...common, type: 'usage_based', billingCadence: 'P1M', price };
}

export function simulationProblems(input: SimulationInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isCurrencyCode(input.currency))
    problems.push({
      field: 'currency',
      message: `${input.currency} is not an ISO 4217 currency with a minor unit`,
    });
  input.lines.forEach((line, index) => {
    const at = `lines[${index}]`;
    const from = readInstant(line.period.from);
    const to = readInstant(line.period.to);
    if (from.ok && to.ok && Date.parse(line.period.from) >= Date.parse(line.period.to))
      problems.push({ field: `${at}.period`, message: 'from must be before to' });
    if (line.price === undefined) {
      problems.push({ field: `${at}.rateCard.price`, message: 'a line needs a price (rateCard.price)' });
      return;
    }
    if (line.price === null) return;
    const priceProblems = validatePrice(line.price);
    if (priceProblems.length === 0)
      priceProblems.push(...validateDiscounts(line.discounts, line.price as Price));
    problems.push(...priceProblems.map((p) => ({ ...p, field: `${at}.rateCard.${p.field}` })));
  });
  return problems;
}
