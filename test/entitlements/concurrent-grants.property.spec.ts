import Decimal from 'decimal.js';
import fc from 'fast-check';
import { runs } from '../fuzz/hostile';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Grants and usage sent at once, through HTTP, for one metered entitlement: generated amounts
 * (decimals too), usage batches with repeated deliveries of the same events, everything in flight
 * together. Whatever the interleaving, every acknowledged grant is counted once, every distinct
 * unit of usage once, and the value adds up: covered = min(usage, granted), balance = granted −
 * covered, overage = usage − covered. `TALLY_FUZZ_SCALE` runs more cases.
 */
describe('grants and usage arriving together', () => {
  let app: TestApp;
  let run = 0;

  beforeAll(async () => {
    app = await startTestApp();
    const created = async (path: string, body: unknown) => {
      const answer = await app.request('POST', path, { body });
      if (answer.status !== 201) throw new Error(`POST ${path} → ${answer.status}: ${answer.text}`);
    };
    await created('/api/v1/meters', {
      slug: 'units',
      eventType: 'unit',
      aggregation: 'SUM',
      valueProperty: '$.n',
    });
    await created('/api/v1/features', { key: 'units', name: 'Units', meterSlug: 'units' });
  });
  afterAll(() => app.close());

  const amount = fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constantFrom(0.5, 2.25, 0.1));
  const scenario = fc.record({
    grants: fc.array(amount, { minLength: 1, maxLength: 8 }),
    usage: fc.array(fc.array(amount, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
    /** Batches delivered a second time (a client retrying), by index. */
    repeats: fc.array(fc.nat({ max: 5 }), { maxLength: 3 }),
  });

  it('counts every acknowledged grant and every distinct unit once, whatever the interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ grants, usage, repeats }) => {
        const customer = `c-${++run}`;
        await app.request('POST', '/api/v1/customers', {
          body: { name: customer, key: customer, usageAttribution: { subjectKeys: [customer] } },
        });
        const entitlement = await app.request('POST', `/api/v2/customers/${customer}/entitlements`, {
          body: { type: 'metered', featureKey: 'units', usagePeriod: { interval: 'MONTH' } },
        });
        expect(entitlement.status).toBe(201);
        const effectiveAt = entitlement.body.measureUsageFrom;
        const batches = usage.map((amounts, b) =>
          amounts.map((n, i) => ({
            specversion: '1.0',
            id: `${customer}-${b}-${i}`,
            source: 'property',
            type: 'unit',
            subject: customer,
            time: new Date().toISOString(),
            data: { n },
          })),
        );
        const sends = [...batches, ...repeats.filter((r) => r < batches.length).map((r) => batches[r])];
        const answers = await Promise.all([
          ...grants.map((grant) =>
            app.request('POST', `/api/v2/customers/${customer}/entitlements/units/grants`, {
              body: { amount: grant, effectiveAt },
            }),
          ),
          ...sends.map((body) => app.request('POST', '/api/v1/events', { body })),
        ]);
        expect(answers.map((a) => a.status)).toEqual([...grants.map(() => 201), ...sends.map(() => 204)]);

        const granted = grants.reduce((sum, g) => sum.plus(g), new Decimal(0));
        const used = usage.flat().reduce((sum, n) => sum.plus(n), new Decimal(0));
        const covered = Decimal.min(granted, used);
        const value = await app.request('GET', `/api/v2/customers/${customer}/entitlements/units/value`);
        expect(value.body).toMatchObject({
          usage: used.toNumber(),
          balance: granted.minus(covered).toNumber(),
          overage: used.minus(covered).toNumber(),
          totalAvailableGrantAmount: granted.toNumber(),
          hasAccess: granted.gt(covered),
        });
        const listed = await app.request('GET', `/api/v2/customers/${customer}/entitlements/units/grants`);
        expect(listed.body.items.map((g: { amount: number }) => g.amount).sort()).toEqual([...grants].sort());
        expect(Object.keys(value.body.grantBalances).sort()).toEqual(
          listed.body.items.map((g: { id: string }) => g.id).sort(),
        );
      }),
      { numRuns: runs(6) },
    );
  });
});
