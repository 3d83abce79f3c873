import { DomainError } from '../../shared/errors';
import type { Discounts, Price, TieredPriceWithCommitments } from '../../catalog/model';
import { priceUsage, type Charge } from './pricing';

type Case = [quantity: string, expected: Partial<Charge> & Record<string, unknown>];

const usd = (price: Price, discounts?: Discounts) => (quantity: string) =>
  priceUsage({ price, quantity, discounts, currency: 'USD' });

/** 0–10 at 1.00; 10–20 at 0.50 plus 5 on entry; above 20 at 0.10 plus 2 on entry. */
const tiers: TieredPriceWithCommitments['tiers'] = [
  { upToAmount: '10', unitPrice: { type: 'unit', amount: '1' } },
  { upToAmount: '20', unitPrice: { type: 'unit', amount: '0.5' }, flatPrice: { type: 'flat', amount: '5' } },
  { unitPrice: { type: 'unit', amount: '0.1' }, flatPrice: { type: 'flat', amount: '2' } },
];

describe('priceUsage', () => {
  describe('flat price: charged once, whatever the usage', () => {
    const flat = usd({ type: 'flat', amount: '49.99', paymentTerm: 'in_advance' });
    it.each<Case>([
      ['0', { quantity: '0', billedQuantity: '1', unitPrice: '49.99', subtotal: '49.99', total: '49.99' }],
      [
        '1234.5',
        { quantity: '1234.5', billedQuantity: '1', unitPrice: '49.99', subtotal: '49.99', total: '49.99' },
      ],
    ])('usage %s', (quantity, expected) => {
      expect(flat(quantity)).toMatchObject(expected);
    });

    it('takes a percentage discount and rounds the result', () => {
      expect(usd({ type: 'flat', amount: '49.99' }, { percentage: { percentage: 10 } })('1')).toMatchObject({
        subtotal: '49.99',
        discountAmount: '4.999',
        unroundedTotal: '44.991',
        total: '44.99',
      });
    });
  });

  describe('flat price prorated: amount × part ÷ whole, rounded once at the end', () => {
    const price: Price = { type: 'flat', amount: '49', paymentTerm: 'in_advance' };
    // 24.5 of 31 days, in seconds.
    const proration = { part: String(24.5 * 86_400), whole: String(31 * 86_400) };

    it('bills the part of the period, exact until the one rounding', () => {
      const charge = priceUsage({ price, quantity: '0', currency: 'USD', proration });
      expect(charge).toMatchObject({ billedQuantity: '1', unitPrice: '49', total: '38.73', proration });
      // 49 × 24.5 ÷ 31 = 38.7258…: the subtotal keeps the digits, only the total is rounded.
      expect(charge.subtotal.startsWith('38.72580645161290322580645161290322580645')).toBe(true);
    });

    it('rounds to the currency’s minor unit (JPY has none) and takes a discount after proration', () => {
      expect(priceUsage({ price, quantity: '0', currency: 'JPY', proration }).total).toBe('39');
      const discounted = priceUsage({
        price,
        quantity: '0',
        currency: 'USD',
        proration,
        discounts: { percentage: { percentage: 10 } },
      });
      expect(discounted.total).toBe('34.85'); // 38.7258… × 0.9 = 34.853…
    });

    it('leaves every other price as it is', () => {
      const unit = priceUsage({
        price: { type: 'unit', amount: '2' },
        quantity: '3',
        currency: 'USD',
        proration,
      });
      expect(unit.total).toBe('6');
    });
  });

  describe('unit price', () => {
    const unit = usd({ type: 'unit', amount: '0.1' });
    it.each<Case>([
      ['0', { billedQuantity: '0', subtotal: '0', total: '0' }],
      ['1', { billedQuantity: '1', subtotal: '0.1', total: '0.1' }],
      // 0.1 * 3 is 0.30000000000000004 in binary floating point.
      ['3', { billedQuantity: '3', subtotal: '0.3', total: '0.3' }],
      ['1.5', { billedQuantity: '1.5', subtotal: '0.15', total: '0.15' }],
      ['0.05', { subtotal: '0.005', unroundedTotal: '0.005', total: '0.01' }],
      ['0.0499', { subtotal: '0.00499', unroundedTotal: '0.00499', total: '0' }],
    ])('quantity %s', (quantity, expected) => {
      expect(unit(quantity)).toMatchObject({ type: 'unit', unitPrice: '0.1', quantity, ...expected });
    });

    it('keeps every digit of large and tiny figures until the end', () => {
      const charge = usd({ type: 'unit', amount: '0.000000001' })('123456789012345678901234567890.123456789');
      expect(charge.subtotal).toBe('123456789012345678901.234567890123456789');
      expect(charge.total).toBe('123456789012345678901.23');
    });

    it('shows its whole working', () => {
      expect(
        usd(
          { type: 'unit', amount: '2' },
          { usage: { quantity: '5' }, percentage: { percentage: '10' } },
        )('15'),
      ).toEqual({
        type: 'unit',
        currency: 'USD',
        quantity: '15',
        usageDiscountQuantity: '5',
        billedQuantity: '10',
        unitPrice: '2',
        subtotal: '20',
        discountPercentage: '10',
        discountAmount: '2',
        minimumTrueUp: '0',
        capReduction: '0',
        unroundedTotal: '18',
        total: '18',
      });
    });
  });

  describe('graduated tiers: each unit in the tier it falls in, a tier flat price once on reaching it', () => {
    const graduated = usd({ type: 'tiered', mode: 'graduated', tiers });
    it.each<[string, string, number[]]>([
      ['0', '0', []],
      ['1', '1', [0]],
      ['9', '9', [0]],
      ['9.5', '9.5', [0]],
      // upToAmount is inclusive: 10 is still the first tier.
      ['10', '10', [0]],
      ['10.5', '15.25', [0, 1]],
      ['11', '15.5', [0, 1]],
      ['19', '19.5', [0, 1]],
      ['19.5', '19.75', [0, 1]],
      ['20', '20', [0, 1]],
      ['20.25', '22.025', [0, 1, 2]],
      ['21', '22.1', [0, 1, 2]],
      ['100', '30', [0, 1, 2]],
    ])('quantity %s costs %s', (quantity, subtotal, reached) => {
      const charge = graduated(quantity);
      expect(charge).toMatchObject({ type: 'tiered', mode: 'graduated', subtotal, unroundedTotal: subtotal });
      expect(charge.type === 'tiered' && charge.tiers.map((t) => t.tierIndex)).toEqual(reached);
    });

    it('breaks the charge down per tier', () => {
      const charge = graduated('20.25');
      expect(charge.type === 'tiered' && charge.tiers).toEqual([
        { tierIndex: 0, quantity: '10', unitAmount: '1', flatAmount: '0', amount: '10' },
        { tierIndex: 1, quantity: '10', unitAmount: '0.5', flatAmount: '5', amount: '10' },
        { tierIndex: 2, quantity: '0.25', unitAmount: '0.1', flatAmount: '2', amount: '2.025' },
      ]);
      expect(charge.total).toBe('22.03');
    });

    it('prices only the units left after free usage', () => {
      const charge = usd({ type: 'tiered', mode: 'graduated', tiers }, { usage: { quantity: '5' } })('15');
      expect(charge).toMatchObject({
        usageDiscountQuantity: '5',
        billedQuantity: '10',
        subtotal: '10',
        total: '10',
      });
    });
  });

  describe('volume tiers: the whole quantity at the rates of the tier it falls in', () => {
    const volume = usd({ type: 'tiered', mode: 'volume', tiers });
    it.each<[string, string, number | undefined]>([
      ['0', '0', undefined],
      ['1', '1', 0],
      ['9.5', '9.5', 0],
      ['10', '10', 0],
      ['10.5', '10.25', 1],
      ['11', '10.5', 1],
      ['19', '14.5', 1],
      ['20', '15', 1],
      ['20.25', '4.025', 2],
      ['21', '4.1', 2],
      ['100', '12', 2],
    ])('quantity %s costs %s', (quantity, subtotal, tierIndex) => {
      const charge = volume(quantity);
      expect(charge).toMatchObject({ type: 'tiered', mode: 'volume', subtotal });
      expect(charge.type === 'tiered' && charge.tiers.map((t) => t.tierIndex)).toEqual(
        tierIndex === undefined ? [] : [tierIndex],
      );
    });

    it('shows the tier it used', () => {
      const charge = volume('20.25');
      expect(charge.type === 'tiered' && charge.tiers).toEqual([
        { tierIndex: 2, quantity: '20.25', unitAmount: '0.1', flatAmount: '2', amount: '4.025' },
      ]);
      expect(charge.total).toBe('4.03');
    });
  });

  it.each(['0', '3', '7.25'])('a one-tier price bills %s the same in both modes', (quantity) => {
    const only = [
      { flatPrice: { type: 'flat', amount: '10' }, unitPrice: { type: 'unit', amount: '2' } },
    ] as const;
    const graduated = usd({ type: 'tiered', mode: 'graduated', tiers: only })(quantity);
    const volume = usd({ type: 'tiered', mode: 'volume', tiers: only })(quantity);
    expect(graduated.total).toBe(volume.total);
    expect(graduated.total).toBe({ '0': '0', '3': '16', '7.25': '24.5' }[quantity]);
  });

  describe('dynamic price: the usage is the amount, times the multiplier', () => {
    it.each<[Price, string, Partial<Charge>]>([
      [
        { type: 'dynamic' },
        '12.345',
        { type: 'dynamic', multiplier: '1', subtotal: '12.345', total: '12.35' },
      ],
      [{ type: 'dynamic', multiplier: '1.5' }, '10', { multiplier: '1.5', subtotal: '15', total: '15' }],
      [{ type: 'dynamic', multiplier: '0.5', minimumAmount: '20' }, '10', { subtotal: '5', total: '20' }],
    ])('%j on usage %s', (price, quantity, expected) => {
      expect(usd(price)(quantity)).toMatchObject(expected);
    });
  });

  describe('package price: started packages are whole packages', () => {
    const perHundred = usd({ type: 'package', amount: '10', quantityPerPackage: '100' });
    it.each<Case>([
      ['0', { packages: '0', subtotal: '0', total: '0' }],
      ['0.5', { packages: '1', subtotal: '10', total: '10' }],
      ['1', { packages: '1', subtotal: '10', total: '10' }],
      ['99.99', { packages: '1', subtotal: '10', total: '10' }],
      ['100', { packages: '1', subtotal: '10', total: '10' }],
      ['100.5', { packages: '2', subtotal: '20', total: '20' }],
      ['101', { packages: '2', subtotal: '20', total: '20' }],
      ['200', { packages: '2', subtotal: '20', total: '20' }],
      ['201', { packages: '3', subtotal: '30', total: '30' }],
    ])('quantity %s', (quantity, expected) => {
      expect(perHundred(quantity)).toMatchObject({
        type: 'package',
        unitPrice: '10',
        quantityPerPackage: '100',
        ...expected,
      });
    });

    it.each<Case>([
      ['1.2', { packages: '3', subtotal: '0.75' }],
      ['1.5', { packages: '3', subtotal: '0.75' }],
      ['1.50001', { packages: '4', subtotal: '1' }],
    ])('fractional package size, quantity %s', (quantity, expected) => {
      expect(usd({ type: 'package', amount: '0.25', quantityPerPackage: '0.5' })(quantity)).toMatchObject(
        expected,
      );
    });
  });

  describe('commitments: minimum 10, maximum 50 at 1 per unit', () => {
    const committed = usd({ type: 'unit', amount: '1', minimumAmount: '10', maximumAmount: '50' });
    it.each<Case>([
      ['0', { subtotal: '0', minimumTrueUp: '10', capReduction: '0', total: '10' }],
      ['4', { subtotal: '4', minimumTrueUp: '6', capReduction: '0', total: '10' }],
      ['9.999', { subtotal: '9.999', minimumTrueUp: '0.001', capReduction: '0', total: '10' }],
      ['10', { subtotal: '10', minimumTrueUp: '0', capReduction: '0', total: '10' }],
      ['30', { subtotal: '30', minimumTrueUp: '0', capReduction: '0', total: '30' }],
      ['50', { subtotal: '50', minimumTrueUp: '0', capReduction: '0', total: '50' }],
      ['50.001', { subtotal: '50.001', minimumTrueUp: '0', capReduction: '0.001', total: '50' }],
      ['60', { subtotal: '60', minimumTrueUp: '0', capReduction: '10', total: '50' }],
    ])('quantity %s', (quantity, expected) => {
      expect(committed(quantity)).toMatchObject(expected);
    });

    it('tops up after the percentage discount, so a discount never eats into the commitment', () => {
      const discounted = usd(
        { type: 'unit', amount: '1', minimumAmount: '10' },
        { percentage: { percentage: 20 } },
      );
      expect(discounted('11')).toMatchObject({
        subtotal: '11',
        discountAmount: '2.2',
        minimumTrueUp: '1.2',
        total: '10',
      });
    });

    it('caps after the percentage discount', () => {
      const discounted = usd(
        { type: 'unit', amount: '1', maximumAmount: '50' },
        { percentage: { percentage: 10 } },
      );
      expect(discounted('100')).toMatchObject({
        subtotal: '100',
        discountAmount: '10',
        capReduction: '40',
        total: '50',
      });
      expect(discounted('50')).toMatchObject({
        subtotal: '50',
        discountAmount: '5',
        capReduction: '0',
        total: '45',
      });
    });

    it('applies to tiered and package prices too', () => {
      const tiered = usd({
        type: 'tiered',
        mode: 'graduated',
        tiers,
        minimumAmount: '12',
        maximumAmount: '25',
      });
      expect(tiered('10')).toMatchObject({ subtotal: '10', minimumTrueUp: '2', total: '12' });
      expect(tiered('100')).toMatchObject({ subtotal: '30', capReduction: '5', total: '25' });
      const pack = usd({ type: 'package', amount: '10', quantityPerPackage: '100', minimumAmount: '15' });
      expect(pack('150')).toMatchObject({ packages: '2', subtotal: '20', minimumTrueUp: '0', total: '20' });
      expect(pack('1')).toMatchObject({ packages: '1', subtotal: '10', minimumTrueUp: '5', total: '15' });
    });

    it('caps at zero when the maximum is zero', () => {
      expect(usd({ type: 'unit', amount: '1', maximumAmount: '0' })('7')).toMatchObject({
        capReduction: '7',
        total: '0',
      });
    });
  });

  describe('discounts', () => {
    const withFreeUnits = usd({ type: 'unit', amount: '2' }, { usage: { quantity: '5' } });
    it.each<Case>([
      ['0', { usageDiscountQuantity: '0', billedQuantity: '0', total: '0' }],
      ['3', { usageDiscountQuantity: '3', billedQuantity: '0', total: '0' }],
      ['5', { usageDiscountQuantity: '5', billedQuantity: '0', total: '0' }],
      ['5.5', { usageDiscountQuantity: '5', billedQuantity: '0.5', total: '1' }],
      ['7.5', { usageDiscountQuantity: '5', billedQuantity: '2.5', total: '5' }],
    ])('free units never make the billed quantity negative: usage %s', (quantity, expected) => {
      expect(withFreeUnits(quantity)).toMatchObject({ quantity, ...expected });
    });

    it.each<[string, number | string, Record<string, string>]>([
      ['a number', 12.5, { discountPercentage: '12.5', discountAmount: '1.25', total: '8.75' }],
      ['a string', '12.5', { discountPercentage: '12.5', discountAmount: '1.25', total: '8.75' }],
      ['a binary-inexact number', 0.1, { discountPercentage: '0.1', discountAmount: '0.01', total: '9.99' }],
      ['100 percent', 100, { discountPercentage: '100', discountAmount: '10', total: '0' }],
      ['0 percent', 0, { discountPercentage: '0', discountAmount: '0', total: '10' }],
    ])('takes a percentage given as %s', (_, percentage, expected) => {
      expect(usd({ type: 'unit', amount: '1' }, { percentage: { percentage } })('10')).toMatchObject({
        subtotal: '10',
        ...expected,
      });
    });

    it('reports no discount when there is none', () => {
      expect(usd({ type: 'unit', amount: '1' })('10')).toMatchObject({
        discountPercentage: '0',
        discountAmount: '0',
      });
    });
  });

  describe('negative usage bills as zero, in every model', () => {
    const graduated: Price = { type: 'tiered', mode: 'graduated', tiers };
    it.each<[string, Price, Discounts | undefined, Partial<Charge> & Record<string, unknown>]>([
      ['unit', { type: 'unit', amount: '2' }, undefined, { billedQuantity: '0', subtotal: '0', total: '0' }],
      ['graduated tiers', graduated, undefined, { billedQuantity: '0', subtotal: '0', total: '0' }],
      [
        'volume tiers',
        { ...graduated, mode: 'volume' } as Price,
        undefined,
        { billedQuantity: '0', subtotal: '0', total: '0' },
      ],
      [
        'packages',
        { type: 'package', amount: '10', quantityPerPackage: '100' },
        undefined,
        { billedQuantity: '0', subtotal: '0', total: '0' },
      ],
      [
        'free units',
        { type: 'unit', amount: '2' },
        { usage: { quantity: '5' } },
        { usageDiscountQuantity: '0', billedQuantity: '0', total: '0' },
      ],
      [
        'a minimum commitment, which still applies',
        { type: 'unit', amount: '2', minimumAmount: '15' },
        undefined,
        { billedQuantity: '0', minimumTrueUp: '15', total: '15' },
      ],
    ])('%s', (_, price, discounts, expected) => {
      expect(usd(price, discounts)('-12.5')).toMatchObject({ quantity: '-12.5', ...expected });
    });
  });

  describe('rounds once, at the end, half-up to the minor unit', () => {
    it.each<[string, string, string, string]>([
      // Half-way cases: banker's rounding would give 0.12, 2, 1 and 1.
      ['USD', '0.125', '0.125', '0.13'],
      ['JPY', '2.5', '2.5', '3'],
      ['BHD', '1.0005', '1.0005', '1.001'],
      ['KWD', '0.0005', '0.0005', '0.001'],
      ['USD', '0.135', '0.135', '0.14'],
      ['JPY', '1234.4', '1234.4', '1234'],
      ['BHD', '1.0004', '1.0004', '1'],
      ['EUR', '19.999', '19.999', '20'],
    ])('%s: a unit at %s costs %s, billed %s', (currency, amount, unrounded, total) => {
      const charge = priceUsage({ price: { type: 'unit', amount }, quantity: '1', currency });
      expect(charge).toMatchObject({ currency, unroundedTotal: unrounded, total });
    });

    it('does not round intermediate figures', () => {
      // Each tier amount, rounded on its own, would add up to 0.02; the exact sum rounds to 0.01.
      const charge = usd({
        type: 'tiered',
        mode: 'graduated',
        tiers: [
          { upToAmount: '1', unitPrice: { type: 'unit', amount: '0.005' } },
          { unitPrice: { type: 'unit', amount: '0.005' } },
        ],
      })('2');
      expect(charge.type === 'tiered' && charge.tiers.map((t) => t.amount)).toEqual(['0.005', '0.005']);
      expect(charge).toMatchObject({ subtotal: '0.01', total: '0.01' });
    });
  });

  describe('refuses input it cannot price', () => {
    const unit: Price = { type: 'unit', amount: '1' };
    it.each<[string, Parameters<typeof priceUsage>[0], string, string[]]>([
      [
        'a quantity too long to be a decimal string',
        { price: unit, quantity: '9'.repeat(81), currency: 'USD' },
        'BILLING.INVALID_QUANTITY',
        ['quantity'],
      ],
      [
        'a float-looking quantity',
        { price: unit, quantity: '1e3', currency: 'USD' },
        'BILLING.INVALID_QUANTITY',
        ['quantity'],
      ],
      [
        'an unknown currency',
        { price: unit, quantity: '1', currency: 'ZZZ' },
        'BILLING.INVALID_CURRENCY',
        ['currency'],
      ],
      [
        'an invalid price',
        { price: { type: 'package', amount: '1', quantityPerPackage: '0' }, quantity: '1', currency: 'USD' },
        'BILLING.INVALID_PRICE',
        ['price.quantityPerPackage'],
      ],
      [
        'free units on a flat price',
        {
          price: { type: 'flat', amount: '1' },
          quantity: '1',
          currency: 'USD',
          discounts: { usage: { quantity: '1' } },
        },
        'BILLING.INVALID_DISCOUNT',
        ['discounts.usage'],
      ],
    ])('%s', (_, input, code, problemFields) => {
      let thrown: unknown;
      try {
        priceUsage(input);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      const error = thrown as DomainError;
      expect({ kind: error.kind, code: error.code, fields: error.problems.map((p) => p.field) }).toEqual({
        kind: 'invalid',
        code,
        fields: problemFields,
      });
    });
  });

  it('leaves its input untouched', () => {
    const input = {
      price: { type: 'tiered', mode: 'graduated', tiers, minimumAmount: '1' } as const,
      quantity: '12',
      discounts: { usage: { quantity: '1' }, percentage: { percentage: 5 } },
      currency: 'USD',
    };
    const before = JSON.stringify(input);
    const first = priceUsage(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(priceUsage(input)).toEqual(first);
  });
});
