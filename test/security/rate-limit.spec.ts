import { startTestApp, TestApp } from '../support/test-app';

describe('rate limits', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ config: { rateLimitAnonPerIp: 5, rateLimitPerToken: 20 } });
  });
  afterAll(() => app.close());

  /** The answers, and how many one-second windows the burst spanned (a loaded machine spreads it). */
  const burst = async (count: number, token: string | null, path = '/api/v1/tokens') => {
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: count }, () => app.request('GET', path, { token })),
    );
    return Object.assign(answers, { windows: Math.ceil((Date.now() - started) / 1000) + 1 });
  };

  it('limits requests without a valid token per client address, with 429 and Retry-After', async () => {
    const answers = await burst(40, null, '/healthz');
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(answers.length - limited.length).toBeLessThanOrEqual(5 * answers.windows);
    expect(limited[0].headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited[0].headers.get('content-type')).toBe('application/problem+json');
    expect(limited[0].body.status).toBe(429);
  });

  it('counts guessed tokens as anonymous, so guessing is limited too', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const answers = await burst(40, 'tally_guess');
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(5 * answers.windows);
  });

  it('gives each valid token its own, larger allowance', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const answers = await burst(80, app.adminToken);
    const ok = answers.filter((a) => a.status === 200).length;
    expect(ok).toBeGreaterThan(5); // more than the anonymous allowance: the token's own counts
    expect(ok).toBeLessThanOrEqual(20 * answers.windows);
    expect(answers.filter((a) => a.status === 429).length).toBe(80 - ok);
  });
});

describe('rate limits turned off', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ config: { rateLimitAnonPerIp: 0, rateLimitPerToken: 0 } });
  });
  afterAll(() => app.close());

  it('lets every request through when both limits are 0', async () => {
    const answers = await Promise.all(
      Array.from({ length: 150 }, () => app.request('GET', '/healthz', { token: null })),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });
});
