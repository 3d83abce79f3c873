import { validateDiscounts, validatePrice, type Price } from './price';

const tier = (upToAmount: string | undefined, unit = '1') => ({
  ...(upToAmount === undefined ? {} : { upToAmount }),
  unitPrice: { type: 'unit', amount: unit },
});

const fields = (problems: readonly { field: string }[]) => problems.map((p) => p.field);

describe('validatePrice', () => {
  it.each<[string, Price]>([
    ['flat', { type: 'flat', amount: '10', paymentTerm: 'in_arrears' }],
    ['free flat', { type: 'flat', amount: '0' }],
    ['unit with commitments', { type: 'unit', amount: '0.001', minimumAmount: '5', maximumAmount: '5' }],
    ['package', { type: 'package', amount: '10', quantityPerPackage: '0.5' }],
    [
      'graduated',
      {
        type: 'tiered',
        mode: 'graduated',
        tiers: [
          { upToAmount: '10', unitPrice: { type: 'unit', amount: '1' } },
          { upToAmount: '10.5', flatPrice: { type: 'flat', amount: '2' }, unitPrice: null },
          { flatPrice: { type: 'flat', amount: '5' }, unitPrice: { type: 'unit', amount: '0' } },
        ],
      },
    ],
    [
      'volume, one open tier',
      { type: 'tiered', mode: 'volume', tiers: [{ unitPrice: { type: 'unit', amount: '1' } }] },
    ],
    ['dynamic', { type: 'dynamic', multiplier: '1.5', maximumAmount: '100' }],
    ['dynamic, multiplier by default', { type: 'dynamic' }],
  ])('accepts a %s price', (_, price) => {
    expect(validatePrice(price)).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', 'unit', ['price']],
    ['an unknown type', { type: 'per_seat', amount: '1.2' }, ['price.type']],
    ['a negative multiplier', { type: 'dynamic', multiplier: '-1.2' }, ['price.multiplier']],
    ['a missing amount', { type: 'unit' }, ['price.amount']],
    ['a float amount', { type: 'unit', amount: 0.1 }, ['price.amount']],
    ['an exponent amount', { type: 'unit', amount: '1e3' }, ['price.amount']],
    ['a negative amount', { type: 'flat', amount: '-1' }, ['price.amount']],
    ['an unknown payment term', { type: 'flat', amount: '1', paymentTerm: 'monthly' }, ['price.paymentTerm']],
    [
      'minimum above maximum',
      { type: 'unit', amount: '1', minimumAmount: '10', maximumAmount: '9.99' },
      ['price.minimumAmount'],
    ],
    ['a negative maximum', { type: 'unit', amount: '1', maximumAmount: '-5' }, ['price.maximumAmount']],
    [
      'a zero package',
      { type: 'package', amount: '1', quantityPerPackage: '0' },
      ['price.quantityPerPackage'],
    ],
    ['a missing package size', { type: 'package', amount: '1' }, ['price.quantityPerPackage']],
    ['an unknown tier mode', { type: 'tiered', mode: 'stairstep', tiers: [tier(undefined)] }, ['price.mode']],
    ['no tiers', { type: 'tiered', mode: 'volume', tiers: [] }, ['price.tiers']],
    [
      'tiers not strictly increasing',
      { type: 'tiered', mode: 'graduated', tiers: [tier('10'), tier('10'), tier('5'), tier(undefined)] },
      ['price.tiers[1].upToAmount', 'price.tiers[2].upToAmount'],
    ],
    [
      'an open tier before the last',
      { type: 'tiered', mode: 'graduated', tiers: [tier('10'), tier(undefined), tier(undefined)] },
      ['price.tiers[1].upToAmount'],
    ],
    [
      'a bounded last tier',
      { type: 'tiered', mode: 'volume', tiers: [tier('10'), tier('20')] },
      ['price.tiers[1].upToAmount'],
    ],
    [
      'a tier up to zero',
      { type: 'tiered', mode: 'volume', tiers: [tier('0'), tier(undefined)] },
      ['price.tiers[0].upToAmount'],
    ],
    [
      'a tier without a price',
      { type: 'tiered', mode: 'volume', tiers: [{ upToAmount: '1', flatPrice: null }, tier(undefined)] },
      ['price.tiers[0]'],
    ],
    [
      'a tier component of the wrong type and amount',
      { type: 'tiered', mode: 'volume', tiers: [{ flatPrice: { type: 'unit', amount: 'ten' } }] },
      ['price.tiers[0].flatPrice.type', 'price.tiers[0].flatPrice.amount'],
    ],
  ])('refuses %s', (_, price, expected) => {
    const problems = validatePrice(price);
    expect(fields(problems)).toEqual(expected);
    expect(problems.every((p) => p.code === 'BILLING.INVALID_PRICE' && p.message.length > 0)).toBe(true);
  });

  it('explains what is wrong', () => {
    expect(
      validatePrice({ type: 'tiered', mode: 'volume', tiers: [tier('10'), tier('10'), tier(undefined)] }),
    ).toEqual([
      {
        field: 'price.tiers[1].upToAmount',
        message: "must be greater than the previous tier's upToAmount",
        code: 'BILLING.INVALID_PRICE',
      },
    ]);
  });
});

describe('validateDiscounts', () => {
  const unit: Price = { type: 'unit', amount: '1' };

  it.each<[string, unknown]>([
    ['none', undefined],
    ['empty', {}],
    ['percentage as a number', { percentage: { percentage: 12.5 } }],
    ['percentage as a string', { percentage: { percentage: '100' } }],
    ['zero percent', { percentage: { percentage: 0 } }],
    ['free units', { usage: { quantity: '0.5' } }],
  ])('accepts %s', (_, discounts) => {
    expect(validateDiscounts(discounts, unit)).toEqual([]);
  });

  it.each<[string, unknown, Price, string[]]>([
    ['over 100 percent', { percentage: { percentage: 100.01 } }, unit, ['discounts.percentage.percentage']],
    [
      'a negative percentage',
      { percentage: { percentage: '-1' } },
      unit,
      ['discounts.percentage.percentage'],
    ],
    [
      'a NaN percentage',
      { percentage: { percentage: Number.NaN } },
      unit,
      ['discounts.percentage.percentage'],
    ],
    ['zero free units', { usage: { quantity: '0' } }, unit, ['discounts.usage.quantity']],
    ['free units as a number', { usage: { quantity: 5 } }, unit, ['discounts.usage.quantity']],
    [
      'free units on a flat price',
      { usage: { quantity: '5' } },
      { type: 'flat', amount: '1' },
      ['discounts.usage'],
    ],
  ])('refuses %s', (_, discounts, price, expected) => {
    const problems = validateDiscounts(discounts, price);
    expect(fields(problems)).toEqual(expected);
    expect(problems.every((p) => p.code === 'BILLING.INVALID_DISCOUNT')).toBe(true);
  });
});
