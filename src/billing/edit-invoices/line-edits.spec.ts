import type { RateCard } from '../../catalog/model';
import { draftInvoice, type Invoice, invoiceIdFor, type InvoiceLine } from '../invoices/draft-invoice';
import type { PeriodPlan } from '../invoices/subscription-period';
import { lineInputs } from '../invoices/subscription-period';
import type { PendingLine } from '../issue-invoices/invoice-ledger.decider';
import { editedPendingLines, editedPlan, lineEditsOf, markedEdited } from './line-edits';

const period = { from: '2027-01-04T10:00:00.000Z', to: '2027-01-04T11:00:00.000Z' };
const base: RateCard = {
  type: 'flat_fee',
  key: 'base',
  name: 'Base',
  billingCadence: 'PT1H',
  price: { type: 'flat', amount: '10', paymentTerm: 'in_arrears' },
} as RateCard;
const units: RateCard = {
  type: 'usage_based',
  key: 'units',
  name: 'Units',
  featureKey: 'units',
  billingCadence: 'PT1H',
  price: { type: 'unit', amount: '1' },
} as RateCard;
const plan = {
  period,
  usageWindow: period,
  prorate: false,
  rateCards: [base, units],
  items: [base, units].map((rateCard) => ({
    key: rateCard.key,
    phaseKey: 'default',
    rateCard,
    window: period,
  })),
} as unknown as PeriodPlan;
const subscription = { id: 'sub-1', planKey: 'hourly', planVersion: 1, currency: 'USD' };
const invoiceId = invoiceIdFor(subscription.id, period);
const onceOff: PendingLine = {
  id: 'P1',
  name: 'Onboarding',
  period,
  invoiceAt: period.to,
  price: { type: 'flat', amount: '25', paymentTerm: 'in_advance' },
};

/** The period priced as the preview query prices it, with `lines` (the units metered 10). */
function priced(edits?: ReturnType<typeof lineEditsOf>['edits']): Invoice {
  const input = edits ? editedPlan(plan, invoiceId, period, edits) : plan;
  const pending = edits ? editedPendingLines([onceOff], edits) : [onceOff];
  const invoice = draftInvoice({
    namespace: 'default',
    customer: { id: 'c1', name: 'Acme', subjectKeys: ['acme'] },
    subscription,
    period,
    status: 'draft',
    number: 'DRAFT',
    lines: lineInputs(input, new Map([['units', '10']])),
    oneOffs: pending.map((line) => ({
      id: line.id,
      rateCard: {
        key: line.id,
        name: line.name,
        type: 'flat_fee',
        billingCadence: null,
        price: line.price,
      } as unknown as RateCard,
      period: line.period,
      invoiceAt: line.invoiceAt,
    })),
  });
  return edits ? markedEdited(invoice, edits) : invoice;
}

const asRead = (line: InvoiceLine) => ({
  id: line.id,
  name: line.name,
  period: line.period,
  invoiceAt: line.invoiceAt,
  rateCard: line.rateCard,
  quantity: line.quantity,
  totals: line.totals,
});

describe("a draft's line edits", () => {
  const read = priced();
  const [flat, usage, pending] = read.lines;

  it('keeps the lines sent back as read: nothing changed, nothing removed', () => {
    const { edits, problems } = lineEditsOf(read, read.lines.map(asRead), undefined, []);
    expect(problems).toEqual([]);
    expect(edits).toEqual({ changed: [], removed: [], added: [] });
    expect(priced(edits)).toEqual(read);
    const empty = read.lines.map((line) => ({ ...asRead(line), metadata: {}, description: null }));
    expect(lineEditsOf(read, empty, undefined, []).edits.changed).toEqual([]);
  });

  it('updates, adds and removes; the priced invoice follows, totals exact', () => {
    const { edits, problems } = lineEditsOf(
      read,
      [
        { ...asRead(usage!), rateCard: { featureKey: 'units', price: { type: 'unit', amount: '1.5' } } },
        asRead(pending!),
        {
          name: 'Setup',
          period: { from: '2027-01-04T11:00:00+01:00', to: period.to },
          invoiceAt: period.to,
          price: { type: 'flat', amount: '0.05', paymentTerm: 'in_advance' },
        },
      ],
      undefined,
      ['NEW1'],
    );
    expect(problems).toEqual([]);
    expect(edits.removed).toEqual([{ id: flat!.id, name: 'Base' }]);
    expect(edits.added).toEqual([expect.objectContaining({ id: 'NEW1', name: 'Setup', period })]);
    const invoice = priced(edits);
    // 10 × $1.50 + $25 + $0.05; the base fee waived.
    expect(invoice.lines.map((l) => [l.name, l.managedBy, l.totals.total])).toEqual([
      ['Units', 'manual', '15'],
      ['Onboarding', 'manual', '25'],
      ['Setup', 'manual', '0.05'],
    ]);
    expect(invoice.totals.total).toBe('40.05');
  });

  it('carries an earlier edit forward: a changed line sent back as read stays changed, a removed one removed', () => {
    const first = lineEditsOf(
      read,
      [{ ...asRead(usage!), name: 'Units, discounted' }, asRead(pending!)],
      undefined,
      [],
    ).edits;
    const again = priced(first);
    const second = lineEditsOf(again, again.lines.map(asRead), first, []);
    expect(second.problems).toEqual([]);
    expect(second.edits).toEqual(first);
  });

  it('refuses each change an edit may not make, naming the field and why', () => {
    const { problems } = lineEditsOf(
      read,
      [
        {
          ...asRead(flat!),
          rateCard: { price: { type: 'unit', amount: '1' } },
          period: { ...period, to: '2027-01-04T10:30:00Z' },
        },
        {
          ...asRead(usage!),
          invoiceAt: '2027-01-05T00:00:00Z',
          rateCard: { featureKey: 'calls', price: { type: 'unit', amount: '1' } },
          period: { from: '2027-01-04T09:00:00Z', to: period.to },
        },
        { id: usage!.id, name: 'twice' },
        { name: 'No price', period, invoiceAt: period.to },
        {
          name: 'No feature',
          period,
          invoiceAt: period.to,
          rateCard: { price: { type: 'unit', amount: '1' } },
        },
      ],
      undefined,
      ['N1', 'N2'],
    );
    expect(problems.map((p) => p.field)).toEqual([
      'body.lines[0].rateCard.price.type',
      'body.lines[0].period',
      'body.lines[1].rateCard.featureKey',
      'body.lines[1].invoiceAt',
      'body.lines[1].period',
      'body.lines[2].id',
      'body.lines[3].rateCard.price',
      'body.lines[4].rateCard.featureKey',
      'body.lines',
    ]);
    expect(problems.at(-1)!.message).toContain('pending one-off charge');
  });

  it('names bad values of the line fields it reads, never throws on any shape', () => {
    const { problems } = lineEditsOf(
      read,
      [
        { id: 7, name: '', metadata: { a: 1 }, period: 'soon', invoiceAt: 'x', rateCard: 'cheap' },
        { name: 'Bad price', period, invoiceAt: period.to, price: { type: 'unit', amount: 'lots' } },
      ],
      undefined,
      ['N1'],
    );
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining([
        'body.lines[0].id',
        'body.lines[0].name',
        'body.lines[0].metadata',
        'body.lines[0].period.from',
        'body.lines[0].invoiceAt',
        'body.lines[0].rateCard',
        'body.lines[1].price.amount',
      ]),
    );
  });
});
