import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { load } from 'js-yaml';
import { fastifyRoutes } from '../support/routes';
import { startTestApp, TestApp } from '../support/test-app';

const SPEC = join(__dirname, '../../../shared/reference/openmeter-openapi-v1.yaml');
const README = join(__dirname, '../../README.md');

interface Operation {
  readonly tag: string;
  readonly operationId: string;
  /** `METHOD /path` with every parameter written `{}`, so names need not match. */
  readonly route: string;
}

/** The v1 spec's operations, each under its first tag. */
function specOperations(text: string): Operation[] {
  const spec = load(text) as {
    paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
  };
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, operation]) =>
      operation.operationId && operation.tags?.length
        ? [
            {
              tag: operation.tags[0],
              operationId: operation.operationId,
              route: `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{}')}`,
            },
          ]
        : [],
    ),
  );
}

/** README's compatibility table: `| Tag | built of spec | … |`, one row per tag. */
function readmeCounts(text: string): Record<string, string> {
  const section = text.split('\n## OpenMeter compatibility')[1]?.split('\n## ')[0] ?? '';
  const rows: Record<string, string> = {};
  for (const line of section.split('\n')) {
    const row = /^\| ([^|]+?) \| (\d+ of \d+) \|/.exec(line);
    if (row) rows[row[1]] = row[2];
  }
  return rows;
}

/** Tally's own routes that OpenMeter's v1 spec has no operation for (documented in README and API.md). */
const TALLY_ONLY = [
  'DELETE /api/v1/console/session',
  'DELETE /api/v1/tokens/{}',
  'GET /api/v1/admin/projections',
  'GET /api/v1/admin/reconciliation',
  'GET /api/v1/audit/events',
  'GET /api/v1/billing/customers/{}/invoices/preview',
  'GET /api/v1/billing/invoices/{}/lines/{}/events',
  'GET /api/v1/console/session',
  'GET /api/v1/customers/{}/history',
  'GET /api/v1/features/{}/history',
  'GET /api/v1/meters/{}/history',
  'GET /api/v1/plans/{}/history',
  'GET /api/v1/subscriptions/{}/history',
  'GET /api/v1/tokens',
  'POST /api/v1/admin/projections/{}/rebuild',
  'POST /api/v1/console/sessions',
  'POST /api/v1/events/void',
  'POST /api/v1/tokens',
];

/**
 * The README's per-tag counts of OpenMeter v1 operations Tally answers, computed from the spec and
 * the live router: a route added or a tag's count left stale fails here, with the rows to write.
 */
describe('OpenMeter v1 compatibility counts', () => {
  let app: TestApp;
  let routes: Set<string>;
  const operations = specOperations(readFileSync(SPEC, 'utf8'));

  beforeAll(async () => {
    app = await startTestApp();
    routes = new Set(fastifyRoutes(app.tally).map((r) => `${r.method} ${r.path.replace(/:\w+/g, '{}')}`));
  });
  afterAll(() => app?.close());

  it('reads every operation of the spec', () => {
    // A sanity floor against a parse gone wrong: the v1 spec has 150+ operations, each with a tag.
    expect(operations.length).toBeGreaterThan(150);
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
  });

  it("states in README, per tag, how many of the spec's operations Tally answers", () => {
    const computed: Record<string, string> = {};
    for (const tag of [...new Set(operations.map((o) => o.tag))].sort()) {
      const ofTag = operations.filter((o) => o.tag === tag);
      computed[tag] = `${ofTag.filter((o) => routes.has(o.route)).length} of ${ofTag.length}`;
    }
    const missing = operations.filter((o) => !routes.has(o.route)).map((o) => `${o.tag}: ${o.operationId}`);
    const stated = readmeCounts(readFileSync(README, 'utf8'));
    if (!isDeepStrictEqual(stated, computed)) console.log(`not built:\n${missing.join('\n')}`);
    expect(stated).toEqual(computed);
  });

  it("answers no /api/v1 route outside the spec but Tally's own (tokens, sessions, admin, history, lineage, voids)", () => {
    const spec = new Set(operations.map((o) => o.route));
    const extra = [...routes].filter(
      (route) => /^[A-Z]+ \/api\/v1\//.test(route) && !route.startsWith('HEAD ') && !spec.has(route),
    );
    expect(extra.sort()).toEqual(TALLY_ONLY);
  });
});
