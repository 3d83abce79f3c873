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

  it("ignores, with OpenMeter's reason, what is not a number", () => {
    expect(valueOf(meter('SUM'), { v: 'lots' })).toBe(
      'invalid event: value cannot be parsed as float64: lots',
    );
    expect(valueOf(meter('AVG'), { v: ' 5' })).toBe('invalid event: value cannot be parsed as float64:  5');
    expect(valueOf(meter('MIN'), { v: '1e99999' })).toBe(
      'invalid event: value cannot be parsed as float64: 1e99999',
    );
    expect(valueOf(meter('LATEST'), { v: { amount: 1 } })).toBe(
      'invalid event: unsupported value property type: map[string]interface {}',
    );
    expect(valueOf(meter('SUM'), { v: [1] })).toBe(
      'invalid event: unsupported value property type: []interface {}',
    );
    expect(valueOf(meter('SUM'), { v: true })).toBe('invalid event: unsupported value property type: bool');
    expect(valueOf(meter('SUM'), { v: null })).toBe('invalid event: value cannot be null');
    expect(valueOf(meter('SUM'), { v: 'NaN' })).toBe('invalid event: value cannot be NaN');
    expect(valueOf(meter('SUM'), { v: '-Inf' })).toBe('invalid event: value cannot be infinity');
    expect(valueOf(meter('SUM'), { v: 'infinity' })).toBe('invalid event: value cannot be infinity');
    expect(valueOf(meter('SUM'), {})).toBe('invalid event: missing value property: "$.v"');
    expect(valueOf(meter('SUM'), undefined)).toBe('invalid event: null and missing value property');
  });

  it('compares UNIQUE_COUNT values as strings, and does not count a missing one', () => {
    expect(valueOf(meter('UNIQUE_COUNT'), { v: 1 })).toBe('1');
    expect(valueOf(meter('UNIQUE_COUNT'), { v: '1' })).toBe('1');
    expect(valueOf(meter('UNIQUE_COUNT'), { v: false })).toBe('false');
    expect(valueOf(meter('UNIQUE_COUNT'), { v: null })).toBe('invalid event: value cannot be null');
    expect(valueOf(meter('UNIQUE_COUNT'), { w: 1 })).toBe('invalid event: missing value property: "$.v"');
    // Tally's own refusals (OpenMeter would count these), in Tally's words.
    expect(valueOf(meter('UNIQUE_COUNT'), { v: ['a'] })).toBe(
      'invalid event: value must be a string, number or boolean (an array)',
    );
    expect(valueOf(meter('UNIQUE_COUNT'), { v: 'é'.repeat(513) })).toBe(
      'invalid event: value is longer than 1024 bytes',
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
