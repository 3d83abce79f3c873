import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep, startTallyProcess, TallyProcess } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface Span {
  readonly name: string;
  readonly traceId: string;
  readonly parentSpanId?: string;
  readonly attributes: { key: string; value: Record<string, unknown> }[];
}

/**
 * Traces go to the OTLP endpoint when `OTEL_EXPORTER_OTLP_ENDPOINT` is set — HTTP, PostgreSQL and
 * the ingestion span, continuing the caller's `traceparent` — and without it not one OpenTelemetry
 * module is loaded. Tally runs as a real process here: tracing hooks `pg` and `http` as Node loads
 * them, which jest's own module loader would bypass.
 */
describe('traces', () => {
  let db: TestDatabase;
  let collector: Server;
  let endpoint: string;
  const spans: Span[] = [];
  const adminToken = `tally_test_${randomBytes(16).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'tally-traces-'));
  // Writes the modules the process loaded to a file as it exits (it is started with --require).
  const probe = join(dir, 'probe.js');
  writeFileSync(
    probe,
    `process.on('exit', () => require('node:fs').writeFileSync(process.env.TALLY_PROBE_OUT,
       JSON.stringify(Object.keys(require.cache))));`,
  );

  const send = (tally: TallyProcess, headers: Record<string, string> = {}) =>
    fetch(`${tally.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify([
        {
          specversion: '1.0',
          id: randomBytes(8).toString('hex'),
          source: 'spec',
          type: 'call',
          subject: 'a',
        },
      ]),
    });
  const start = (env: Record<string, string>, out: string) =>
    startTallyProcess({
      databaseUrl: db.url,
      adminToken,
      env: { ...env, TALLY_PROBE_OUT: out, NODE_OPTIONS: `--require ${probe}` },
    });
  const loadedModules = (out: string) => JSON.parse(readFileSync(out, 'utf8')) as string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    collector = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.url === '/v1/traces') {
          const body = JSON.parse(Buffer.concat(chunks).toString()) as {
            resourceSpans: { scopeSpans: { spans: Span[] }[] }[];
          };
          for (const resource of body.resourceSpans)
            for (const scope of resource.scopeSpans) spans.push(...scope.spans);
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const address = collector.address();
    endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => collector?.close(resolve));
    await db?.drop();
  });

  it('sends spans of an ingestion request, in the trace its traceparent names', async () => {
    const out = join(dir, 'traced.json');
    const tally = await start({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' }, out);
    try {
      const traceId = randomBytes(16).toString('hex');
      const answer = await send(tally, { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` });
      expect(answer.status).toBe(204);
      const inTrace = () => spans.filter((span) => span.traceId === traceId);
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && !inTrace().some((s) => s.name === 'POST /api/v1/events'))
        await sleep(100);
      const names = inTrace().map((span) => span.name);
      expect(names).toEqual(expect.arrayContaining(['POST /api/v1/events', 'ingestion.record']));
      // The usage written to PostgreSQL, inside the same trace.
      const database = inTrace().filter((span) =>
        span.attributes.some((a) => a.key === 'db.system' || a.key === 'db.system.name'),
      );
      expect(database.length).toBeGreaterThan(0);
    } finally {
      await tally.kill('SIGTERM');
    }
    expect(loadedModules(out).filter((m) => m.includes('exporter-trace-otlp-http')).length).toBeGreaterThan(
      0,
    );
  });

  it('loads no OpenTelemetry module without an endpoint', async () => {
    const out = join(dir, 'untraced.json');
    const tally = await start({}, out);
    try {
      expect((await send(tally)).status).toBe(204);
    } finally {
      await tally.kill('SIGTERM');
    }
    const loaded = loadedModules(out);
    expect(loaded.some((m) => m.includes('/pg/'))).toBe(true);
    // Only the API facade, a no-op without an SDK, which prom-client imports for its exemplars.
    expect(loaded.filter((m) => m.includes('@opentelemetry') && !m.includes('@opentelemetry/api/'))).toEqual(
      [],
    );
  });
});
