import { TokenService } from '../../src/auth/tokens/token.service';
import { usageDedupKey, usageStream } from '../../src/event-store/stream-names';
import { startTestApp, TestApp } from '../support/test-app';

const HOUR = 3_600_000;
const PROBLEM_JSON = 'application/problem+json';

interface Counts {
  accepted: number | null;
  stored: number;
  deduplicated: number | null;
  voided: number;
  metered: number;
  attributed: number;
  billable: number;
  billed: number;
  pendingCorrection: number;
}
interface Report {
  namespace: string;
  from: string;
  to: string;
  totals: Counts;
  days: (Counts & { from: string; to: string })[];
  billingPeriods: {
    subscriptionId: string;
    customerId: string;
    from: string;
    to: string;
    issued: boolean;
    billable: number;
    billed: number;
    pendingCorrection: number;
  }[];
}

/** A small deterministic generator, so a failing run can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function usageEvent(
  id: string,
  time: Date,
  fields: { type?: string; subject?: string; source?: string } = {},
) {
  return {
    specversion: '1.0',
    id,
    source: fields.source ?? 'reconciliation-spec',
    type: fields.type ?? 'api_call',
    subject: fields.subject ?? 'nobody',
    time: time.toISOString(),
    data: {},
  };
}

describe('GET /api/v1/admin/reconciliation', () => {
  let app: TestApp;

  // The billing scenario's catalog comes first, before the heavy ingestion keeps projections busy.
  let now: Date;
  let subscriptionId: string;
  let customerId: string;
  beforeAll(async () => {
    // A generous read-your-writes wait: other work on this machine may slow the projections down.
    app = await startTestApp({
      config: { rateLimitPerToken: 0, rateLimitAnonPerIp: 0, readYourWritesTimeoutMs: 60_000 },
      // Its deadlocks (each held for PostgreSQL's deadlock_timeout) and its held claim would hold back
      // every other spec's reads on a shared cluster.
      ownCluster: true,
    });
    const created = async (path: string, body: unknown) => {
      const answer = await app.request('POST', path, { body });
      if (answer.status !== 201) throw new Error(`POST ${path} → ${answer.status}: ${answer.text}`);
      return answer.body;
    };
    await created('/api/v1/meters', {
      slug: 'api_calls',
      name: 'API calls',
      eventType: 'api_call',
      aggregation: 'COUNT',
    });
    await created('/api/v1/features', { key: 'api_calls', name: 'API calls', meterSlug: 'api_calls' });
    const plan = await created('/api/v1/plans', {
      key: 'per_call',
      name: 'Per call',
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
              key: 'api_calls',
              name: 'API calls',
              featureKey: 'api_calls',
              billingCadence: 'P1M',
              price: { type: 'unit', amount: '0.01' },
            },
          ],
        },
      ],
    });
    expect((await app.request('POST', `/api/v1/plans/${plan.id}/publish`)).status).toBeLessThan(300);
    const subscribed = await created('/api/v1/customers', {
      name: 'Subscribed',
      key: 'subscribed',
      usageAttribution: { subjectKeys: ['sub-1'] },
    });
    customerId = subscribed.id;
    await created('/api/v1/customers', {
      name: 'Unsubscribed',
      key: 'unsubscribed',
      usageAttribution: { subjectKeys: ['unsub-1'] },
    });
    const subscription = await created('/api/v1/subscriptions', {
      customerKey: 'subscribed',
      plan: { key: 'per_call' },
      timing: 'immediate',
    });
    subscriptionId = subscription.id;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    now = new Date();
  });
  afterAll(() => app.close());

  const reconcile = async (from: Date, to: Date, token?: string): Promise<Report> => {
    const answer = await app.request<Report>(
      'GET',
      `/api/v1/admin/reconciliation?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`,
      { token },
    );
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const post = (body: unknown, token?: string) => app.request('POST', '/api/v1/events', { body, token });
  const expectBalanced = (report: Report) => {
    for (const counts of [report.totals, ...report.days])
      expect(counts.accepted).toBe(counts.stored + counts.deduplicated!);
  };

  describe('under concurrent ingestion with duplicates', () => {
    // Two days long ago (late events are accepted); every id has its own time, spread over both days.
    const from = new Date('2026-01-05T00:00:00Z');
    const to = new Date('2026-01-07T00:00:00Z');
    const IDS = 150;
    const timeOf = (n: number) => new Date(from.getTime() + n * 18 * 60_000);

    it('counts every event of every acknowledged request, and accepted = stored + deduplicated exactly', async () => {
      const acknowledged: string[] = [];
      const clients = Array.from({ length: 8 }, async (_, client) => {
        const random = prng(client + 1);
        const pick = () => Math.floor(random() * IDS);
        for (let round = 0; round < 25; round++) {
          const batch = round % 3 !== 2;
          const ids = batch ? Array.from({ length: 1 + Math.floor(random() * 30) }, pick) : [pick()];
          // Repeats inside the batch, on purpose: the first id again at its end.
          if (batch && ids.length > 1) ids.push(ids[0]);
          const events = ids.map((n) => usageEvent(`id-${n}`, timeOf(n)));
          const answer = await post(batch ? events : events[0]);
          expect(answer.status).toBe(204);
          acknowledged.push(...ids.map((n) => `id-${n}`));
        }
      });
      await Promise.all(clients);

      const report = await reconcile(from, to);
      const distinct = new Set(acknowledged).size;
      expect(report.totals).toMatchObject({
        accepted: acknowledged.length,
        stored: distinct,
        deduplicated: acknowledged.length - distinct,
      });
      expect(acknowledged.length).toBeGreaterThan(distinct); // the workload did repeat ids
      expect(report.days.map((d) => [d.from, d.to])).toEqual([
        ['2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z'],
        ['2026-01-06T00:00:00.000Z', '2026-01-07T00:00:00.000Z'],
      ]);
      expect(report.days.every((d) => d.accepted! > 0)).toBe(true);
      expect(report.days.reduce((n, d) => n + d.accepted!, 0)).toBe(acknowledged.length);
      expectBalanced(report);
      // What the log holds agrees with the counter.
      const [{ n }] = await app.db.dataSource.query(
        `SELECT count(*)::int AS n FROM tally_events WHERE type = 'UsageRecorded' AND stream_id = $1
           AND data->'event'->>'source' = 'reconciliation-spec'`,
        [usageStream('default')],
      );
      expect(n).toBe(distinct);
      // Retrying every id once more adds only deduplicated events.
      const again = await post(Array.from({ length: IDS }, (_, k) => usageEvent(`id-${k}`, timeOf(k))));
      expect(again.status).toBe(204);
      const retried = await reconcile(from, to);
      const stored = IDS; // every id of the pool is stored by now
      expect(retried.totals).toMatchObject({
        accepted: acknowledged.length + IDS,
        stored,
        deduplicated: acknowledged.length + IDS - stored,
      });
      expectBalanced(retried);
    });

    it('records batches that share keys in opposite orders, none failing, all counted', async () => {
      // Such writes each wait for the other's claim of a key; PostgreSQL aborts one as a deadlock, and
      // the store retries it (its statement, counters included, rolled back whole) instead of failing.
      const day = { from: new Date('2026-01-10T00:00:00Z'), to: new Date('2026-01-11T00:00:00Z') };
      const occurredAt = new Date('2026-01-10T12:00:00Z');
      const store = app.tally.eventStore;
      const ROUNDS = 4;
      const failures: unknown[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const records = Array.from({ length: 200 }, (_, k) => {
          const event = usageEvent(`crossed-${round}-${k}`, occurredAt);
          return {
            dedupKey: usageDedupKey('default', event.source, event.id),
            data: { event, ingestedAt: occurredAt.toISOString() },
            metadata: { namespace: 'default', correlationId: `crossed-${round}` },
            occurredAt,
          };
        });
        await Promise.all(
          Array.from({ length: 8 }, (_, writer) =>
            store
              .recordUsage(usageStream('default'), writer % 2 === 0 ? records : [...records].reverse())
              .catch((error: unknown) => failures.push(error)),
          ),
        );
      }
      expect(failures).toEqual([]);
      expect((await reconcile(day.from, day.to)).totals).toMatchObject({
        accepted: ROUNDS * 8 * 200,
        stored: ROUNDS * 200,
        deduplicated: ROUNDS * 7 * 200,
      });
    }, 180_000);

    it('counts nothing of a write rolled back in the middle of its statement', async () => {
      const hour = { from: new Date('2026-01-12T00:00:00Z'), to: new Date('2026-01-12T01:00:00Z') };
      const at = new Date('2026-01-12T00:30:00Z');
      const blocked = usageEvent('rollback-blocked', at);
      // Another transaction claims one key of the batch and holds it: the batch's statement stores
      // its first event, then waits on that claim, and is cancelled there.
      const blocker = app.db.dataSource.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query(
        `INSERT INTO tally_events (stream_id, type, data, metadata, dedup_key) VALUES ('elsewhere', 'Other', '{}', '{}', $1)`,
        [usageDedupKey('default', blocked.source, blocked.id)],
      );
      const answer = post([usageEvent('rollback-first', at), blocked]);
      let pid: number | undefined;
      while (pid === undefined) {
        const [row] = await app.db.dataSource.query(
          `SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%reconciliation_intake%'`,
        );
        pid = row?.pid;
        if (pid === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await app.db.dataSource.query(`SELECT pg_cancel_backend($1)`, [pid]);
      expect((await answer).status).toBeGreaterThanOrEqual(500);
      await blocker.rollbackTransaction();
      await blocker.release();

      const report = await reconcile(hour.from, hour.to);
      expect(report.totals).toMatchObject({ accepted: 0, stored: 0, deduplicated: 0 });
      const [{ n }] = await app.db.dataSource.query(
        `SELECT count(*)::int AS n FROM tally_events WHERE data->'event'->>'id' = 'rollback-first'`,
      );
      expect(n).toBe(0);
      // The client's retry is then counted once.
      expect((await post([usageEvent('rollback-first', at), blocked])).status).toBe(204);
      expect((await reconcile(hour.from, hour.to)).totals).toMatchObject({
        accepted: 2,
        stored: 2,
        deduplicated: 0,
      });
    });

    it('counts nothing for a request that is refused, whole', async () => {
      const before = await reconcile(from, to);
      const refused = await post([usageEvent('id-1', timeOf(1)), { specversion: '1.0', id: 'bad' }]);
      expect(refused.status).toBe(400);
      expect((await reconcile(from, to)).totals).toEqual(before.totals);
    });

    it('counts an hour-aligned sub-range by the events in it only', async () => {
      const report = await reconcile(new Date('2026-01-05T00:00:00Z'), new Date('2026-01-05T01:00:00Z'));
      // Ids 0–3 fall in the first hour (one every 18 minutes); each was sent at least once more above.
      expect(report.totals.stored).toBe(4);
      expect(report.totals.accepted).toBeGreaterThan(4);
      expectBalanced(report);
    });
  });

  describe('metered, attributed and billable', () => {
    const range = () => {
      const hour = Math.floor(now.getTime() / HOUR) * HOUR;
      return { from: new Date(hour - 3 * HOUR), to: new Date(hour + 2 * HOUR) };
    };

    it('gives exact counts for a known scenario', async () => {
      const before = new Date(now.getTime() - 2 * HOUR);
      const s = 'known-scenario';
      const events = [
        // Billable: metered, the subscribed customer's, while the subscription is active.
        usageEvent('billed-1', now, { subject: 'sub-1', source: s }),
        usageEvent('billed-2', now, { subject: 'sub-1', source: s }),
        usageEvent('billed-3', now, { subject: 'subscribed', source: s }), // a customer's key attributes too
        usageEvent('billed-1', now, { subject: 'sub-1', source: s }), // a repeat: deduplicated
        // Metered and attributed, but before the subscription started.
        usageEvent('early', before, { subject: 'sub-1', source: s }),
        // Attributed to the subscribed customer, but no meter reads the type.
        usageEvent('unmetered-1', now, { type: 'page_view', subject: 'sub-1', source: s }),
        usageEvent('unmetered-2', now, { type: 'page_view', subject: 'sub-1', source: s }),
        // Metered, but the subject is nobody's.
        usageEvent('orphan-1', now, { subject: 'nobody', source: s }),
        usageEvent('orphan-2', now, { subject: 'nobody', source: s }),
        // Metered and attributed to a customer without a subscription.
        usageEvent('unsub-1', now, { subject: 'unsub-1', source: s }),
        usageEvent('unsub-2', now, { subject: 'unsub-1', source: s }),
      ];
      expect((await post(events)).status).toBe(204);

      const report = await reconcile(range().from, range().to);
      // The period is open: its usage is billable, and on no issued document yet.
      expect(report.totals).toEqual({
        accepted: 11,
        stored: 10,
        deduplicated: 1,
        voided: 0,
        metered: 8,
        attributed: 8,
        billable: 3,
        billed: 0,
        pendingCorrection: 0,
      });
      expectBalanced(report);
      expect(report.billingPeriods).toEqual([
        expect.objectContaining({
          subscriptionId,
          customerId,
          issued: false,
          billable: 3,
          billed: 0,
          pendingCorrection: 0,
        }),
      ]);
      // The period is the subscription's whole first month, which starts at its activeFrom.
      const period = report.billingPeriods[0];
      expect(new Date(period.to).getTime() - new Date(period.from).getTime()).toBeGreaterThan(27 * 24 * HOUR);
      expect(new Date(period.from).getTime()).toBeLessThanOrEqual(now.getTime());
    });
  });

  describe('validation and access', () => {
    const problem = async (query: string, fields: string[]) => {
      const answer = await app.request('GET', `/api/v1/admin/reconciliation${query}`);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain(PROBLEM_JSON);
      expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
    };

    it('names each missing or invalid parameter in a 400 problem', async () => {
      await problem('', ['from', 'to']);
      await problem('?from=2026-01-05T00:00:00Z', ['to']);
      await problem('?to=2026-01-05T00:00:00Z', ['from']);
      await problem('?from=yesterday&to=2026-01-05T00:00:00Z', ['from']);
      await problem('?from=2026-01-05T00:00:00&to=2026-02-30T00:00:00Z', ['from', 'to']);
      await problem('?from=2026-01-05T00:30:00Z&to=2026-01-06T00:00:00Z', ['from']);
      await problem('?from=2026-01-05T00:00:00Z&to=2026-01-05T00:00:00Z', ['to']);
      await problem('?from=2026-01-06T00:00:00Z&to=2026-01-05T00:00:00Z', ['to']);
      await problem('?from=2025-01-01T00:00:00Z&to=2026-01-05T00:00:00Z', ['to']);
      await problem('?from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z&customer=x', ['customer']);
      await problem('?from=2026-01-05T00:00:00Z&from=2026-01-05T01:00:00Z&to=2026-01-06T00:00:00Z', ['from']);
    });

    it('is in the OpenAPI document, with its parameters and answer', async () => {
      const docs = await app.request('GET', '/docs-json', { token: null });
      const operation = docs.body.paths['/api/v1/admin/reconciliation']?.get;
      expect(
        operation.parameters.map((p: { name: string; required: boolean }) => [p.name, p.required]).sort(),
      ).toEqual([
        ['from', true],
        ['to', true],
      ]);
      expect(operation.responses['200'].content['application/json'].schema.$ref).toMatch(
        /ReconciliationAnswer/,
      );
    });

    it('is for admin tokens only', async () => {
      const query = '/api/v1/admin/reconciliation?from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z';
      for (const role of ['read', 'ingest'] as const) {
        const answer = await app.request('GET', query, { token: await app.token(role) });
        expect(answer.status).toBe(403);
        expect(answer.headers.get('content-type')).toContain(PROBLEM_JSON);
      }
      expect((await app.request('GET', query, { token: null })).status).toBe(401);
    });
  });

  describe('namespace isolation', () => {
    it("answers for the token's namespace only", async () => {
      const from = new Date('2026-02-01T00:00:00Z');
      const to = new Date('2026-02-02T00:00:00Z');
      const tokens = app.tally.resolve(TokenService);
      const tenantB = (await tokens.create({ namespace: 'tenant_b', name: 'tenant b admin', role: 'admin' }))
        .secret;
      const at = new Date('2026-02-01T10:00:00Z');
      // The same ids in both namespaces: each namespace stores its own.
      expect(
        (await post([usageEvent('shared', at), usageEvent('shared', at), usageEvent('a-only', at)])).status,
      ).toBe(204);
      expect((await post([usageEvent('shared', at), usageEvent('b-only', at)], tenantB)).status).toBe(204);
      expect((await post(usageEvent('b-only', at), tenantB)).status).toBe(204);

      const a = await reconcile(from, to);
      const b = await reconcile(from, to, tenantB);
      expect(a.namespace).toBe('default');
      expect(a.totals).toMatchObject({ accepted: 3, stored: 2, deduplicated: 1 });
      expect(b.namespace).toBe('tenant_b');
      // Tenant B has no meter, customer or subscription: nothing is metered, attributed or billed there.
      expect(b.totals).toEqual({
        accepted: 3,
        stored: 2,
        deduplicated: 1,
        voided: 0,
        metered: 0,
        attributed: 0,
        billable: 0,
        billed: 0,
        pendingCorrection: 0,
      });
      expect(b.billingPeriods).toEqual([]);
    });
  });
});
