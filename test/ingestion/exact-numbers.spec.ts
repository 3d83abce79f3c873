import { createMeter, usageEventCount } from '../metering/meters';
import { startTestApp, TestApp } from '../support/test-app';

/** Numbers `JSON.parse` would alter: past a double's range, below it, or with more digits than it holds. */
const ALTERED = (
  [
    ['1e400', 'null'],
    ['-1e400', 'null'],
    ['1e-400', '0'],
    ['123456789012345678901234567890', '1.2345678901234568e+29'],
    ['9007199254740993', '9007199254740992'],
    ['0.1000000000000000055511151231257827', '0.1'],
    ['1' + '0'.repeat(400), 'null'],
    ['0.' + '0'.repeat(400) + '1', '0'],
  ] as const
).map(([value, altered]) => [
  value.length > 40 ? `${value.slice(0, 12)}…(${value.length} characters)` : value,
  altered,
  value,
]);

/** Numbers a double holds as written (the shortest text of the double has the same value). */
const KEPT: readonly [string, string][] = [
  ['0.1', '0.1'],
  ['1.10', '1.1'],
  ['-0', '0'],
  ['0e0', '0'],
  ['1e300', '1e+300'],
  ['1E-300', '1e-300'],
  ['5e-324', '5e-324'],
  ['9007199254740992', '9007199254740992'],
  ['123456789012345', '123456789012345'],
  ['-2.5e3', '-2500'],
];

/**
 * Values as sent: a number in a request is kept exactly or refused, never altered on the way in.
 * `JSON.parse` turned `1e400` into Infinity (stored as null), `1e-400` into 0 and
 * `123456789012345678901234567890` into the nearest double, so the log did not hold the event as
 * received and SUM meters miscounted without a word.
 */
describe('numbers kept exactly, or refused', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    await createMeter(app, {
      slug: 'exact_sum',
      eventType: 'exact',
      aggregation: 'SUM',
      valueProperty: '$.value',
    });
  });
  afterAll(() => app.close());

  const event = (id: string, value: string) =>
    `{"specversion":"1.0","id":"${id}","source":"exact","type":"exact","subject":"exact-${id}","time":"2024-05-01T00:00:00Z","data":{"value":${value},"note":"1e400"}}`;
  const send = (body: string, contentType = 'application/cloudevents+json', path = '/api/v1/events') =>
    app.request('POST', path, { rawBody: body, headers: { 'content-type': contentType } });
  const eventCount = async (): Promise<number> => {
    const [{ n }] = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_events`);
    return n;
  };

  it.each(ALTERED)(
    'refuses %s (JSON.parse makes it %s) with 400 naming data.value, storing nothing',
    async (_, altered, value) => {
      const before = await usageEventCount(app);
      const answer = await send(event(`refused-${value.length}-${value.slice(0, 8)}`, value));
      expect([answer.status, answer.headers.get('content-type')]).toEqual([400, 'application/problem+json']);
      expect(answer.body).toMatchObject({
        code: 'HTTP.INEXACT_NUMBER',
        errors: [
          {
            field: 'data.value',
            code: 'HTTP.INEXACT_NUMBER',
            message: expect.stringContaining(`it would become ${altered}`),
          },
        ],
      });
      expect(await usageEventCount(app)).toBe(before);
    },
  );

  it('names each altered number of a batch by its event, and stores none of the batch', async () => {
    const before = await usageEventCount(app);
    const batch = `[${event('b0', '1')},${event('b1', '2')},${event('b2', '3')},${event('b3', '1e400')},${event('b4', '1e-400')}]`;
    for (const contentType of ['application/cloudevents-batch+json', 'application/json']) {
      const answer = await send(batch, contentType, '/v3/openmeter/events');
      expect(answer.status).toBe(400);
      expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'events[3].data.value',
        'events[4].data.value',
      ]);
    }
    expect(await usageEventCount(app)).toBe(before);
  });

  it('refuses an altered number anywhere in an event, extensions included', async () => {
    const body = `{"specversion":"1.0","id":"ext","source":"exact","type":"exact","subject":"s","seq":12345678901234567890,"data":{"list":[1,{"deep":1e999}]}}`;
    const answer = await send(body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['seq', 'data.list[1].deep']);
  });

  it('refuses an altered number in any other request body, naming it body.…', async () => {
    const before = await eventCount();
    const answer = await app.request('POST', '/api/v1/subscriptions', {
      rawBody: '{"customerKey":"nobody","plan":{"key":"per_seat","version":1e400}}',
      headers: { 'content-type': 'application/json' },
    });
    expect([answer.status, answer.body.errors?.map((e: { field: string }) => e.field)]).toEqual([
      400,
      ['body.plan.version'],
    ]);
    expect(await eventCount()).toBe(before);
  });

  it.each(KEPT)(
    'keeps %s as sent (stored as %s, the same value), and a SUM meter counts it exactly',
    async (value, stored) => {
      const id = `kept-${value}`;
      expect((await send(event(id, value))).status).toBe(204);
      const [row] = await app.db.dataSource.query(
        `SELECT data->'event'->'data'->'value' AS value, data->'event'->'data'->>'note' AS note
       FROM tally_events WHERE data->'event'->>'id' = $1`,
        [id],
      );
      expect([row.value, row.note]).toEqual([JSON.parse(stored), '1e400']);
      const query = await app.request('GET', `/api/v1/meters/exact_sum/query?subject=exact-${id}`);
      expect(query.status).toBe(200);
      expect(query.body.data.map((r: { value: number }) => r.value)).toEqual([Number(stored)]);
    },
  );

  it('sums exactly however far apart the magnitudes are, in one batch and one minute', async () => {
    const batch =
      `[${event('far-1', '1e300')},${event('far-2', '0.1')},${event('far-3', '"1e-300"')}]`.replace(
        /exact-far-\d/g,
        'exact-far',
      );
    expect((await send(batch, 'application/cloudevents-batch+json')).status).toBe(204);
    const csv = await app.request('GET', '/api/v1/meters/exact_sum/query?subject=exact-far', {
      headers: { accept: 'text/csv' },
    });
    const value = csv.text.trim().split('\r\n')[1]?.split(',').pop();
    expect(value).toBe(`1${'0'.repeat(300)}.1${'0'.repeat(298)}1`);
  });

  it('takes a number that must keep every digit as a decimal string, which SUM meters read exactly', async () => {
    const id = 'as-string';
    expect((await send(event(id, '"123456789012345678901234567890"'))).status).toBe(204);
    const csv = await app.request('GET', `/api/v1/meters/exact_sum/query?subject=exact-${id}`, {
      headers: { accept: 'text/csv' },
    });
    expect(csv.text).toContain('123456789012345678901234567890');
  });
});
