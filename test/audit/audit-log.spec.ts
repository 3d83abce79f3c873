import type { MeterCreatedData, MeterUpdatedData } from '../../src/catalog/meters/meter.decider';
import type { Customer } from '../../src/customers/customers/customer.decider';
import { ExpectedVersion } from '../../src/event-store/event-store.port';
import { streamName, StreamCategory, usageDedupKey, usageStream } from '../../src/event-store/stream-names';
import type { UsageRecordedData } from '../../src/ingestion/usage-recorded';
import { startTestApp, TestApp } from '../support/test-app';

describe('audit log', () => {
  let app: TestApp;
  const meterStream = streamName(StreamCategory.meter, '01JMETER0000000000000000AA');
  const customerStream = streamName(StreamCategory.customer, '01JCUSTOMER00000000000000A');
  const actor = { id: 'tok_alice', name: 'alice' };

  // Whole events, as the deciders write them: the projections running beside the spec apply them too.
  const meter = (at: string): MeterCreatedData & MeterUpdatedData => ({
    id: '01JMETER0000000000000000AA',
    namespace: 'default',
    slug: 'tokens_total',
    name: 'tokens_total',
    eventType: 'tokens',
    aggregation: 'SUM',
    valueProperty: '$.tokens',
    groupBy: {},
    metadata: {},
    at,
  });
  const customer = (id: string, key: string, namespace: string): Customer => ({
    id,
    namespace,
    key,
    name: key,
    usageAttribution: { subjectKeys: [key] },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });

  beforeAll(async () => {
    app = await startTestApp();
    const store = app.tally.eventStore;
    const metadata = (correlationId: string) => ({
      namespace: 'default',
      correlationId,
      causationId: correlationId,
      actor,
    });
    await store.append(
      meterStream,
      [
        { type: 'MeterCreated', data: meter('2026-01-01T00:00:00.000Z'), metadata: metadata('req-1') },
        { type: 'MeterUpdated', data: meter('2026-01-02T00:00:00.000Z'), metadata: metadata('req-2') },
      ],
      ExpectedVersion.noStream,
    );
    await store.append(
      customerStream,
      [
        {
          type: 'CustomerCreated',
          data: customer('01JCUSTOMER00000000000000A', 'acme-inc', 'default'),
          metadata: { namespace: 'default', correlationId: 'req-3' },
        },
      ],
      ExpectedVersion.noStream,
    );
    await store.append(
      streamName(StreamCategory.customer, '01JOTHERNAMESPACE000000000'),
      [
        {
          type: 'CustomerCreated',
          data: customer('01JOTHERNAMESPACE000000000', 'elsewhere', 'other'),
          metadata: { namespace: 'other', correlationId: 'req-4' },
        },
      ],
      ExpectedVersion.noStream,
    );
    const usage: UsageRecordedData = {
      event: {
        specversion: '1.0',
        id: 'e1',
        source: 's',
        type: 'tokens',
        subject: 'acme-inc',
        time: '2026-01-03T00:00:00Z',
        data: { tokens: 5 },
      },
      ingestedAt: '2026-01-03T00:00:01.000Z',
    };
    await store.recordUsage(usageStream('default'), [
      {
        dedupKey: usageDedupKey('default', 's', 'e1'),
        data: usage,
        metadata: { namespace: 'default', correlationId: 'req-5' },
      },
    ]);
  });
  afterAll(() => app.close());

  it('lists the domain events of the namespace in log order with their metadata, and no usage', async () => {
    const answer = await app.request('GET', '/api/v1/audit/events');
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((e: { type: string }) => e.type)).toEqual([
      'MeterCreated',
      'MeterUpdated',
      'CustomerCreated',
    ]);
    expect(answer.body.items[0]).toMatchObject({
      streamId: meterStream,
      streamVersion: 1,
      entityType: 'meter',
      entityId: '01JMETER0000000000000000AA',
      metadata: { actor, correlationId: 'req-1', causationId: 'req-1' },
      recordedAt: expect.any(String),
    });
  });

  it('filters by stream, entity, type, actor and correlation id, and pages by position', async () => {
    const types = async (query: string) =>
      (await app.request('GET', `/api/v1/audit/events?${query}`)).body.items.map(
        (e: { type: string }) => e.type,
      );
    expect(await types(`stream=${meterStream}`)).toEqual(['MeterCreated', 'MeterUpdated']);
    expect(await types('entityType=customer')).toEqual(['CustomerCreated']);
    expect(await types('type=MeterUpdated')).toEqual(['MeterUpdated']);
    expect(await types('actor=tok_alice')).toEqual(['MeterCreated', 'MeterUpdated']);
    expect(await types('correlationId=req-3')).toEqual(['CustomerCreated']);
    expect(await types(`entityId=${encodeURIComponent("x' OR '1'='1")}`)).toEqual([]);

    const first = await app.request('GET', '/api/v1/audit/events?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await app.request(
      'GET',
      `/api/v1/audit/events?limit=2&afterPosition=${first.body.nextAfterPosition}`,
    );
    expect(second.body.items.map((e: { type: string }) => e.type)).toEqual(['CustomerCreated']);
    expect(second.body.nextAfterPosition).toBeUndefined();
  });

  it('answers one entity by id or key, and 404 for an unknown one', async () => {
    const byKey = await app.request('GET', '/api/v1/meters/tokens_total/history');
    const byId = await app.request('GET', '/api/v1/meters/01JMETER0000000000000000AA/history');
    expect(byKey.body).toEqual(byId.body);
    expect(byKey.body.items.map((e: { type: string }) => e.type)).toEqual(['MeterCreated', 'MeterUpdated']);
    expect((await app.request('GET', '/api/v1/customers/acme-inc/history')).body.items).toHaveLength(1);
    expect((await app.request('GET', '/api/v1/customers/elsewhere/history')).status).toBe(404);
  });

  it('leaves every projection running: the events above are whole, as the deciders write them', async () => {
    const statuses = async () =>
      (await app.request('GET', '/api/v1/admin/projections')).body as { lag: number; state: string }[];
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      if ((await statuses()).every((s) => s.lag === 0 || s.state === 'failed')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await statuses()).filter((s) => s.state !== 'running' || s.lag !== 0)).toEqual([]);
  });

  it('refuses bad filters with problem+json naming each', async () => {
    const answer = await app.request('GET', '/api/v1/audit/events?limit=0&afterPosition=abc&from=yesterday');
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'afterPosition',
      'from',
      'limit',
    ]);
  });
});
