import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTally } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/config';
import { sleep, startTallyProcess, TallyProcess } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { readModels } from '../support/read-models';

const ADMIN = 'tally_scale_admin_token_0123456789';
const EVENTS = 20_000;
const BATCH = 200;

type Results = Record<string, unknown>;

/**
 * `npm run test:faults`: two API processes (RUN_PROJECTIONS=false) and two projection workers on one
 * database, every batch delivered to both APIs at once, give exactly the answers one process gives
 * for the same workload — meter queries and the invoice preview — and read models equal to a fresh
 * replay of their log: the two workers never both applied an event.
 */
describe('two API processes and two workers', () => {
  const databases: TestDatabase[] = [];
  const processes: TallyProcess[] = [];

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    for (const db of databases) await db.drop();
  });

  async function run(
    deployment: 'one process' | 'two APIs, two workers',
  ): Promise<{ results: Results; db: TestDatabase }> {
    const db = await createTestDatabase();
    databases.push(db);
    // An API process waits for the workers to project its commands: on a busy machine they may
    // still be booting when the first one comes.
    const start = (options: { mode?: 'worker'; env?: Record<string, string> }) =>
      startTallyProcess({
        databaseUrl: db.url,
        adminToken: ADMIN,
        mode: options.mode,
        env: { READ_YOUR_WRITES_TIMEOUT_MS: '30000', ...options.env },
      }).then((p) => (processes.push(p), p));
    const apis: TallyProcess[] = [];
    if (deployment === 'one process') {
      apis.push(await start({}));
    } else {
      apis.push(
        await start({ env: { RUN_PROJECTIONS: 'false' } }),
        await start({ env: { RUN_PROJECTIONS: 'false' } }),
      );
      await start({ mode: 'worker' });
      await start({ mode: 'worker' });
    }
    const call = async (api: TallyProcess, method: string, path: string, body?: unknown) => {
      const answer = await fetch(api.url + path, {
        method,
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return {
        status: answer.status,
        body: (answer.status === 204 ? undefined : await answer.json()) as any,
      };
    };
    const created = async (path: string, body: unknown) => {
      const answer = await call(apis[0], 'POST', path, body);
      expect([path, answer.status, answer.status === 201 ? undefined : answer.body]).toEqual([
        path,
        201,
        undefined,
      ]);
    };

    await created('/api/v1/meters', { slug: 'calls', eventType: 'call', aggregation: 'COUNT' });
    await created('/api/v1/meters', {
      slug: 'users',
      eventType: 'call',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user',
    });
    await created('/api/v1/meters', {
      slug: 'tokens',
      eventType: 'call',
      aggregation: 'SUM',
      valueProperty: '$.tokens',
      groupBy: { model: '$.model' },
    });
    await created('/api/v1/features', { key: 'tokens', name: 'Tokens', meterSlug: 'tokens' });
    const plan = await call(apis[0], 'POST', '/api/v1/plans', {
      key: 'metered',
      name: 'Metered',
      currency: 'USD',
      billingCadence: 'P1M',
      phases: [
        {
          key: 'default',
          name: 'Default',
          duration: null,
          rateCards: [
            {
              type: 'usage_based',
              key: 'tokens',
              name: 'Tokens',
              featureKey: 'tokens',
              billingCadence: 'P1M',
              price: { type: 'unit', amount: '0.001' },
            },
          ],
        },
      ],
    });
    expect((await call(apis[0], 'POST', `/api/v1/plans/${plan.body.id}/publish`)).status).toBe(200);
    for (let c = 0; c < 5; c++) {
      await created('/api/v1/customers', {
        name: `Customer ${c}`,
        key: `customer-${c}`,
        usageAttribution: { subjectKeys: [`subject-${c}`] },
      });
      await created('/api/v1/subscriptions', {
        customerKey: `customer-${c}`,
        plan: { key: 'metered' },
        timing: 'immediate',
      });
    }
    await sleep(1_100);

    const batches = Array.from({ length: EVENTS / BATCH }, (_, b) =>
      Array.from({ length: BATCH }, (_, k) => {
        const n = b * BATCH + k;
        return {
          specversion: '1.0',
          id: `e-${n}`,
          source: 'scale',
          type: 'call',
          subject: `subject-${n % 7}`,
          data: { user: `u-${n % 501}`, tokens: n % 13, model: `m${n % 3}` },
        };
      }),
    );
    let next = 0;
    const client = async () => {
      for (let b = next++; b < batches.length; b = next++) {
        // The same batch to every API at once: concurrent duplicate deliveries, across processes.
        const answers = await Promise.all(apis.map((api) => call(api, 'POST', '/api/v1/events', batches[b])));
        expect(answers.map((a) => a.status)).toEqual(apis.map(() => 204));
      }
    };
    await Promise.all(Array.from({ length: 4 }, client));

    const deadline = Date.now() + 120_000;
    const caughtUp = async () =>
      (
        (await call(apis[0], 'GET', '/api/v1/admin/projections')).body as { lag: number; state: string }[]
      ).every((s) => s.lag === 0 && s.state === 'running');
    while (!(await caughtUp()) && Date.now() < deadline) await sleep(250);
    expect(await caughtUp()).toBe(true);

    const results: Results = {};
    for (const api of apis) {
      for (const query of [
        'calls/query?groupBy=subject',
        'users/query',
        'users/query?groupBy=subject',
        'tokens/query?groupBy=model&groupBy=subject',
      ]) {
        // The window is when the events were sent, which differs from run to run: the values may not.
        const { data } = (await call(api, 'GET', `/api/v1/meters/${query}`)).body;
        results[query] = data.map(
          ({ windowStart: _s, windowEnd: _e, ...row }: Record<string, unknown>) => row,
        );
      }
      for (let c = 0; c < 5; c++) {
        const preview = (await call(api, 'GET', `/api/v1/billing/customers/customer-${c}/invoices/preview`))
          .body;
        results[`customer-${c}`] = {
          totals: preview.totals,
          lines: preview.lines.map((l: { featureKey: string; quantity: string; totals: unknown }) => [
            l.featureKey,
            l.quantity,
            l.totals,
          ]),
        };
      }
    }
    const [{ usage }] = await db.dataSource.query(`SELECT count(*)::int AS usage FROM usage_events`);
    results.usageEvents = usage;
    return { results, db };
  }

  it('give the same answers as one process, and read models equal a replay', async () => {
    const single = await run('one process');
    const scaled = await run('two APIs, two workers');
    expect(scaled.results.usageEvents).toBe(EVENTS);
    expect(scaled.results).toEqual(single.results);
    await Promise.all(processes.map((p) => p.kill()));

    const before = await readModels(scaled.db.dataSource);
    const tool = await startTally(
      {
        ...loadConfig({}),
        databaseUrl: scaled.db.url,
        adminToken: ADMIN,
        logLevel: 'warn',
        dataDir: mkdtempSync(join(tmpdir(), 'tally-scale-')),
      },
      { mode: 'tool' },
    );
    try {
      for (const name of tool.projections.names) await tool.projections.rebuild(name);
    } finally {
      await tool.close();
    }
    const replayed = await readModels(scaled.db.dataSource);
    for (const table of Object.keys(replayed))
      expect([table, before[table]]).toEqual([table, replayed[table]]);
    console.log(
      `scale-out: ${EVENTS} events, each delivered to two APIs at once (${EVENTS} duplicates), two workers; same answers as one process`,
    );
  }, 600_000);
});
