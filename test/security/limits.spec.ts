import { connect } from 'node:net';
import { logSink } from '../support/log-sink';
import { startTestApp, TestApp } from '../support/test-app';

const MAX_BODY_BYTES = 64 * 1024;
const REQUEST_TIMEOUT_MS = 1_000;

/**
 * Explicit limits at the edge: body size (413), header size (431), how long a client may take to
 * send its request (408, then the connection closes), and how long a request may take to answer
 * (503 with Retry-After, even while the database is blocked). Each refusal writes nothing.
 */
describe('request limits', () => {
  let app: TestApp;
  const { lines: logLines, destination: logDestination } = logSink();
  const eventCount = async () =>
    Number((await app.db.dataSource.query(`SELECT count(*) AS n FROM tally_events`))[0].n);
  const event = (id: string, padding = '') => ({
    specversion: '1.0',
    id,
    source: 'limits',
    type: 'limit',
    subject: 's',
    data: { padding },
  });

  /**
   * One connection, written to as a client does (the whole request, then any next one once an
   * answer has come), read until the server closes it: what it answered, and any socket error.
   */
  const rawExchange = (head: string, body: string, next?: string) =>
    new Promise<{ error?: string; statuses: number[]; text: string }>((resolve) => {
      const socket = connect(Number(new URL(app.url).port), '127.0.0.1');
      let text = '';
      let error: string | undefined;
      let sentNext = false;
      socket.on('data', (chunk) => {
        text += chunk.toString();
        if (next && !sentNext && /\r\n\r\n\{[^]*\}$/.test(text)) {
          sentNext = true;
          socket.write(next);
        }
      });
      socket.on('error', (e: NodeJS.ErrnoException) => (error ??= e.code ?? String(e)));
      socket.on('close', () =>
        resolve({
          error,
          statuses: [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1])),
          text,
        }),
      );
      socket.write(head);
      socket.write(body);
      if (!next) socket.end();
    });

  beforeAll(async () => {
    app = await startTestApp({
      config: { maxBodyBytes: MAX_BODY_BYTES, requestTimeoutMs: REQUEST_TIMEOUT_MS },
      // A lock below holds a transaction open for a request's whole timeout.
      ownCluster: true,
      logDestination,
    });
  });
  afterAll(() => app.close());

  it('refuses a body over MAX_BODY_BYTES with 413 on every route, and writes nothing', async () => {
    const before = await eventCount();
    const fits = JSON.stringify(event('fits', 'x'.repeat(MAX_BODY_BYTES - 200)));
    expect(Buffer.byteLength(fits)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(
      (
        await app.request('POST', '/api/v1/events', {
          rawBody: fits,
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(204);

    const tooBig = JSON.stringify(event('too-big', 'x'.repeat(MAX_BODY_BYTES)));
    for (const [path, contentType] of [
      ['/api/v1/events', 'application/json'],
      ['/v3/openmeter/events', 'application/cloudevents+json'],
      ['/api/v1/meters', 'application/json'],
      ['/api/v1/customers', 'text/plain'],
    ]) {
      const answer = await app.request('POST', path, {
        rawBody: tooBig,
        headers: { 'content-type': contentType },
      });
      expect([path, answer.status, answer.headers.get('content-type')]).toEqual([
        path,
        413,
        'application/problem+json',
      ]);
    }
    expect(await eventCount()).toBe(before + 1);
  });

  it('answers an oversized body with its 413 problem to a client that sends it all, and keeps the connection', async () => {
    // 6 MB, far more than the kernel buffers between the two ends: the client is still sending when
    // the answer comes (it is refused from its Content-Length), which a close would reset.
    const padding = 'x'.repeat(6 * 1024 * 1024);
    const before = await eventCount();
    for (const [path, contentType, body, chunked] of [
      ['/api/v1/events', 'application/cloudevents+json', JSON.stringify(event('big', padding)), false],
      [
        '/api/v1/events',
        'application/cloudevents-batch+json',
        JSON.stringify([event('big', padding)]),
        false,
      ],
      ['/api/v1/events', 'application/cloudevents+json', JSON.stringify(event('big', padding)), true],
      ['/api/v1/customers', 'application/json', JSON.stringify({ name: padding }), false],
    ] as const) {
      const exchange = await rawExchange(
        `POST ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${app.adminToken}\r\n` +
          `Content-Type: ${contentType}\r\n` +
          (chunked
            ? 'Transfer-Encoding: chunked\r\n\r\n'
            : `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`),
        chunked ? `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n` : body,
        // Once the answer is in, the same connection serves the next request.
        `GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      );
      expect([contentType, chunked, exchange.error, exchange.statuses]).toEqual([
        contentType,
        chunked,
        undefined,
        [413, 200],
      ]);
      expect(exchange.text).toContain('application/problem+json');
      expect(exchange.text).toContain('"code":"HTTP.BODY_TOO_LARGE"');
    }
    expect(await eventCount()).toBe(before);
  });

  it('refuses oversized headers and URLs with a 431 problem, read before the connection closes', async () => {
    const header = await app.request('GET', '/api/v1/meters', {
      headers: { 'x-padding': 'x'.repeat(32 * 1024) },
    });
    expect([header.status, header.headers.get('content-type'), header.body.code]).toEqual([
      431,
      'application/problem+json',
      'HTTP.HEADERS_TOO_LARGE',
    ]);
    const url = await app.request('GET', `/api/v1/meters?${'a=1&'.repeat(10_000)}`);
    expect(url.status).toBe(431);
    // A client still sending headers when refused reads the whole answer, without a reset.
    const exchange = await rawExchange(
      `GET /api/v1/meters HTTP/1.1\r\nHost: x\r\n`,
      Array.from({ length: 2_000 }, (_, i) => `X-Padding-${i}: ${'y'.repeat(1_000)}\r\n`).join('') + '\r\n',
    );
    expect([exchange.error, exchange.statuses]).toEqual([undefined, [431]]);
    expect(exchange.text).toContain('"code":"HTTP.HEADERS_TOO_LARGE"');
  });

  it('cuts off a client that sends its request too slowly', async () => {
    const started = Date.now();
    const { answer, closed } = await new Promise<{ answer: string; closed: number }>((resolve, reject) => {
      const socket = connect(Number(new URL(app.url).port), '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('close', () => resolve({ answer, closed: Date.now() - started }));
      socket.on('error', reject);
      socket.write(
        `POST /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${app.adminToken}\r\n` +
          `Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"specversion":`,
      );
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('application/problem+json');
    expect(closed).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS);
    expect(closed).toBeLessThan(REQUEST_TIMEOUT_MS + 3_000);
  });

  it('answers 503 with Retry-After when a request takes longer than REQUEST_TIMEOUT_MS, without waiting for the database', async () => {
    // Another session holds the event log: every write behind it waits.
    const blocker = app.db.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE tally_events IN ACCESS EXCLUSIVE MODE');
    try {
      const started = Date.now();
      const answer = await app.request('POST', '/api/v1/events', { body: event('blocked') });
      const took = Date.now() - started;
      expect([answer.status, answer.headers.get('content-type'), answer.headers.get('retry-after')]).toEqual([
        503,
        'application/problem+json',
        '1',
      ]);
      expect(took).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
      expect(took).toBeLessThan(REQUEST_TIMEOUT_MS + 2_000);
      // Health checks still answer, and say the database is not answering.
      const ready = await app.request('GET', '/readyz', { token: null });
      expect(ready.status).toBe(503);
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
    }
    // Ready again once the held write and the projections behind it have gone through.
    let ready = 0;
    for (const deadline = Date.now() + 15_000; ready !== 200 && Date.now() < deadline;) {
      ready = (await app.request('GET', '/readyz', { token: null })).status;
      if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ready).toBe(200);
    // The write that outlived its answer is logged as having taken effect, not as a handler's bug.
    const lateSuccess = () =>
      logLines.find(
        (line) => line.includes('POST /api/v1/events') && line.includes('after its timeout answer'),
      );
    for (let waited = 0; !lateSuccess() && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(lateSuccess()).toMatch(/POST \/api\/v1\/events \(request [^)]+\) succeeded \d+ ms after/);
    expect(logLines.filter((line) => line.includes('Reply was already sent'))).toEqual([]);
    // The timeout itself is Tally's own answer to load, logged as a warning without a stack.
    const timedOut = logLines.filter((line) =>
      line.includes('POST /api/v1/events answered 503 HTTP.TIMEOUT'),
    );
    expect(timedOut.map((line) => [JSON.parse(line).level, line.includes('\\n    at ')])).toEqual([
      [40, false],
    ]);
    // The client was told to retry: the retry is deduplicated against the write that finally went through.
    expect((await app.request('POST', '/api/v1/events', { body: event('blocked') })).status).toBe(204);
    const [{ copies }] = await app.db.dataSource.query(
      `SELECT count(*)::int AS copies FROM tally_events WHERE data->'event'->>'id' = 'blocked'`,
    );
    expect(copies).toBe(1);
  });
});
