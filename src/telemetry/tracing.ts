import type * as OpenTelemetry from '@opentelemetry/api';

/** The OpenTelemetry API, once tracing has started; until then (and without an endpoint) nothing is loaded. */
let api: typeof OpenTelemetry | undefined;
let stop: (() => Promise<void>) | undefined;

/**
 * Starts tracing to the OTLP endpoint (`OTEL_EXPORTER_OTLP_ENDPOINT`, OTLP over HTTP, JSON): spans for
 * HTTP requests — continuing a caller's W3C `traceparent` — and PostgreSQL queries, besides Tally's
 * own (`traced`). It must run before `pg` and `http` are first loaded, so `main.ts` calls it before
 * it loads the rest of Tally. Without an endpoint it is never called, and not one OpenTelemetry
 * module is loaded: tracing costs nothing unless asked for.
 */
export async function startTracing(serviceName: string): Promise<void> {
  if (api) return;
  const [
    otel,
    { NodeTracerProvider, BatchSpanProcessor },
    { OTLPTraceExporter },
    { resourceFromAttributes },
    { registerInstrumentations },
    { HttpInstrumentation },
    { PgInstrumentation },
  ] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/instrumentation'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
  ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    // The exporter reads the endpoint, headers and timeout from the standard OTEL_EXPORTER_OTLP_* variables.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // The W3C trace-context propagator (traceparent) and an AsyncLocalStorage context manager.
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new HttpInstrumentation(), new PgInstrumentation()],
  });
  api = otel;
  stop = async () => {
    unregister();
    await provider.shutdown();
  };
}

/** Sends the spans still buffered and stops tracing (at shutdown). */
export async function stopTracing(): Promise<void> {
  const stopping = stop;
  stop = undefined;
  api = undefined;
  await stopping?.();
}

/** Runs `work` in a span of its own (a child of the current one) when tracing is on; else just runs it. */
export function traced<T>(
  name: string,
  attributes: Record<string, string | number>,
  work: () => Promise<T>,
): Promise<T> {
  const otel = api;
  if (otel === undefined) return work();
  return otel.trace.getTracer('tally').startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: otel.SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Names the current HTTP server span by its route template (`POST /api/v1/events`), not its path. */
export function nameHttpSpan(method: string, route: string | undefined): void {
  if (api === undefined || route === undefined) return;
  const span = api.trace.getActiveSpan();
  span?.updateName(`${method} ${route}`);
  span?.setAttribute('http.route', route);
}
