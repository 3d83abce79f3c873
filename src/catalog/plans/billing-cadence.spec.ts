import { CalendarDuration, dividesEvenly, parseCalendarDuration } from './billing-cadence';

function parsed(iso: string): CalendarDuration {
  const duration = parseCalendarDuration(iso);
  if (!duration) throw new Error(`expected ${iso} to parse`);
  return duration;
}

describe('billing cadence', () => {
  it.each([
    ['P1M', { months: 1, days: 0, millis: 0 }],
    ['P1Y', { months: 12, days: 0, millis: 0 }],
    ['P1W', { months: 0, days: 7, millis: 0 }],
    ['P1D', { months: 0, days: 1, millis: 0 }],
    ['PT1H', { months: 0, days: 0, millis: 3_600_000 }],
    ['P1DT12H', { months: 0, days: 1, millis: 43_200_000 }],
    ['P1Y6M', { months: 18, days: 0, millis: 0 }],
  ])('reads %s as calendar parts', (iso, parts) => {
    expect(parseCalendarDuration(iso)).toEqual(parts);
  });

  it.each([
    '',
    'P',
    'PT',
    'P0M',
    'PT0S',
    '-P1M',
    'P-1M',
    'P1.5D',
    'PT30M',
    'PT59M59S',
    'monthly',
    '1M',
    'p1m',
    'P1M15D',
    'P1YT1H',
    'P1M2DT3H',
  ])('refuses %j', (iso) => {
    expect(parseCalendarDuration(iso)).toBeUndefined();
  });

  it('refuses non-strings', () => {
    expect(parseCalendarDuration(30 as unknown as string)).toBeUndefined();
    expect(parseCalendarDuration(null as unknown as string)).toBeUndefined();
  });

  it.each([
    ['P1M', 'P1M', true],
    ['P12M', 'P1Y', true],
    ['P1M', 'P1Y', true],
    ['P3M', 'P1Y', true],
    ['P1W', 'P4W', true],
    ['P7D', 'P1W', true],
    ['PT6H', 'PT24H', true],
    ['P1Y', 'P1M', false],
    ['P5M', 'P1Y', false],
    ['P1W', 'P1M', false],
    ['P1D', 'P1M', false],
    ['PT1H', 'P1D', false],
    ['PT12H', 'P1DT12H', false],
    ['P1DT12H', 'P1DT12H', true],
  ])('%s divides %s evenly: %s', (part, whole, expected) => {
    expect(dividesEvenly(parsed(part), parsed(whole))).toBe(expected);
  });
});
