import fc from 'fast-check';
import { startTestApp, TestApp } from '../support/test-app';

/** Filters, scripts, recursive descent, prototype names and jsonpath-plus extensions. */
const HOSTILE_PATHS = [
  '$..[?(@.constructor)]',
  '$[?(@.constructor)]',
  '$..[?(@.constructor.constructor("return process")().exit())]',
  '$[?(@.a == 1)]',
  "$[?(@property === 'user_id')]",
  '$[(@.length-1)]',
  '$.items[(@.length-1)]',
  '$..user_id',
  '$..*',
  '$.constructor',
  '$.constructor.prototype',
  "$['__proto__']",
  '$.__proto__.polluted',
  "$['constructor']['prototype']",
  '$.prototype',
  '$.toString()',
  '$.a.valueOf()',
  '$.`user_id',
  '$.user_id~',
  '$..^',
  '$.*~',
  '@.user_id',
  'user_id',
  '$.a[-1:]',
  '$.a[0:2]',
  '$.a[0,1]',
  "$['a','b']",
  '$.a[?(@)]',
  '$.*',
  '$[*]',
  `$${'.a'.repeat(40)}`,
  `$.${'a'.repeat(600)}`,
];

/**
 * Meter paths are data that the usage projection evaluates on every event: the parser accepts only
 * member and index steps, so nothing a client writes is ever run as a script or walks a prototype.
 * Creating or updating a meter with anything else is a 400 that names the field, and writes nothing.
 */
describe('JSONPath at meter creation', () => {
  let app: TestApp;
  const eventCount = async () =>
    Number((await app.db.dataSource.query(`SELECT count(*) AS n FROM tally_events`))[0].n);

  beforeAll(async () => {
    app = await startTestApp();
    expect(
      (
        await app.request('POST', '/api/v1/meters', {
          body: { slug: 'safe', eventType: 'e', aggregation: 'SUM', valueProperty: '$.value' },
        })
      ).status,
    ).toBe(201);
  });
  afterAll(() => app.close());

  it.each(HOSTILE_PATHS)(
    'refuses %s as a value property and as a group-by, and writes nothing',
    async (path) => {
      const before = await eventCount();
      const asValue = await app.request('POST', '/api/v1/meters', {
        body: { slug: 'hostile', eventType: 'e', aggregation: 'SUM', valueProperty: path },
      });
      expect([asValue.status, asValue.headers.get('content-type')]).toEqual([
        400,
        'application/problem+json',
      ]);
      expect(asValue.body.errors.map((e: { field: string }) => e.field)).toContain('valueProperty');

      const asGroupBy = await app.request('POST', '/api/v1/meters', {
        body: { slug: 'hostile', eventType: 'e', aggregation: 'COUNT', groupBy: { dimension: path } },
      });
      expect(asGroupBy.status).toBe(400);
      expect(asGroupBy.body.errors.map((e: { field: string }) => e.field)).toContain('groupBy.dimension');

      const update = await app.request('PUT', '/api/v1/meters/safe', {
        body: { groupBy: { dimension: path } },
      });
      expect(update.status).toBe(400);
      expect(await eventCount()).toBe(before);
    },
  );

  it('never reads a property a prototype provides: such values are missing, not functions', async () => {
    expect(
      (
        await app.request('POST', '/api/v1/meters', {
          body: {
            slug: 'proto',
            eventType: 'p',
            aggregation: 'UNIQUE_COUNT',
            valueProperty: '$.toString',
            groupBy: { kind: "$['hasOwnProperty']" },
          },
        })
      ).status,
    ).toBe(201);
    const sent = await app.request('POST', '/api/v1/events', {
      body: { specversion: '1.0', id: 'p1', source: 's', type: 'p', subject: 'x', data: { other: 1 } },
    });
    expect(sent.status).toBe(204);
    const query = await app.request('GET', '/api/v1/meters/proto/query?groupBy=kind');
    expect(query.body.data).toEqual([]);
    const events = await app.request('GET', '/api/v1/events?id=p1');
    expect(events.body[0].validationError).toMatch(/missing/);
  });

  it('accepts no path containing a script, filter or descent marker, whatever the text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^\$[.[\]'"@?()*~^`a-z0-9_-]{0,20}$/)),
        async (path) => {
          const answer = await app.request('POST', '/api/v1/meters', {
            body: {
              slug: `f_${Math.abs(hash(path))}`,
              eventType: 'f',
              aggregation: 'SUM',
              valueProperty: path,
            },
          });
          expect([400, 201, 409]).toContain(answer.status);
          if (answer.status === 201)
            expect(path).toMatch(
              /^\$(?:\.[\p{L}\p{N}_-]+|\[(?:\d+|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\])*$/u,
            );
        },
      ),
      { numRuns: 300 },
    );
  });
});

function hash(text: string): number {
  let h = 0;
  for (const char of text) h = (Math.imul(h, 31) + char.codePointAt(0)!) | 0;
  return h;
}
