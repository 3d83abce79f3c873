export interface Answer<Body = any> {
  readonly status: number;
  readonly body: Body;
  readonly text: string;
}

export interface CallOptions {
  readonly body?: unknown;
  /** A body already encoded (sent as is). */
  readonly rawBody?: string;
  readonly contentType?: string;
  readonly token?: string;
}

/** A route the benchmark needs, as OpenAPI names it: `{param}` matches any parameter name. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
}

export const ROUTES = {
  ingest: { method: 'POST', path: '/api/v1/events' },
  createMeter: { method: 'POST', path: '/api/v1/meters' },
  meterQuery: { method: 'GET', path: '/api/v1/meters/{}/query' },
  createFeature: { method: 'POST', path: '/api/v1/features' },
  createPlan: { method: 'POST', path: '/api/v1/plans' },
  publishPlan: { method: 'POST', path: '/api/v1/plans/{}/publish' },
  createCustomer: { method: 'POST', path: '/api/v1/customers' },
  createSubscription: { method: 'POST', path: '/api/v1/subscriptions' },
  preview: { method: 'GET', path: '/api/v1/billing/customers/{}/invoices/preview' },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof ROUTES;

export function describeRoute(name: RouteName): string {
  return `${ROUTES[name].method} ${ROUTES[name].path.replace('{}', '{…}')}`;
}

/** Tally's REST API, as a client sees it. */
export class Api {
  private routes?: Set<string>;

  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async call<Body = any>(method: string, path: string, options: CallOptions = {}): Promise<Answer<Body>> {
    const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? this.token}` };
    let body: string | undefined;
    if (options.rawBody !== undefined || options.body !== undefined) {
      body = options.rawBody ?? JSON.stringify(options.body);
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as Body, text };
  }

  /** Like `call`, but anything but 2xx is an error naming the answer. */
  async ok<Body = any>(method: string, path: string, options: CallOptions = {}): Promise<Body> {
    const answer = await this.call<Body>(method, path, options);
    if (answer.status < 200 || answer.status >= 300) throw new ApiError(method, path, answer);
    return answer.body;
  }

  /** Whether the running Tally serves a route: every route is in its OpenAPI document. */
  async has(name: RouteName): Promise<boolean> {
    if (!this.routes) {
      const answer = await this.call<{ paths?: Record<string, Record<string, unknown>> }>(
        'GET',
        '/docs-json',
      );
      this.routes = new Set();
      for (const [path, operations] of Object.entries(answer.body?.paths ?? {})) {
        for (const method of Object.keys(operations))
          this.routes.add(`${method.toUpperCase()} ${normalize(path)}`);
      }
    }
    const route = ROUTES[name];
    return this.routes.has(`${route.method} ${normalize(route.path)}`);
  }
}

export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly answer: Answer,
  ) {
    super(`${method} ${path} answered ${answer.status}: ${answer.text.slice(0, 500)}`);
    this.name = 'ApiError';
  }
}

function normalize(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}
