import { startTestApp, TestApp } from '../support/test-app';

/** Text that changes an SQL statement if it is ever spliced into one, and LIKE patterns that match everything. */
const NASTY = [
  "o'brien",
  "'; DROP TABLE customers; --",
  '100%',
  'a_b',
  'back\\slash',
  "' OR '1'='1",
  '$1',
  '"quoted"',
  '--',
  '/* c */',
];

/**
 * Every filter and key is a value, never SQL: keys, names, subjects, event ids and sources holding
 * quotes, semicolons, comments, backslashes and LIKE wildcards are stored, found and matched as the
 * literal strings they are, and a filter made of them matches exactly what holds that text.
 */
describe('SQL metacharacters in keys and filters', () => {
  let app: TestApp;
  const get = async (path: string) => {
    const answer = await app.request('GET', path);
    expect([path, answer.status]).toEqual([path, 200]);
    return answer.body;
  };
  const q = encodeURIComponent;

  beforeAll(async () => {
    app = await startTestApp();
    for (const [index, text] of NASTY.entries()) {
      const created = await app.request('POST', '/api/v1/customers', {
        body: {
          key: text,
          name: `name ${text}`,
          primaryEmail: `${index}@x.example`,
          usageAttribution: { subjectKeys: [`subject ${text}`] },
        },
      });
      expect([text, created.status]).toEqual([text, 201]);
    }
    expect(
      (
        await app.request('POST', '/api/v1/customers', {
          body: { key: 'plain', name: 'Plain', usageAttribution: { subjectKeys: ['plain'] } },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await app.request('POST', '/api/v1/meters', {
          body: { slug: 'calls', eventType: 'call', aggregation: 'COUNT', groupBy: { tag: '$.tag' } },
        })
      ).status,
    ).toBe(201);
    const events = NASTY.flatMap((text) => [
      // A source is a URI reference (CloudEvents): the text goes in the id, the subject and the data.
      {
        specversion: '1.0',
        id: text,
        source: 'urn:sql',
        type: 'call',
        subject: `subject ${text}`,
        data: { tag: text },
      },
      {
        specversion: '1.0',
        id: `${text}-2`,
        source: 'plain',
        type: 'call',
        subject: 'plain',
        data: { tag: 'plain' },
      },
    ]);
    expect((await app.request('POST', '/api/v1/events', { body: events })).status).toBe(204);
  });
  afterAll(() => app.close());

  it.each(NASTY)(
    'finds the customer keyed %s by key, and by literal substring in every filter',
    async (text) => {
      expect((await get(`/api/v1/customers/${q(text)}`)).key).toBe(text);
      // Substring filters (OpenMeter's): every customer whose key, subject or name holds the text,
      // literally — `%` and `_` are no wildcards.
      const holding = (prefix: string, part: string) =>
        NASTY.filter((other) => `${prefix}${other}`.toLowerCase().includes(part.toLowerCase())).sort();
      const byKey = await get(`/api/v1/customers?key=${q(text)}&pageSize=100`);
      expect(byKey.items.map((c: { key: string }) => c.key).sort()).toEqual(holding('', text));
      const bySubject = await get(`/api/v1/customers?subject=${q(`subject ${text}`)}&pageSize=100`);
      expect(bySubject.items.map((c: { key: string }) => c.key).sort()).toEqual(
        holding('subject ', `subject ${text}`),
      );
      const byName = await get(`/api/v1/customers?name=${q(text)}&pageSize=100`);
      expect(byName.items.map((c: { key: string }) => c.key).sort()).toEqual(holding('name ', text));
    },
  );

  it('treats LIKE wildcards and quotes as plain characters in every substring filter', async () => {
    for (const [filter, field] of [
      ['name', 'name'],
      ['primaryEmail', 'primaryEmail'],
    ] as const) {
      for (const pattern of ['%', '_', '\\', "'"]) {
        const found = await get(`/api/v1/customers?${filter}=${q(pattern)}&pageSize=100`);
        for (const customer of found.items) expect(customer[field]).toContain(pattern);
      }
    }
    expect((await get(`/api/v1/customers?name=${q('%')}`)).items.map((c: { key: string }) => c.key)).toEqual([
      '100%',
    ]);
  });

  it('matches events, meter rows and audit entries literally', async () => {
    for (const text of NASTY) {
      const bySubject = await get(`/api/v1/events?subject=${q(`subject ${text}`)}`);
      expect(bySubject.map((e: { event: { id: string } }) => e.event.id)).toEqual([text]);
      // The v1 listing matches part of an id (OpenMeter's "Accepts partial ID"), literally: every
      // event whose id holds the text, `${text}-2` among them.
      const byId = await get(`/api/v1/events?id=${q(text)}`);
      const holding = NASTY.flatMap((other) => [
        [other, `subject ${other}`],
        [`${other}-2`, 'plain'],
      ])
        .filter(([id]) => id.toLowerCase().includes(text.toLowerCase()))
        .map(([, subject]) => subject);
      expect(byId.map((e: { event: { subject: string } }) => e.event.subject).sort()).toEqual(holding.sort());
      const rows = await get(
        `/api/v1/meters/calls/query?subject=${q(`subject ${text}`)}&filterGroupBy[tag]=${q(text)}&groupBy=tag`,
      );
      expect(
        rows.data.map((r: { value: number; groupBy: { tag: string } }) => [r.value, r.groupBy.tag]),
      ).toEqual([[1, text]]);
      expect(
        (await get(`/api/v1/meters/calls/query?filterGroupBy[tag]=${q(`${text}' OR '1'='1`)}`)).data,
      ).toEqual([]);
      expect(await get(`/api/v1/audit/events?entityId=${q(text)}`)).toMatchObject({ items: [] });
      expect(
        await get(`/api/v1/audit/events?correlationId=${q(text)}&actor=${q(text)}&stream=${q(text)}`),
      ).toMatchObject({ items: [] });
    }
    const everything = await get(`/api/v1/meters/calls/query`);
    expect(everything.data[0].value).toBe(NASTY.length * 2);
  });

  it('keeps every table and row in place', async () => {
    const [{ customers }] = await app.db.dataSource.query(`SELECT count(*)::int AS customers FROM customers`);
    expect(customers).toBe(NASTY.length + 1);
    expect(await get('/api/v1/features?meterSlug=%25')).toEqual([]);
    expect((await get(`/api/v1/plans?currency=${q("USD' OR '1'='1")}`)).items).toEqual([]);
    expect((await get(`/api/v1/billing/invoices?customers=${q("' OR '1'='1")}`)).items).toEqual([]);
  });
});
