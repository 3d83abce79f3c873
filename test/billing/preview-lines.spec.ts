import { Decimal, toDecimalString } from '../../src/shared/money';
import type { StringFilter } from '../../src/shared/string-filter';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';

const START = Date.parse('2027-05-10T08:00:00Z');
const MINUTE = 60_000;

/**
 * An invoice's lines are read together (their counters in one statement, a scan only for the lines
 * the counters cannot answer): every line of a plan with one meter of each aggregation a feature may have must bill
 * what the meter query answers for that line alone, and what the events add up to.
 */
describe('invoice preview lines read together, against one meter query per line', () => {
  const clock = new ManualClock(new Date(START));
  let app: TestApp;
  const post = async (path: string, body?: unknown) => {
    const answer = await app.request('POST', path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`POST ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  // Rate card (and feature) key → meter, with the feature's group filter.
  const lines: Record<
    string,
    {
      meter: string;
      aggregation: string;
      valueProperty?: string;
      type?: string;
      filter?: Record<string, string>;
      advanced?: Record<string, StringFilter>;
    }
  > = {
    users: { meter: 'users', aggregation: 'UNIQUE_COUNT', valueProperty: '$.user_id' },
    gpt4_users: {
      meter: 'users_by_model',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user_id',
      filter: { model: 'gpt-4' },
    },
    tokens: { meter: 'tokens', aggregation: 'SUM', valueProperty: '$.tokens' },
    gpt4_tokens: {
      meter: 'tokens',
      aggregation: 'SUM',
      valueProperty: '$.tokens',
      filter: { model: 'gpt-4' },
    },
    // OpenMeter's advanced filters: what the line bills, what the query answers and what lineage lists agree.
    other_tokens: {
      meter: 'tokens',
      aggregation: 'SUM',
      valueProperty: '$.tokens',
      advanced: { model: { $ne: 'gpt-4' } },
    },
    gpt_users: {
      meter: 'users_by_model',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user_id',
      advanced: { model: { $or: [{ $like: 'gpt-4%' }, { $in: ['o1'] }] } },
    },
    calls: { meter: 'calls', aggregation: 'COUNT' },
    latency_latest: { meter: 'latency_latest', aggregation: 'LATEST', valueProperty: '$.latency' },
    // Usage of this one also lies before the subscription in the same month: its counters straddle the window.
    batch_tokens: {
      meter: 'batch_tokens',
      aggregation: 'SUM',
      valueProperty: '$.tokens',
      type: 'batch_call',
    },
  };

  beforeAll(async () => {
    app = await startTestApp({ clock });
    const meters = new Map(Object.values(lines).map((l) => [l.meter, l]));
    for (const [slug, l] of meters) {
      await post('/api/v1/meters', {
        slug,
        name: slug,
        eventType: l.type ?? 'api_call',
        aggregation: l.aggregation,
        ...(l.valueProperty ? { valueProperty: l.valueProperty } : {}),
        groupBy: { model: '$.model' },
      });
    }
    for (const [key, l] of Object.entries(lines)) {
      await post('/api/v1/features', {
        key,
        name: key,
        meterSlug: l.meter,
        ...(l.filter ? { meterGroupByFilters: l.filter } : {}),
        ...(l.advanced ? { advancedMeterGroupByFilters: l.advanced } : {}),
      });
    }
    const rateCards = Object.keys(lines).map((key) => ({
      type: 'usage_based',
      key,
      name: key,
      featureKey: key,
      billingCadence: 'P1M',
      price: { type: 'unit', amount: '0.5' },
    }));
    const plan = await post('/api/v1/plans', {
      key: 'all',
      name: 'All',
      currency: 'USD',
      billingCadence: 'P1M',
      phases: [{ key: 'main', name: 'Main', duration: null, rateCards }],
    });
    await post(`/api/v1/plans/${plan.id}/publish`);
    await post('/api/v1/customers', {
      name: 'acme',
      key: 'acme',
      usageAttribution: { subjectKeys: ['acme-web', 'acme-api'] },
    });
    await post('/api/v1/customers', {
      name: 'globex',
      key: 'globex',
      usageAttribution: { subjectKeys: ['globex'] },
    });
  });
  afterAll(() => app.close());

  it('bills every line what its own meter query answers, and what the events add up to', async () => {
    const send = async (events: Record<string, unknown>[]) => {
      const body = events.map((e) => ({ specversion: '1.0', source: 'lines', ...e }));
      const answer = await app.request('POST', '/api/v1/events', {
        rawBody: JSON.stringify(body),
        headers: { 'content-type': 'application/cloudevents-batch+json' },
      });
      expect(answer.status).toBe(204);
    };
    const subjects = ['acme-web', 'acme-api', 'globex', 'stranger'];
    const models = ['gpt-4', 'gpt-3.5'];
    const calls = Array.from({ length: 120 }, (_, i) => ({
      id: `c${i}`,
      type: 'api_call',
      subject: subjects[i % subjects.length],
      time: new Date(START + (1 + ((i * 7919) % (60 * 24 * 4))) * MINUTE).toISOString(),
      data: {
        user_id: `u${i % 9}`,
        model: models[i % 3 === 0 ? 0 : 1],
        tokens: `${(i * 37) % 500}.${i % 10}`,
        latency: `${10 + ((i * 13) % 90)}.25`,
      },
    }));
    const batches = [-90, -30, 30, 600, 3000].map((minutes, i) => ({
      id: `b${i}`,
      type: 'batch_call',
      subject: 'acme-api',
      time: new Date(START + minutes * MINUTE).toISOString(),
      data: { tokens: `${100 + i}`, model: 'gpt-4' },
    }));
    // Usage before the subscription starts (at START) is metered, never billed.
    await send(batches.filter((b) => Date.parse(b.time) < START));
    await post('/api/v1/subscriptions', { customerKey: 'acme', plan: { key: 'all' }, timing: 'immediate' });
    await post('/api/v1/subscriptions', { customerKey: 'globex', plan: { key: 'all' }, timing: 'immediate' });
    clock.set(new Date(START + 5 * 24 * 60 * MINUTE));
    await send([...calls, ...batches.filter((b) => Date.parse(b.time) >= START)]);

    for (const customerKey of ['acme', 'globex']) {
      const preview = await app.request('GET', `/api/v1/billing/customers/${customerKey}/invoices/preview`);
      expect(preview.status).toBe(200);
      const customerId = preview.body.customer.id;
      const mine = calls.filter((c) =>
        preview.body.customer.usageAttribution.subjectKeys.includes(c.subject),
      );
      const billedBatches = batches.filter((b) => customerKey === 'acme' && Date.parse(b.time) >= START);
      expect(
        preview.body.lines
          .map((l: { subscription: { item: { id: string } } }) => l.subscription.item.id)
          .sort(),
      ).toEqual(Object.keys(lines).sort());
      for (const line of preview.body.lines) {
        const key: string = line.subscription.item.id;
        const { meter, filter, advanced } = lines[key];
        const params = new URLSearchParams({
          from: line.period.from,
          to: line.period.to,
          filterCustomerId: customerId,
        });
        for (const [name, value] of Object.entries(filter ?? {})) params.set(`filterGroupBy[${name}]`, value);
        if (advanced) params.set('advancedMeterGroupByFilters', JSON.stringify(advanced));
        const alone = await app.request('GET', `/api/v1/meters/${meter}/query?${params}`);
        expect(alone.status).toBe(200);
        const expected = toDecimalString(
          alone.body.data.reduce(
            (sum: Decimal, row: { value: string | number }) => sum.plus(String(row.value)),
            new Decimal(0),
          ),
        );
        expect([customerKey, key, line.meteredQuantity]).toEqual([customerKey, key, expected]);
        if (advanced) {
          // Lineage lists the events the line counted: each distinct user once, every token.
          const lineage = await app.request(
            'GET',
            `/api/v1/billing/invoices/${preview.body.id}/lines/${line.id}/events?limit=1000`,
          );
          expect(lineage.status).toBe(200);
          const counted = lineage.body.items as { value?: string }[];
          const listed =
            lines[key].aggregation === 'UNIQUE_COUNT'
              ? String(counted.length)
              : toDecimalString(counted.reduce((total, item) => total.plus(item.value!), new Decimal(0)));
          expect([customerKey, key, listed]).toEqual([customerKey, key, expected]);
        }
      }
      // The events themselves, for the lines whose sums are easy to state.
      const sum = (events: { data: { tokens: string } }[]) =>
        toDecimalString(events.reduce((s, e) => s.plus(e.data.tokens), new Decimal(0)));
      const quantity = (key: string) =>
        preview.body.lines.find(
          (l: { subscription: { item: { id: string } } }) => l.subscription.item.id === key,
        ).meteredQuantity;
      expect([customerKey, quantity('users')]).toEqual([
        customerKey,
        String(new Set(mine.map((c) => c.data.user_id)).size),
      ]);
      expect([customerKey, quantity('gpt4_users')]).toEqual([
        customerKey,
        String(new Set(mine.filter((c) => c.data.model === 'gpt-4').map((c) => c.data.user_id)).size),
      ]);
      expect([customerKey, quantity('tokens')]).toEqual([customerKey, sum(mine)]);
      expect([customerKey, quantity('gpt4_tokens')]).toEqual([
        customerKey,
        sum(mine.filter((c) => c.data.model === 'gpt-4')),
      ]);
      expect([customerKey, quantity('other_tokens')]).toEqual([
        customerKey,
        sum(mine.filter((c) => c.data.model !== 'gpt-4')),
      ]);
      expect([customerKey, quantity('gpt_users')]).toEqual([
        customerKey,
        String(new Set(mine.filter((c) => c.data.model.startsWith('gpt-4')).map((c) => c.data.user_id)).size),
      ]);
      expect([customerKey, quantity('calls')]).toEqual([customerKey, String(mine.length)]);
      expect([customerKey, quantity('batch_tokens')]).toEqual([customerKey, sum(billedBatches)]);
      const latest = [...mine].sort((a, b) => b.time.localeCompare(a.time))[0];
      expect([customerKey, quantity('latency_latest')]).toEqual([
        customerKey,
        toDecimalString(new Decimal(latest.data.latency)),
      ]);
    }
  });
});
