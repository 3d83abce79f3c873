import { readCloudEvent } from './cloud-event';

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

  it('refuses a time outside the representable range once in UTC, saying so', () => {
    for (const time of ['0001-01-01T00:30:00+01:00', '9999-12-31T23:00:00-05:00']) {
      const result = readCloudEvent({ ...base, time }, 'events[0]', rules);
      expect(result).toEqual({
        ok: false,
        problems: [
          {
            field: 'events[0].time',
            code: 'INGESTION.INVALID_TIME',
            message: expect.stringMatching(/^must lie from 1000-01-01T00:00:00Z up to/),
          },
        ],
      });
    }
  });

  it('keeps a leap second as sent, through the CloudEvents SDK too', () => {
    const leap = { ...base, time: '2016-12-31T23:59:60Z' };
    expect(readCloudEvent(leap, '', rules)).toEqual({ ok: true, event: leap });
    const withExtension = { ...leap, source: 'leap-source', leapext: 'x' };
    expect(readCloudEvent(withExtension, '', rules)).toEqual({ ok: true, event: withExtension });
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
