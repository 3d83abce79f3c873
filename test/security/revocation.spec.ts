import { startTallyProcess, TallyProcess } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const SYSTEM = 'tally_revocation_system_token_0123456789';
/** The bound README states: a revoked token is refused by every process within this of the revoke's answer. */
const BOUND_MS = 1_000;

/**
 * Two API processes on one database, as behind a load balancer. A token revoked through one must stop
 * working on the other within the stated bound — and can never mint a token once its revocation has
 * committed, which is how a stolen admin token would outlive its revocation.
 */
describe('revoking a token across API processes', () => {
  let db: TestDatabase;
  let a: TallyProcess;
  let b: TallyProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    // A refused token counts against the per-address limit: off, so that every answer is the token's.
    const env = { RUN_PROJECTIONS: 'false', RATE_LIMIT_ANON_PER_IP: '0' };
    const options = { databaseUrl: db.url, adminToken: SYSTEM, env };
    [a, b] = await Promise.all([startTallyProcess(options), startTallyProcess(options)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.kill('SIGTERM'), b?.kill('SIGTERM')]);
    await db?.drop();
  });

  const call = (on: TallyProcess, token: string, method = 'GET', body?: unknown) =>
    fetch(`${on.url}/api/v1/tokens`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (answer) => ({
      status: answer.status,
      body: (await answer.json().catch(() => undefined)) as any,
    }));
  const mint = async (name: string) => (await call(a, SYSTEM, 'POST', { name, role: 'admin' })).body;

  /** The answers that let the token through although they started after the bound had passed. */
  const pastTheBound = (answers: { at: number; status: number }[], revokedAt: number) =>
    answers
      .filter((answer) => answer.at >= revokedAt + BOUND_MS && answer.status !== 401)
      .map((answer) => `${answer.status} at ${answer.at - revokedAt} ms`);

  /** Uses `token` on B, one request after another, for `ms`: when each started and how it was answered. */
  async function hammer(token: string, ms: number): Promise<{ at: number; status: number }[]> {
    const answers: { at: number; status: number }[] = [];
    for (const end = Date.now() + ms; Date.now() < end;) {
      const at = Date.now();
      answers.push({ at, status: (await call(b, token)).status });
    }
    return answers;
  }

  it('refuses the token on the other process within the bound, and lets it mint nothing', async () => {
    const stolen = await mint('stolen');
    expect((await call(b, stolen.secret)).status).toBe(200); // B now knows the token as live

    const revoke = await fetch(`${a.url}/api/v1/tokens/${stolen.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${SYSTEM}` },
    });
    expect(revoke.status).toBe(204);
    const revokedAt = Date.now();
    const minted = await call(b, stolen.secret, 'POST', { name: 'outlives it', role: 'admin' });
    const answers = await hammer(stolen.secret, BOUND_MS + 500);

    const firstRefusal = answers.find((answer) => answer.status === 401);
    console.log(
      `revocation: B refused the token ${firstRefusal ? firstRefusal.at - revokedAt : '(never)'} ms after ` +
        `the revoke answered; ${answers.length} requests on B`,
    );
    expect(minted.status).toBe(401);
    expect(pastTheBound(answers, revokedAt).slice(0, 3)).toEqual([]);
    const names = (await call(a, SYSTEM)).body.map((token: { name: string }) => token.name);
    expect(names).not.toContain('outlives it');
  }, 60_000);

  it('holds the bound even when the other process misses the news', async () => {
    const token = await mint('quietly revoked');
    expect((await call(b, token.secret)).status).toBe(200);
    // Revoked behind the service's back (no notification sent), as if B's listening connection were down.
    await db.dataSource.query(`UPDATE tally_api_tokens SET revoked_at = now() WHERE id = $1`, [token.id]);
    const revokedAt = Date.now();
    const answers = await hammer(token.secret, BOUND_MS + 500);
    expect(pastTheBound(answers, revokedAt).slice(0, 3)).toEqual([]);
  }, 60_000);
});
