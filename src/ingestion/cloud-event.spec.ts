import fc from 'fast-check';
import { parseRfc3339, readCloudEvent } from './cloud-event';

const rules = { receivedAt: new Date('2025-01-01T12:00:00.000Z'), futureToleranceMs: 24 * 3600 * 1000 };
const base = { specversion: '1.0', id: 'e1', source: 'app', type: 'call', subject: 'acme' };

function problems(input: unknown, at = ''): string[] {
  const result = readCloudEvent(input, at, rules);
  return result.ok ? [] : result.problems.map((p) => `${p.field}: ${p.code}`);
}

describe('readCloudEvent', () => {
  it('keeps the event as sent, filling in a missing or null time with the time it was received', () => {
    const withTime = { ...base, time: '2024-12-31T23:00:00.123456789+01:00', data: { n: 1 }, myext: 'kept' };
    expect(readCloudEvent(withTime, '', rules)).toEqual({ ok: true, event: withTime });
    expect(readCloudEvent({ ...base, time: null, data: null }, '', rules)).toEqual({
      ok: true,
      event: { ...base, time: '2025-01-01T12:00:00.000Z', data: null },
    });
  });

  it('accepts RFC 3339 in either case, any past time, and up to the tolerance ahead', () => {
    expect(problems({ ...base, time: '2025-01-01t12:00:00z' })).toEqual([]);
    expect(problems({ ...base, time: '1999-01-01T00:00:00Z' })).toEqual([]);
    expect(problems({ ...base, time: '2025-01-02T12:00:00Z' })).toEqual([]);
    expect(problems({ ...base, time: '2025-01-02T12:00:00.001Z' })).toEqual([
      'time: INGESTION.TIME_IN_FUTURE',
    ]);
    expect(problems({ ...base, time: '2025-01-01 12:00:00Z' })).toEqual(['time: INGESTION.INVALID_TIME']);
    expect(problems({ ...base, time: 1735732800000 })).toEqual(['time: INGESTION.INVALID_TIME']);
  });

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

  it('names every problem of an event, under the batch index when given one', () => {
    expect(
      problems(
        { specversion: '2.0', id: 7, source: '', data: 'x', datacontenttype: 'text/csv' },
        'events[2]',
      ).sort(),
    ).toEqual([
      'events[2].data: INGESTION.DATA_NOT_OBJECT',
      'events[2].datacontenttype: INGESTION.UNSUPPORTED_DATA_CONTENT_TYPE',
      'events[2].id: INGESTION.INVALID',
      'events[2].source: INGESTION.REQUIRED',
      'events[2].specversion: INGESTION.UNSUPPORTED_SPEC_VERSION',
      'events[2].subject: INGESTION.REQUIRED',
      'events[2].type: INGESTION.REQUIRED',
    ]);
  });

  it('accepts JSON data content types with parameters and refuses binary data', () => {
    expect(problems({ ...base, datacontenttype: 'application/json; charset=utf-8' })).toEqual([]);
    expect(problems({ ...base, datacontenttype: 'application/vnd.acme+json' })).toEqual([]);
    expect(problems({ ...base, data_base64: 'AAEC' })).toEqual(['data_base64: INGESTION.DATA_NOT_OBJECT']);
  });

  it('refuses text PostgreSQL cannot store, wherever it hides', () => {
    expect(problems({ ...base, data: { list: [{ deep: 'a\u0000' }] } })).toEqual([
      'data: INGESTION.UNSTORABLE_TEXT',
    ]);
    expect(problems({ ...base, data: { ['key\ud800']: 1 } })).toEqual(['data: INGESTION.UNSTORABLE_TEXT']);
    expect(problems({ ...base, data: { emoji: '\ud83d\ude00' } })).toEqual([]);
    expect(problems({ ...base, subject: 'tab\there' })).toEqual(['subject: INGESTION.INVALID']);
  });

  it('applies the rest of the CloudEvents spec through the SDK: extension names and values, URIs', () => {
    expect(problems({ ...base, Extension: 'x' })).toEqual(['event: INGESTION.CLOUDEVENTS_SPEC']);
    expect(problems({ ...base, ratio: 1.5 })).toEqual(['event: INGESTION.CLOUDEVENTS_SPEC']);
    expect(problems({ ...base, dataschema: 'not a uri' })).toEqual([
      'dataschema: INGESTION.CLOUDEVENTS_SPEC',
    ]);
  });
});
