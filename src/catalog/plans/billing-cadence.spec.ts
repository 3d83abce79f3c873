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
    ['P1M2DT3H', { months: 1, days: 2, millis: 10_800_000 }],
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
    ['P1M', 'P1M15D', false],
    ['P1M15D', 'P1M15D', true],
  ])('%s divides %s evenly: %s', (part, whole, expected) => {
    expect(dividesEvenly(parsed(part), parsed(whole))).toBe(expected);
  });
});
