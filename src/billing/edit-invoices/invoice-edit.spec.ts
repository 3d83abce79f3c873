import type { InvoiceLine } from '../invoices/draft-invoice';
import { lineProblems } from './invoice-edit';

describe("an edit's lines", () => {
  const line = {
    id: 'L1',
    name: 'Seats',
    period: { from: '2027-01-31T10:00:00.000Z', to: '2027-02-28T10:00:00.000Z' },
    invoiceAt: '2027-02-28T10:00:00.000Z',
    featureKey: 'active_users',
    metadata: { rateCardKey: 'seats' },
  } as unknown as InvoiceLine;
  const sentBack = { ...line, period: { ...line.period }, totals: { total: '3' } };

  it('accepts the lines as read, instants in any spelling, fields left out', () => {
    expect(lineProblems([line], [sentBack])).toEqual([]);
    expect(
      lineProblems(
        [line],
        [{ id: 'L1', name: 'Seats', period: { from: '2027-01-31T11:00:00+01:00', to: line.period.to } }],
      ),
    ).toEqual([]);
  });

  it('names each changed field, and a line added, dropped or moved', () => {
    const changed = lineProblems(
      [line],
      [{ ...sentBack, name: 'Seats, discounted', invoiceAt: '2027-03-01T00:00:00Z', metadata: { x: 'y' } }],
    );
    expect(changed.map((p) => p.field)).toEqual([
      'body.lines[0].name',
      'body.lines[0].invoiceAt',
      'body.lines[0].metadata',
    ]);
    expect(changed[0]!.message).toContain('/invoices/pending-lines');
    expect(lineProblems([line], []).map((p) => p.field)).toEqual(['body.lines']);
    expect(lineProblems([line], [{ ...sentBack, id: 'L2' }]).map((p) => p.field)).toEqual([
      'body.lines[0].id',
    ]);
  });
});
