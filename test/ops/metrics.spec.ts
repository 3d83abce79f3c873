import { USAGE_PROJECTION } from '../../src/metering';
import { TokenService } from '../../src/auth/tokens/token.service';
import { startTestApp, TestApp } from '../support/test-app';

/** One sample of a scrape: `name{label="value",…} number`. */
interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key] = value;
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

const NAMESPACE_CAP = 3;
const CUSTOMERS = 1_000;

/**
 * `GET /metrics` on its own address: after ingesting and querying, each counter has moved by what
 * was sent, and no label grows with customers, subjects, paths or namespaces.
 */
describe('Prometheus metrics', () => {
  let app: TestApp;
  let scrapeUrl: string;
  const scrape = async () => {
    const answer = await fetch(scrapeUrl);
    expect([answer.status, answer.headers.get('content-type')]).toEqual([
      200,
      'text/plain; version=0.0.4; charset=utf-8',
    ]);
    return parse(await answer.text());
  };
  const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
    samples
      .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
      .reduce((sum, s) => sum + s.value, 0);
  const event = (id: string, subject = 'acme-inc') => ({
    specversion: '1.0',
    id,
    source: 'metrics-spec',
    type: 'call',
    subject,
    data: { n: 1 },
  });

  beforeAll(async () => {
    app = await startTestApp({ config: { metricsPort: 0, metricsMaxNamespaces: NAMESPACE_CAP } });
    scrapeUrl = app.tally.metricsUrl!;
    const meter = await app.request('POST', '/api/v1/meters', {
      body: { slug: 'calls', eventType: 'call', aggregation: 'COUNT' },
    });
    expect(meter.status).toBe(201);
  });
  afterAll(() => app.close());

  it('is served on its own address only', async () => {
    expect(scrapeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(scrapeUrl.startsWith(app.url)).toBe(false);
    expect((await app.request('GET', '/metrics')).status).toBe(404);
    expect((await fetch(scrapeUrl.replace('/metrics', '/other'))).status).toBe(404);
  });

  it('counts requests, events accepted, stored and deduplicated, batches, group commits and waits', async () => {
    const before = await scrape();
    const single = await app.request('POST', '/api/v1/events', {
      body: event('e1'),
      headers: { 'content-type': 'application/cloudevents+json' },
    });
    expect(single.status).toBe(204);
    // Three new events, a repeat inside the batch and a repeat of the single one: 5 accepted, 3 stored.
    const batch = await app.request('POST', '/api/v1/events', {
      body: [event('e2'), event('e3'), event('e4'), event('e4'), event('e1')],
    });
    expect(batch.status).toBe(204);
    const query = await app.request('GET', '/api/v1/meters/calls/query');
    expect([query.status, query.body.data[0].value]).toEqual([200, 4]);
    const after = await scrape();
    const moved = (name: string, labels: Record<string, string> = {}) =>
      value(after, name, labels) - value(before, name, labels);

    expect(moved('tally_events_accepted_total', { namespace: 'default' })).toBe(6);
    expect(moved('tally_events_stored_total', { namespace: 'default' })).toBe(4);
    expect(moved('tally_events_deduplicated_total', { namespace: 'default' })).toBe(2);
    expect(moved('tally_ingestion_batch_events_count')).toBe(2);
    expect(moved('tally_ingestion_batch_events_sum')).toBe(6);
    expect(moved('tally_group_commit_events_count')).toBe(1);
    expect(moved('tally_group_commit_events_sum')).toBe(1);
    expect(moved('tally_group_commit_wait_seconds_count')).toBe(1);
    const requests = { name: 'tally_http_request_duration_seconds_count' };
    expect(moved(requests.name, { method: 'POST', route: '/api/v1/events', status: '204' })).toBe(2);
    expect(
      moved(requests.name, { method: 'GET', route: '/api/v1/meters/:meterIdOrSlug/query', status: '200' }),
    ).toBe(1);
    expect(moved('tally_read_your_writes_wait_seconds_count', { outcome: 'caught_up' })).toBeGreaterThan(0);
    expect(moved('tally_read_your_writes_wait_seconds_count', { outcome: 'timed_out' })).toBe(0);

    expect(value(after, 'tally_projection_state', { projection: USAGE_PROJECTION, state: 'running' })).toBe(
      1,
    );
    expect(value(after, 'tally_projection_state', { projection: USAGE_PROJECTION, state: 'failed' })).toBe(0);
    expect(value(after, 'tally_projection_lag_events', { projection: USAGE_PROJECTION })).toBe(0);
    expect(value(after, 'tally_projection_lag_seconds', { projection: USAGE_PROJECTION })).toBe(0);
    expect(value(after, 'tally_projection_position', { projection: USAGE_PROJECTION })).toBeGreaterThan(0);
    expect(
      value(after, 'tally_projection_events_applied_total', { projection: USAGE_PROJECTION }),
    ).toBeGreaterThanOrEqual(4);
    // The process's own: CPU, memory, event loop lag, garbage collection.
    const names = new Set(after.map((s) => s.name));
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect([name, names.has(name)]).toEqual([name, true]);
    }
  });

  it(`keeps every label bounded under traffic for ${CUSTOMERS.toLocaleString('en')} customers and many namespaces`, async () => {
    const keys = Array.from({ length: CUSTOMERS }, (_, i) => `customer-${i}`);
    // Some of them created (creating all would only make the spec slow), every one of them sending
    // usage and read by its own path.
    const created = await Promise.all(
      keys.slice(0, 50).map((key) =>
        app.request('POST', '/api/v1/customers', {
          body: { name: key, key, usageAttribution: { subjectKeys: [key] } },
        }),
      ),
    );
    expect(created.filter((answer) => answer.status !== 201)).toEqual([]);
    const usage = await app.request('POST', '/api/v1/events', {
      body: keys.map((key) => event(`usage-${key}`, key)),
    });
    expect(usage.status).toBe(204);
    for (let at = 0; at < keys.length; at += 50) {
      const reads = await Promise.all(
        keys.slice(at, at + 50).map((key) => app.request('GET', `/api/v1/customers/${key}`)),
      );
      expect(reads.map((answer) => answer.status)).toEqual(
        keys.slice(at, at + 50).map((_, i) => (at + i < 50 ? 200 : 404)),
      );
      const query = await app.request(
        'GET',
        `/api/v1/meters/calls/query?subject=${keys[at]}&groupBy=subject`,
      );
      expect(query.status).toBe(200);
    }
    expect((await app.request('GET', '/api/v1/customers/no-such-customer')).status).toBe(404);
    expect((await app.request('GET', `/no/such/path/${keys[0]}`)).status).toBe(404);
    // Usage in more namespaces than get a label of their own.
    const tokens = app.tally.resolve(TokenService);
    for (let n = 0; n < NAMESPACE_CAP + 3; n++) {
      const { secret } = await tokens.create({ namespace: `tenant_${n}`, name: 'ingest', role: 'ingest' });
      const sent = await app.request('POST', '/api/v1/events', { token: secret, body: event(`n${n}`) });
      expect(sent.status).toBe(204);
    }

    const samples = await scrape();
    const values = samples.flatMap((s) => Object.values(s.labels));
    expect(values.filter((v) => /customer-|tenant_[3-9]|usage-|no-such/.test(v))).toEqual([]);
    const namespaces = new Set(samples.flatMap((s) => (s.labels.namespace ? [s.labels.namespace] : [])));
    expect(namespaces.size).toBe(NAMESPACE_CAP + 1);
    expect(namespaces).toContain('(other)');
    // Every event is still counted, the later namespaces' under (other).
    expect(value(samples, 'tally_events_stored_total')).toBe(4 + CUSTOMERS + NAMESPACE_CAP + 3);
    const routes = new Set(samples.flatMap((s) => (s.labels.route ? [s.labels.route] : [])));
    expect([...routes].sort()).toEqual(
      [
        '(unmatched)',
        '/api/v1/customers',
        '/api/v1/customers/:customerIdOrKey',
        '/api/v1/events',
        '/api/v1/meters',
        '/api/v1/meters/:meterIdOrSlug/query',
      ].sort(),
    );
    // Series per metric stay a handful whatever the traffic: no label took an id or a path.
    const series = new Map<string, number>();
    for (const s of samples.filter((s) => s.name.startsWith('tally_') && s.labels.le === undefined)) {
      series.set(s.name, (series.get(s.name) ?? 0) + 1);
    }
    expect(series.get('tally_http_request_duration_seconds_count')).toBeLessThan(15);
    expect(Math.max(...series.values())).toBeLessThanOrEqual(4 * app.tally.projections.names.length);
  });
});
