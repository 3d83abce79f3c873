import { startTestApp, TestApp } from '../support/test-app';

describe('concurrent creates of one meter slug', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('let exactly one of 20 succeed (201); the others get 409, and the log holds one MeterCreated', async () => {
    const body = { slug: 'raced', eventType: 'e', aggregation: 'COUNT' };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => app.request('POST', '/api/v1/meters', { body })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
    for (const conflict of answers.filter((a) => a.status === 409)) {
      expect(conflict.body.code).toBe('CATALOG.METER_SLUG_TAKEN');
    }
    const created = await app.db.dataSource.query(
      `SELECT stream_id FROM tally_events WHERE type = 'MeterCreated' AND data->>'slug' = 'raced'`,
    );
    expect(created).toHaveLength(1);
    const winner = answers.find((a) => a.status === 201)!;
    expect(created[0].stream_id).toBe(`meter-${winner.body.id}`);
    expect((await app.request('GET', '/api/v1/meters')).body).toHaveLength(1);
  });
});
