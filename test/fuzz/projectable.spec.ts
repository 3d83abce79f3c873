import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import type { ProjectionStatus } from '../../src/projections/projection';
import { EARLIEST_INSTANT_MS, LATEST_INSTANT_MS } from '../../src/shared/instant';
import { startTestApp, TestApp } from '../support/test-app';
import { createTutorialCatalog, TUTORIAL } from '../support/tutorial';
import {
  expectNothingWritten,
  fuzzStats,
  hostileJson,
  hugeString,
  Json,
  jsonText,
  Members,
  probe,
  Raw,
  runs,
} from './hostile';

/** Requests per run of `npm test`; `TALLY_FUZZ_SCALE` multiplies them (`npm run test:faults`). */
const REQUESTS = 150;
const TYPE = TUTORIAL.meter.eventType;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The most an operator may allow event times ahead (FUTURE_EVENT_TOLERANCE_SECONDS), so the most open to ingestion. */
const TOLERANCE_MS = 366 * DAY_MS;
/** PostgreSQL sums numerics exactly; so does the expectation (1e999 plus 5e-324 keeps every digit). */
const Exact = DecimalJs.clone({ precision: 1_000_000_000 });

/** Meters of every aggregation over the same events, reading values, nested values and odd strings. */
const METERS = [
  { slug: 'edge_count', aggregation: 'COUNT', groupBy: { kind: '$.kind' } },
  { slug: 'edge_sum', aggregation: 'SUM', valueProperty: '$.value', groupBy: { kind: '$.kind' } },
  { slug: 'edge_avg', aggregation: 'AVG', valueProperty: '$.value', groupBy: { deep: '$.nested.deep' } },
  { slug: 'edge_min', aggregation: 'MIN', valueProperty: '$.value', groupBy: { deep: '$.nested.deep' } },
  { slug: 'edge_max', aggregation: 'MAX', valueProperty: '$.nested.deep', groupBy: { value: '$.value' } },
  { slug: 'edge_latest', aggregation: 'LATEST', valueProperty: '$.value', groupBy: { user: '$.user_id' } },
  {
    slug: 'edge_unique',
    aggregation: 'UNIQUE_COUNT',
    valueProperty: '$.kind',
    groupBy: { deep: '$.nested.deep' },
  },
] as const;

/** Every way of asking a meter; each must answer 200 whatever was let in. */
const QUERIES = [
  '',
  '?windowSize=MONTH&windowTimeZone=Pacific/Kiritimati&groupBy=subject',
  '?windowSize=DAY&windowTimeZone=America/Adak&groupBy=customer_id',
  '?windowSize=MINUTE&from=2016-12-31T23:59:00Z&to=2017-01-01T00:01:00Z',
  `?from=${encodeURIComponent(new Date(EARLIEST_INSTANT_MS).toISOString())}&to=${encodeURIComponent(new Date(LATEST_INSTANT_MS - 1).toISOString())}&groupBy=subject`,
];

/** An instant written with an offset of its own and any number of fraction digits (RFC 3339). */
function written(ms: number, offsetMinutes: number, fraction: string): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local}${fraction ? `.${fraction}` : ''}${offsetMinutes === 0 && sign === '+' ? 'Z' : offset}`;
}

/**
 * Event times at the edges: of the accepted range (either side of each end, under every offset),
 * of the future tolerance, of months and years, leap seconds in any offset, and texts that are
 * valid RFC 3339 yet outside what the database holds once in UTC.
 */
function times(now: number): fc.Arbitrary<string | undefined> {
  const instant = fc.oneof(
    fc.constantFrom(
      EARLIEST_INSTANT_MS,
      EARLIEST_INSTANT_MS - 1,
      EARLIEST_INSTANT_MS + DAY_MS,
      LATEST_INSTANT_MS - 1,
      LATEST_INSTANT_MS,
      LATEST_INSTANT_MS - DAY_MS,
      0,
      -1,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(2024, 11, 31, 23, 59, 59, 999),
      now,
      now + TOLERANCE_MS - HOUR_MS,
      now + TOLERANCE_MS + HOUR_MS,
    ),
    fc.integer({ min: EARLIEST_INSTANT_MS - DAY_MS, max: now + TOLERANCE_MS }),
  );
  const offset = fc.oneof(
    fc.constantFrom(0, 60, -60, 14 * 60, -12 * 60, 23 * 60 + 59, -(23 * 60 + 59), 5 * 60 + 30),
    fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
  );
  const fraction = fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 9 });
  const leapSecond = fc
    .tuple(fc.integer({ min: 1972, max: 2040 }), fc.constantFrom(5, 11), offset)
    .map(([year, month, minutes]) => {
      // The last second of June or December in UTC, written as :60 in the chosen offset.
      const lastSecond = Date.UTC(year, month + 1, 1) - 1_000;
      return written(lastSecond, minutes, '').replace(/:59(?=[Z+-])/, ':60');
    });
  return fc.oneof(
    { weight: 12, arbitrary: fc.tuple(instant, offset, fraction).map(([ms, o, f]) => written(ms, o, f)) },
    { weight: 3, arbitrary: leapSecond },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '0001-01-01T00:30:00+01:00',
        '9999-12-31T23:00:00-05:00',
        '0000-01-01T00:00:00Z',
        '+010000-01-01T00:00:00Z',
        '2016-12-31T23:59:61Z',
        undefined,
      ),
    },
  );
}

/** A value a SUM meter reads, with what it counts for (undefined: no number, the meter ignores it). */
interface Valued {
  /** Absent: the event has no value at all. */
  readonly json?: Json;
  readonly counts?: string;
}

/** Numbers of every magnitude and form a double holds exactly as written. */
const KEPT_NUMBERS = [
  '0',
  '-0',
  '0e0',
  '0.1',
  '1.10',
  '-2.5e3',
  '1e300',
  '-1E-300',
  '5e-324',
  '1.7976931348623157e308',
  '9007199254740992',
  '123456789012345',
  '0.000001',
];
/** Numbers a double cannot hold: their request is refused, so they never count. */
const ALTERED_NUMBERS = ['1e400', '-1e400', '1e-400', '9007199254740993', '123456789012345678901234567890'];

const values: fc.Arbitrary<Valued> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(...KEPT_NUMBERS).map((text) => ({ json: new Raw(text), counts: text })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...ALTERED_NUMBERS).map((text) => ({ json: new Raw(text) })) },
  {
    weight: 2,
    arbitrary: fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .map((n) => ({ json: n, counts: String(n) })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        '12.5',
        '-0',
        '1e999',
        '123456789012345678901234567890.123456789',
        '0.' + '0'.repeat(60) + '1',
      )
      .map((text) => ({ json: text, counts: text })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom<Json>('lots', '', ' 1', '0x10', true, null, [1], new Members([['n', 1]]))
      .map((json) => ({ json })),
  },
  { weight: 1, arbitrary: fc.constant({}) },
);

/** Long and odd text: unicode of every width, right-to-left, combining marks, up to and past the limits. */
const oddText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '💥',
    'é'.normalize('NFD'),
    '\u202eevil',
    'ß',
    '株式会社',
    '\u200b',
    ' ',
    "o'brien;--",
    '%_\\',
  ),
  hugeString,
);
const subjects = fc.oneof(
  { weight: 3, arbitrary: fc.constant('acme-inc') },
  { weight: 1, arbitrary: fc.constantFrom('💥', '株式会社', 'x'.repeat(256), '🧨'.repeat(128), "o'brien") },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }) },
);

/**
 * The projections once each has applied everything in the log, or one has failed: a failure shows at
 * once in its state. Bounded, for a busy machine; what it returns is judged by the caller.
 */
async function settled(app: TestApp): Promise<ProjectionStatus[]> {
  for (const deadline = Date.now() + 20_000; ;) {
    const status = await app.tally.projections.status();
    if (status.some((p) => p.state === 'failed') || status.every((p) => p.lag === 0) || Date.now() > deadline)
      return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Sent {
  readonly body: string;
  readonly contentType: string;
  readonly events: number;
  /** What each event's value adds to a SUM meter, if it is let in. */
  readonly sums: readonly string[];
}

/**
 * Every acknowledged event is projectable: events at the edges of every range — times, numbers,
 * strings, nesting — go through the real HTTP ingestion to meters of every aggregation that read
 * them. After each acknowledged request every projection is still running; at the end every
 * acknowledged event is counted, the SUM is exact to the digit, every query, the events listing and
 * the invoice preview answer 200, and no refused request wrote anything.
 */
describe('every acknowledged event is projectable', () => {
  let app: TestApp;
  const stats = fuzzStats();
  let acknowledged = 0;
  let sum = new Exact(0);
  let nextId = 0;

  beforeAll(async () => {
    app = await startTestApp({
      config: { futureEventToleranceMs: TOLERANCE_MS },
    });
    await createTutorialCatalog(app);
    expect((await app.request('POST', '/api/v1/subscriptions', { body: TUTORIAL.subscription })).status).toBe(
      201,
    );
    for (const meter of METERS) {
      const created = await app.request('POST', '/api/v1/meters', {
        body: { ...meter, name: meter.slug, eventType: TYPE },
      });
      expect([meter.slug, created.status, created.status === 201 ? '' : created.text]).toEqual([
        meter.slug,
        201,
        '',
      ]);
    }
  }, 60_000);
  afterAll(async () => {
    console.log(
      `projectable fuzz: ${stats.cases} requests, ${acknowledged} events acknowledged, answers ${JSON.stringify(stats.byStatus)}`,
    );
    await app?.close();
  });

  it('keeps every projection running, whatever the edge of whatever range an acknowledged event stands on', async () => {
    const now = Date.now();
    const event = fc
      .record({
        subject: subjects,
        time: times(now),
        value: values,
        kind: oddText,
        deep: fc.oneof(
          { weight: 4, arbitrary: values.map((v) => v.json ?? null) },
          { weight: 4, arbitrary: oddText },
          { weight: 1, arbitrary: hostileJson },
        ),
        // Nested data of any shape; hostile keys (`__proto__`) and text get the request refused.
        extra: fc.oneof(
          { weight: 4, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: hostileJson },
        ),
        user: fc.oneof(fc.constantFrom('alice', 'bob'), oddText),
      })
      .map(({ subject, time, value, kind, deep, extra, user }) => {
        const data: [string, Json][] = [
          ['user_id', user],
          ['kind', kind],
          ['nested', new Members([['deep', deep]])],
        ];
        if (value.json !== undefined) data.push(['value', value.json]);
        if (extra !== undefined) data.push(['extra', extra]);
        const members: [string, Json][] = [
          ['specversion', '1.0'],
          ['id', `edge-${nextId++}`],
          ['source', 'edge'],
          ['type', TYPE],
          ['subject', subject],
          ['data', new Members(data)],
        ];
        if (time !== undefined) members.push(['time', time]);
        return { json: new Members(members) as Json, sum: value.counts };
      });
    const request = fc
      .tuple(fc.array(event, { minLength: 1, maxLength: 4 }), fc.boolean())
      .map(([events, single]): Sent => {
        const asSingle = single && events.length === 1;
        return {
          body: asSingle ? jsonText(events[0].json) : jsonText(events.map((e) => e.json)),
          contentType: asSingle ? 'application/cloudevents+json' : 'application/cloudevents-batch+json',
          events: events.length,
          sums: events.flatMap((e) => (e.sum === undefined ? [] : [e.sum])),
        };
      });

    await fc.assert(
      fc.asyncProperty(request, async (sent) => {
        const answer = await probe(app, stats, {
          method: 'POST',
          path: '/api/v1/events',
          body: { contentType: sent.contentType, body: sent.body },
        });
        if (answer.status >= 300) return;
        acknowledged += sent.events;
        for (const value of sent.sums) {
          // What SUM reads: numbers, and numeric strings of at most 80 characters with a short exponent.
          if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d{1,3})?$/.test(value) && value.length <= 80) {
            sum = sum.plus(new Exact(value));
          }
        }
        const stopped = (await settled(app)).filter((p) => p.state !== 'running');
        expect([stopped, sent.body.slice(0, 2_000)]).toEqual([[], sent.body.slice(0, 2_000)]);
      }),
      // One failed projection fails every later case: shrinking would only blame an innocent one.
      { numRuns: runs(REQUESTS), endOnFailure: true },
    );
    await expectNothingWritten(app, stats);
    expect(acknowledged).toBeGreaterThan(0);
  }, 600_000);

  it('counts every acknowledged event, sums exactly, and answers every read', async () => {
    await settled(app);
    const projections = await app.request('GET', '/api/v1/admin/projections');
    expect(projections.body.filter((p: { state: string }) => p.state !== 'running')).toEqual([]);

    const count = await app.request('GET', '/api/v1/meters/edge_count/query');
    expect(count.status).toBe(200);
    expect(count.body.data.reduce((total: number, row: { value: number }) => total + row.value, 0)).toBe(
      acknowledged,
    );

    const csv = await app.request('GET', '/api/v1/meters/edge_sum/query', {
      headers: { accept: 'text/csv' },
    });
    const [, row] = csv.text.trim().split('\r\n');
    const summed = row?.split(',').pop() ?? '0';
    expect([summed, new Exact(summed).eq(sum)]).toEqual([sum.toFixed(), true]);

    for (const meter of [...METERS.map((m) => m.slug), TUTORIAL.meter.slug]) {
      for (const query of QUERIES) {
        const answer = await app.request('GET', `/api/v1/meters/${meter}/query${query}`);
        expect([meter, query, answer.status]).toEqual([meter, query, 200]);
      }
    }
    expect((await app.request('GET', '/api/v1/events?limit=1000')).status).toBe(200);
    const preview = await app.request('GET', '/api/v1/billing/customers/acme-inc/invoices/preview');
    expect(preview.status).toBe(200);
    const line = preview.body.lines?.[0];
    if (line) {
      const lineage = await app.request(
        'GET',
        `/api/v1/billing/invoices/${preview.body.id}/lines/${line.id}/events`,
      );
      expect(lineage.status).toBe(200);
    }
    const hour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
    const reconciliation = await app.request(
      'GET',
      `/api/v1/admin/reconciliation?from=${new Date(hour - DAY_MS).toISOString()}&to=${new Date(hour + DAY_MS).toISOString()}`,
    );
    expect(reconciliation.status).toBe(200);
  });
});
