import { Decimal, toDecimalString } from '../../src/shared/money';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    int: (n: number) => Math.floor(next() * n),
  };
}

interface Usage {
  id: string;
  subject: string;
  type: 'user_activity' | 'llm_call';
  time: string;
  data: Record<string, unknown>;
}

const START = Date.parse('2027-05-10T08:00:00Z');
const MINUTE = 60_000;

describe('invoice previews against a brute-force recomputation (3 customers, 2 plans)', () => {
  const clock = new ManualClock(new Date(START));
  let app: TestApp;

  const customers = [
    { key: 'acme', subjects: ['acme-web', 'acme-api'], plan: 'team' },
    { key: 'globex', subjects: ['globex'], plan: 'team' },
    { key: 'initech', subjects: ['initech'], plan: 'usage' },
  ];

  const post = async (path: string, body?: unknown) => {
    const answer = await app.request('POST', path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`POST ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };

  beforeAll(async () => {
    app = await startTestApp({ clock });
    await post('/api/v1/meters', {
      slug: 'active_users',
      name: 'Active users',
      eventType: 'user_activity',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user_id',
    });
    await post('/api/v1/meters', {
      slug: 'tokens',
      name: 'Tokens',
      eventType: 'llm_call',
      aggregation: 'SUM',
      valueProperty: '$.tokens',
      groupBy: { model: '$.model' },
    });
    await post('/api/v1/features', { key: 'seats', name: 'Seats', meterSlug: 'active_users' });
    await post('/api/v1/features', { key: 'tokens', name: 'Tokens', meterSlug: 'tokens' });
    await post('/api/v1/features', {
      key: 'gpt4_tokens',
      name: 'GPT-4 tokens',
      meterSlug: 'tokens',
      meterGroupByFilters: { model: 'gpt-4' },
    });
    const plan = async (key: string, rateCards: unknown[]) => {
      const created = await post('/api/v1/plans', {
        key,
        name: key,
        currency: 'USD',
        billingCadence: 'P1M',
        phases: [{ key: 'main', name: 'Main', duration: null, rateCards }],
      });
      await post(`/api/v1/plans/${created.id}/publish`);
    };
    const usage = (key: string, price: unknown) => ({
      type: 'usage_based',
      key,
      name: key,
      featureKey: key,
      billingCadence: 'P1M',
      price,
    });
    await plan('team', [
      usage('seats', { type: 'unit', amount: '4.99' }),
      usage('tokens', {
        type: 'tiered',
        mode: 'graduated',
        tiers: [
          { upToAmount: '1000', flatPrice: null, unitPrice: { type: 'unit', amount: '0.002' } },
          { flatPrice: null, unitPrice: { type: 'unit', amount: '0.001' } },
        ],
      }),
    ]);
    await plan('usage', [
      usage('gpt4_tokens', { type: 'package', amount: '3', quantityPerPackage: '500' }),
      {
        type: 'flat_fee',
        key: 'base',
        name: 'Base',
        billingCadence: 'P1M',
        price: { type: 'flat', amount: '20', paymentTerm: 'in_advance' },
      },
    ]);
    for (const c of customers) {
      await post('/api/v1/customers', {
        name: c.key,
        key: c.key,
        usageAttribution: { subjectKeys: c.subjects },
      });
    }
  });
  afterAll(() => app.close());

  it('prices every customer exactly as the raw events say', async () => {
    const rng = random(20270510);
    const events: Usage[] = [];
    const subjects = [...customers.flatMap((c) => c.subjects), 'stranger'];
    for (let i = 0; i < 600; i++) {
      // Some usage predates the subscriptions (metered, never billed); the rest falls in the period.
      const offset = rng.int(10) === 0 ? -(1 + rng.int(300)) * MINUTE : (1 + rng.int(60 * 24 * 20)) * MINUTE;
      const kind = rng.int(2) === 0 ? 'user_activity' : 'llm_call';
      events.push({
        id: `e${i}`,
        subject: rng.pick(subjects),
        type: kind,
        time: new Date(START + offset).toISOString(),
        data:
          kind === 'user_activity'
            ? { user_id: rng.pick(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 7, '7']) }
            : { tokens: String(1 + rng.int(400)), model: rng.pick(['gpt-4', 'gpt-3.5']) },
      });
    }
    const early = events.filter((e) => Date.parse(e.time) < START);
    const late = events.filter((e) => Date.parse(e.time) >= START);
    const send = async (batch: Usage[]) => {
      const body = batch.map((e) => ({ specversion: '1.0', source: 'bench', ...e }));
      const answer = await app.request('POST', '/api/v1/events', {
        rawBody: JSON.stringify(body),
        headers: { 'content-type': 'application/cloudevents-batch+json' },
      });
      expect(answer.status).toBe(204);
    };
    // Usage that predates the subscriptions arrives first; the subscriptions start at START.
    clock.set(new Date(START));
    await send(early);
    for (const c of customers)
      await post('/api/v1/subscriptions', { customerKey: c.key, plan: { key: c.plan }, timing: 'immediate' });
    clock.set(new Date(START + 21 * 24 * 60 * MINUTE));
    // The rest in random batches, with a third sent twice (client retries).
    const shuffled = [...late].sort(() => rng.next() - 0.5);
    for (let i = 0; i < shuffled.length;) {
      const size = 1 + rng.int(60);
      const batch = shuffled.slice(i, i + size);
      await send(batch);
      if (rng.int(3) === 0) await send(batch);
      i += size;
    }

    for (const c of customers) {
      const preview = (await app.request('GET', `/api/v1/billing/customers/${c.key}/invoices/preview`)).body;
      const mine = late.filter((e) => c.subjects.includes(e.subject));
      const seats = new Set(mine.filter((e) => e.type === 'user_activity').map((e) => String(e.data.user_id)))
        .size;
      const tokens = mine
        .filter((e) => e.type === 'llm_call')
        .reduce((sum, e) => sum.plus(e.data.tokens as string), new Decimal(0));
      const gpt4 = mine
        .filter((e) => e.type === 'llm_call' && e.data.model === 'gpt-4')
        .reduce((sum, e) => sum.plus(e.data.tokens as string), new Decimal(0));
      const line = (key: string) =>
        preview.lines.find((l: { subscription: { item: { id: string } } }) => l.subscription.item.id === key);
      const money = (d: Decimal) => toDecimalString(d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
      if (c.plan === 'team') {
        const tokenCharge = Decimal.min(tokens, 1000)
          .times('0.002')
          .plus(Decimal.max(tokens.minus(1000), 0).times('0.001'));
        expect([c.key, line('seats').quantity, line('seats').totals.total]).toEqual([
          c.key,
          String(seats),
          money(new Decimal(seats).times('4.99')),
        ]);
        expect([c.key, line('tokens').quantity, line('tokens').totals.total]).toEqual([
          c.key,
          toDecimalString(tokens),
          money(tokenCharge),
        ]);
        expect(preview.totals.total).toBe(
          money(
            new Decimal(seats)
              .times('4.99')
              .toDecimalPlaces(2)
              .plus(tokenCharge.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)),
          ),
        );
      } else {
        const packages = gpt4.dividedBy(500).ceil();
        expect([c.key, line('gpt4_tokens').quantity, line('gpt4_tokens').totals.total]).toEqual([
          c.key,
          toDecimalString(gpt4),
          money(packages.times(3)),
        ]);
        expect(line('base').totals.total).toBe('20');
        expect(preview.totals.total).toBe(money(packages.times(3).plus(20)));
      }
    }
  });
});
