import { startTestApp, TestApp } from '../support/test-app';
import { createCustomer, createMeter } from './meters';

/**
 * The exact distinct counters behind fast UNIQUE_COUNT answers stay equal to a brute-force count of
 * the events whatever happens around them: usage before its customer exists, subjects added, dropped
 * and moved, customers deleted, a meter created after the usage. Each counter row is compared with
 * the events, and queries the counters serve are compared with the events too.
 */
describe('distinct counters (usage@v3)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  interface Sent {
    subject: string;
    timeMs: number;
    user: string;
    n: number;
  }
  const sent: Sent[] = [];
  let next = 0;
  const BASE = Date.parse('2024-03-31T22:50:00Z');

  const send = async (subject: string, minutes: number, user: string) => {
    const timeMs = BASE + minutes * 60_000 + (next % 7) * 1_111;
    next += 1;
    const answer = await app.request('POST', '/api/v1/events', {
      body: {
        specversion: '1.0',
        id: `dc-${next}`,
        source: 'distinct-counters',
        type: 'seat',
        subject,
        time: new Date(timeMs).toISOString(),
        data: { user, n: next % 5 },
      },
      headers: { 'content-type': 'application/cloudevents+json' },
    });
    expect(answer.status).toBe(204);
    sent.push({ subject, timeMs, user, n: next % 5 });
  };

  const HOUR = 3_600_000;
  const DAY = 86_400_000;
  const unitStart = (unit: string, t: number) => {
    if (unit === 'hour') return Math.floor(t / HOUR) * HOUR;
    if (unit === 'day') return Math.floor(t / DAY) * DAY;
    if (unit === 'month') return Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth(), 1);
    return 0;
  };

  /** Every counter row the events call for, for the given owners of subjects. */
  const expectedCounters = (meterId: string, owners: Record<string, string[]>) => {
    const rows = new Map<string, { users: Set<string>; first: number; last: number }>();
    const add = (scope: string, unit: string, e: Sent) => {
      const key = JSON.stringify([meterId, scope, unit, new Date(unitStart(unit, e.timeMs)).toISOString()]);
      const row = rows.get(key) ?? { users: new Set(), first: e.timeMs, last: e.timeMs };
      row.users.add(e.user);
      row.first = Math.min(row.first, e.timeMs);
      row.last = Math.max(row.last, e.timeMs);
      rows.set(key, row);
    };
    for (const e of sent) {
      for (const unit of ['hour', 'day', 'month', 'all']) add('', unit, e);
      for (const [customer, subjects] of Object.entries(owners)) {
        if (subjects.includes(e.subject)) for (const unit of ['month', 'all']) add(customer, unit, e);
      }
    }
    return [...rows.entries()]
      .map(([key, row]) => [
        ...JSON.parse(key),
        row.users.size,
        new Date(row.first).toISOString(),
        new Date(row.last).toISOString(),
      ])
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  };

  const storedCounters = async (meterId: string) => {
    // Any usage read waits until usage@v3 has applied the whole log (read-your-writes).
    expect((await app.request('GET', '/api/v1/meters/seats/query')).status).toBe(200);
    const rows = await app.db.dataSource.query(
      `SELECT meter_id, scope, unit, unit_start, values_seen::int AS n, first_time, last_time
       FROM usage_distinct_counts WHERE meter_id = $1`,
      [meterId],
    );
    return rows
      .map(
        (r: {
          meter_id: string;
          scope: string;
          unit: string;
          unit_start: Date;
          n: number;
          first_time: Date;
          last_time: Date;
        }) => [
          r.meter_id,
          r.scope,
          r.unit,
          r.unit_start.toISOString(),
          r.n,
          r.first_time.toISOString(),
          r.last_time.toISOString(),
        ],
      )
      .sort((a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  };

  const distinctUsers = (subjects: readonly string[] | undefined, from: number, to: number) =>
    new Set(
      sent
        .filter((e) => (!subjects || subjects.includes(e.subject)) && e.timeMs >= from && e.timeMs < to)
        .map((e) => e.user),
    ).size;

  const sumOf = (subjects: readonly string[] | undefined, from: number, to: number) =>
    sent
      .filter((e) => (!subjects || subjects.includes(e.subject)) && e.timeMs >= from && e.timeMs < to)
      .reduce((total, e) => total + e.n, 0);

  const queryValue = async (params: string, meter = 'seats') => {
    const answer = await app.request('GET', `/api/v1/meters/${meter}/query?${params}`);
    expect(answer.status).toBe(200);
    return (answer.body.data as { value: number }[]).reduce((sum, row) => sum + row.value, 0);
  };

  it('follow usage, customers and meters exactly', async () => {
    const seats = await createMeter(app, {
      slug: 'seats',
      eventType: 'seat',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user',
    });
    await createMeter(app, { slug: 'seconds', eventType: 'seat', aggregation: 'SUM', valueProperty: '$.n' });
    // Usage before any customer claims its subjects, across an hour, a day and a month boundary.
    for (let i = 0; i < 30; i++) await send(['a', 'b', 'c', 'd', 'cx'][i % 5], i * 3, `u${i % 11}`);
    expect(await storedCounters(seats.id)).toEqual(expectedCounters(seats.id, {}));

    const x = await createCustomer(app, 'cx', ['a', 'b']);
    const y = await createCustomer(app, 'cy', ['c']);
    expect(await storedCounters(seats.id)).toEqual(
      expectedCounters(seats.id, { [x]: ['cx', 'a', 'b'], [y]: ['cy', 'c'] }),
    );

    for (let i = 30; i < 45; i++) await send(['a', 'c', 'd'][i % 3], i * 3, `u${i % 13}`);
    expect(await storedCounters(seats.id)).toEqual(
      expectedCounters(seats.id, { [x]: ['cx', 'a', 'b'], [y]: ['cy', 'c'] }),
    );

    // X drops b and takes d; Y is deleted.
    const put = await app.request('PUT', '/api/v1/customers/cx', {
      body: { name: 'cx', key: 'cx', usageAttribution: { subjectKeys: ['a', 'd'] } },
    });
    expect(put.status).toBe(200);
    expect((await app.request('DELETE', '/api/v1/customers/cy')).status).toBeLessThan(300);
    await send('d', 140, 'late');
    const owners = { [x]: ['cx', 'a', 'd'] };
    expect(await storedCounters(seats.id)).toEqual(expectedCounters(seats.id, owners));

    // Answers the counters serve: ranges holding whole units' usage, month windows, one customer.
    const first = Math.min(...sent.map((e) => e.timeMs));
    const last = Math.max(...sent.map((e) => e.timeMs));
    const iso = (t: number) => encodeURIComponent(new Date(t).toISOString());
    expect(await queryValue('')).toBe(distinctUsers(undefined, -Infinity, Infinity));
    expect(await queryValue(`from=${iso(first)}&to=${iso(last + 1)}`)).toBe(
      distinctUsers(undefined, first, last + 1),
    );
    expect(await queryValue(`from=${iso(first + 1)}&to=${iso(last)}`)).toBe(
      distinctUsers(undefined, first + 1, last),
    );
    const april = Date.UTC(2024, 3, 1);
    expect(await queryValue(`from=${iso(april)}&to=${iso(Date.UTC(2024, 4, 1))}&windowSize=MONTH`)).toBe(
      distinctUsers(undefined, april, Date.UTC(2024, 4, 1)),
    );
    expect(await queryValue(`windowSize=HOUR&from=${iso(april - HOUR)}&to=${iso(april + 2 * HOUR)}`)).toBe(
      [april - HOUR, april, april + HOUR].reduce((n, h) => n + distinctUsers(undefined, h, h + HOUR), 0),
    );
    const xSubjects = owners[x];
    expect(await queryValue(`filterCustomerId=${x}`)).toBe(distinctUsers(xSubjects, -Infinity, Infinity));
    expect(await queryValue(`filterCustomerId=${x}&from=${iso(first)}&to=${iso(last + 1)}`)).toBe(
      distinctUsers(xSubjects, first, last + 1),
    );
    expect(await queryValue(`filterCustomerId=${x}&windowSize=MONTH`)).toBe(
      distinctUsers(xSubjects, -Infinity, april) + distinctUsers(xSubjects, april, Infinity),
    );
    expect(await queryValue(`filterCustomerId=${x}&from=${iso(april)}&to=${iso(april + 7 * DAY)}`)).toBe(
      distinctUsers(xSubjects, april, april + 7 * DAY),
    );

    // The other aggregations' unit totals answer the same shapes.
    expect(await queryValue('', 'seconds')).toBe(sumOf(undefined, -Infinity, Infinity));
    expect(await queryValue(`from=${iso(first + 1)}&to=${iso(last)}`, 'seconds')).toBe(
      sumOf(undefined, first + 1, last),
    );
    expect(await queryValue(`filterCustomerId=${x}&windowSize=MONTH`, 'seconds')).toBe(
      sumOf(xSubjects, -Infinity, Infinity),
    );
    expect(
      await queryValue(`filterCustomerId=${x}&from=${iso(april)}&to=${iso(april + 7 * DAY)}`, 'seconds'),
    ).toBe(sumOf(xSubjects, april, april + 7 * DAY));
    const [{ rows }] = await app.db.dataSource.query(
      `SELECT count(*)::int AS rows FROM usage_unit_totals t JOIN usage_meters m ON m.id = t.meter_id
       WHERE m.slug = 'seconds' AND t.scope = $1 AND t.unit = 'all'`,
      [x],
    );
    expect(rows).toBe(1);

    // A meter created after all of it is counted from the raw usage.
    const late = await createMeter(app, {
      slug: 'seats-late',
      eventType: 'seat',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user',
    });
    expect(await storedCounters(late.id)).toEqual(expectedCounters(late.id, owners));
  });
});
