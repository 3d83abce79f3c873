import { comparedRows } from '../support/read-models';
import { startTestApp, TestApp } from '../support/test-app';
import { createMeter, deleteMeter, updateMeter } from './meters';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Replaying the log from zero into shadow tables reproduces the usage read models exactly. */
describe('rebuilding usage@v3', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const snapshot = async () => {
    const queries = {
      usage_meters: [comparedRows('usage_meters'), 'id'],
      usage_events: [comparedRows('usage_events'), 'namespace, source, id'],
      usage_buckets: [comparedRows('usage_buckets'), 'meter_id, subject, minute, group_key'],
      usage_distinct_values: [
        comparedRows('usage_distinct_values'),
        'meter_id, subject, minute, group_key, value',
      ],
      usage_distinct_slot_values: [
        comparedRows('usage_distinct_slot_values'),
        'meter_id, scope, unit, unit_start, value',
      ],
      usage_distinct_counts: [comparedRows('usage_distinct_counts'), 'meter_id, scope, unit, unit_start'],
      usage_customer_subjects: [comparedRows('usage_customer_subjects'), 'namespace, subject_key'],
    };
    const rows: Record<string, unknown[]> = {};
    for (const [name, [select, order]] of Object.entries(queries)) {
      rows[name] = await app.db.dataSource.query(`${select} ORDER BY ${order}`);
    }
    return rows;
  };

  it('swaps in tables with the same rows, and queries answer the same', async () => {
    const event = (n: number, type: string) => ({
      specversion: '1.0',
      id: `r-${n}`,
      source: 'rebuild-spec',
      type,
      subject: `s${n % 3}`,
      time: new Date(Date.UTC(2024, 8, 1) + n * 17_000).toISOString(),
      data: { user: `u${n % 7}`, amount: n % 5 === 0 ? 'n/a' : n, region: n % 2 ? 'eu' : 'us' },
    });
    await createMeter(app, {
      slug: 'users',
      eventType: 'visit',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user',
    });
    const amounts = await createMeter(app, {
      slug: 'amounts',
      eventType: 'visit',
      aggregation: 'SUM',
      valueProperty: '$.amount',
    });
    expect(
      (
        await app.request('POST', '/api/v1/events', {
          body: Array.from({ length: 300 }, (_, n) => event(n, 'visit')),
        })
      ).status,
    ).toBe(204);
    await createMeter(app, {
      slug: 'latest',
      eventType: 'visit',
      aggregation: 'LATEST',
      valueProperty: '$.amount',
      groupBy: { region: '$.region' },
    });
    await updateMeter(app, { ...amounts, groupBy: { region: '$.region' } });
    const gone = await createMeter(app, { slug: 'gone', eventType: 'visit', aggregation: 'COUNT' });
    await deleteMeter(app, gone);

    const queries = ['users', 'amounts', 'latest'].map(
      (slug) => `/api/v1/meters/${slug}/query?windowSize=HOUR&groupBy=subject`,
    );
    const answersBefore = await Promise.all(
      queries.map((path) => app.request('GET', path).then((a) => a.body)),
    );
    const before = await snapshot();
    const tableOid = async () =>
      (await app.db.dataSource.query(`SELECT 'usage_buckets'::regclass::oid AS oid`))[0].oid;
    const liveTable = await tableOid();
    expect(before.usage_buckets.length).toBeGreaterThan(0);

    expect((await app.request('POST', '/api/v1/admin/projections/usage@v3/rebuild')).status).toBe(202);
    for (let waited = 0; ; waited += 50) {
      const statuses = (await app.request('GET', '/api/v1/admin/projections')).body as {
        name: string;
        state: string;
      }[];
      if (statuses.find((s) => s.name === 'usage@v3')?.state === 'running') break;
      if (waited > 30_000) throw new Error('the rebuild did not finish');
      await sleep(50);
    }

    expect(await tableOid()).not.toBe(liveTable);
    expect(await snapshot()).toEqual(before);
    expect(await Promise.all(queries.map((path) => app.request('GET', path).then((a) => a.body)))).toEqual(
      answersBefore,
    );
  });
});
