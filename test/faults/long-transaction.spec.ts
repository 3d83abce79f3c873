import { startTestApp, TestApp } from '../support/test-app';

const EVENTS = 300;

/**
 * A transaction left open on the database (a stuck migration, a console session, a long report)
 * holds every reader of the log below it: projections may not pass an event that could still be
 * preceded by the open transaction's own. They wait — visibly, as lag in the projections status
 * (while /readyz, which cannot tell the lag from traffic, stays 200), and as a 503 rather than a stale
 * number from usage reads — and lose nothing: once the
 * transaction ends every event is counted, once, the open transaction's own included.
 */
describe('a long-open transaction on the database', () => {
  let app: TestApp;

  beforeAll(async () => {
    // Long enough for the meter to be projected on a busy machine; the held usage read waits it out.
    // Its own cluster: the transaction it holds open would hold back every other spec's reads.
    app = await startTestApp({ config: { readYourWritesTimeoutMs: 5_000 }, ownCluster: true });
    expect(
      (
        await app.request('POST', '/api/v1/meters', {
          body: { slug: 'calls', eventType: 'call', aggregation: 'COUNT' },
        })
      ).status,
    ).toBe(201);
  });
  afterAll(() => app.close());

  const usageLag = async () => {
    const statuses = (await app.request('GET', '/api/v1/admin/projections')).body;
    return statuses.find((s: { name: string }) => s.name.startsWith('usage@')) as {
      lag: number;
      state: string;
    };
  };

  it('delays projections, shows it as lag, and loses nothing', async () => {
    const event = (id: string) => ({
      specversion: '1.0',
      id,
      source: 'long-tx',
      type: 'call',
      subject: 's0',
    });
    expect((await app.request('POST', '/api/v1/events', { body: event('first') })).status).toBe(204);
    // Counted before the transaction opens, so the lag below is the held events alone.
    const counted = await app.request('GET', '/api/v1/meters/calls/query');
    expect([counted.status, counted.body.data?.[0]?.value]).toEqual([200, 1]);
    const holder = app.db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    // A slow writer: it appends a usage event (a copy of the first under another id) and commits only
    // after all the others. Its event sorts before theirs in the log; a reader that passed them while
    // it was open would never come back for it.
    await holder.query(
      `INSERT INTO tally_events (stream_id, type, data, metadata, dedup_key)
       SELECT stream_id, type, jsonb_set(data::jsonb, '{event,id}', '"late"')::json, metadata, dedup_key || ':late'
       FROM tally_events WHERE data->'event'->>'id' = 'first'`,
    );
    try {
      const events = Array.from({ length: EVENTS }, (_, i) => ({
        specversion: '1.0',
        id: `held-${i}`,
        source: 'long-tx',
        type: 'call',
        subject: `s${i % 3}`,
      }));
      for (let at = 0; at < EVENTS; at += 100) {
        expect(
          (await app.request('POST', '/api/v1/events', { body: events.slice(at, at + 100) })).status,
        ).toBe(204);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await usageLag()).toMatchObject({ lag: EVENTS, state: 'running' });
      expect((await app.request('GET', '/readyz', { token: null })).status).toBe(200);
      // A usage read would be stale: it says so instead of answering.
      const query = await app.request('GET', '/api/v1/meters/calls/query');
      expect([query.status, query.body.code]).toEqual([503, 'METERING.NOT_CAUGHT_UP']);
    } finally {
      await holder.commitTransaction();
      await holder.release();
    }
    const query = await app.request('GET', '/api/v1/meters/calls/query');
    expect(query.status).toBe(200);
    expect(query.body.data[0].value).toBe(EVENTS + 2);
    expect(await usageLag()).toMatchObject({ lag: 0, state: 'running' });
  });
});
