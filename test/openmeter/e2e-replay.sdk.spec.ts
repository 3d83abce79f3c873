import { HTTPError, OpenMeter } from '@openmeter/sdk';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Requests of OpenMeter's own end-to-end tests (openmeterio/openmeter `e2e/e2e_test.go`: ingest,
 * batch ingest, dedupe, query; `e2e/productcatalog_test.go`: plans with `taxConfig` and
 * `alignment`, custom subscriptions), replayed through the real `@openmeter/sdk` and raw HTTP, with
 * the answers those tests expect of OpenMeter. Scaled down (tens of events rather than a thousand),
 * and with past event times: Tally refuses events more than a day ahead (README).
 */
describe("OpenMeter's e2e requests, replayed", () => {
  let app: TestApp;
  let sdk: OpenMeter;
  const DAY = 24 * 60 * 60 * 1000;
  const now = Date.now();

  beforeAll(async () => {
    app = await startTestApp();
    sdk = new OpenMeter({ baseUrl: app.url, apiKey: app.adminToken });
    // OpenMeter's e2e config.yaml meters.
    for (const meter of [
      { slug: 'ingest', eventType: 'ingest', aggregation: 'SUM', valueProperty: '$.duration_ms' },
      { slug: 'batchingest', eventType: 'batchingest', aggregation: 'SUM', valueProperty: '$.duration_ms' },
      { slug: 'dedupe', eventType: 'dedupe', aggregation: 'COUNT' },
      {
        slug: 'query',
        eventType: 'query',
        aggregation: 'SUM',
        valueProperty: '$.duration_ms',
        groupBy: { method: '$.method', path: '$.path' },
      },
      { slug: 'plan_meter', eventType: 'plan_meter', aggregation: 'COUNT' },
    ] as const) {
      await sdk.meters.create({ name: meter.slug, ...meter });
    }
  });
  afterAll(() => app?.close());

  /** A time in the last 30 days, spread by `i` (OpenMeter's spread its events ±30 days). */
  const past = (i: number) => new Date(now - ((i * 7919) % 30) * DAY - 60_000);

  describe('TestIngest, TestBatchIngest, TestDedupe', () => {
    it('sums single events, with their values as strings', async () => {
      let sum = 0;
      for (let i = 0; i < 40; i++) {
        const duration = 1 + ((i * 37) % 100);
        sum += duration;
        await sdk.events.ingest({
          id: `ingest-${i}`,
          source: 'my-app',
          type: 'ingest',
          subject: 'customer-1',
          time: past(i),
          data: { duration_ms: `${duration}` },
        });
      }
      const answer = await sdk.meters.query('ingest');
      expect(answer.data).toHaveLength(1);
      expect(answer.data[0].value).toBe(sum);
    });

    it('sums a batch', async () => {
      const events = Array.from({ length: 200 }, (_, i) => ({
        id: `batch-${i}`,
        source: 'my-app',
        type: 'batchingest',
        subject: 'customer-1',
        time: past(i),
        data: { duration_ms: `${1 + ((i * 53) % 1000)}` },
      }));
      await sdk.events.ingest(events);
      const sum = events.reduce((total, event) => total + Number(event.data.duration_ms), 0);
      const answer = await sdk.meters.query('batchingest');
      expect(answer.data.map((row) => row.value)).toEqual([sum]);
    });

    it('counts one event sent many times with one id once', async () => {
      for (let i = 0; i < 20; i++) {
        await sdk.events.ingest({
          id: '52f44f66-020f-4fa9-a733-102a8ef6f515',
          source: 'my-app',
          type: 'dedupe',
          subject: 'customer-1',
          time: past(i),
          data: {},
        });
      }
      expect((await sdk.meters.query('dedupe')).data.map((row) => row.value)).toEqual([1]);
    });
  });

  describe('TestQuery', () => {
    const customers = 5;
    // A start of day, as OpenMeter's test takes one.
    const start = new Date(Math.floor((now - 10 * DAY) / DAY) * DAY);
    const at = (ms: number) => new Date(start.getTime() + ms);
    const row = (value: number, from: number, to: number, extra: object = {}) => ({
      value,
      windowStart: new Date(start.getTime() + from),
      windowEnd: new Date(start.getTime() + to),
      // The spec requires `subject`, null when the rows are not by subject (Go's nil *string).
      subject: null,
      groupBy: {},
      ...extra,
    });
    const MINUTE = 60_000;
    const HOUR = 60 * MINUTE;

    beforeAll(async () => {
      const offsets = [0, MINUTE, HOUR, DAY];
      await sdk.events.ingest(
        offsets.flatMap((offset, o) =>
          Array.from({ length: customers }, (_, c) => ({
            id: `query-${o}-${c}`,
            source: 'my-app',
            type: 'query',
            subject: `customer-${c + 1}`,
            time: at(offset),
            data: { duration_ms: '100', method: ['GET', 'POST', 'PUT', 'GET'][o], path: '/about' },
          })),
        ),
      );
    });

    it('Total: one row from the first event to the last, by the minute', async () => {
      const answer = await sdk.meters.query('query');
      expect(answer.data).toEqual([row(customers * 4 * 100, 0, DAY + MINUTE)]);
    });

    it.each([
      [
        'MINUTE',
        [
          row(500, 0, MINUTE),
          row(500, MINUTE, 2 * MINUTE),
          row(500, HOUR, HOUR + MINUTE),
          row(500, DAY, DAY + MINUTE),
        ],
      ],
      ['HOUR', [row(1000, 0, HOUR), row(500, HOUR, 2 * HOUR), row(500, DAY, DAY + HOUR)]],
      ['DAY', [row(1500, 0, DAY), row(500, DAY, 2 * DAY)]],
    ] as const)('WindowSize %s', async (windowSize, rows) => {
      const answer = await sdk.meters.query('query', { windowSize });
      expect(answer.windowSize).toBe(windowSize);
      expect(answer.data).toEqual(rows);
    });

    it('Subject: a row per subject asked for', async () => {
      const answer = await sdk.meters.query('query', { subject: ['customer-1', 'customer-2'] });
      const bySubject = [...answer.data].sort((a, b) => String(a.subject).localeCompare(String(b.subject)));
      expect(bySubject).toEqual([
        row(400, 0, DAY + MINUTE, { subject: 'customer-1' }),
        row(400, 0, DAY + MINUTE, { subject: 'customer-2' }),
      ]);
    });

    it('the same query by POST, and as CSV by Accept', async () => {
      const answer = (await sdk.meters.queryPost('query', {
        windowSize: 'DAY',
        groupBy: ['method'],
      })) as Awaited<ReturnType<OpenMeter['meters']['query']>>;
      const byMethod = Object.fromEntries(
        answer.data
          .filter((r) => r.windowStart.getTime() === start.getTime())
          .map((r) => [r.groupBy.method, r.value]),
      );
      expect(byMethod).toEqual({ GET: 500, POST: 500, PUT: 500 });
      const csv = await app.request('POST', '/api/v1/meters/query/query', {
        body: { windowSize: 'DAY' },
        headers: { accept: 'text/csv' },
      });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.text.trim().split('\n')).toHaveLength(3);
    });
  });

  describe('helpers through the SDK', () => {
    it('pages the v2 events listing by cursor, newest first', async () => {
      const first = present(await sdk.events.listV2({ limit: 3 }));
      expect(first.items).toHaveLength(3);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = present(await sdk.events.listV2({ limit: 3, cursor: first.nextCursor }));
      expect(second.items.map((e) => e.event.id)).not.toContain(first.items[0].event.id);
    });

    it("lists a meter's subjects and a group-by's values", async () => {
      // The SDK has no call for it: raw HTTP.
      expect((await app.request('GET', '/api/v1/meters/ingest/subjects')).body).toEqual(['customer-1']);
      expect(
        present(
          await sdk.meters.listGroupByValues('query', 'method', { from: new Date(now - 30 * DAY) }),
        ).sort(),
      ).toEqual(['GET', 'POST', 'PUT']);
    });

    it('upserts a subject and lists the currencies', async () => {
      const [subject] = present(
        await sdk.subjects.upsert([{ key: 'customer-1', displayName: 'Customer 1' }]),
      );
      expect(subject).toMatchObject({ key: 'customer-1', displayName: 'Customer 1' });
      expect(present(await sdk.info.listCurrencies()).map((c) => c.code)).toContain('USD');
    });
  });

  describe('TestPlan', () => {
    const address = {
      city: 'City',
      country: 'US',
      line1: 'Line 1',
      line2: 'Line 2',
      state: 'State',
      phoneNumber: '1234567890',
      postalCode: '12345',
    };
    const customer = (name: string, subject: string, key?: string) => ({
      name,
      ...(key !== undefined && { key }),
      currency: 'USD',
      description: 'Test Customer Description',
      primaryEmail: `${subject}@mail.com`,
      billingAddress: address,
      usageAttribution: { subjectKeys: [subject] },
    });
    const taxConfig = { stripe: { code: 'txcd_10000000' } };
    const flat = { type: 'flat' as const, amount: '1000', paymentTerm: 'in_advance' as const };
    const installation = {
      type: 'flat_fee' as const,
      name: 'Test Plan Phase 1 Rate Card 1',
      description: 'Has a one time flat price like an installation fee',
      key: 'test_plan_phase_1_rate_card_1',
      taxConfig,
      price: flat,
      billingCadence: null,
    };
    const access = {
      type: 'flat_fee' as const,
      name: 'Test Plan Phase 1 Rate Card 2',
      description: 'Has a monthly recurring price to grant access to a feature',
      key: 'plan_feature_1',
      featureKey: 'plan_feature_1',
      entitlementTemplate: { type: 'boolean' as const },
      taxConfig,
      price: flat,
      billingCadence: 'P1M',
    };
    const keepAccess = {
      type: 'flat_fee' as const,
      name: 'Test Plan Phase 2 Rate Card 1',
      description: 'Keeps access to the same feature as in phase 1',
      key: 'plan_feature_1',
      featureKey: 'plan_feature_1',
      taxConfig,
      price: flat,
      billingCadence: 'P1M',
    };
    const usage = {
      type: 'usage_based' as const,
      name: 'Test Plan Phase 2 Rate Card 2',
      description: 'Adds a usage based price for the metered feature',
      key: 'plan_metered_feature_1',
      featureKey: 'plan_metered_feature_1',
      taxConfig,
      billingCadence: 'P1M',
      price: { type: 'unit' as const, amount: '0.1' },
      discounts: { percentage: { percentage: 10 } },
    };
    const planCreate = {
      currency: 'USD',
      name: 'Test Plan',
      description: 'Test Plan Description',
      key: 'test_plan',
      billingCadence: 'P1M',
      phases: [
        {
          name: 'Test Plan Phase 1',
          key: 'test_plan_phase_1',
          description: 'Test Plan Phase 1 Description',
          duration: 'P2M',
          rateCards: [installation, access],
        },
        {
          name: 'Test Plan Phase 2',
          key: 'test_plan_phase_2',
          description: 'Test Plan Phase 1 Description',
          duration: null,
          rateCards: [keepAccess, usage],
        },
      ],
    };
    const { key: _key, ...customPlan } = {
      ...planCreate,
      proRatingConfig: { mode: 'prorate_prices' as const, enabled: true },
    };
    let customer1: { id: string };
    let customer2: { id: string; key?: string };
    let planId: string;
    const startTime = new Date(now);

    beforeAll(async () => {
      customer1 = present(await sdk.customers.create(customer('Test Customer 1', 'test_customer_subject_1')));
      customer2 = present(
        await sdk.customers.create(customer('Test Customer 2', 'test_customer_subject_2', 'test_customer_2')),
      );
      present(
        await sdk.customers.create(
          customer('Test Customer Abused', 'test_customer_subject_abused', 'test_customer_abused'),
        ),
      );
      present(await sdk.features.create({ key: 'plan_feature_1', name: 'Test Plan Feature' }));
      present(
        await sdk.features.create({
          key: 'plan_metered_feature_1',
          name: 'Test Plan Metered Feature',
          meterSlug: 'plan_meter',
        }),
      );
    });

    it('creates the plan (taxConfig kept), records its discounts, publishes it', async () => {
      const plan = present(await sdk.plans.create(planCreate));
      expect([plan.key, plan.version, plan.status, plan.validationErrors]).toEqual([
        'test_plan',
        1,
        'draft',
        null,
      ]);
      planId = plan.id;
      const card = plan.phases[1].rateCards.find((rc) => rc.key === 'plan_metered_feature_1');
      expect(card).toMatchObject({ discounts: { percentage: { percentage: 10 } }, taxConfig });
      expect(plan.phases[0].rateCards[0]).toMatchObject({ taxConfig, billingCadence: null });
      expect(present(await sdk.plans.publish(planId)).status).toBe('active');
    });

    it('creates a plan with billablesMustAlign whose billables align, and publishes it', async () => {
      const plan = present(
        await sdk.plans.create({
          ...planCreate,
          key: 'multi_subject_plan',
          alignment: { billablesMustAlign: true },
          phases: [{ ...planCreate.phases[0], duration: null, rateCards: [installation, access] }],
        }),
      );
      expect(plan.alignment).toEqual({ billablesMustAlign: true });
      expect(present(await sdk.plans.publish(plan.id)).status).toBe('active');
    });

    it('keeps a misaligned plan as a draft, refuses to publish it (400), takes the PUT that lifts alignment', async () => {
      const weeklyInstallation = { ...installation, billingCadence: 'P1W' };
      const plan = present(
        await sdk.plans.create({
          ...planCreate,
          key: 'test_plan_misaligned',
          alignment: { billablesMustAlign: true },
          billingCadence: 'P1M',
          phases: [
            { ...planCreate.phases[0], rateCards: [weeklyInstallation, access] },
            planCreate.phases[1],
          ],
        }),
      );
      expect(plan.version).toBe(1);
      expect(plan.validationErrors).toEqual([
        expect.objectContaining({ field: '$.phases[0].rateCards[0].billingCadence' }),
      ]);

      const refused = await failure(sdk.plans.publish(plan.id));
      expect([refused.status, refused.type, refused.title]).toEqual([400, 'about:blank', 'Bad Request']);

      const updated = present(
        await sdk.plans.update(plan.id, {
          name: plan.name,
          billingCadence: 'P1M',
          alignment: { billablesMustAlign: false },
          phases: plan.phases,
        }),
      );
      expect(updated.alignment).toEqual({ billablesMustAlign: false });
      // OpenMeter then publishes it; Tally does not publish a weekly card in a monthly plan, aligned
      // or not (README, OpenMeter compatibility), and says which card.
      const stillRefused = await failure(sdk.plans.publish(plan.id));
      expect(stillRefused.status).toBe(400);
      expect(stillRefused.getField('extensions')).toEqual({
        validationErrors: [
          expect.objectContaining({
            field: '$.phases[0].rateCards[0].billingCadence',
            code: 'CATALOG.CADENCE_MISMATCH',
          }),
        ],
      });
    });

    it('creates a custom subscription (customPlan), listed as the customer’s one', async () => {
      const anchor = new Date(now - 60 * 60 * 1000);
      const subscription = present(
        await sdk.subscriptions.create({
          timing: startTime,
          customerKey: 'test_customer_2',
          customPlan,
          billingAnchor: anchor,
        }),
      );
      expect(subscription.status).toBe('active');
      expect(subscription.plan).toBeUndefined();
      expect(subscription.billingCadence).toBe('P1M');
      expect(subscription.billingAnchor.getTime()).toBe(anchor.getTime());
      expect(subscription.proRatingConfig).toEqual({ mode: 'prorate_prices', enabled: true });

      const listed = present(await sdk.customers.listSubscriptions(customer2.id, { page: 1, pageSize: 10 }));
      expect(listed.items.map((s) => s.id)).toEqual([subscription.id]);
      expect([listed.page, listed.pageSize, listed.totalCount]).toEqual([1, 10, 1]);
    });

    it('creates a subscription of the plan, by key and version', async () => {
      const subscription = present(
        await sdk.subscriptions.create({
          timing: startTime,
          customerId: customer1.id,
          name: 'Test Subscription',
          description: 'Test Subscription Description',
          plan: { key: 'test_plan', version: 1 },
        }),
      );
      expect(subscription.status).toBe('active');
      expect(subscription.plan?.id).toBe(planId);
      expect(subscription.billingCadence).toBe('P1M');
      expect(subscription.proRatingConfig).toEqual({ mode: 'prorate_prices', enabled: true });

      const read = present(await sdk.subscriptions.get(subscription.id));
      expect(read.alignment?.currentAlignedBillingPeriod).toEqual({
        from: expect.any(Date),
        to: expect.any(Date),
      });
      expect(read.phases[0].items.map((item) => item.key)).toEqual(
        expect.arrayContaining(['plan_feature_1', 'test_plan_phase_1_rate_card_1']),
      );
    });

    it('creates only one subscription per customer, however many requests race', async () => {
      const attempts = await Promise.allSettled(
        Array.from({ length: 10 }, () =>
          sdk.subscriptions.create({ timing: startTime, customerKey: 'test_customer_abused', customPlan }),
        ),
      );
      for (const attempt of attempts) {
        if (attempt.status === 'rejected') expect((attempt.reason as HTTPError).status).toBeLessThan(500);
      }
      const listed = present(
        await sdk.customers.listSubscriptions('test_customer_abused', { page: 1, pageSize: 10 }),
      );
      expect(listed.items).toHaveLength(1);
    });

    it('takes a flat fee priced null and a settlement mode by raw HTTP, and shows them back', async () => {
      const answer = await app.request('POST', '/api/v1/plans', {
        body: {
          ...planCreate,
          key: 'free_access',
          settlementMode: 'credit_only',
          phases: [{ ...planCreate.phases[1], rateCards: [{ ...keepAccess, price: null }] }],
        },
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ settlementMode: 'credit_only', validationErrors: null });
      expect(answer.body.phases[0].rateCards[0]).toMatchObject({ price: null, taxConfig });
    });

    it('answers a bad field as OpenMeter does: problem+json the SDK reads, the field as a JSONPath', async () => {
      const refused = await failure(sdk.plans.create({ ...planCreate, key: 'bad', currency: 'XXX1' }));
      expect([refused.status, refused.type, refused.title]).toEqual([400, 'about:blank', 'Bad Request']);
      expect(refused.getField('extensions')).toEqual({
        validationErrors: [expect.objectContaining({ field: '$.currency' })],
      });
    });

    it('lists the customers of a plan', async () => {
      present(await sdk.customers.create(customer('Test Customer 3', 'test_customer_subject_3')));
      expect(present(await sdk.customers.list()).items).toHaveLength(4);
      const ofPlan = present(await sdk.customers.list({ planKey: 'test_plan' }));
      expect(ofPlan.items.map((c) => c.id)).toEqual([customer1.id]);
    });
  });
});

function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected an answer');
  return value;
}

async function failure(promise: Promise<unknown>): Promise<HTTPError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HTTPError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}
