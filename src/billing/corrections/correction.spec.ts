import type { RateCard } from '../../catalog';
import { draftInvoice, Invoice } from '../invoices/draft-invoice';
import { correctionIdFor, draftCorrection } from './correction';

const period = { from: '2027-01-04T10:00:00.000Z', to: '2027-01-04T11:00:00.000Z' };
const base: RateCard = {
  type: 'flat_fee',
  key: 'base',
  name: 'Base',
  billingCadence: 'PT1H',
  price: { type: 'flat', amount: '10' },
};
const usage = (price: Extract<RateCard, { type: 'usage_based' }>['price']): RateCard => ({
  type: 'usage_based',
  key: 'calls',
  name: 'Calls',
  featureKey: 'calls',
  billingCadence: 'PT1H',
  price,
});
const graduated = usage({
  type: 'tiered',
  mode: 'graduated',
  tiers: [
    { upToAmount: '10', unitPrice: { type: 'unit', amount: '2.5' } },
    { flatPrice: { type: 'flat', amount: '3' }, unitPrice: { type: 'unit', amount: '1' } },
  ],
});

/** The period's invoice priced at `quantity` units, issued or as drafted now. */
function invoiceAt(rateCard: RateCard, quantity: string, status: Invoice['status'] = 'issued'): Invoice {
  return draftInvoice({
    namespace: 'default',
    customer: { id: 'c1', name: 'C1', subjectKeys: ['c1'] },
    subscription: { id: 's1', planKey: 'p', planVersion: 1, currency: 'USD' },
    period,
    lines: [
      { phaseKey: 'default', rateCard: base, usageWindow: period },
      { phaseKey: 'default', rateCard, meteredQuantity: quantity, usageWindow: period },
    ],
    status,
    number: status === 'issued' ? 'INV-000001' : 'DRAFT-1',
  });
}

const issuedAt = '2027-01-04T13:05:00.000Z';

describe('draftCorrection', () => {
  it('bills price(now) − price(billed) on totals: graduated 8 → 13 across 10 is 11, not price(5)', () => {
    const original = invoiceAt(graduated, '8');
    // By hand: 8 × 2.50 = 20; 13 = 10 × 2.50 + 3 flat + 3 × 1.00 = 31.
    expect(original.totals.total).toBe('30'); // with the flat fee of 10
    const correction = draftCorrection({
      original,
      corrections: [],
      now: invoiceAt(graduated, '13', 'gathering'),
      issuedAt,
    })!;
    expect(correction).toMatchObject({
      id: correctionIdFor(original, 1),
      type: 'standard',
      status: 'draft',
      period,
      correctionOf: { id: original.id, number: 'INV-000001' },
      totals: { total: '11' },
    });
    // Only the line that changed; the flat fee stands.
    expect(correction.lines).toHaveLength(1);
    expect(correction.lines[0]).toMatchObject({
      quantity: '5',
      totals: { amount: '11', total: '11' },
      invoice: { id: correction.id },
      correction: {
        lineId: original.lines[1].id,
        billed: { quantity: '8', total: '20' },
        now: { quantity: '13', total: '31' },
      },
    });
    expect(correction.lines[0].charge).toBeUndefined();
  });

  it('gives back in a credit note when the period is worth less now', () => {
    const unit = usage({ type: 'unit', amount: '1.5' });
    const correction = draftCorrection({
      original: invoiceAt(unit, '4'),
      corrections: [],
      now: invoiceAt(unit, '2', 'gathering'),
      issuedAt,
    })!;
    expect(correction).toMatchObject({ type: 'credit_note', totals: { total: '-3' } });
    expect(correction.lines[0]).toMatchObject({ quantity: '-2', meteredQuantity: '-2' });
  });

  it('records more units under a maximum at no charge, and bills a package only once one is started', () => {
    const capped = usage({ type: 'unit', amount: '1', maximumAmount: '5' });
    expect(
      draftCorrection({
        original: invoiceAt(capped, '7'),
        corrections: [],
        now: invoiceAt(capped, '9', 'gathering'),
        issuedAt,
      })?.lines.map((l) => [l.quantity, l.totals.total]),
    ).toEqual([['2', '0']]); // more units, the same amount: a zero line, so the late units are on a document
    const packages = usage({ type: 'package', amount: '4', quantityPerPackage: '10' });
    expect(
      draftCorrection({
        original: invoiceAt(packages, '3'),
        corrections: [],
        now: invoiceAt(packages, '12', 'gathering'),
        issuedAt,
      })?.totals.total,
    ).toBe('4'); // a second package started
  });

  it('compares with the original plus earlier corrections, and needs nothing once they add up', () => {
    const unit = usage({ type: 'unit', amount: '1' });
    const original = invoiceAt(unit, '10');
    const first = draftCorrection({
      original,
      corrections: [],
      now: invoiceAt(unit, '17', 'gathering'),
      issuedAt,
    })!;
    expect(first.totals.total).toBe('7');
    // Nothing changed since the first correction: nothing more.
    expect(
      draftCorrection({ original, corrections: [first], now: invoiceAt(unit, '17', 'gathering'), issuedAt }),
    ).toBeUndefined();
    // A void since: the second correction gives back from 17, not from 10.
    const second = draftCorrection({
      original,
      corrections: [first],
      now: invoiceAt(unit, '15', 'gathering'),
      issuedAt,
    })!;
    expect(second).toMatchObject({
      id: correctionIdFor(original, 2),
      type: 'credit_note',
      totals: { total: '-2' },
    });
    expect(second.id).not.toBe(first.id);
    expect(second.lines[0].correction).toMatchObject({
      lineId: original.lines[1].id,
      billed: { quantity: '17', total: '17' },
    });
  });

  it('is the same document however often it is decided', () => {
    const unit = usage({ type: 'unit', amount: '1' });
    const decide = () =>
      draftCorrection({
        original: invoiceAt(unit, '1'),
        corrections: [],
        now: invoiceAt(unit, '2', 'gathering'),
        issuedAt,
      });
    expect(decide()).toEqual(decide());
  });
});
