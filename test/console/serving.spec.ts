import { logSink } from '../support/log-sink';
import { startTestApp, TestApp } from '../support/test-app';

describe('the console, served by Tally', () => {
  let app: TestApp;
  const log = logSink();

  beforeAll(async () => {
    app = await startTestApp({ logDestination: log.destination, config: { logLevel: 'info' } });
  });
  afterAll(() => app.close());

  /** The answer, its body read to the end (an unread body would keep its connection, and the server's close, waiting). */
  const get = async (path: string) => {
    const answer = await fetch(app.url + path, { redirect: 'manual' });
    const body = await answer.text();
    return { status: answer.status, headers: answer.headers, text: async () => body };
  };

  it('says where the console is when it starts, for whoever reads its log first', () => {
    const listening = log.lines.map((line) => JSON.parse(line).msg).find((msg) => /listening on/.test(msg));
    expect(listening).toBe(
      `Tally is listening on ${app.url}: the console at ${app.url}/console/, the API docs at ${app.url}/docs`,
    );
  });

  it('redirects / to the console, and keeps /docs', async () => {
    const root = await get('/');
    expect([root.status, root.headers.get('location')]).toEqual([302, '/console/']);
    expect((await get('/docs')).status).toBe(200);
  });

  it('answers every console path with the page under a strict policy, revalidated on each load', async () => {
    for (const path of ['/console/', '/console/meters', '/console/billing/customers/acme-inc']) {
      const page = await get(path);
      expect([path, page.status]).toEqual([path, 200]);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe');
      const html = await page.text();
      // Nothing inline: every script and style is a file of the build.
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|\sstyle=/);
    }
  });

  it('serves the hashed assets for a year, immutable, and a missing one as a 404 problem', async () => {
    const html = await (await get('/console/')).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/console\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      expect(asset).toMatch(/-[\w-]{8}\.(js|css)$/);
      const answer = await get(asset);
      expect([asset, answer.status]).toEqual([asset, 200]);
      expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(answer.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
    const missing = await get('/console/assets/index-00000000.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
  });
});
