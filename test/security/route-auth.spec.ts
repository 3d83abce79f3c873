import { ulid } from 'ulid';
import type { Role } from '../../src/auth/request-context';
import { fastifyRoutes, fill, isDocsRoute, nestRoutes, Route } from '../support/routes';
import { startTestApp, TestApp } from '../support/test-app';

/** The health checks, and the console's sign-in, which takes a token in its body. */
const PUBLIC = new Set(['/healthz', '/readyz', '/api/v1/console/sessions']);
/** Ingestion, and voiding what was ingested. */
const INGESTION = new Set(['POST /api/v1/events', 'POST /v3/openmeter/events', 'POST /api/v1/events/void']);
/** Routes that act on every namespace at once: the projections' positions and rebuilds. */
const INSTALLATION_WIDE = ['/api/v1/admin/projections'];
/** The consumer portal's reads: for portal tokens, and only for them. */
const PORTAL = ['/api/v1/portal/meters/'];

/**
 * Who may call a route, as API.md, DESIGN.md and the README state it — written out here, not read
 * from the code. A `system` token is its namespace's admin and, alone, the installation's operator.
 */
function allowedRoles({ method, path }: Route): readonly Role[] {
  if (PORTAL.some((prefix) => path.startsWith(prefix))) return ['portal'];
  if (INGESTION.has(`${method} ${path}`)) return ['ingest', 'admin', 'system'];
  if (INSTALLATION_WIDE.some((prefix) => path.startsWith(prefix))) return ['system'];
  // Whoever signed in to the console may see who they are and sign out.
  if (path === '/api/v1/console/session') return ['read', 'admin', 'system'];
  if (path.startsWith('/api/v1/tokens') || path.startsWith('/api/v1/admin/')) return ['admin', 'system'];
  return method === 'GET' || method === 'HEAD' ? ['read', 'admin', 'system'] : ['admin', 'system'];
}

/** Plausible values, so that a route that forgot its guard would run for real (and answer 2xx/4xx, not 401). */
function paramValue(name: string): string {
  if (/id$/i.test(name) && !/OrKey|OrSlug/.test(name)) return ulid();
  if (name === 'name') return 'no_such_projection';
  return 'some_key';
}

/**
 * Every route the server has — enumerated from the router, not listed by hand — refuses a missing,
 * wrong or revoked token with 401 and a token of too low a role with 403, and lets the roles it is
 * meant for through. Only the health checks and the API docs are public.
 */
describe('authentication and roles on every registered route', () => {
  let app: TestApp;
  let tokens: Record<Role, string>;
  let revoked: string;
  let routes: Route[];

  beforeAll(async () => {
    // Hundreds of unauthenticated requests from one address: the per-address limit is tested elsewhere.
    app = await startTestApp({ config: { rateLimitAnonPerIp: 0 } });
    tokens = {
      // The first admin token (ADMIN_TOKEN) holds the system role; other admins are namespace admins.
      system: app.adminToken,
      admin: await app.token('admin'),
      ingest: await app.token('ingest'),
      read: await app.token('read'),
      portal: (await app.request('POST', '/api/v1/portal/tokens', { body: { subject: 'acme' } })).body.token,
    };
    const doomed = await app.request('POST', '/api/v1/tokens', { body: { name: 'doomed', role: 'admin' } });
    expect((await app.request('DELETE', `/api/v1/tokens/${doomed.body.id}`)).status).toBe(204);
    revoked = doomed.body.secret;
    routes = fastifyRoutes(app.tally);
  });
  afterAll(() => app.close());

  const call = (route: Route, token: string | null) =>
    app.request(route.method, fill(route.path, paramValue), {
      token,
      ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { body: {} }),
    });

  it('enumerates the whole router, including every route declared on a Nest controller', () => {
    const served = new Set(routes.map((r) => `${r.method} ${r.path.replace(/:\w+/g, ':')}`));
    const declared = nestRoutes(app.tally).map((r) => `${r.method} ${r.path.replace(/:\w+/g, ':')}`);
    expect(declared.length).toBeGreaterThan(40);
    expect(declared.filter((route) => !served.has(route))).toEqual([]);
    // Every route Fastify serves comes from a controller, except the docs and the HEAD twins of GETs.
    const fromNest = new Set(declared);
    const unaccounted = [...served].filter(
      (r) => !fromNest.has(r) && !fromNest.has(r.replace(/^HEAD /, 'GET ')) && !isDocsRoute(r.split(' ')[1]),
    );
    expect(unaccounted).toEqual([]);
  });

  it('answers 401 without a token, with a wrong one and with a revoked one, everywhere but health and docs', async () => {
    const guarded = routes.filter((r) => !PUBLIC.has(r.path) && !isDocsRoute(r.path));
    const failures: string[] = [];
    for (const route of guarded) {
      for (const [label, token] of [
        ['no token', null],
        ['a wrong token', `tally_${'x'.repeat(43)}`],
        ['a revoked token', revoked],
      ] as const) {
        const answer = await call(route, token);
        if (answer.status !== 401)
          failures.push(`${route.method} ${route.path} with ${label}: ${answer.status}`);
        else if (route.method !== 'HEAD' && answer.body.code === undefined)
          failures.push(`${route.method} ${route.path}: not a problem`);
      }
    }
    expect(failures).toEqual([]);
    expect(guarded.length).toBeGreaterThan(60);
  });

  it('answers 403 to a role the route is not for, and lets the roles it is for through', async () => {
    const failures: string[] = [];
    let refusals = 0;
    for (const route of routes.filter((r) => !PUBLIC.has(r.path) && !isDocsRoute(r.path))) {
      const allowed = allowedRoles(route);
      for (const role of ['read', 'ingest', 'admin', 'system', 'portal'] as const) {
        const { status } = await call(route, tokens[role]);
        if (!allowed.includes(role)) {
          refusals += 1;
          if (status !== 403)
            failures.push(`${route.method} ${route.path} as ${role}: ${status}, expected 403`);
        } else if (status === 401 || status === 403) {
          failures.push(`${route.method} ${route.path} as ${role}: ${status}, expected to be let through`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(refusals).toBeGreaterThan(150);
  });

  it('lets only a system token grant or revoke the system role', async () => {
    const asAdmin = { token: tokens.admin };
    const refused = await app.request('POST', '/api/v1/tokens', {
      ...asAdmin,
      body: { name: 'escalate', role: 'system' },
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
    const granted = await app.request('POST', '/api/v1/tokens', {
      body: { name: 'operator', role: 'system' },
    });
    expect([granted.status, granted.body.role]).toEqual([201, 'system']);
    expect(
      (await app.request('GET', '/api/v1/admin/projections', { token: granted.body.secret })).status,
    ).toBe(200);
    const listed = (await app.request('GET', '/api/v1/tokens', asAdmin)).body as {
      id: string;
      role: string;
    }[];
    expect(listed.find((t) => t.id === granted.body.id)?.role).toBe('system');
    const revoke = await app.request('DELETE', `/api/v1/tokens/${granted.body.id}`, asAdmin);
    expect([revoke.status, revoke.body.code]).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED']);
    expect(
      (await app.request('GET', '/api/v1/admin/projections', { token: granted.body.secret })).status,
    ).toBe(200);
    expect((await app.request('DELETE', `/api/v1/tokens/${granted.body.id}`)).status).toBe(204);
    expect(
      (await app.request('GET', '/api/v1/admin/projections', { token: granted.body.secret })).status,
    ).toBe(401);
  });

  it('keeps the health checks and the docs open', async () => {
    for (const path of ['/healthz', '/readyz', '/docs', '/docs-json']) {
      expect(routes).toContainEqual({ method: 'GET', path });
      expect([path, (await app.request('GET', path, { token: null })).status]).toEqual([path, 200]);
    }
  });

  it("says on /readyz which projections serve, and nothing of the installation's traffic", async () => {
    const ready = await app.request('GET', '/readyz', { token: null });
    const projections = ready.body.projections as Record<string, unknown>[];
    expect(projections.length).toBeGreaterThan(5);
    // Positions and lag are every namespace's traffic; an error may quote a tenant's data.
    expect(projections.filter((p) => Object.keys(p).sort().join() !== 'name,state')).toEqual([]);
  });

  it('refuses malformed Authorization headers with 401', async () => {
    for (const authorization of [
      `Basic ${Buffer.from(`admin:${app.adminToken}`).toString('base64')}`,
      'Bearer',
      'Bearer ',
      `Bearer ${app.adminToken} extra`,
      `Token ${app.adminToken}`,
      `Bearer ${app.adminToken.slice(0, -1)}`,
      `Bearer ${app.adminToken}${'a'.repeat(600)}`,
      `Bearer ${app.adminToken.toUpperCase()}`,
    ]) {
      const answer = await app.request('GET', '/api/v1/meters', { token: null, headers: { authorization } });
      expect([authorization.slice(0, 20), answer.status]).toEqual([authorization.slice(0, 20), 401]);
    }
    expect(
      (
        await app.request('GET', '/api/v1/meters', {
          token: null,
          headers: { authorization: `bearer ${app.adminToken}` },
        })
      ).status,
    ).toBe(200);
  });
});
