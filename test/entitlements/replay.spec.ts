import { ManualClock } from '../../src/shared/clock';
import { readModels } from '../support/read-models';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Every entitlement answer — values at several instants, windowed histories with their burn-down,
 * lists, access — is the same, byte for byte, after every projection is rebuilt from the log.
 */
describe('replaying entitlements', () => {
  const clock = new ManualClock(new Date('2026-01-10T12:00:00Z'));
  let app: TestApp;

  const ok = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer;
  };

  beforeAll(async () => {
    app = await startTestApp({ clock });
  });
  afterAll(() => app.close());

  it('reproduces every value, history and list byte for byte', async () => {
    await ok('POST', '/api/v1/meters', {
      slug: 'calls',
      eventType: 'call',
      aggregation: 'SUM',
      valueProperty: '$.units',
      groupBy: { region: '$.region' },
    });
    await ok('POST', '/api/v1/meters', {
      slug: 'seats',
      eventType: 'seat',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user',
    });
    await ok('POST', '/api/v1/features', {
      key: 'eu_calls',
      name: 'EU calls',
      meterSlug: 'calls',
      meterGroupByFilters: { region: 'eu' },
    });
    await ok('POST', '/api/v1/features', { key: 'seats', name: 'Seats', meterSlug: 'seats' });
    const plan = await ok('POST', '/api/v1/plans', {
      key: 'plan',
      name: 'Plan',
      currency: 'USD',
      billingCadence: 'P1M',
      phases: [
        {
          key: 'default',
          name: 'Default',
          duration: null,
          rateCards: [
            {
              type: 'usage_based',
              key: 'seats',
              name: 'Seats',
              featureKey: 'seats',
              billingCadence: 'P1M',
              price: { type: 'unit', amount: '1' },
              entitlementTemplate: { type: 'metered', issueAfterReset: 5, usagePeriod: 'P1W' },
            },
          ],
        },
      ],
    });
    await ok('POST', `/api/v1/plans/${plan.body.id}/publish`);
    for (const key of ['north', 'south']) {
      await ok('POST', '/api/v1/customers', {
        name: key,
        key,
        usageAttribution: { subjectKeys: [key, `${key}-2`] },
      });
    }
    await ok('POST', '/api/v1/subscriptions', {
      customerKey: 'south',
      plan: { key: 'plan' },
      timing: 'immediate',
    });
    await ok('POST', '/api/v2/customers/north/entitlements', {
      type: 'metered',
      featureKey: 'eu_calls',
      usagePeriod: { interval: 'MONTH', anchor: '2026-01-01T00:00:00Z' },
      preserveOverageAtReset: true,
      issue: { amount: 100, priority: 2 },
      grants: [
        {
          amount: 40,
          effectiveAt: '2026-01-10T12:00:00Z',
          maxRolloverAmount: 10,
          expiration: { duration: 'MONTH', count: 2 },
        },
        { amount: 7.5, effectiveAt: '2026-01-10T12:00:00Z', recurrence: { interval: 'WEEK' } },
      ],
    });
    await ok('POST', '/api/v2/customers/north/entitlements', {
      type: 'metered',
      featureKey: 'seats',
      usagePeriod: { interval: 'DAY' },
      grants: [{ amount: 3, effectiveAt: '2026-01-10T12:00:00Z' }],
    });

    // Six calls and six seat events a day for 45 days, sent day by day as the clock moves on.
    const day = async (index: number) => {
      const events = Array.from({ length: 6 }, (_, n) => {
        const time = new Date(
          Date.parse('2026-01-10T12:00:00Z') + index * 86_400_000 + n * 3_600_000 + 17_000,
        );
        return [
          {
            specversion: '1.0',
            id: `call-${index}-${n}`,
            source: 'replay',
            type: 'call',
            subject: n % 2 ? 'north' : 'north-2',
            time: time.toISOString(),
            data: { units: String(1.25 + (n % 3)), region: n % 4 === 3 ? 'us' : 'eu' },
          },
          {
            specversion: '1.0',
            id: `seat-${index}-${n}`,
            source: 'replay',
            type: 'seat',
            subject: index % 2 ? 'north' : 'south',
            time: time.toISOString(),
            data: { user: `user-${(index * 7 + n) % 9}` },
          },
        ];
      }).flat();
      clock.set(new Date(Date.parse('2026-01-10T18:00:00Z') + index * 86_400_000));
      expect((await app.request('POST', '/api/v1/events', { body: events })).status).toBe(204);
    };
    for (let index = 0; index < 10; index++) await day(index);
    await ok('POST', '/api/v2/customers/north/entitlements/eu_calls/reset', {
      effectiveAt: '2026-01-15T00:00:00Z',
      retainAnchor: true,
      preserveOverage: false,
    });
    const grants = await ok('GET', '/api/v2/customers/north/entitlements/eu_calls/grants');
    await ok('DELETE', `/api/v1/grants/${grants.body.items[2].id}?at=2026-01-18T00:00:00Z`);
    for (let index = 10; index < 45; index++) await day(index);
    clock.set(new Date('2026-02-24T18:45:30Z'));
    await ok('PUT', '/api/v2/customers/north/entitlements/seats/override', {
      type: 'metered',
      featureKey: 'seats',
      usagePeriod: { interval: 'WEEK' },
      isSoftLimit: true,
      grants: [{ amount: 4, effectiveAt: '2026-02-24T18:45:00Z' }],
    });

    const paths = [
      '/api/v2/customers/north/entitlements?includeDeleted=true',
      '/api/v2/customers/south/entitlements',
      '/api/v1/entitlements',
      '/api/v2/entitlements',
      '/api/v1/grants?includeDeleted=true',
      '/api/v2/grants?includeDeleted=true',
      '/api/v1/customers/north/access',
      '/api/v1/customers/south/access',
      '/api/v1/subjects/north-2/entitlements?includeDeleted=true',
      ...[
        '2026-01-14T23:59:00Z',
        '2026-01-31T10:10:10Z',
        '2026-02-01T00:00:00Z',
        '2026-02-24T18:45:30Z',
      ].flatMap((time) => [
        `/api/v2/customers/north/entitlements/eu_calls/value?time=${time}`,
        `/api/v2/customers/north/entitlements/seats/value?time=${time}`,
        `/api/v2/customers/south/entitlements/seats/value?time=${time}`,
      ]),
      '/api/v2/customers/north/entitlements/eu_calls/history?windowSize=DAY&from=2026-01-10T12:00:00Z&to=2026-02-24T18:45:30Z',
      '/api/v2/customers/north/entitlements/eu_calls/history?windowSize=HOUR&windowTimeZone=Asia/Kolkata&from=2026-02-01T00:00:00Z&to=2026-02-03T00:00:00Z',
      '/api/v2/customers/north/entitlements/seats/history?windowSize=DAY',
      '/api/v2/customers/south/entitlements/seats/history?windowSize=MONTH&from=2026-01-10T12:00:00Z',
    ];
    const answers = async () => {
      const texts: string[] = [];
      for (const path of paths) texts.push((await ok('GET', path)).text);
      return texts;
    };
    const before = await answers();
    const tables = Object.fromEntries(
      Object.entries(await readModels(app.db.dataSource)).filter(([name]) => name.startsWith('entitlement')),
    );
    expect(Object.keys(tables).length).toBe(7);
    expect(JSON.parse(before[9])).toMatchObject({ hasAccess: true });

    for (const name of app.tally.projections.names) await app.tally.projections.rebuild(name);

    const after = await answers();
    for (let i = 0; i < paths.length; i++) expect([paths[i], after[i]]).toEqual([paths[i], before[i]]);
    expect(
      Object.fromEntries(
        Object.entries(await readModels(app.db.dataSource)).filter(([name]) =>
          name.startsWith('entitlement'),
        ),
      ),
    ).toEqual(tables);
  });
});
