import fc from 'fast-check';
import { startTestApp, TestApp } from '../support/test-app';
import {
  bodies,
  expectHealthy,
  expectNothingWritten,
  fuzzStats,
  hostileJson,
  hostileNumber,
  hostileString,
  Json,
  Members,
  mutated,
  probe,
  Raw,
  runs,
  toMembers,
} from './hostile';

const CASES_PER_PATH = 2_000;

/** Values a meter may be asked to read: numbers and numeric strings at every edge, and worse. */
const meterValue: fc.Arbitrary<Json> = fc.oneof(
  hostileNumber,
  fc.constantFrom(
    '1',
    '-0',
    '1e308',
    '1e-308',
    '1e999',
    '0.1',
    ' 1',
    '1_000',
    '0x10',
    '12345678901234567890123456789012345678901234567890',
  ),
  hostileJson,
);

const time = fc.oneof(
  fc.constant(undefined),
  fc
    .date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date(Date.now() + 86_000_000),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    '2024-02-29T23:59:59.999999999+14:00',
    '2024-01-01T00:00:00-23:59',
    '1969-12-31T23:59:59Z',
    '9999-12-31T23:59:59Z',
    '2024-13-01T00:00:00Z',
    'yesterday',
  ),
);

/** A CloudEvent a meter would count: a few ids and subjects repeat, so duplicates arrive too. */
const cloudEvent = fc
  .record({
    id: fc.oneof(fc.uuid(), fc.constantFrom('dup-1', 'dup-2', "o'brien;--", '%_\\')),
    source: fc.constantFrom('fuzz', '//svc/fuzz', 'urn:fuzz:1', 'https://example.com/a?b=c'),
    type: fc.constantFrom('fuzz_call', 'fuzz_unique', 'unmetered'),
    subject: fc.constantFrom('fuzz-subject', 's-1', "'; DROP TABLE usage_events; --", '💥'),
    time,
    tokens: meterValue,
    user: fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), hostileJson),
    model: fc.oneof(fc.constantFrom('gpt', 'claude'), hostileString),
    extension: fc.option(
      fc.tuple(fc.stringMatching(/^[a-z0-9]{1,20}$/), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
    ),
  })
  .map(({ id, source, type, subject, time, tokens, user, model, extension }) =>
    toMembersWith(
      {
        specversion: '1.0',
        id,
        source,
        type,
        subject,
        ...(time ? { time } : {}),
        ...(extension ? { [extension[0]]: extension[1] } : {}),
      },
      [
        'data',
        new Members([
          ['tokens', tokens],
          ['user', user],
          ['model', model],
          ['nested', new Members([['deep', new Members([['value', tokens]])]])],
        ]),
      ],
    ),
  );

function toMembersWith(plain: Record<string, unknown>, extra: readonly [string, Json]): Json {
  return new Members([...(toMembers(plain) as Members).entries, extra]);
}

/** Batches: mostly valid events, some mutated, sometimes repeated, sometimes huge. */
const batch: fc.Arbitrary<Json> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.array(
      fc.oneof({ weight: 5, arbitrary: cloudEvent }, { weight: 1, arbitrary: cloudEvent.chain(mutated) }),
      { minLength: 1, maxLength: 20 },
    ),
  },
  {
    weight: 2,
    arbitrary: cloudEvent.chain((event) =>
      fc.integer({ min: 2, max: 5 }).map((copies) => Array.from({ length: copies }, () => event)),
    ),
  },
  { weight: 1, arbitrary: fc.constant([]) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(10_000, 10_001)
      .map((length) =>
        Array.from(
          { length },
          (_, i) =>
            new Raw(
              `{"specversion":"1.0","id":"big-${length}-${i}","source":"fuzz","type":"fuzz_call","subject":"s"}`,
            ),
        ),
      ),
  },
);

/**
 * Ingestion under fuzzing, on both paths: single CloudEvents and batches, valid and mutated,
 * duplicated, under every media type, with hostile data for the meters that read it. Never a 5xx,
 * never a hang, a refused request stores nothing (a batch is all or nothing), an accepted one stores
 * at most its distinct events; the projections digest whatever was accepted and stay healthy.
 */
describe('fuzzing ingestion', () => {
  let app: TestApp;
  const stats = fuzzStats();

  beforeAll(async () => {
    // A write answers once its read model has it: on a busy machine that may take a while, and a
    // 503 "read model behind" there would be load, not a fault the fuzz is after.
    app = await startTestApp({ config: { readYourWritesTimeoutMs: 30_000 } });
    for (const meter of [
      {
        slug: 'fuzz_sum',
        eventType: 'fuzz_call',
        aggregation: 'SUM',
        valueProperty: '$.tokens',
        groupBy: { model: '$.model', deep: '$.nested.deep.value' },
      },
      { slug: 'fuzz_max', eventType: 'fuzz_call', aggregation: 'MAX', valueProperty: '$.nested.deep.value' },
      {
        slug: 'fuzz_unique',
        eventType: 'fuzz_unique',
        aggregation: 'UNIQUE_COUNT',
        valueProperty: '$.user',
        groupBy: { model: '$.model' },
      },
      { slug: 'fuzz_latest', eventType: 'fuzz_unique', aggregation: 'LATEST', valueProperty: '$.tokens' },
    ]) {
      expect((await app.request('POST', '/api/v1/meters', { body: meter })).status).toBe(201);
    }
  }, 60_000);
  afterAll(async () => {
    console.log(`ingestion fuzz: ${stats.cases} cases, answers by status ${JSON.stringify(stats.byStatus)}`);
    await app?.close();
  });

  it.each(['/api/v1/events', '/v3/openmeter/events'])(
    'never answers 5xx on %s, stores nothing when it refuses, stays healthy',
    async (path) => {
      const ingest = await app.token('ingest');
      const request = fc.oneof(
        { weight: 3, arbitrary: bodies(cloudEvent) },
        { weight: 2, arbitrary: bodies(batch) },
      );
      await fc.assert(
        fc.asyncProperty(request, async (body) => {
          const answer = await probe(app, stats, { method: 'POST', path, token: ingest, body });
          if (answer.status >= 300) return;
          expect(answer.status).toBe(path === '/api/v1/events' ? 204 : 202);
          const sent = JSON.parse(String(body.body));
          const [{ stored }] = await app.db.dataSource.query(
            `SELECT count(*)::int AS stored FROM tally_events WHERE metadata->>'correlationId' = $1`,
            [answer.requestId],
          );
          expect(stored).toBeLessThanOrEqual(Array.isArray(sent) ? sent.length : 1);
        }),
        { numRuns: runs(CASES_PER_PATH) },
      );
      await expectNothingWritten(app, stats);
      await expectHealthy(app);
      // The meters read what was let in: every query answers, whatever the values were.
      for (const meter of ['fuzz_sum', 'fuzz_max', 'fuzz_unique', 'fuzz_latest']) {
        const query = await app.request('GET', `/api/v1/meters/${meter}/query?groupBy=subject`);
        expect([meter, query.status]).toEqual([meter, 200]);
      }
    },
    600_000,
  );

  it('stores every accepted event exactly once, duplicates and retries included', async () => {
    const [{ events, distinct }] = await app.db.dataSource.query(
      `SELECT count(*)::int AS events, count(DISTINCT (data->'event'->>'source', data->'event'->>'id'))::int AS distinct
       FROM tally_events WHERE type = 'UsageRecorded'`,
    );
    expect(events).toBeGreaterThan(100);
    expect(events).toBe(distinct);
  });
});
