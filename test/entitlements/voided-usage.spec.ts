import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';

/** A voided event stops counting in entitlement balances too, as it does in meter queries and invoices. */
describe('entitlement values after a void', () => {
  const clock = new ManualClock(new Date('2026-05-10T08:00:00Z'));
  let app: TestApp;

  const ok = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const value = () => ok('GET', '/api/v2/customers/initech/entitlements/api_calls/value');

  beforeAll(async () => {
    app = await startTestApp({ clock });
    await ok('POST', '/api/v1/meters', {
      slug: 'api_calls',
      eventType: 'api_call',
      aggregation: 'SUM',
      valueProperty: '$.calls',
    });
    await ok('POST', '/api/v1/features', { key: 'api_calls', name: 'API calls', meterSlug: 'api_calls' });
    await ok('POST', '/api/v1/customers', {
      name: 'Initech',
      key: 'initech',
      usageAttribution: { subjectKeys: ['initech'] },
    });
    await ok('POST', '/api/v2/customers/initech/entitlements', {
      type: 'metered',
      featureKey: 'api_calls',
      usagePeriod: { interval: 'MONTH', anchor: '2026-05-01T00:00:00Z' },
      measureUsageFrom: '2026-05-01T00:00:00Z',
    });
    await ok('POST', '/api/v2/customers/initech/entitlements/api_calls/grants', {
      amount: 100,
      effectiveAt: '2026-05-01T00:00:00Z',
      expiration: { duration: 'MONTH', count: 1 },
    });
    for (const [id, calls] of [
      ['call-30', 30],
      ['call-20', 20],
    ] as const) {
      await ok('POST', '/api/v1/events', {
        specversion: '1.0',
        id,
        source: 'voided-usage-spec',
        type: 'api_call',
        subject: 'initech',
        time: '2026-05-05T12:00:00Z',
        data: { calls },
      });
    }
  });
  afterAll(() => app.close());

  it('burns only what still counts', async () => {
    expect(await value()).toMatchObject({ hasAccess: true, usage: 50, balance: 50 });
    await ok('POST', '/api/v1/events/void', {
      events: [{ source: 'voided-usage-spec', id: 'call-20' }],
      reason: 'sent by a test client',
    });
    expect(await value()).toMatchObject({ hasAccess: true, usage: 30, balance: 70 });
  });
});
