import { canonicalGroupValues, MeterDefinition, measure, UsageFact } from './measurement';

const meter = (
  aggregation: MeterDefinition['aggregation'],
  extra: Partial<MeterDefinition> = {},
): MeterDefinition => ({
  id: 'm1',
  namespace: 'default',
  slug: 'm',
  eventType: 't',
  aggregation,
  ...(aggregation === 'COUNT' ? {} : { valueProperty: '$.v' }),
  groupBy: {},
  ...extra,
});
const fact = (data: unknown, timeMs = Date.parse('2024-01-01T00:00:00Z')): UsageFact => ({
  subject: 's',
  timeMs,
  data,
  position: { commit: 1n, prepare: 1n },
});
const valueOf = (definition: MeterDefinition, data: unknown) => {
  const measurement = measure(definition, fact(data));
  return measurement?.counted ? measurement.value : measurement?.problem;
};

describe('measure', () => {
  it('reads numbers and numeric strings exactly for numeric aggregations', () => {
    expect(valueOf(meter('SUM'), { v: 0.1 })).toBe('0.1');
    expect(valueOf(meter('SUM'), { v: '12.50' })).toBe('12.5');
    expect(valueOf(meter('SUM'), { v: '-1e3' })).toBe('-1000');
    expect(valueOf(meter('MAX'), { v: 1e21 })).toBe('1000000000000000000000');
  });

  it('ignores, with a reason, what is not a number', () => {
    expect(valueOf(meter('SUM'), { v: 'lots' })).toBe('meter m: $.v is not a number ("lots")');
    expect(valueOf(meter('AVG'), { v: ' 5' })).toBe('meter m: $.v is not a number (" 5")');
    expect(valueOf(meter('MIN'), { v: '1e99999' })).toBe('meter m: $.v is not a number ("1e99999")');
    expect(valueOf(meter('LATEST'), { v: { amount: 1 } })).toBe('meter m: $.v is not a number (an object)');
    expect(valueOf(meter('SUM'), { v: true })).toBe('meter m: $.v is not a number (true)');
    expect(valueOf(meter('SUM'), {})).toBe('meter m: $.v is missing');
    expect(valueOf(meter('SUM'), undefined)).toBe('meter m: $.v is missing');
  });

  it('compares UNIQUE_COUNT values as strings, and does not count a missing one', () => {
    expect(valueOf(meter('UNIQUE_COUNT'), { v: 1 })).toBe('1');
    expect(valueOf(meter('UNIQUE_COUNT'), { v: '1' })).toBe('1');
    expect(valueOf(meter('UNIQUE_COUNT'), { v: false })).toBe('false');
    expect(valueOf(meter('UNIQUE_COUNT'), { v: null })).toBe('meter m: $.v is missing');
    expect(valueOf(meter('UNIQUE_COUNT'), { v: ['a'] })).toBe(
      'meter m: $.v must be a string, number or boolean (an array)',
    );
    expect(valueOf(meter('UNIQUE_COUNT'), { v: 'é'.repeat(513) })).toBe(
      'meter m: $.v is longer than 1024 bytes',
    );
  });

  it('counts every event for COUNT, needing no value', () => {
    expect(measure(meter('COUNT'), fact(undefined))).toEqual({
      counted: true,
      value: undefined,
      groupValues: {},
    });
  });

  it('reads group values as text, leaving out missing ones', () => {
    const grouped = meter('COUNT', {
      groupBy: { model: '$.model', tier: '$.tier', size: '$.size', region: '$.region' },
    });
    expect(measure(grouped, fact({ model: 'gpt', tier: 2, size: { x: 1 }, region: null }))).toMatchObject({
      groupValues: { model: 'gpt', tier: '2', size: '{"x":1}' },
    });
    expect(canonicalGroupValues({ b: '1', a: '2' })).toBe(canonicalGroupValues({ a: '2', b: '1' }));
  });

  it("does not measure events before the meter's eventFrom", () => {
    const from = meter('COUNT', { eventFrom: Date.parse('2024-06-01T00:00:00Z') });
    expect(measure(from, fact({}, Date.parse('2024-05-31T23:59:59.999Z')))).toBeUndefined();
    expect(measure(from, fact({}, Date.parse('2024-06-01T00:00:00Z')))).toMatchObject({ counted: true });
  });
});
