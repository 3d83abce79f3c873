import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { logSink } from '../support/log-sink';
import { startTestApp, TestApp } from '../support/test-app';

/** The secret, and the forms a careless log line or column could hold it in. */
function traces(secret: string): string[] {
  const digest = createHash('sha256').update(secret).digest();
  return [
    secret,
    secret.slice(6),
    digest.toString('hex'),
    digest.toString('base64'),
    Buffer.from(secret).toString('base64'),
  ];
}

/**
 * Token secrets exist in two places only: the create answer and the client. The database holds a
 * SHA-256 digest, never the text; no log line — at the most verbose level, through successes,
 * refusals, revocation and server errors — holds the secret or its digest; no read gives it back.
 */
describe('token secrets', () => {
  let app: TestApp;
  const log = logSink();

  beforeAll(async () => {
    app = await startTestApp({
      // The request stuck behind a lock below must time out, but the reads before it must not: they
      // wait for projections, which a busy machine slows down.
      config: { logLevel: 'trace', requestTimeoutMs: 10_000 },
      logDestination: log.destination,
      // The lock below holds a transaction open for the request's whole timeout.
      ownCluster: true,
    });
  });
  afterAll(() => app.close());

  it('are stored as digests, never logged, and never read back', async () => {
    const secrets: string[] = [app.adminToken];
    const ids: string[] = [];
    for (const role of ['admin', 'ingest', 'read'] as const) {
      const created = await app.request('POST', '/api/v1/tokens', {
        body: { name: `${role} for secrets`, role },
      });
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^tally_[A-Za-z0-9_-]{43}$/);
      secrets.push(created.body.secret);
      ids.push(created.body.id);
    }
    const [admin, ingest, read] = secrets.slice(1);
    // Use them every way there is: accepted, refused by role, with a wrong last character, revoked.
    const event = { specversion: '1.0', id: 'secret-1', source: 's', type: 't', subject: 'x', data: {} };
    expect((await app.request('POST', '/api/v1/events', { token: ingest, body: event })).status).toBe(204);
    expect((await app.request('GET', '/api/v1/meters', { token: read })).status).toBe(200);
    expect((await app.request('POST', '/api/v1/meters', { token: read, body: {} })).status).toBe(403);
    expect((await app.request('GET', '/api/v1/tokens', { token: `${admin.slice(0, -1)}x` })).status).toBe(
      401,
    );
    expect(
      (await app.request('POST', '/api/v1/meters', { token: admin, body: { slug: 'bad slug' } })).status,
    ).toBe(400);
    // A 5xx logs its request: one that times out behind a lock on the log.
    const blocker = app.db.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE tally_events IN ACCESS EXCLUSIVE MODE');
    expect(
      (await app.request('POST', '/api/v1/events', { token: ingest, body: { ...event, id: 'secret-2' } }))
        .status,
    ).toBe(503);
    await blocker.rollbackTransaction();
    await blocker.release();
    expect((await app.request('DELETE', `/api/v1/tokens/${ids[0]}`, { token: admin })).status).toBe(204);
    expect((await app.request('GET', '/api/v1/tokens', { token: admin })).status).toBe(401);

    const listed = await app.request('GET', '/api/v1/tokens');
    expect(listed.body.length).toBeGreaterThanOrEqual(4);
    const rows = await app.db.dataSource.query(`SELECT * FROM tally_api_tokens`);
    const stored = JSON.stringify(
      rows.map((row: Record<string, unknown>) => ({ ...row, secret_digest: undefined })),
    );
    const events = JSON.stringify(await app.db.dataSource.query(`SELECT data, metadata FROM tally_events`));
    for (const row of rows) expect(row.secret_digest).toHaveLength(32);
    const digests = rows.map((row: { secret_digest: Buffer }) => row.secret_digest.toString('hex'));
    for (const secret of secrets) {
      expect(digests).toContain(createHash('sha256').update(secret).digest('hex'));
      for (const trace of traces(secret)) {
        expect(listed.text).not.toContain(trace);
        expect(stored).not.toContain(trace);
        expect(events).not.toContain(trace);
        expect(log.lines.filter((line) => line.includes(trace))).toEqual([]);
      }
    }
    // The log did see all of it: the check looked at real output.
    expect(log.lines.some((line) => line.includes('"level":40') && line.includes('HTTP.TIMEOUT'))).toBe(true);
    expect(log.lines.length).toBeGreaterThan(5);
  });

  it('are not logged when Tally generates the first admin token either', async () => {
    const first = logSink();
    const fresh = await startTestApp({
      config: { adminToken: undefined, logLevel: 'trace' },
      logDestination: first.destination,
    });
    try {
      const secret = readFileSync(join(fresh.tally.config.dataDir, 'admin-token'), 'utf8').trim();
      expect((await fresh.request('GET', '/api/v1/tokens', { token: secret })).status).toBe(200);
      expect(first.lines.some((line) => line.includes('admin-token'))).toBe(true);
      for (const trace of traces(secret))
        expect(first.lines.filter((line) => line.includes(trace))).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
