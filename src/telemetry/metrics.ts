import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the projection gauges are read from at each scrape (the projections' own status). */
export interface ProjectionReading {
  readonly name: string;
  readonly position: string;
  readonly lag: number | null;
  readonly lagSeconds: number | null;
  readonly state: string;
}

export const PROJECTION_STATES = ['running', 'rebuilding', 'stopped', 'failed'] as const;

/** Every namespace past the first `max` is counted under this one label value. */
export const OTHER_NAMESPACES = '(other)';

/**
 * Label values stay bounded: a namespace gets a label of its own only while fewer than `max` have
 * one (the first seen by this process); later ones share `(other)`. A thousand namespaces would
 * otherwise make a thousand series of every per-namespace metric, in every process.
 */
export class NamespaceLabels {
  private readonly labelled = new Set<string>();

  constructor(private readonly max: number) {}

  of(namespace: string): string {
    if (this.labelled.has(namespace)) return namespace;
    if (this.labelled.size >= this.max) return OTHER_NAMESPACES;
    this.labelled.add(namespace);
    return namespace;
  }
}

const SIZE_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Tally's Prometheus metrics, one registry per running Tally. Every metric is named here, and the
 * code that moves one calls a method saying what happened; no label holds an id, a raw path or a
 * customer, and namespaces are capped (`NamespaceLabels`).
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly namespaces: NamespaceLabels;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** One child per label set, looked up by a plain string: the hot path skips prom-client's label hashing. */
  private readonly httpChildren = new Map<string, { observe(value: number): void }>();
  private readonly eventsAccepted: Counter<'namespace'>;
  private readonly eventsStored: Counter<'namespace'>;
  private readonly eventsDeduplicated: Counter<'namespace'>;
  private readonly batchSize: Histogram;
  private readonly groupSize: Histogram;
  private readonly groupWait: Histogram;
  private readonly waits: Histogram<'outcome'>;
  private readonly issued: Counter<'namespace'>;
  private readonly notIssued: Counter<'namespace' | 'reason'>;
  private readonly applied: Counter<'projection'>;
  private defaultsStarted = false;

  constructor(options: { readonly maxNamespaces: number }) {
    this.namespaces = new NamespaceLabels(options.maxNamespaces);
    const registers = [this.registry];
    this.httpDuration = new Histogram({
      name: 'tally_http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status, and how long they took to answer',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.eventsAccepted = new Counter({
      name: 'tally_events_accepted_total',
      help: 'Usage events acknowledged, repeats included',
      labelNames: ['namespace'],
      registers,
    });
    this.eventsStored = new Counter({
      name: 'tally_events_stored_total',
      help: 'Usage events written to the log',
      labelNames: ['namespace'],
      registers,
    });
    this.eventsDeduplicated = new Counter({
      name: 'tally_events_deduplicated_total',
      help: 'Usage events acknowledged but not stored again: repeats of an event already stored',
      labelNames: ['namespace'],
      registers,
    });
    this.batchSize = new Histogram({
      name: 'tally_ingestion_batch_events',
      help: 'Events per ingestion request',
      buckets: SIZE_BUCKETS,
      registers,
    });
    this.groupSize = new Histogram({
      name: 'tally_group_commit_events',
      help: 'Single-event requests committed together in one transaction',
      buckets: SIZE_BUCKETS,
      registers,
    });
    this.groupWait = new Histogram({
      name: 'tally_group_commit_wait_seconds',
      help: "How long a group's first request waited for its commit to start",
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.waits = new Histogram({
      name: 'tally_read_your_writes_wait_seconds',
      help: 'How long reads waited for their projections to reach the log; outcome caught_up or timed_out (a 503)',
      labelNames: ['outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.issued = new Counter({
      name: 'tally_invoices_issued_total',
      help: 'Invoices issued by this process',
      labelNames: ['namespace'],
      registers,
    });
    this.notIssued = new Counter({
      name: 'tally_invoices_failed_total',
      help: 'Invoices due but not issued at a sweep: a critical issue on the invoice, or an error',
      labelNames: ['namespace', 'reason'],
      registers,
    });
    this.applied = new Counter({
      name: 'tally_projection_events_applied_total',
      help: 'Events applied to read models by this process, per projection',
      labelNames: ['projection'],
      registers,
    });
  }

  /** The process's own metrics (CPU, memory, event loop lag, GC): sampled only once something scrapes. */
  collectProcessMetrics(): void {
    if (this.defaultsStarted) return;
    this.defaultsStarted = true;
    collectDefaultMetrics({ register: this.registry });
  }

  httpRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let child = this.httpChildren.get(key);
    if (child === undefined) {
      child = this.httpDuration.labels(method, route, String(status));
      this.httpChildren.set(key, child);
    }
    child.observe(seconds);
  }

  ingestionRequest(events: number): void {
    this.batchSize.observe(events);
  }

  usageWritten(namespace: string, accepted: number, stored: number): void {
    const label = this.namespaces.of(namespace);
    this.eventsAccepted.inc({ namespace: label }, accepted);
    this.eventsStored.inc({ namespace: label }, stored);
    if (accepted > stored) this.eventsDeduplicated.inc({ namespace: label }, accepted - stored);
  }

  groupCommitted(events: number, waitedSeconds: number): void {
    this.groupSize.observe(events);
    this.groupWait.observe(waitedSeconds);
  }

  readYourWrites(outcome: 'caught_up' | 'timed_out', seconds: number): void {
    this.waits.observe({ outcome }, seconds);
  }

  invoicesIssued(namespace: string, count: number): void {
    if (count > 0) this.issued.inc({ namespace: this.namespaces.of(namespace) }, count);
  }

  invoiceNotIssued(namespace: string, reason: 'critical_issue' | 'error'): void {
    this.notIssued.inc({ namespace: this.namespaces.of(namespace), reason });
  }

  projectionApplied(projection: string, events: number): void {
    this.applied.inc({ projection }, events);
  }

  /**
   * The projections' position, lag (events and seconds) and state, read from `status` at each scrape,
   * so they are as fresh as the scrape and cost nothing between scrapes.
   */
  watchProjections(status: () => Promise<readonly ProjectionReading[]>): void {
    let reading: Promise<readonly ProjectionReading[]> | undefined;
    // One status read per scrape, shared by the four gauges. A failed read leaves them out of that
    // scrape rather than fail it: the process's other metrics still matter while the database is away.
    const read = () => {
      reading ??= status()
        .catch(() => [])
        .finally(() => setImmediate(() => (reading = undefined)));
      return reading;
    };
    const registers = [this.registry];
    new Gauge({
      name: 'tally_projection_position',
      help: "The log position a projection has applied up to (the commit part: PostgreSQL's transaction id)",
      labelNames: ['projection'],
      registers,
      async collect() {
        this.reset();
        for (const p of await read()) this.set({ projection: p.name }, Number(p.position.split('/')[0]));
      },
    });
    new Gauge({
      name: 'tally_projection_lag_events',
      help: 'Events in the log a projection has not applied yet (counted up to 1,000,000)',
      labelNames: ['projection'],
      registers,
      async collect() {
        this.reset();
        for (const p of await read()) if (p.lag !== null) this.set({ projection: p.name }, p.lag);
      },
    });
    new Gauge({
      name: 'tally_projection_lag_seconds',
      help: 'How long ago the oldest event a projection has not applied yet was written (0 when caught up)',
      labelNames: ['projection'],
      registers,
      async collect() {
        this.reset();
        for (const p of await read())
          if (p.lagSeconds !== null) this.set({ projection: p.name }, p.lagSeconds);
      },
    });
    new Gauge({
      name: 'tally_projection_state',
      help: "1 for a projection's current state, 0 for the others",
      labelNames: ['projection', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const p of await read()) {
          for (const state of PROJECTION_STATES)
            this.set({ projection: p.name, state }, p.state === state ? 1 : 0);
        }
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
