import fc from 'fast-check';
import type { StringFilter } from '../../src/shared/string-filter';
import { FUZZ_SCALE } from '../fuzz/hostile';
import { startTestApp, TestApp } from '../support/test-app';

const MODELS = ['gpt-4', 'gpt-4o', 'GPT-4o-mini', 'claude_3', 'small%', 'ab'];
const TYPES = ['input', 'output', 'cache_read'];

/** The usage: one event per (subject, model, type) with tokens 1, 2, 4, …, and some with no model. */
const usage = (() => {
  const events: { subject: string; model?: string; type: string; tokens: number }[] = [];
  let tokens = 1;
  for (const subject of ['acme', 'globex']) {
    for (const model of [...MODELS, undefined]) {
      for (const type of TYPES) {
        events.push({ subject, ...(model === undefined ? {} : { model }), type, tokens });
        tokens += 1;
      }
    }
  }
  return events;
})();

/**
 * OpenMeter's `FilterString.Match` (pkg/filter), written here independently of Tally's SQL: a value
 * an event lacks reads as "", `$like` patterns read `%` and `_`, `$contains` ignores case.
 */
function matches(filter: StringFilter, value: string): boolean {
  const [[operator, operand]] = Object.entries(filter) as [string, unknown][];
  const text = operand as string;
  const like = (pattern: string, flags: string) =>
    new RegExp(
      `^${[...pattern].map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`,
      flags,
    ).test(value);
  switch (operator) {
    case '$eq':
      return value === text;
    case '$ne':
      return value !== text;
    case '$exists':
      return operand === (value !== '');
    case '$in':
      return (operand as string[]).includes(value);
    case '$nin':
      return !(operand as string[]).includes(value);
    case '$like':
      return like(text, 's');
    case '$nlike':
      return !like(text, 's');
    case '$ilike':
      return like(text, 'si');
    case '$nilike':
      return !like(text, 'si');
    case '$contains':
      return value.toLowerCase().includes(text.toLowerCase());
    case '$ncontains':
      return !value.toLowerCase().includes(text.toLowerCase());
    case '$gt':
      return value > text;
    case '$gte':
      return value >= text;
    case '$lt':
      return value < text;
    case '$lte':
      return value <= text;
    case '$and':
      return (operand as StringFilter[]).every((f) => matches(f, value));
    case '$or':
      return (operand as StringFilter[]).some((f) => matches(f, value));
    default:
      throw new Error(operator);
  }
}

const word = fc.constantFrom(...MODELS, 'gpt', 'GPT', '4o', 'zzz', 'claude%', 'g_t-4', 'a');
const leaf: fc.Arbitrary<StringFilter> = fc.oneof(
  ...(
    [
      '$eq',
      '$ne',
      '$like',
      '$nlike',
      '$ilike',
      '$nilike',
      '$contains',
      '$ncontains',
      '$gt',
      '$gte',
      '$lt',
      '$lte',
    ] as const
  ).map((operator) => word.map((value) => ({ [operator]: value }) as StringFilter)),
  fc.uniqueArray(word, { minLength: 1, maxLength: 3 }).map((values) => ({ $in: values })),
  fc.uniqueArray(word, { minLength: 1, maxLength: 3 }).map((values) => ({ $nin: values })),
  fc.boolean().map((exists) => ({ $exists: exists })),
);
const filterArb: fc.Arbitrary<StringFilter> = fc.oneof(
  { weight: 3, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((all) => ({ $and: all })) },
  { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((any) => ({ $or: any })) },
);

/**
 * The meter helpers OpenMeter has — the query by POST (JSON or CSV), a group-by's values, a meter's
 * subjects — and the advanced group-by filters, through the real server, against usage sent to it.
 */
describe('meter helpers and advanced group-by filters', () => {
  let app: TestApp;

  const post = (path: string, body: unknown, headers?: Record<string, string>) =>
    app.request('POST', path, { body, headers });
  const sum = (keep: (event: (typeof usage)[number]) => boolean) =>
    usage.filter(keep).reduce((total, event) => total + event.tokens, 0);

  beforeAll(async () => {
    app = await startTestApp();
    const meter = {
      slug: 'tokens',
      eventType: 'prompt',
      aggregation: 'SUM',
      valueProperty: '$.tokens',
      groupBy: { model: '$.model', type: '$.type' },
    };
    expect((await post('/api/v1/meters', meter)).status).toBe(201);
    const events = usage.map(({ subject, tokens, ...data }, n) => ({
      specversion: '1.0',
      id: `u-${n}`,
      source: 'helpers',
      type: 'prompt',
      subject,
      time: new Date(Date.parse('2024-05-01T10:00:00Z') + n * 30_000).toISOString(),
      data: { tokens, ...data },
    }));
    expect((await post('/api/v1/events', events)).status).toBe(204);
  });
  afterAll(() => app.close());

  it('answers POST …/query as GET answers the same query, in JSON and in CSV', async () => {
    const query = {
      from: '2024-05-01T10:00:00Z',
      to: '2024-05-01T11:00:00Z',
      windowSize: 'HOUR',
      groupBy: ['model'],
      subject: ['acme'],
      advancedMeterGroupByFilters: { type: { $in: ['input', 'output'] } },
      clientId: 'a-client',
    };
    const byPost = await post('/api/v1/meters/tokens/query', query);
    expect(byPost.status).toBe(200);
    const url =
      '/api/v1/meters/tokens/query?from=2024-05-01T10:00:00Z&to=2024-05-01T11:00:00Z&windowSize=HOUR&groupBy=model' +
      `&subject=acme&clientId=a-client&advancedMeterGroupByFilters=${encodeURIComponent(JSON.stringify(query.advancedMeterGroupByFilters))}`;
    const byGet = await app.request('GET', url);
    expect(byPost.body).toEqual(byGet.body);
    expect(byPost.body.data).toHaveLength(MODELS.length + 1);
    const csvPost = await post('/api/v1/meters/tokens/query', query, { accept: 'text/csv' });
    const csvGet = await app.request('GET', url, { headers: { accept: 'text/csv' } });
    expect(csvPost.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csvPost.text).toBe(csvGet.text);
    // The legacy form as a POST body: name → values.
    const legacy = await post('/api/v1/meters/tokens/query', { filterGroupBy: { model: ['gpt-4', 'ab'] } });
    expect(legacy.body.data[0].value).toBe(sum((e) => e.model === 'gpt-4' || e.model === 'ab'));
  });

  it('reads advanced filters as JSON or as deepObject brackets, the way the SDK sends objects', async () => {
    const filters = { model: { $in: ['gpt-4', 'gpt-4o'] }, type: { $eq: 'input' } };
    const json = await app.request(
      'GET',
      `/api/v1/meters/tokens/query?advancedMeterGroupByFilters=${encodeURIComponent(JSON.stringify(filters))}`,
    );
    const brackets = await app.request(
      'GET',
      '/api/v1/meters/tokens/query?advancedMeterGroupByFilters[model][$in]=gpt-4&advancedMeterGroupByFilters[model][$in]=gpt-4o' +
        '&advancedMeterGroupByFilters[type][$eq]=input',
    );
    const expected = sum((e) => (e.model === 'gpt-4' || e.model === 'gpt-4o') && e.type === 'input');
    expect([json.body.data[0].value, brackets.body.data[0].value]).toEqual([expected, expected]);
  });

  it('takes an empty filter as keeping every value (the fuzzer found it answering 500)', async () => {
    const answer = await post('/api/v1/meters/tokens/query', {
      groupBy: ['model'],
      advancedMeterGroupByFilters: { model: {}, type: { $eq: 'input' } },
    });
    expect(answer.status).toBe(200);
    const total = answer.body.data.reduce((all: number, row: { value: number }) => all + row.value, 0);
    expect(total).toBe(sum((e) => e.type === 'input'));
  });

  it('refuses malformed filters, unknown group-bys and both forms at once (400, naming each)', async () => {
    const bad = await post('/api/v1/meters/tokens/query', {
      advancedMeterGroupByFilters: { model: { $eq: 'a', $ne: 'b' }, type: { $in: [] }, region: { $eq: 'x' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'advancedMeterGroupByFilters.model',
      'advancedMeterGroupByFilters.type.$in',
    ]);
    const unknown = await post('/api/v1/meters/tokens/query', {
      advancedMeterGroupByFilters: { region: { $eq: 'x' } },
    });
    expect([unknown.status, unknown.body.errors[0].field]).toEqual([
      400,
      'advancedMeterGroupByFilters.region',
    ]);
    const both = await post('/api/v1/meters/tokens/query', {
      filterGroupBy: { model: ['ab'] },
      advancedMeterGroupByFilters: { type: { $eq: 'input' } },
    });
    expect([both.status, both.body.errors[0].field]).toEqual([400, 'filterGroupBy']);
    const shape = await post('/api/v1/meters/tokens/query', {
      subject: 'acme',
      windowSize: 'WEEK',
      extra: 1,
    });
    expect(shape.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'extra',
      'subject',
      'windowSize',
    ]);
  });

  it('refuses text PostgreSQL cannot hold in a POSTed query (400), never a 500', async () => {
    const bad = await post('/api/v1/meters/tokens/query', {
      subject: ['nul\u0000'],
      advancedMeterGroupByFilters: { model: { $eq: '\u0000' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'advancedMeterGroupByFilters.model.$eq',
      'subject[0]',
    ]);
  });

  it('keeps exactly the usage OpenMeter would, for every operator and combination', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb, fc.option(filterArb, { nil: undefined }), async (model, type) => {
        const filters = { model, ...(type ? { type } : {}) };
        const answer = await post('/api/v1/meters/tokens/query', { advancedMeterGroupByFilters: filters });
        expect(answer.status).toBe(200);
        const expected = sum((e) => matches(model, e.model ?? '') && (!type || matches(type, e.type)));
        expect(answer.body.data.reduce((total: number, row: { value: number }) => total + row.value, 0)).toBe(
          expected,
        );
      }),
      { numRuns: 40 * FUZZ_SCALE },
    );
  });

  it("lists a group-by's values and the meter's subjects over a range, sorted", async () => {
    const values = await app.request(
      'GET',
      '/api/v1/meters/tokens/group-by/model/values?from=2024-05-01T00:00:00Z&to=2024-05-02T00:00:00Z',
    );
    expect(values.body).toEqual([...MODELS].sort());
    // By default, the last 24 hours: this usage is older.
    expect((await app.request('GET', '/api/v1/meters/tokens/group-by/type/values')).body).toEqual([]);
    const early = await app.request(
      'GET',
      '/api/v1/meters/tokens/group-by/type/values?from=2024-05-01T00:00:00Z&to=2024-05-01T10:00:31Z',
    );
    expect(early.body).toEqual(['input', 'output']);
    expect((await app.request('GET', '/api/v1/meters/tokens/subjects')).body).toEqual(['acme', 'globex']);
    const late = await app.request('GET', '/api/v1/meters/tokens/subjects?from=2024-05-01T10:10:30Z');
    expect(late.body).toEqual(['globex']);
    const unknown = await app.request('GET', '/api/v1/meters/tokens/group-by/region/values');
    expect([unknown.status, unknown.body.errors[0].field]).toEqual([400, 'groupByKey']);
    expect((await app.request('GET', '/api/v1/meters/nothing/subjects')).status).toBe(404);
  });
});
