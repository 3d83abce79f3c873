import { startTestApp, TestApp } from '../support/test-app';

describe('rate limits', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ config: { rateLimitAnonPerIp: 5, rateLimitPerToken: 20 } });
  });
  afterAll(() => app.close());

  const burst = async (count: number, token: string | null, path = '/api/v1/tokens') =>
    Promise.all(Array.from({ length: count }, () => app.request('GET', path, { token })));

  it('limits requests without a valid token per client address, with 429 and Retry-After', async () => {
    const answers = await burst(12, null, '/healthz');
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(12 - 5);
    expect(limited[0].headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited[0].headers.get('content-type')).toBe('application/problem+json');
    expect(limited[0].body.status).toBe(429);
  });

  it('counts guessed tokens as anonymous, so guessing is limited too', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const answers = await burst(12, 'tally_guess');
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(12 - 5);
    expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(5);
  });

  it('gives each valid token its own, larger allowance', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const answers = await burst(30, app.adminToken);
    const ok = answers.filter((a) => a.status === 200).length;
    expect(ok).toBeGreaterThanOrEqual(5);
    expect(ok).toBeLessThanOrEqual(20);
    expect(answers.filter((a) => a.status === 429).length).toBe(30 - ok);
  });
});

describe('rate limits turned off', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ config: { rateLimitAnonPerIp: 0, rateLimitPerToken: 0 } });
  });
  afterAll(() => app.close());

  it('lets every request through when both limits are 0', async () => {
    const answers = await Promise.all(Array.from({ length: 150 }, () => app.request('GET', '/healthz', { token: null })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });
});
