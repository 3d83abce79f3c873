import { ProjectionRunner } from '../../src/projections/projection-runner';
import { createCustomer, createMeter, deleteMeter, updateMeter } from './meters';
import { startTestApp, TestApp } from '../support/test-app';

let sequence = 0;
function event(type: string, subject: string, time: string, data: Record<string, unknown>) {
  sequence += 1;
  return { specversion: '1.0', id: `e-${sequence}`, source: 'meter-query-spec', type, subject, time, data };
}

describe('GET /api/v1/meters/{meterIdOrSlug}/query', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const ingest = async (events: unknown[]) => {
    const answer = await app.request('POST', '/api/v1/events', { body: events });
    expect(answer.status).toBe(204);
  };
  const query = async (path: string) => {
    const answer = await app.request('GET', path);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  describe('a SUM meter with a group-by', () => {
    beforeAll(async () => {
      await createMeter(app, {
        slug: 'tokens',
        eventType: 'prompt',
        aggregation: 'SUM',
        valueProperty: '$.tokens',
        groupBy: { model: '$.model' },
      });
      await ingest([
        event('prompt', 'alpha', '2024-05-01T10:15:30Z', { tokens: 10, model: 'small' }),
        event('prompt', 'alpha', '2024-05-01T10:15:45.500Z', { tokens: '2.5', model: 'large' }),
        event('prompt', 'alpha', '2024-05-01T11:05:00Z', { tokens: 7, model: 'small' }),
        event('prompt', 'beta', '2024-05-01T23:30:00Z', { tokens: 100, model: 'small' }),
        event('prompt', 'beta', '2024-05-02T00:30:00Z', { tokens: 1000 }),
      ]);
    });

    it('sums over all time without windows, with the range taken from the data', async () => {
      const body = await query('/api/v1/meters/tokens/query');
      expect(body).toEqual({
        data: [
          {
            value: 1119.5,
            windowStart: '2024-05-01T10:15:00.000Z',
            windowEnd: '2024-05-02T00:31:00.000Z',
            subject: null,
            groupBy: {},
          },
        ],
      });
    });

    it('splits by subject and group-by, filters by them, and names the missing group value null', async () => {
      const body = await query('/api/v1/meters/tokens/query?groupBy=subject&groupBy=model');
      expect(body.data.map((r: Record<string, unknown>) => [r.subject, r.groupBy, r.value])).toEqual([
        ['alpha', { model: 'large' }, 2.5],
        ['alpha', { model: 'small' }, 17],
        ['beta', { model: 'small' }, 100],
        ['beta', { model: null }, 1000],
      ]);
      const filtered = await query('/api/v1/meters/tokens/query?subject=beta&filterGroupBy[model]=small');
      expect(filtered.data).toEqual([expect.objectContaining({ subject: 'beta', value: 100 })]);
    });

    it('windows by hour and by day, in a time zone, clipped to the range', async () => {
      const hourly = await query(
        '/api/v1/meters/tokens/query?windowSize=HOUR&from=2024-05-01T10:15:40Z&to=2024-05-01T12:00:00Z',
      );
      expect(hourly).toEqual({
        from: '2024-05-01T10:15:40.000Z',
        to: '2024-05-01T12:00:00.000Z',
        windowSize: 'HOUR',
        data: [
          {
            value: 2.5,
            windowStart: '2024-05-01T10:15:40.000Z',
            windowEnd: '2024-05-01T11:00:00.000Z',
            subject: null,
            groupBy: {},
          },
          {
            value: 7,
            windowStart: '2024-05-01T11:00:00.000Z',
            windowEnd: '2024-05-01T12:00:00.000Z',
            subject: null,
            groupBy: {},
          },
        ],
      });
      const daily = await query('/api/v1/meters/tokens/query?windowSize=DAY&windowTimeZone=Europe/Berlin');
      expect(daily.data.map((r: Record<string, unknown>) => [r.windowStart, r.windowEnd, r.value])).toEqual([
        ['2024-04-30T22:00:00.000Z', '2024-05-01T22:00:00.000Z', 19.5],
        ['2024-05-01T22:00:00.000Z', '2024-05-02T22:00:00.000Z', 1100],
      ]);
    });

    it('counts sub-minute edges of the range exactly', async () => {
      const body = await query(
        '/api/v1/meters/tokens/query?from=2024-05-01T10:15:30Z&to=2024-05-01T10:15:45.500Z',
      );
      expect(body.data).toEqual([expect.objectContaining({ value: 10 })]);
      const after = await query(
        '/api/v1/meters/tokens/query?from=2024-05-01T10:15:31Z&to=2024-05-01T11:05:00.001Z',
      );
      expect(after.data).toEqual([expect.objectContaining({ value: 9.5 })]);
    });

    it('answers CSV when asked', async () => {
      const answer = await app.request(
        'GET',
        '/api/v1/meters/tokens/query?groupBy=subject&groupBy=model&windowSize=DAY',
        {
          headers: { accept: 'text/csv' },
        },
      );
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(answer.text).toBe(
        [
          'window_start,window_end,subject,model,value',
          '2024-05-01T00:00:00.000Z,2024-05-02T00:00:00.000Z,alpha,large,2.5',
          '2024-05-01T00:00:00.000Z,2024-05-02T00:00:00.000Z,alpha,small,17',
          '2024-05-01T00:00:00.000Z,2024-05-02T00:00:00.000Z,beta,small,100',
          '2024-05-02T00:00:00.000Z,2024-05-03T00:00:00.000Z,beta,,1000',
          '',
        ].join('\r\n'),
      );
    });

    it('attributes subjects to customers at query time, whichever came first', async () => {
      const byCustomer = async () =>
        (await query('/api/v1/meters/tokens/query?groupBy=customer_id')).data.map(
          (r: Record<string, unknown>) => [r.customerId, r.value],
        );
      expect(await byCustomer()).toEqual([[undefined, 1119.5]]);
      const alphaCorp = await createCustomer(app, 'alpha-corp', ['alpha']);
      expect(await byCustomer()).toEqual([
        [alphaCorp, 19.5],
        [undefined, 1100],
      ]);
      const filtered = await query(`/api/v1/meters/tokens/query?filterCustomerId=${alphaCorp}`);
      expect(filtered.data).toEqual([expect.objectContaining({ customerId: alphaCorp, value: 19.5 })]);
    });

    it('answers by meter id as well as by slug', async () => {
      const [{ id }] = await app.db.dataSource.query(`SELECT id FROM usage_meters WHERE slug = 'tokens'`);
      expect((await query(`/api/v1/meters/${id}/query`)).data[0].value).toBe(1119.5);
    });
  });

  it('counts events stored before the meter was created, from its eventFrom', async () => {
    await ingest([
      event('late_meter', 'gamma', '2024-06-01T00:00:00Z', { seconds: 5 }),
      event('late_meter', 'gamma', '2024-06-02T00:00:00Z', { seconds: 7 }),
    ]);
    await createMeter(app, {
      slug: 'late_all',
      eventType: 'late_meter',
      aggregation: 'SUM',
      valueProperty: '$.seconds',
    });
    await createMeter(app, {
      slug: 'late_from',
      eventType: 'late_meter',
      aggregation: 'MAX',
      valueProperty: '$.seconds',
      eventFrom: '2024-06-01T12:00:00.000Z',
    });
    await ingest([event('late_meter', 'gamma', '2024-06-01T06:00:00Z', { seconds: 11 })]);
    expect((await query('/api/v1/meters/late_all/query')).data[0].value).toBe(23);
    expect((await query('/api/v1/meters/late_from/query')).data[0].value).toBe(7);
  });

  it('recounts a meter whose group-bys change, and stops counting a deleted one', async () => {
    const meter = await createMeter(app, { slug: 'regions', eventType: 'regional', aggregation: 'COUNT' });
    await ingest([
      event('regional', 'delta', '2024-07-01T00:00:00Z', { region: 'eu' }),
      event('regional', 'delta', '2024-07-01T00:00:01Z', { region: 'us' }),
      event('regional', 'delta', '2024-07-01T00:00:02Z', { region: 'eu' }),
    ]);
    await updateMeter(app, { ...meter, groupBy: { region: '$.region' } });
    const grouped = await query('/api/v1/meters/regions/query?groupBy=region');
    expect(grouped.data.map((r: Record<string, unknown>) => [r.groupBy, r.value])).toEqual([
      [{ region: 'eu' }, 2],
      [{ region: 'us' }, 1],
    ]);
    await deleteMeter(app, meter);
    const gone = await app.request('GET', '/api/v1/meters/regions/query');
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('METERING.METER_NOT_FOUND');
    const [{ n }] = await app.db.dataSource.query(
      `SELECT count(*)::int AS n FROM usage_buckets WHERE meter_id = $1`,
      [meter.id],
    );
    expect(n).toBe(0);
  });

  it('names every bad parameter in one 400 answer', async () => {
    await createMeter(app, {
      slug: 'checked',
      eventType: 'checked',
      aggregation: 'COUNT',
      groupBy: { plan: '$.plan' },
    });
    const answer = await app.request(
      'GET',
      '/api/v1/meters/checked/query?from=yesterday&to=2024-01-01T00:00:00&windowSize=WEEK&windowTimeZone=Mars/Olympus&bogus=1&windowSize=DAY',
    );
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'bogus',
      'from',
      'to',
      'windowSize',
      'windowTimeZone',
    ]);

    const backwards = await app.request(
      'GET',
      '/api/v1/meters/checked/query?from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z',
    );
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);

    const unknownGroup = await app.request(
      'GET',
      '/api/v1/meters/checked/query?groupBy=region&filterGroupBy[tier]=gold&groupBy=plan',
    );
    expect(unknownGroup.status).toBe(400);
    expect(unknownGroup.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'groupBy',
      'filterGroupBy[tier]',
    ]);

    expect((await app.request('GET', '/api/v1/meters/no_such_meter/query')).status).toBe(404);
  });

  it('answers 503 with Retry-After rather than a stale number when usage is not counted in time', async () => {
    const catchUp = jest.spyOn(ProjectionRunner.prototype, 'waitFor').mockResolvedValue(false);
    try {
      const answer = await app.request('GET', '/api/v1/meters/tokens/query');
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(answer.body.code).toBe('METERING.NOT_CAUGHT_UP');
    } finally {
      catchUp.mockRestore();
    }
  });
});

describe('GET /api/v1/events', () => {
  let app: TestApp;
  let omegaCorp: string;

  beforeAll(async () => {
    app = await startTestApp();
    await createMeter(app, {
      slug: 'bytes',
      eventType: 'upload',
      aggregation: 'SUM',
      valueProperty: '$.bytes',
    });
    await createMeter(app, {
      slug: 'uploaders',
      eventType: 'upload',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user',
    });
    omegaCorp = await createCustomer(app, 'omega-corp', ['omega']);
    const answer = await app.request('POST', '/api/v1/events', {
      body: [
        event('upload', 'omega', '2024-08-01T00:00:00Z', { bytes: 10, user: 'u1' }),
        event('upload', 'omega', '2024-08-02T00:00:00Z', { bytes: 'many' }),
        event('upload', 'sigma', '2024-08-03T00:00:00Z', { bytes: 30, user: 'u3' }),
      ],
    });
    expect(answer.status).toBe(204);
  });
  afterAll(() => app.close());

  it('lists stored events newest first with customer, validation error and timestamps', async () => {
    const answer = await app.request('GET', '/api/v1/events');
    expect(answer.status).toBe(200);
    expect(
      answer.body.map((e: { event: { subject: string; time: string } }) => [e.event.subject, e.event.time]),
    ).toEqual([
      ['sigma', '2024-08-03T00:00:00Z'],
      ['omega', '2024-08-02T00:00:00Z'],
      ['omega', '2024-08-01T00:00:00Z'],
    ]);
    const [newest, middle, oldest] = answer.body;
    expect(newest).not.toHaveProperty('customerId');
    expect(newest).toMatchObject({ validationError: 'no customer found for event subject: sigma' });
    expect(middle).toMatchObject({
      customerId: omegaCorp,
      validationError:
        'invalid event: value cannot be parsed as float64: many\ninvalid event: missing value property: "$.user"',
    });
    expect(oldest).toEqual({
      event: expect.objectContaining({ data: { bytes: 10, user: 'u1' } }),
      customerId: omegaCorp,
      ingestedAt: expect.stringMatching(/Z$/),
      storedAt: expect.stringMatching(/Z$/),
    });
  });

  it('attributes usage to a customer that claimed the subject before the usage arrived', async () => {
    const answer = await app.request('GET', '/api/v1/meters/bytes/query?groupBy=customer_id');
    expect(answer.body.data.map((r: Record<string, unknown>) => [r.customerId, r.value])).toEqual([
      [omegaCorp, 10],
      [undefined, 30],
    ]);
  });

  it('filters by event time, subject and id, and limits', async () => {
    const pick = async (params: string) =>
      (await app.request('GET', `/api/v1/events?${params}`)).body.map(
        (e: { event: { time: string } }) => e.event.time,
      );
    expect(await pick('from=2024-08-02T00:00:00Z&to=2024-08-03T00:00:00Z')).toEqual(['2024-08-02T00:00:00Z']);
    expect(await pick('subject=omega&limit=1')).toEqual(['2024-08-02T00:00:00Z']);
    const [{ event: first }] = (await app.request('GET', '/api/v1/events?subject=sigma')).body;
    expect(await pick(`id=${first.id}`)).toEqual(['2024-08-03T00:00:00Z']);
  });

  it('refuses bad filters, naming each', async () => {
    const answer = await app.request('GET', '/api/v1/events?from=nope&limit=1001&color=red');
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'color',
      'from',
      'limit',
    ]);
  });

  it('says when no customer claims an event’s subject (metered, never billed), until one does', async () => {
    const sent = await app.request('POST', '/api/v1/events', {
      body: event('upload', 'delta', '2024-08-04T00:00:00Z', { bytes: 'lots' }),
    });
    expect(sent.status).toBe(204);
    const before = await app.request('GET', '/api/v1/events?subject=delta');
    expect(before.body).toEqual([
      expect.objectContaining({
        validationError:
          'invalid event: value cannot be parsed as float64: lots\n' +
          'invalid event: missing value property: "$.user"\n' +
          'no customer found for event subject: delta',
      }),
    ]);
    expect(before.body[0]).not.toHaveProperty('customerId');
    const deltaCorp = await createCustomer(app, 'delta-corp', ['delta']);
    const after = await app.request('GET', '/api/v1/events?subject=delta');
    expect(after.body).toEqual([
      expect.objectContaining({
        customerId: deltaCorp,
        validationError:
          'invalid event: value cannot be parsed as float64: lots\ninvalid event: missing value property: "$.user"',
      }),
    ]);
  });
});
