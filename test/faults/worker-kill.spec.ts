import type { DataSource } from 'typeorm';
import { sleep, startTallyProcess, TallyProcess } from '../support/processes';
import { readModels } from '../support/read-models';
import { startTestApp, TestApp } from '../support/test-app';
import { createTutorialCatalog } from '../support/tutorial';

const EVENTS = 10_000;
const KILLS = 3;

/**
 * Projection workers are killed with SIGKILL in the middle of a batch — a transaction that has
 * written read-model rows and not yet committed its checkpoint — again and again while they catch up
 * on 10,000 events. After a final worker has caught up, the read models are exactly (row for row,
 * byte for byte) what a fresh replay of the log from position zero builds.
 */
describe('projection workers killed mid-batch', () => {
  let app: TestApp;
  let worker: TallyProcess | undefined;

  beforeAll(async () => {
    // The catalog's commands wait for a worker to project them, one that may still be booting.
    app = await startTestApp({ config: { runProjections: false, readYourWritesTimeoutMs: 30_000 } });
  }, 60_000);
  afterAll(async () => {
    await worker?.kill();
    await app.close();
  });

  const startWorker = () =>
    startTallyProcess({ databaseUrl: app.db.url, adminToken: app.adminToken, mode: 'worker' });
  const caughtUp = async () =>
    (await app.tally.projections.status()).every((s) => s.lag === 0 && s.state === 'running');

  it('leaves read models equal to a fresh replay', async () => {
    // The catalog needs projections to answer its commands: a worker runs for it, then goes.
    worker = await startWorker();
    await createTutorialCatalog(app);
    expect(
      (
        await app.request('POST', '/api/v1/subscriptions', {
          body: { customerKey: 'acme-inc', plan: { key: 'per_seat' }, timing: 'immediate' },
        })
      ).status,
    ).toBe(201);
    for (const meter of [
      {
        slug: 'tokens',
        eventType: 'user_activity',
        aggregation: 'SUM',
        valueProperty: '$.tokens',
        groupBy: { model: '$.model' },
      },
      { slug: 'peak', eventType: 'user_activity', aggregation: 'MAX', valueProperty: '$.tokens' },
      { slug: 'last', eventType: 'user_activity', aggregation: 'LATEST', valueProperty: '$.tokens' },
    ]) {
      expect((await app.request('POST', '/api/v1/meters', { body: meter })).status).toBe(201);
    }
    await worker.kill();

    // Half a minute apart, ending now: usage before the subscription and inside its first period.
    const base = Date.now() - EVENTS * 30_000;
    for (let at = 0; at < EVENTS; at += 1_000) {
      const batch = Array.from({ length: 1_000 }, (_, k) => {
        const n = at + k;
        return {
          specversion: '1.0',
          id: `e-${n}`,
          source: 'worker-kill',
          type: 'user_activity',
          subject: n % 5 === 0 ? 'acme-inc' : `s-${n % 97}`,
          time: new Date(base + n * 30_000).toISOString(),
          data: { user_id: `u-${n % 1_013}`, tokens: (n % 17) + 0.25, model: ['a', 'b', 'c'][n % 3] },
        };
      });
      expect((await app.request('POST', '/api/v1/events', { body: batch })).status).toBe(204);
    }

    let midBatch = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      worker = await startWorker();
      await sleep(300 + kill * 400);
      const found = await waitForOpenBatch(app.db.dataSource, 15_000);
      await worker.kill('SIGKILL');
      if (found) midBatch += 1;
    }
    expect(midBatch).toBe(KILLS);
    expect(await caughtUp()).toBe(false);

    worker = await startWorker();
    const deadline = Date.now() + 120_000;
    while (!(await caughtUp()) && Date.now() < deadline) await sleep(250);
    expect(await caughtUp()).toBe(true);
    await worker.kill('SIGTERM');

    const afterKills = await readModels(app.db.dataSource);
    const [{ usage }] = await app.db.dataSource.query(`SELECT count(*)::int AS usage FROM usage_events`);
    expect(usage).toBe(EVENTS);

    for (const name of app.tally.projections.names) await app.tally.projections.rebuild(name);
    const replayed = await readModels(app.db.dataSource);
    expect(Object.keys(afterKills).length).toBeGreaterThan(10);
    for (const table of Object.keys(replayed))
      expect([table, afterKills[table]]).toEqual([table, replayed[table]]);
    console.log(
      `worker kills: ${KILLS} SIGKILLs mid-batch over ${EVENTS} events; read models equal a fresh replay`,
    );
  }, 300_000);
});

/**
 * Waits until a worker is inside a batch, past its first writes: its transaction holds a transaction
 * id and has written to at least two read-model tables (the raw usage rows and an aggregate), and has
 * not committed — so its checkpoint has not moved yet. Read from the locks it holds, whatever the
 * tables are called.
 */
async function waitForOpenBatch(db: DataSource, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const [row] = await db.query(
      `SELECT 1 FROM pg_stat_activity a
       JOIN pg_locks l ON l.pid = a.pid AND l.locktype = 'relation' AND l.mode = 'RowExclusiveLock'
       JOIN pg_class c ON c.oid = l.relation AND c.relkind IN ('r', 'p') AND c.relname NOT LIKE 'tally\\_%'
       WHERE a.datname = current_database() AND a.application_name = 'tally-worker' AND a.backend_xid IS NOT NULL
       GROUP BY a.pid HAVING count(DISTINCT c.oid) >= 2`,
    );
    if (row) return true;
    await sleep(1);
  }
  return false;
}
