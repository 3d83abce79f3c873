import fc from 'fast-check';
import { CustomerUsage } from '../../src/metering';
import { startTestApp, TestApp } from '../support/test-app';
import { createCustomer, createMeter } from './meters';

/**
 * `CustomerUsage.inRanges`, what an entitlement's value reads: one range (read as plain parameters,
 * the value's usual case) and several at once (over arrays) give the same answers, and both equal a
 * brute-force count of the events the customer's subjects sent, for SUM and UNIQUE_COUNT.
 */
describe('customer usage over ranges', () => {
  let app: TestApp;
  let usage: CustomerUsage;
  let customerId: string;
  const BASE = Date.parse('2026-04-01T10:00:00Z');
  const SPAN_MINUTES = 180;
  const sent: { subject: string; timeMs: number; n: number; user: string }[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    usage = app.tally.app!.get(CustomerUsage);
    await createMeter(app, { slug: 'cu_tokens', eventType: 'cu', aggregation: 'SUM', valueProperty: '$.n' });
    await createMeter(app, {
      slug: 'cu_users',
      eventType: 'cu',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user',
    });
    customerId = await createCustomer(app, 'cu-acme', ['cu-1', 'cu-2']);
    await createCustomer(app, 'cu-other', ['cu-3']);
    const events = Array.from({ length: 120 }, (_, i) => {
      const event = {
        subject: `cu-${(i % 3) + 1}`,
        timeMs: BASE + ((i * 37) % SPAN_MINUTES) * 60_000 + ((i * 7919) % 60_000),
        n: (i * 13) % 11,
        user: `u${(i * 5) % 9}`,
      };
      sent.push(event);
      return {
        specversion: '1.0',
        id: `cu-${i}`,
        source: 'customer-usage',
        type: 'cu',
        subject: event.subject,
        time: new Date(event.timeMs).toISOString(),
        data: { n: event.n, user: event.user },
      };
    });
    const answer = await app.request('POST', '/api/v1/events', {
      body: events,
      headers: { 'content-type': 'application/cloudevents-batch+json' },
    });
    expect(answer.status).toBe(204);
    await app.tally.projections.drain();
  });
  afterAll(() => app.close());

  const bruteForce = (meter: 'cu_tokens' | 'cu_users', from: number, to: number): string => {
    const mine = sent.filter(
      (e) => (e.subject === 'cu-1' || e.subject === 'cu-2') && e.timeMs >= from && e.timeMs < to,
    );
    return meter === 'cu_tokens'
      ? String(mine.reduce((sum, e) => sum + e.n, 0))
      : String(new Set(mine.map((e) => e.user)).size);
  };

  const minute = fc.integer({ min: -5, max: SPAN_MINUTES + 5 });
  const range = fc
    .tuple(minute, minute)
    .map(([a, b]) => ({ from: BASE + Math.min(a, b) * 60_000, to: BASE + (Math.max(a, b) + 1) * 60_000 }));

  it('answers one range and several alike, as the events add up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('cu_tokens' as const, 'cu_users' as const),
        fc.array(range, { minLength: 1, maxLength: 4 }),
        async (meter, ranges) => {
          const ask = (asked: typeof ranges) =>
            usage.inRanges({
              namespace: 'default',
              meter,
              customerId,
              ranges: asked.map((r) => ({ from: new Date(r.from), to: new Date(r.to) })),
            });
          const together = await ask(ranges);
          const expected = ranges.map((r) => bruteForce(meter, r.from, r.to));
          expect(together?.values).toEqual(expected);
          for (const [index, r] of ranges.entries())
            expect((await ask([r]))?.values).toEqual([expected[index]]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
