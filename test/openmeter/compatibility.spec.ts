import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
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

/**
 * The v1 spec's operations, read from its `paths:` block line by line: the spec is machine-written
 * with a fixed layout (two spaces per level), and a YAML parser is not among Tally's dependencies.
 */
function specOperations(text: string): Operation[] {
  const lines = text.split('\n');
  const operations: Operation[] = [];
  let inPaths = false;
  let path = '';
  let current: { method: string; operationId?: string; tag?: string; inTags?: boolean } | undefined;
  const flush = () => {
    if (current?.operationId && current.tag)
      operations.push({
        tag: current.tag,
        operationId: current.operationId,
        route: `${current.method} ${path.replace(/\{[^}]+\}/g, '{}')}`,
      });
    current = undefined;
  };
  for (const line of lines) {
    if (/^paths:\s*$/.test(line)) {
      inPaths = true;
      continue;
    }
    if (!inPaths) continue;
    if (/^\S/.test(line)) break;
    const pathLine = /^ {2}(\/\S*):\s*$/.exec(line);
    const methodLine = /^ {4}(get|post|put|patch|delete):\s*$/.exec(line);
    if (pathLine || methodLine) flush();
    if (pathLine) path = pathLine[1];
    else if (methodLine) current = { method: methodLine[1].toUpperCase() };
    else if (current) {
      const operationId = /^ {6}operationId: (\S+)\s*$/.exec(line);
      if (operationId) current.operationId = operationId[1];
      if (/^ {6}tags:\s*$/.test(line)) current.inTags = true;
      else if (/^ {6}\S/.test(line)) current.inTags = false;
      const tag = /^ {8}- (.+?)\s*$/.exec(line);
      if (current.inTags && tag && current.tag === undefined)
        current.tag = tag[1].replace(/^['"]|['"]$/g, '');
    }
  }
  flush();
  return operations;
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
  'DELETE /api/v1/tokens/{}',
  'GET /api/v1/admin/projections',
  'GET /api/v1/admin/reconciliation',
  'GET /api/v1/audit/events',
  'GET /api/v1/billing/customers/{}/invoices/preview',
  'GET /api/v1/billing/invoices/{}/lines/{}/events',
  'GET /api/v1/customers/{}/history',
  'GET /api/v1/features/{}/history',
  'GET /api/v1/meters/{}/history',
  'GET /api/v1/plans/{}/history',
  'GET /api/v1/subscriptions/{}/history',
  'GET /api/v1/tokens',
  'POST /api/v1/admin/projections/{}/rebuild',
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

  it("documents every spec operation it answers in /docs-json, under OpenMeter's operationId (when it names one) with its answer's schema", async () => {
    const docs = (await app.request('GET', '/docs-json', { token: null })).body as {
      paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>;
    };
    const documented = new Map<string, { operationId?: string; responses?: Record<string, unknown> }>();
    for (const [path, methods] of Object.entries(docs.paths))
      for (const [method, operation] of Object.entries(methods))
        documented.set(`${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{}')}`, operation);
    const problems = operations
      .filter((o) => routes.has(o.route))
      .flatMap((o) => {
        const doc = documented.get(o.route);
        if (!doc) return [`${o.route}: not in /docs-json`];
        // Routes older than issue 25 keep Nest's generated ids (`Controller_method`) for now.
        const named = doc.operationId !== undefined && !doc.operationId.includes('_');
        if (!named) return [];
        if (doc.operationId !== o.operationId)
          return [`${o.route}: operationId ${doc.operationId} ≠ ${o.operationId}`];
        const answers = Object.entries(doc.responses ?? {}).filter(([status]) => /^2/.test(status));
        const described = answers.some(
          ([status, answer]) => status === '204' || (answer as { content?: unknown }).content !== undefined,
        );
        return described ? [] : [`${o.route}: no answer schema`];
      });
    expect(problems).toEqual([]);
  });

  it('answers no /api/v1 route outside the spec but Tally’s own tokens and admin routes', () => {
    const spec = new Set(operations.map((o) => o.route));
    const extra = [...routes].filter(
      (route) => /^[A-Z]+ \/api\/v1\//.test(route) && !route.startsWith('HEAD ') && !spec.has(route),
    );
    expect(extra.sort()).toEqual(TALLY_ONLY);
  });
});
