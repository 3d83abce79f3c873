import { OpenMeter as PortalClient } from '@openmeter/sdk/portal';
import { ManualClock } from '../../src/shared/clock';
import { fastifyRoutes, fill, isDocsRoute } from '../support/routes';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Portal tokens (OpenMeter's consumer portal) are a customer-facing view: a token reads its one
 * subject's usage of the meters it was given, through `GET /api/v1/portal/meters/{slug}/query`, and
 * nothing else — not another subject's usage, not another meter, no other route, read or write —
 * until it is invalidated or expires.
 */
describe('portal tokens', () => {
  const clock = new ManualClock(new Date('2024-07-01T12:00:00.000Z'));
  let app: TestApp;
  let bobId: string;

  const events = ['alice', 'bob', 'alice', 'carol'].flatMap((subject, n) => [
    {
      specversion: '1.0',
      id: `call-${n}`,
      source: 'portal-spec',
      type: 'api_call',
      subject,
      time: `2024-07-01T10:0${n}:00Z`,
      data: { tokens: 10 * (n + 1), model: n % 2 ? 'big' : 'small' },
    },
    {
      specversion: '1.0',
      id: `login-${n}`,
      source: 'portal-spec',
      type: 'login',
      subject,
      time: `2024-07-01T10:0${n}:30Z`,
    },
  ]);

  const portal = (token: string, path: string, headers?: Record<string, string>) =>
    app.request('GET', `/api/v1/portal/meters/${path}`, { token, headers });
  const createToken = async (body: unknown) => {
    const answer = await app.request('POST', '/api/v1/portal/tokens', { body });
    expect([answer.status, answer.text]).toEqual([200, expect.any(String)]);
    return answer.body as { id: string; token: string; subject: string; expiresAt: string };
  };

  beforeAll(async () => {
    app = await startTestApp({ clock, config: { rateLimitAnonPerIp: 0 } });
    for (const meter of [
      {
        slug: 'calls',
        eventType: 'api_call',
        aggregation: 'SUM',
        valueProperty: '$.tokens',
        groupBy: { model: '$.model' },
      },
      { slug: 'logins', eventType: 'login', aggregation: 'COUNT' },
    ])
      expect((await app.request('POST', '/api/v1/meters', { body: meter })).status).toBe(201);
    await app.request('POST', '/api/v1/customers', {
      body: { name: 'Alice Co', key: 'alice-co', usageAttribution: { subjectKeys: ['alice'] } },
    });
    bobId = (
      await app.request('POST', '/api/v1/customers', {
        body: { name: 'Bob Co', key: 'bob-co', usageAttribution: { subjectKeys: ['bob'] } },
      })
    ).body.id;
    expect((await app.request('POST', '/api/v1/events', { body: events })).status).toBe(204);
  });
  afterAll(() => app.close());

  it("answers a token its own subject's usage of an allowed meter, as the meter query answers it", async () => {
    const { token, expiresAt } = await createToken({ subject: 'alice', allowedMeterSlugs: ['calls'] });
    expect(expiresAt).toBe('2024-07-01T13:00:00.000Z');
    const query = 'from=2024-07-01T00:00:00Z&to=2024-07-02T00:00:00Z&windowSize=HOUR&groupBy=model';
    const mine = await portal(token, `calls/query?${query}`);
    expect(mine.status).toBe(200);
    const admin = await app.request('GET', `/api/v1/meters/calls/query?${query}&subject=alice`);
    expect(mine.body).toEqual(admin.body);
    expect(mine.body.data.map((row: { value: number }) => row.value)).toEqual([40]);
    const csv = await portal(token, `calls/query?${query}`, { accept: 'text/csv' });
    expect(csv.text).toBe(
      (
        await app.request('GET', `/api/v1/meters/calls/query?${query}&subject=alice`, {
          headers: { accept: 'text/csv' },
        })
      ).text,
    );
    // OpenMeter's own portal client reads it.
    const client = new PortalClient({ baseUrl: app.url, portalToken: token });
    const answer = await client.query('calls', { from: new Date('2024-07-01T00:00:00Z') });
    expect(answer.data.map((row) => [row.subject, row.value])).toEqual([['alice', 40]]);
  });

  // Found by the write-route fuzz: `expiresAt: null` (OpenMeter's field is read-only, so a client may
  // send back a token it read) reached Date.parse and answered 500.
  it('takes expiresAt null as not given: the default hour, never a 500', async () => {
    const { expiresAt } = await createToken({ subject: 'alice', expiresAt: null });
    expect(expiresAt).toBe('2024-07-01T13:00:00.000Z');
  });

  it("never shows another subject's usage: subject refused, groupings and customer filters within its own", async () => {
    const { token } = await createToken({ subject: 'alice' });
    const other = await portal(token, 'calls/query?subject=bob');
    expect([other.status, other.body.errors[0].field]).toEqual([400, 'subject']);
    const grouped = await portal(token, 'calls/query?groupBy=subject&groupBy=customer_id');
    expect(grouped.body.data.map((row: { subject: string }) => row.subject)).toEqual(['alice']);
    const bobs = await portal(token, `calls/query?filterCustomerId=${bobId}`);
    expect(bobs.body.data).toEqual([]);
    // Without a list of meters, every meter, still of its subject alone.
    expect(
      (await portal(token, 'logins/query')).body.data.map((row: { value: number }) => row.value),
    ).toEqual([2]);
  });

  it('refuses a meter it was not given (403), one that does not exist (404), and unknown meters at creation (400)', async () => {
    const { token } = await createToken({ subject: 'alice', allowedMeterSlugs: ['calls'] });
    const logins = await portal(token, 'logins/query');
    expect([logins.status, logins.body.code]).toEqual([403, 'AUTH.METER_NOT_ALLOWED']);
    expect((await portal((await createToken({ subject: 'alice' })).token, 'nothing/query')).status).toBe(404);
    const bad = await app.request('POST', '/api/v1/portal/tokens', {
      body: { subject: 'alice', allowedMeterSlugs: ['calls', 'nothing'] },
    });
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'allowedMeterSlugs[1]']);
    const empty = await app.request('POST', '/api/v1/portal/tokens', {
      body: { subject: 'alice', allowedMeterSlugs: [] },
    });
    expect(empty.status).toBe(400);
  });

  it('cannot open a console session', async () => {
    const { token } = await createToken({ subject: 'alice' });
    const signIn = await app.request('POST', '/api/v1/console/sessions', { token: null, body: { token } });
    expect([signIn.status, signIn.body.code]).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
    expect(signIn.headers.get('set-cookie')).toBeNull();
  });

  it('may call no other route: every read and write the router has answers 403, and nothing is written', async () => {
    const { token } = await createToken({ subject: 'alice' });
    const before = (await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_events`))[0].n;
    const failures: string[] = [];
    let refused = 0;
    for (const route of fastifyRoutes(app.tally)) {
      // Public routes take no bearer (the console's sign-in reads a token from its body: below).
      if (['/healthz', '/readyz', '/api/v1/console/sessions'].includes(route.path) || isDocsRoute(route.path))
        continue;
      if (route.path.startsWith('/api/v1/portal/meters/')) continue;
      const path = fill(route.path, (name) => (/id$/i.test(name) ? '01J00000000000000000000000' : 'calls'));
      const answer = await app.request(route.method, path, {
        token,
        ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { body: {} }),
      });
      refused += 1;
      if (answer.status !== 403) failures.push(`${route.method} ${route.path}: ${answer.status}`);
    }
    expect(failures).toEqual([]);
    expect(refused).toBeGreaterThan(60);
    expect((await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_events`))[0].n).toBe(before);
  });

  it('stops working once invalidated (by id or subject) or expired; the list shows them, never a secret', async () => {
    const one = await createToken({ subject: 'bob' });
    const two = await createToken({ subject: 'bob' });
    const soon = await createToken({ subject: 'carol', expiresAt: '2024-07-01T12:30:00Z' });
    for (const { token } of [one, two, soon]) expect((await portal(token, 'calls/query')).status).toBe(200);
    expect(
      (await app.request('POST', '/api/v1/portal/tokens/invalidate', { body: { id: one.id } })).status,
    ).toBe(204);
    expect((await portal(one.token, 'calls/query')).status).toBe(401);
    expect((await portal(two.token, 'calls/query')).status).toBe(200);
    expect(
      (await app.request('POST', '/api/v1/portal/tokens/invalidate', { body: { subject: 'bob' } })).status,
    ).toBe(204);
    expect((await portal(two.token, 'calls/query')).status).toBe(401);
    clock.set(new Date('2024-07-01T12:30:00.000Z'));
    expect((await portal(soon.token, 'calls/query')).status).toBe(401);
    const listed = await app.request('GET', '/api/v1/portal/tokens?limit=100');
    const byId = new Map(listed.body.map((t: { id: string }) => [t.id, t]));
    expect(byId.get(one.id)).toMatchObject({ subject: 'bob', expired: true });
    expect(byId.get(soon.id)).toMatchObject({
      subject: 'carol',
      expired: true,
      expiresAt: '2024-07-01T12:30:00.000Z',
    });
    expect(listed.text).not.toContain(soon.token);
    expect(listed.body.every((t: object) => !('token' in t))).toBe(true);
    // Portal tokens are not API tokens: not listed there, not revocable there.
    const apiTokens = await app.request('GET', '/api/v1/tokens');
    expect(apiTokens.body.map((t: { id: string }) => t.id)).not.toContain(soon.id);
    expect((await app.request('DELETE', `/api/v1/tokens/${soon.id}`)).status).toBe(404);
    const neither = await app.request('POST', '/api/v1/portal/tokens/invalidate', { body: {} });
    expect(neither.status).toBe(400);
  });
});
