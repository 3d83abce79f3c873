import { startTestApp, TestApp } from '../support/test-app';

/** `POST …/invoices/simulate`: caller-given lines priced as every invoice is, and nothing stored. */
describe('simulating an invoice', () => {
  let app: TestApp;
  let customer: { id: string };
  const head = async () =>
    (
      await app.db.dataSource.query(
        `SELECT count(*)::int AS n, max(global_position)::text AS at FROM tally_events`,
      )
    )[0];
  const period = { from: '2027-01-01T00:00:00Z', to: '2027-02-01T00:00:00Z' };
  const line = (name: string, quantity: string, price: unknown) => ({
    name,
    period,
    invoiceAt: period.to,
    quantity,
    rateCard: { price },
  });

  beforeAll(async () => {
    app = await startTestApp();
    customer = (await app.request('POST', '/api/v1/customers', { body: { name: 'Acme', key: 'acme' } })).body;
  });
  afterAll(() => app.close());

  it("prices each line with the catalog's price model, and the log head does not move", async () => {
    const before = await head();
    const answer = await app.request('POST', '/api/v1/billing/customers/acme/invoices/simulate', {
      body: {
        currency: 'USD',
        lines: [
          line('API calls', '7', { type: 'unit', amount: '0.5' }),
          {
            ...line('Seats', '15', {
              type: 'tiered',
              mode: 'graduated',
              tiers: [
                { upToAmount: '10', flatPrice: null, unitPrice: { type: 'unit', amount: '1' } },
                { flatPrice: null, unitPrice: { type: 'unit', amount: '0.5' } },
              ],
            }),
            id: '01G65Z755AFWAKHE12NY0CQ9FH',
            rateCard: {
              featureKey: 'seats',
              price: {
                type: 'tiered',
                mode: 'graduated',
                tiers: [
                  { upToAmount: '10', flatPrice: null, unitPrice: { type: 'unit', amount: '1' } },
                  { flatPrice: null, unitPrice: { type: 'unit', amount: '0.5' } },
                ],
              },
              discounts: { percentage: { percentage: 10 } },
            },
          },
          line('Platform', '3', { type: 'flat', amount: '10', paymentTerm: 'in_advance' }),
        ],
      },
    });
    expect(answer.status).toBe(200);
    const lines = answer.body.lines as {
      name: string;
      type: string;
      quantity: string;
      totals: { total: string };
    }[];
    expect(lines.map((l) => [l.name, l.type, l.quantity, l.totals.total])).toEqual([
      // 7 × $0.50
      ['API calls', 'usage_based', '7', '3.5'],
      // 10 × $1 + 5 × $0.50 = $12.50, less 10% = $11.25
      ['Seats', 'usage_based', '15', '11.25'],
      // A flat fee bills once, whatever the quantity.
      ['Platform', 'flat_fee', '1', '10'],
    ]);
    // 3.50 + 11.25 + 10.00
    expect(answer.body).toMatchObject({
      currency: 'USD',
      customer: { id: customer.id, key: 'acme' },
      totals: { total: '24.75', discountsTotal: '1.25' },
    });
    expect(answer.body.period).toEqual({ from: '2027-01-01T00:00:00.000Z', to: '2027-02-01T00:00:00.000Z' });
    expect(answer.body.lines[1]).toMatchObject({
      id: '01G65Z755AFWAKHE12NY0CQ9FH',
      managedBy: 'manual',
      featureKey: 'seats',
    });
    expect(answer.body.lines[0].subscription).toBeUndefined();
    expect(await head()).toEqual(before);
  });

  it('refuses bad lines with 400 naming each field, and an unknown customer with 404, storing nothing', async () => {
    const before = await head();
    const bad = await app.request('POST', `/api/v1/billing/customers/${customer.id}/invoices/simulate`, {
      body: {
        currency: 'XAU',
        lines: [
          { name: 'No price', period, invoiceAt: period.to, quantity: '1' },
          line('Backwards', '1', { type: 'unit', amount: '1' }),
          line('Descending tiers', '1', {
            type: 'tiered',
            mode: 'volume',
            tiers: [
              { upToAmount: '10', flatPrice: null, unitPrice: { type: 'unit', amount: '1' } },
              { upToAmount: '5', flatPrice: null, unitPrice: { type: 'unit', amount: '1' } },
            ],
          }),
        ].map((l, i) => (i === 1 ? { ...l, period: { from: period.to, to: period.from } } : l)),
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['currency', 'lines[0].rateCard.price', 'lines[1].period']),
    );
    expect(
      bad.body.errors.some((e: { field: string }) => e.field.startsWith('lines[2].rateCard.price')),
    ).toBe(true);
    const shape = await app.request('POST', `/api/v1/billing/customers/${customer.id}/invoices/simulate`, {
      body: {
        currency: 'USD',
        lines: [{ ...line('x', 'many', { type: 'unit', amount: '1' }), invoiceAt: 'soon' }],
      },
    });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'lines[0].invoiceAt',
      'lines[0].quantity',
    ]);
    const nobody = await app.request('POST', '/api/v1/billing/customers/nobody/invoices/simulate', {
      body: { currency: 'USD', lines: [line('x', '1', { type: 'unit', amount: '1' })] },
    });
    expect(nobody.status).toBe(404);
    expect(await head()).toEqual(before);
  });
});
