import { digestOf, driftBetween, InvoiceFigures } from './invoice-figures';

const invoice = (id: string, quantity: string, total: string): InvoiceFigures => ({
  namespace: 'default',
  invoiceId: id,
  customerId: 'c1',
  status: 'gathering',
  period: { from: '2027-01-01T00:00:00.000Z', to: '2027-02-01T00:00:00.000Z' },
  total,
  lines: [{ lineId: `${id}-l1`, name: 'seats', quantity, total }],
});

describe('recompute report', () => {
  it('finds no drift and the same digest for the same figures in any order', () => {
    const a = [invoice('A', '3', '3'), invoice('B', '1', '1')];
    const b = [invoice('B', '1', '1'), invoice('A', '3', '3')];
    expect(driftBetween(a, b)).toEqual([]);
    expect(digestOf(a)).toBe(digestOf(b));
  });

  it('names the line whose quantity and amount changed, and changes the digest', () => {
    const before = [invoice('A', '3', '3')];
    const after = [invoice('A', '4', '4')];
    expect(driftBetween(before, after)).toEqual([
      expect.objectContaining({
        invoiceId: 'A',
        line: 'seats',
        before: { quantity: '3', total: '3' },
        after: { quantity: '4', total: '4' },
      }),
    ]);
    expect(digestOf(before)).not.toBe(digestOf(after));
  });

  it('reports invoices that appear or vanish', () => {
    expect(
      driftBetween([invoice('A', '3', '3')], [invoice('B', '3', '3')]).map((d) => [
        d.invoiceId,
        !!d.before,
        !!d.after,
      ]),
    ).toEqual([
      ['A', true, false],
      ['B', false, true],
    ]);
  });
});
