import { startTestApp, TestApp } from './support/test-app';

describe('the HTTP shell', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers liveness and readiness without a token', async () => {
    expect((await app.request('GET', '/healthz', { token: null })).status).toBe(200);
    const ready = await app.request('GET', '/readyz', { token: null });
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({
      database: { status: 'up' },
      eventStore: { status: 'up' },
      projections: { status: 'up' },
    });
  });

  it('serves the OpenAPI document and UI without a token', async () => {
    const json = await app.request('GET', '/docs-json', { token: null });
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/tokens', '/healthz', '/readyz']),
    );
    const ui = await app.request('GET', '/docs', { token: null });
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('refuses API routes without a token, with an unknown token, and with a revoked one (401)', async () => {
    for (const token of [null, 'tally_not_a_real_token']) {
      const answer = await app.request('GET', '/api/v1/tokens', { token });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.body).toMatchObject({
        status: 401,
        title: 'Unauthorized',
        type: expect.any(String),
        detail: expect.any(String),
      });
    }
    const secret = await app.token('admin', 'short-lived');
    const [created] = (await app.request('GET', '/api/v1/tokens')).body.filter(
      (t: { name: string }) => t.name === 'short-lived',
    );
    expect((await app.request('GET', '/api/v1/tokens', { token: secret })).status).toBe(200);
    expect((await app.request('DELETE', `/api/v1/tokens/${created.id}`)).status).toBe(204);
    expect((await app.request('GET', '/api/v1/tokens', { token: secret })).status).toBe(401);
  });

  it('limits what a token may do by its role (403)', async () => {
    const read = await app.token('read');
    const ingest = await app.token('ingest');
    expect((await app.request('GET', '/api/v1/tokens', { token: read })).status).toBe(403);
    const refused = await app.request('POST', '/api/v1/tokens', {
      token: ingest,
      body: { name: 'x', role: 'admin' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
  });

  it('shows a token secret once and keeps only its digest', async () => {
    const created = await app.request('POST', '/api/v1/tokens', { body: { name: 'ci', role: 'read' } });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^tally_/);
    const listed = await app.request('GET', '/api/v1/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    const stored = await app.db.dataSource.query(`SELECT * FROM tally_api_tokens`);
    const dump = JSON.stringify(stored);
    expect(dump).not.toContain(created.body.secret);
    expect(dump).not.toContain(app.adminToken);
  });

  it('answers bad input with problem+json naming each problem, and writes nothing', async () => {
    const before = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_api_tokens`);
    const malformed = await app.request('POST', '/api/v1/tokens', {
      rawBody: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toBe('application/problem+json');
    expect(malformed.body.code).toBe('HTTP.MALFORMED_JSON');

    const invalid = await app.request('POST', '/api/v1/tokens', {
      body: { name: '', role: 'owner', extra: 1 },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'extra',
      'name',
      'role',
    ]);

    const polluted = await app.request('POST', '/api/v1/tokens', {
      rawBody: '{"name":"x","role":"read","__proto__":{"admin":true}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(polluted.status).toBe(400);
    const after = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_api_tokens`);
    expect(after).toEqual(before);
  });

  it('refuses members named after Object.prototype (constructor, toString…) in a DTO body, naming each', async () => {
    const events = async () =>
      (await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_events`))[0].n;
    const before = await events();
    const customer = await app.request('POST', '/api/v1/customers', {
      rawBody: '{"key":"c-ctor","name":"C","toString":"t","metadata":{"constructor":"x","valueOf":"y"}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(customer.status).toBe(400);
    expect(customer.headers.get('content-type')).toBe('application/problem+json');
    expect(customer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'metadata.constructor',
      'metadata.valueOf',
      'toString',
    ]);

    const subjects = await app.request('POST', '/api/v1/subjects', {
      rawBody: '[{"key":"ok"},{"key":{"constructor":" "}}]',
      headers: { 'content-type': 'application/json' },
    });
    expect(subjects.status).toBe(400);
    expect(subjects.body.errors).toContainEqual(expect.objectContaining({ field: '[1].key.constructor' }));
    expect(await events()).toBe(before);
  });

  it('answers unknown routes with 404 problem+json and echoes the request id', async () => {
    const answer = await app.request('GET', '/api/v1/nothing-here', {
      headers: { 'x-request-id': 'req-42' },
    });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.headers.get('x-request-id')).toBe('req-42');
  });
});
