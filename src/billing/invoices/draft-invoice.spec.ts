import type { RateCard } from '../../catalog';
import { draftInvoice, DraftInvoiceInput, hasCriticalIssues } from './draft-invoice';

const period = { from: '2027-01-01T00:00:00.000Z', to: '2027-02-01T00:00:00.000Z' };
const flat: RateCard = {
  type: 'flat_fee',
  key: 'base',
  name: 'Base',
  billingCadence: 'P1M',
  price: { type: 'flat', amount: '10' },
};
const unit: RateCard = {
  type: 'usage_based',
  key: 'calls',
  name: 'Calls',
  featureKey: 'calls',
  billingCadence: 'P1M',
  price: { type: 'unit', amount: '2' },
};

const input = (currency: string, status: DraftInvoiceInput['status'] = 'gathering'): DraftInvoiceInput => ({
  namespace: 'default',
  customer: { id: 'c1', name: 'C1', subjectKeys: ['c1'] },
  subscription: { id: 's1', planKey: 'p', planVersion: 1, currency },
  period,
  lines: [
    { phaseKey: 'default', rateCard: flat, usageWindow: period },
    { phaseKey: 'default', rateCard: unit, meteredQuantity: '3', usageWindow: period },
  ],
  status,
  number: 'DRAFT-1',
});

describe('draftInvoice', () => {
  it('prices every line and reports nothing when nothing is wrong', () => {
    const invoice = draftInvoice(input('USD'));
    expect(invoice).toMatchObject({
      statusDetails: { failed: false, extendedStatus: 'gathering' },
      totals: { total: '16' },
      validationIssues: [],
    });
    expect(hasCriticalIssues(invoice)).toBe(false);
  });

  it('reports a currency no line can be priced in on the invoice instead of throwing', () => {
    // A plan published in a code billing cannot round to, before the catalog refused it.
    const invoice = draftInvoice(input('XDR', 'draft'));
    expect(invoice).toMatchObject({
      statusDetails: { failed: true, extendedStatus: 'draft.invalid' },
      totals: { total: '0' },
    });
    expect(invoice.validationIssues.map((i) => [i.severity, i.code, i.field])).toEqual([
      ['critical', 'BILLING.INVALID_CURRENCY', '$.currency'],
      ['critical', 'BILLING.INVALID_CURRENCY', '$.currency'],
    ]);
    expect(new Set(invoice.validationIssues.map((i) => i.id)).size).toBe(2);
    expect(hasCriticalIssues(invoice)).toBe(true);
  });

  it('gives the same issues the same ids on every draft', () => {
    expect(draftInvoice(input('XDR')).validationIssues).toEqual(draftInvoice(input('XDR')).validationIssues);
  });
});
