import { startTally, Tally } from '../../src/bootstrap';
import { startTestApp, TestApp } from '../support/test-app';

const SESSIONS = '/api/v1/console/sessions';
const SESSION = '/api/v1/console/session';

/**
 * The console's sign-in: a token in, an HttpOnly SameSite=Strict cookie out; the session acts with the
 * token's role, writes need its CSRF token, and signing out (or revoking the token) ends it on every
 * process at once.
 */
describe('console sessions', () => {
  let app: TestApp;
  let other: Tally;

  beforeAll(async () => {
    app = await startTestApp();
    // A second API process on the same database, as behind a load balancer.
    other = await startTally({ ...app.tally.config, port: 0 });
  });
  afterAll(async () => {
    await other?.close();
    await app.close();
  });

  async function signIn(token: string, headers: Record<string, string> = {}) {
    const answer = await app.request('POST', SESSIONS, { token: null, body: { token }, headers });
    const setCookie = answer.headers.get('set-cookie') ?? '';
    return { answer, setCookie, cookie: setCookie.split(';')[0] };
  }
  const as = (cookie: string, csrf?: string) => ({
    token: null,
    headers: { cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
  });
  const onOther = (path: string, cookie: string) => fetch(other.url + path, { headers: { cookie } });

  it('refuses an unknown token with a problem naming the field, and sets no cookie', async () => {
    const { answer, setCookie } = await signIn('tally_not_a_token_at_all');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ code: 'AUTH.INVALID_TOKEN', errors: [{ field: 'token' }] });
    expect(setCookie).toBe('');
    const ingest = await signIn(await app.token('ingest'));
    expect([ingest.answer.status, ingest.answer.body.code]).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
    expect(ingest.setCookie).toBe('');
  });

  it('sets an HttpOnly, SameSite=Strict cookie (Secure over HTTPS) and keeps only its digest', async () => {
    const read = await app.token('read');
    const { answer, setCookie, cookie } = await signIn(read);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ role: 'read', namespace: 'default', tokenName: 'read token' });
    expect(answer.body.csrfToken).toEqual(expect.any(String));
    expect(answer.text).not.toContain(read);
    expect(setCookie).toMatch(
      /^tally_session=tally_session_[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    const secret = cookie.split('=')[1];
    const rows = await app.tally.dataSource.query<{ digest: string }[]>(
      `SELECT encode(secret_digest, 'hex') AS digest FROM tally_console_sessions`,
    );
    expect(rows.length).toBe(1);
    expect(JSON.stringify(rows)).not.toContain(secret);
    const overHttps = await signIn(read, { 'x-forwarded-proto': 'https' });
    expect(overHttps.setCookie).toMatch(/; Secure/);
  });

  it("acts with the token's role: a read session reads, and is refused writes", async () => {
    const { cookie, answer } = await signIn(await app.token('read'));
    expect((await app.request('GET', '/api/v1/meters', as(cookie))).status).toBe(200);
    const write = await app.request('POST', '/api/v1/customers', {
      ...as(cookie, answer.body.csrfToken),
      body: { name: 'Nope', key: 'nope' },
    });
    expect([write.status, write.body.code]).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
    const me = await app.request('GET', SESSION, as(cookie));
    expect(me.body).toMatchObject({ role: 'read', csrfToken: answer.body.csrfToken });
  });

  it('needs the CSRF token for every write, and writes nothing without it', async () => {
    const { cookie, answer } = await signIn(app.adminToken);
    const body = { name: 'Acme Inc', key: 'acme-inc' };
    for (const csrf of [undefined, 'forged', `${answer.body.csrfToken}x`]) {
      const refused = await app.request('POST', '/api/v1/customers', { ...as(cookie, csrf), body });
      expect([refused.status, refused.body.code]).toEqual([403, 'AUTH.CSRF_TOKEN_MISMATCH']);
    }
    expect((await app.request('GET', '/api/v1/customers')).body.items).toEqual([]);
    const created = await app.request('POST', '/api/v1/customers', {
      ...as(cookie, answer.body.csrfToken),
      body,
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toBe('acme-inc');
  });

  it('ends on every process at once when signed out', async () => {
    const { cookie, answer } = await signIn(app.adminToken);
    expect((await onOther('/api/v1/meters', cookie)).status).toBe(200);
    const out = await app.request('DELETE', SESSION, as(cookie, answer.body.csrfToken));
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(
      /^tally_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict/,
    );
    const after = await onOther('/api/v1/meters', cookie);
    expect(after.status).toBe(401);
    expect(((await after.json()) as { code: string }).code).toBe('AUTH.INVALID_SESSION');
    expect((await app.request('GET', '/api/v1/meters', as(cookie))).status).toBe(401);
  });

  it("ends on every process at once when its token is revoked, and can't be made from a revoked token", async () => {
    const made = await app.request('POST', '/api/v1/tokens', { body: { name: 'ops', role: 'admin' } });
    const { cookie } = await signIn(made.body.secret);
    expect((await onOther('/api/v1/meters', cookie)).status).toBe(200);
    expect((await app.request('DELETE', `/api/v1/tokens/${made.body.id}`)).status).toBe(204);
    expect((await onOther('/api/v1/meters', cookie)).status).toBe(401);
    expect((await signIn(made.body.secret)).answer.status).toBe(401);
  });
});
