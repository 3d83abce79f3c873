import type { Invoice } from '../invoices/draft-invoice';
import { EXTENDED_STATUS, matchesFilter, sortInvoices } from './invoice-filter';

const invoice = (id: string, fields: Partial<Invoice>): Invoice =>
  ({
    id,
    status: 'gathering',
    statusDetails: { immutable: false, failed: false, extendedStatus: 'gathering', availableActions: {} },
    createdAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-01T00:00:00.000Z',
    period: { from: '2027-01-01T00:00:00.000Z', to: '2027-02-01T00:00:00.000Z' },
    customer: { id: 'c', name: 'C', usageAttribution: { subjectKeys: [] } },
    ...fields,
  }) as Invoice;

describe('invoice list filters', () => {
  const issued = invoice('b', {
    status: 'issued',
    statusDetails: { immutable: true, failed: false, extendedStatus: 'issued', availableActions: {} },
    issuedAt: '2027-02-01T01:00:00.000Z',
  });
  const open = invoice('a', { period: { from: '2027-02-01T00:00:00.000Z', to: '2027-03-01T00:00:00.000Z' } });

  it('keeps bounds inclusive, and an invoice without the time out of a time filter', () => {
    expect(
      matchesFilter(issued, { issuedAfter: '2027-02-01T01:00:00Z', issuedBefore: '2027-02-01T01:00:00Z' }),
    ).toBe(true);
    expect(matchesFilter(issued, { issuedAfter: '2027-02-01T01:00:00.001Z' })).toBe(false);
    expect(matchesFilter(open, { issuedBefore: '2030-01-01T00:00:00Z' })).toBe(false);
    expect(matchesFilter(open, { periodStartAfter: '2027-02-01T00:00:00Z', statuses: ['gathering'] })).toBe(
      true,
    );
    expect(matchesFilter(open, { extendedStatuses: ['draft.invalid'] })).toBe(false);
  });

  it('orders by a field, ties by id, missing values last ascending and first descending', () => {
    expect(sortInvoices([issued, open], 'issuedAt', 'ASC').map((i) => i.id)).toEqual(['b', 'a']);
    expect(sortInvoices([issued, open], 'issuedAt', 'DESC').map((i) => i.id)).toEqual(['a', 'b']);
    expect(sortInvoices([open, issued], 'createdAt', 'ASC').map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('knows an extended status by its status', () => {
    for (const ok of ['issued', 'draft.invalid', 'draft.waiting_auto_approval', 'payment_processing.pending'])
      expect([ok, EXTENDED_STATUS.test(ok)]).toEqual([ok, true]);
    for (const bad of ['nope.x', 'draft.', 'DRAFT', 'draft..x', ''])
      expect([bad, EXTENDED_STATUS.test(bad)]).toEqual([bad, false]);
  });
});
