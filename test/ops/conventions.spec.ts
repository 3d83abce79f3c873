import { startTestApp, TestApp } from '../support/test-app';

/**
 * HTTP conventions: a 401 names the scheme to authenticate with (RFC 9110 `WWW-Authenticate`, RFC
 * 6750's `invalid_token` for a token refused), problems are RFC 9457's `about:blank` type (as
 * OpenMeter's), and the OpenAPI document describes Tally's tokens as the opaque secrets they are.
 */
describe('HTTP conventions', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers 401 with a bearer challenge', async () => {
    const none = await app.request('GET', '/api/v1/meters', { token: null });
    expect([none.status, none.headers.get('www-authenticate'), none.body.code]).toEqual([
      401,
      'Bearer realm="tally"',
      'AUTH.MISSING_TOKEN',
    ]);
    const wrong = await app.request('POST', '/api/v1/events', {
      token: 'tally_not_a_token_at_all',
      body: {},
    });
    expect([wrong.status, wrong.headers.get('www-authenticate'), wrong.body.code]).toEqual([
      401,
      'Bearer realm="tally", error="invalid_token"',
      'AUTH.INVALID_TOKEN',
    ]);
    // Other refusals carry no challenge.
    const forbidden = await app.request('GET', '/api/v1/admin/projections', {
      token: await app.token('admin'),
    });
    expect([forbidden.status, forbidden.headers.get('www-authenticate')]).toEqual([403, null]);
  });

  it("answers problems of RFC 9457's about:blank type, titled by their status", async () => {
    const missing = await app.request('GET', '/api/v1/meters/no_such_meter');
    expect([missing.status, missing.headers.get('content-type')]).toEqual([404, 'application/problem+json']);
    expect(missing.body).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404 });
    const invalid = await app.request('POST', '/api/v1/meters', { body: { slug: 'Not A Slug' } });
    expect(invalid.body).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
  });

  it('describes the bearer tokens as opaque, not JWTs', async () => {
    const document = await app.request('GET', '/docs-json', { token: null });
    expect(document.body.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'opaque',
    });
  });
});
