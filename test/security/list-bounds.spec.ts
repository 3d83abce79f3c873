import { ulid } from 'ulid';
import { MAX_OFFSET, MAX_PAGE } from '../../src/shared/http/list-params';
import { fastifyRoutes, fill, isDocsRoute, Route } from '../support/routes';
import { startTestApp, TestApp } from '../support/test-app';
import { createTutorialCatalog } from '../support/tutorial';

const HUGE = '99999999999999999999';
/** Path parameters that name what the tutorial catalog holds; other ids are fresh ULIDs. */
const PARAMS: Record<string, string> = {
  customerIdOrKey: 'acme-inc',
  meterIdOrSlug: 'active_users_total',
  featureKey: 'active_users',
};
const PAGING = ['page', 'pageSize', 'offset', 'limit'] as const;

/** The page-based lists, and the bound each paging parameter has. */
const PAGED_LISTS = [
  '/api/v1/customers',
  '/api/v1/plans',
  '/api/v1/features',
  '/api/v1/meters',
  '/api/v1/billing/invoices',
  '/api/v1/customers/:customerIdOrKey/subscriptions',
];

/**
 * Every paging parameter is bounded at the edge: a page past what a number counts exactly used to
 * reach PostgreSQL as `OFFSET 1e+22` (a 500 on the customers, plans, features and meters lists).
 * Every GET route the router has gets every paging parameter far out of range: each answers 400
 * naming it (or ignores a query string it takes none of), never a 5xx; and the largest page each
 * page-based list accepts answers 200.
 */
describe('paging parameters out of range, on every list route', () => {
  let app: TestApp;
  let routes: Route[];

  beforeAll(async () => {
    app = await startTestApp();
    await createTutorialCatalog(app);
    routes = fastifyRoutes(app.tally).filter(
      (r) => r.method === 'GET' && !isDocsRoute(r.path) && r.path !== '/healthz' && r.path !== '/readyz',
    );
  });
  afterAll(() => app.close());

  const path = (route: string) =>
    fill(route, (name) => PARAMS[name] ?? (/Id$/.test(name) ? ulid() : 'no_such_key'));

  it('answers 400 naming each paging parameter far out of range, on every GET route, never a 5xx', async () => {
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(PAGED_LISTS));
    const wrong: string[] = [];
    for (const route of routes) {
      for (const name of PAGING) {
        const url = `${path(route.path)}?${name}=${HUGE}`;
        const answer = await app.request('GET', url);
        const fields = (answer.body?.errors ?? []).map((e: { field: string }) => e.field);
        const named = answer.status === 400 && fields.includes(name);
        const ignored = answer.status < 500 && answer.status !== 400 && !PAGED_LISTS.includes(route.path);
        if (!named && !ignored) wrong.push(`${url} → ${answer.status} ${answer.text.slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(PAGED_LISTS)(
    'bounds %s by its own limits, and serves the largest page it accepts',
    async (route) => {
      const list = path(route);
      for (const [query, field] of [
        [`page=${MAX_PAGE + 1}`, 'page'],
        ['page=0', 'page'],
        ['pageSize=1001', 'pageSize'],
        [`page=${HUGE}&pageSize=1000`, 'page'],
      ]) {
        const refused = await app.request('GET', `${list}?${query}`);
        expect([query, refused.status, refused.body.errors?.[0]?.field]).toEqual([query, 400, field]);
        expect(refused.body.errors[0].message).not.toMatch(/should not exist/);
      }
      const last = await app.request('GET', `${list}?page=${MAX_PAGE}&pageSize=1000`);
      expect(last.status).toBe(200);
      expect(Array.isArray(last.body) ? last.body : last.body.items).toEqual([]);
    },
  );

  it('bounds the features list’s offset and limit alike', async () => {
    expect((await app.request('GET', `/api/v1/features?offset=${MAX_OFFSET + 1}`)).status).toBe(400);
    const last = await app.request('GET', `/api/v1/features?offset=${MAX_OFFSET}&limit=1000`);
    expect([last.status, last.body]).toEqual([200, []]);
  });
});
