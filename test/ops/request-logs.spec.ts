import { logSink } from '../support/log-sink';
import { startTestApp, TestApp } from '../support/test-app';

type Line = Record<string, unknown>;

/**
 * One `info` line per request — method, route template, status, duration, request id, token id and
 * namespace — and the request's id as a field of its own on every line logged while serving it.
 */
describe('request logs', () => {
  let app: TestApp;
  const sink = logSink();
  const lines = () => sink.lines.map((line) => JSON.parse(line) as Line);
  const requestLines = (reqId: string) => lines().filter((l) => l.msg === 'request' && l.reqId === reqId);

  beforeAll(async () => {
    // Read models held back and a short read-your-writes bound: a read answers 503, and the problem
    // filter logs that while serving it.
    app = await startTestApp({
      logDestination: sink.destination,
      config: { logLevel: 'info', runProjections: false, readYourWritesTimeoutMs: 200 },
    });
  });
  afterAll(() => app.close());

  it('logs one line per request, with its route template, caller and request id', async () => {
    const secret = await app.token('ingest', 'request-log-spec');
    const reqId = 'req-log-spec-1';
    const answer = await app.request('POST', '/api/v1/events', {
      token: secret,
      headers: { 'x-request-id': reqId },
      body: { specversion: '1.0', id: 'e1', source: 'spec', type: 'call', subject: 'acme', data: {} },
    });
    expect(answer.status).toBe(204);
    const [line, ...more] = requestLines(reqId);
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 30,
      reqId,
      method: 'POST',
      route: '/api/v1/events',
      status: 204,
      namespace: 'default',
      tokenId: expect.any(String),
      durationMs: expect.any(Number),
    });
    // ISO 8601 times, and never the secret.
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(sink.lines.filter((l) => l.includes(secret.slice(6)))).toEqual([]);

    // A path the client chose is not a route: logged as unmatched, not as its path.
    await app.request('GET', '/no/such/place', { headers: { 'x-request-id': 'req-log-spec-2' } });
    expect(requestLines('req-log-spec-2')).toMatchObject([{ route: '(unmatched)', status: 404 }]);
  });

  it('puts the request id on a line logged while serving that request', async () => {
    const reqId = 'req-log-spec-3';
    const answer = await app.request('GET', '/api/v1/meters/calls/query', {
      headers: { 'x-request-id': reqId },
    });
    expect(answer.status).toBe(503);
    const served = lines().filter((l) => l.reqId === reqId);
    expect(served).toMatchObject([
      { level: 40, context: 'http', msg: expect.stringContaining('answered 503') },
      { msg: 'request', status: 503, route: '/api/v1/meters/:meterIdOrSlug/query' },
    ]);
  });

  it("keeps Nest's start-up wiring out of the info log", () => {
    expect(lines().filter((l) => /Mapped \{|RoutesResolver|InstanceLoader/.test(JSON.stringify(l)))).toEqual(
      [],
    );
  });
});
