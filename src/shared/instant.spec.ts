import fc from 'fast-check';
import {
  EARLIEST_INSTANT_MS,
  INSTANT_OUT_OF_RANGE,
  LATEST_INSTANT_MS,
  NOT_AN_INSTANT,
  parseRfc3339,
  readInstant,
} from './instant';

describe('parseRfc3339', () => {
  it('parses RFC 3339 to the millisecond, and refuses dates and times that do not exist', () => {
    expect(parseRfc3339('2024-02-29T23:59:59.123456789+05:30')).toBe(Date.parse('2024-02-29T18:29:59.123Z'));
    expect(parseRfc3339('2000-02-29T00:00:00Z')).toBe(Date.parse('2000-02-29T00:00:00Z'));
    for (const impossible of [
      '2023-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2024-04-31T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-00-10T00:00:00Z',
      '2024-01-01T24:00:00Z',
      '2024-01-01T00:60:00Z',
      '2024-01-01T00:00:00+24:00',
      '2024-01-01T00:00:00.Z',
      '2024-01-01',
    ]) {
      expect([impossible, parseRfc3339(impossible)]).toEqual([impossible, undefined]);
    }
  });

  it('reads every valid RFC 3339 time as Date.parse reads it, whatever the year, offset and digits', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: 9 }),
        fc.option(
          fc.tuple(
            fc.constantFrom('+', '-'),
            fc.integer({ min: 0, max: 23 }),
            fc.integer({ min: 0, max: 59 }),
          ),
        ),
        fc.constantFrom('T', 't'),
        (date, digits, offset, t) => {
          const [day, clock] = date.toISOString().slice(0, 19).split('T');
          const zone = offset ? `${offset[0]}${two(offset[1])}:${two(offset[2])}` : 'Z';
          const text = `${day}${t}${clock}${digits ? `.${digits}` : ''}${zone}`;
          expect([text, parseRfc3339(text)]).toEqual([text, Date.parse(text.replace('t', 'T'))]);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('reads a leap second as the last millisecond of its minute, whatever the offset and digits', () => {
    expect(parseRfc3339('2016-12-31T23:59:60Z')).toBe(Date.parse('2016-12-31T23:59:59.999Z'));
    expect(parseRfc3339('2016-12-31T23:59:60.5Z')).toBe(Date.parse('2016-12-31T23:59:59.999Z'));
    expect(parseRfc3339('2016-12-31T15:59:60-08:00')).toBe(Date.parse('2016-12-31T23:59:59.999Z'));
    expect(parseRfc3339('2017-01-01T05:29:60+05:30')).toBe(Date.parse('2016-12-31T23:59:59.999Z'));
    expect(parseRfc3339('2016-12-31T23:59:61Z')).toBeUndefined();
  });
});

describe('readInstant', () => {
  it('accepts instants from the earliest (inclusive) to the latest (exclusive), compared in UTC', () => {
    for (const [text, ms] of [
      ['1000-01-01T00:00:00Z', EARLIEST_INSTANT_MS],
      ['0999-12-31T23:00:00-01:00', EARLIEST_INSTANT_MS],
      ['8999-12-31T23:59:59.999Z', LATEST_INSTANT_MS - 1],
      ['2016-12-31T23:59:60Z', Date.parse('2016-12-31T23:59:59.999Z')],
    ] as const) {
      expect([text, readInstant(text)]).toEqual([text, { ok: true, ms }]);
    }
  });

  it('refuses what PostgreSQL or a four-digit ISO year cannot hold once in UTC, and what is no RFC 3339', () => {
    for (const text of [
      '0001-01-01T00:30:00+01:00',
      '0001-01-01T00:00:00Z',
      '0999-12-31T23:59:59.999Z',
      '1000-01-01T00:30:00+01:00',
      '9000-01-01T00:00:00Z',
      '8999-12-31T23:00:00-01:00',
      '9999-12-31T23:59:59Z',
      '9999-12-31T23:00:00-05:00',
    ]) {
      expect([text, readInstant(text)]).toEqual([text, { ok: false, problem: INSTANT_OUT_OF_RANGE }]);
    }
    for (const text of ['+010000-01-01T00:00:00.000Z', '-000001-01-01T00:00:00Z', '2024-01-01', 17, null]) {
      expect([text, readInstant(text)]).toEqual([text, { ok: false, problem: NOT_AN_INSTANT }]);
    }
  });

  it('gives every accepted instant a four-digit-year ISO string that reads back to the same instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: EARLIEST_INSTANT_MS, max: LATEST_INSTANT_MS - 1 }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        expect(readInstant(iso)).toEqual({ ok: true, ms });
      }),
      { numRuns: 1_000 },
    );
  });
});
