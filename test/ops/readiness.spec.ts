import { USAGE_PROJECTION } from '../../src/metering';
import { startTally, Tally } from '../../src/bootstrap';
import { sleep } from '../support/processes';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * `/readyz` fails while a projection's oldest unapplied event is older than
 * `READINESS_MAX_LAG_SECONDS`, names the projection, tells a system token how far behind it is and
 * an anonymous caller no more than its name and state; `/healthz` stays liveness.
 */
describe('readiness', () => {
  let app: TestApp;
  let worker: Tally | undefined;
  const ready = (token: string | null = null) => app.request('GET', '/readyz', { token });

  beforeAll(async () => {
    // Nothing applies the log in this process: the read models stay where they are until a worker starts.
    app = await startTestApp({ config: { runProjections: false, readinessMaxLagSeconds: 60 } });
  });
  afterAll(async () => {
    await worker?.close();
    await app.close();
  });

  it('is ready while the unapplied events are recent, and not once one is older than the bound', async () => {
    const sent = await app.request('POST', '/api/v1/events', {
      body: { specversion: '1.0', id: 'e1', source: 'spec', type: 'call', subject: 'acme', data: {} },
    });
    expect(sent.status).toBe(204);
    expect((await ready()).status).toBe(200);

    // The same unapplied event, as if written two hours ago.
    await app.db.dataSource.query(`UPDATE tally_events SET recorded_at = recorded_at - interval '2 hours'`);
    const anonymous = await ready();
    expect(anonymous.status).toBe(503);
    expect(anonymous.body.checks).toMatchObject({
      database: { status: 'up' },
      eventStore: { status: 'up' },
      projections: {
        status: 'down',
        reason: expect.stringMatching(new RegExp(`more than 60 s behind the log: .*${USAGE_PROJECTION}`)),
      },
    });
    expect(anonymous.body.projections).toContainEqual({ name: USAGE_PROJECTION, state: 'running' });
    for (const detail of anonymous.body.projections)
      expect(Object.keys(detail).sort()).toEqual(['name', 'state']);

    // A system token reads how far behind.
    const operator = await ready(app.adminToken);
    expect(operator.status).toBe(503);
    const usage = operator.body.projections.find((p: { name: string }) => p.name === USAGE_PROJECTION);
    expect(usage).toMatchObject({ lag: 1, position: expect.any(String) });
    expect(usage.lagSeconds).toBeGreaterThan(7_000);
    // Anyone else's token is told no more than an anonymous caller.
    const other = await ready(await app.token('admin'));
    expect(other.body.projections).toEqual(anonymous.body.projections);

    expect((await app.request('GET', '/healthz', { token: null })).status).toBe(200);
  });

  it('is ready again once the projections catch up', async () => {
    worker = await startTally(app.tally.config, { mode: 'worker' });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await ready()).status !== 200) await sleep(100);
    const answer = await ready(app.adminToken);
    expect([answer.status, answer.body.checks.projections]).toEqual([200, { status: 'up' }]);
  });
});
