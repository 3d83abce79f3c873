import Decimal from 'decimal.js';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { MeterAggregation } from '../../src/catalog/meters/meter.decider';
import { startTestApp, TestApp } from '../support/test-app';
import { createMeter } from './meters';

/**
 * Every meter query answer equals a brute-force recomputation from the events as sent: random
 * users, subjects, times (clustered, across a month boundary and a DST change), duplicate ids,
 * batch splits and arrival orders; some of the events voided afterwards (the oracle leaves them
 * out); meters created before the usage, between it and the voids, or after both; all seven
 * aggregations, with and without windows, time zones, group-bys and filters, and ranges with
 * sub-minute ends. The oracle below is written independently of the projection and the query.
 */

const AGGREGATIONS: readonly MeterAggregation[] = [
  'SUM',
  'COUNT',
  'UNIQUE_COUNT',
  'AVG',
  'MIN',
  'MAX',
  'LATEST',
];
const BASE = Date.parse('2024-10-31T20:00:00Z');
const SPAN_MINUTES = 5 * 24 * 60;
const SUBJECTS = ['s1', 's2', 's3'];
const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata'];
const WINDOWS = ['MINUTE', 'HOUR', 'DAY', 'MONTH'] as const;
const UNIT = { MINUTE: 'minute', HOUR: 'hour', DAY: 'day', MONTH: 'month' } as const;
/** The numeric strings the generator uses, and what they are worth; its other strings are garbage. */
const NUMERIC_STRINGS: Record<string, string> = {
  '12.5': '12.5',
  '7': '7',
  '-3': '-3',
  '0.001': '0.001',
  '1e3': '1000',
};
const MINUTE = 60_000;

interface GeneratedEvent {
  readonly id: number;
  readonly source: string;
  readonly subject: string;
  readonly timeMs: number;
  readonly data?: { v?: unknown; g?: unknown };
}

interface QuerySpec {
  readonly from?: number;
  readonly to?: number;
  readonly windowSize?: (typeof WINDOWS)[number];
  readonly zone: string;
  readonly bySubject: boolean;
  readonly byGroup: boolean;
  readonly subjects?: readonly string[];
  readonly groupValue?: string;
}

const timeArb = fc
  .tuple(
    fc.oneof(fc.constantFrom(0, 1, 59, 60, 1500, 3000, 3001), fc.integer({ min: 0, max: SPAN_MINUTES - 1 })),
    fc.integer({ min: 0, max: 59_999 }),
  )
  .map(([minute, ms]) => BASE + minute * MINUTE + ms);

const valueArb = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0.1, 2.25, -0.5),
  fc.constantFrom(...Object.keys(NUMERIC_STRINGS), 'abc', '', ' 5', 'alice', 'bob'),
  fc.constantFrom(null, true, { nested: 1 }),
);

const dataArb = fc.option(
  fc.record({ v: valueArb, g: fc.constantFrom<unknown>('x', 'y', 1) }, { requiredKeys: [] }),
  { nil: undefined, freq: 8 },
);

const eventArb: fc.Arbitrary<GeneratedEvent> = fc.record({
  id: fc.integer({ min: 0, max: 25 }),
  source: fc.constantFrom('a', 'b'),
  subject: fc.constantFrom(...SUBJECTS),
  timeMs: timeArb,
  data: dataArb,
});

const boundArb = fc.oneof(
  timeArb,
  timeArb.map((t) => Math.floor(t / MINUTE) * MINUTE),
);

const querySpecArb: fc.Arbitrary<QuerySpec> = fc
  .record({
    from: fc.option(boundArb, { nil: undefined }),
    to: fc.option(boundArb, { nil: undefined }),
    windowSize: fc.option(fc.constantFrom(...WINDOWS), { nil: undefined }),
    zone: fc.constantFrom(...ZONES),
    bySubject: fc.boolean(),
    byGroup: fc.boolean(),
    subjects: fc.option(fc.subarray(SUBJECTS, { minLength: 1 }), { nil: undefined }),
    groupValue: fc.option(fc.constantFrom('x', 'y', '1'), { nil: undefined }),
  })
  .map((spec) =>
    spec.from !== undefined && spec.to !== undefined && spec.to <= spec.from
      ? { ...spec, from: spec.to, to: spec.from + 1 }
      : spec,
  );

const scenarioArb = fc.record({
  events: fc.array(eventArb, { minLength: 1, maxLength: 40 }),
  requestSizes: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 10 }),
  /** When each meter is created: before the usage (0), between it and the voids (1), after both (2). */
  createdAt: fc.array(fc.constantFrom(0, 1, 2), {
    minLength: AGGREGATIONS.length,
    maxLength: AGGREGATIONS.length,
  }),
  /** Which stored events are voided (by their index in storage order, modulo), in one or two requests. */
  voided: fc.array(fc.nat({ max: 39 }), { maxLength: 12 }),
  voidRequests: fc.constantFrom(1, 2),
  queries: fc.array(querySpecArb, { minLength: AGGREGATIONS.length * 2, maxLength: AGGREGATIONS.length * 2 }),
});

describe('meter queries against a brute-force recomputation (property)', () => {
  let app: TestApp;
  let run = 0;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('agree for every aggregation, window, zone, group-by and filter', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        run += 1;
        const type = `prop_${run}`;
        const meterSlug = (aggregation: MeterAggregation) => `p${run}_${aggregation.toLowerCase()}`;
        const createMeters = async (stage: number) => {
          for (const [index, aggregation] of AGGREGATIONS.entries()) {
            if (scenario.createdAt[index] !== stage) continue;
            await createMeter(app, {
              slug: meterSlug(aggregation),
              eventType: type,
              aggregation,
              ...(aggregation === 'COUNT' ? {} : { valueProperty: '$.v' }),
              groupBy: { g: '$.g' },
            });
          }
        };

        await createMeters(0);
        const sent = await send(app, run, type, scenario.events, scenario.requestSizes);
        await createMeters(1);
        const voided = new Set(scenario.voided.map((n) => sent[n % sent.length]));
        const batches = [...voided].reduce<StoredEvent[][]>(
          (split, event, n) => (split[n % scenario.voidRequests].push(event), split),
          Array.from({ length: scenario.voidRequests }, () => []),
        );
        for (const batch of batches.filter((b) => b.length > 0)) {
          const answer = await app.request('POST', '/api/v1/events/void', {
            body: {
              events: batch.map((e) => ({ source: e.source, id: `r${run}-${e.id}` })),
              reason: 'property',
            },
          });
          expect(answer.status).toBe(200);
        }
        await createMeters(2);
        const stored = sent.filter((event) => !voided.has(event));

        for (const [index, spec] of scenario.queries.entries()) {
          const aggregation = AGGREGATIONS[index % AGGREGATIONS.length];
          const answer = await app.request(
            'GET',
            `/api/v1/meters/${meterSlug(aggregation)}/query?${queryString(spec)}`,
          );
          expect(answer.status).toBe(200);
          const actual = new Map<string, number>(
            answer.body.data.map((row: ApiRow) => [
              rowKey(row.windowStart, row.windowEnd, row.subject, spec.byGroup ? row.groupBy.g : undefined),
              row.value,
            ]),
          );
          const expected = recompute(aggregation, stored, spec);
          expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
          for (const [key, value] of expected) {
            const got = actual.get(key)!;
            if (aggregation === 'AVG')
              expect(Math.abs(got - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
            else expect(got).toBe(value);
          }
        }
      }),
      // A failure is reported as found, with its seed: shrinking a scenario of this size can take longer
      // than the test's budget, and then only a timeout is left to read. A run that hangs fails too.
      { numRuns: 25, endOnFailure: true, timeout: 60_000 },
    );
  }, 300_000);
});

interface ApiRow {
  value: number;
  windowStart: string;
  windowEnd: string;
  subject: string | null;
  groupBy: Record<string, string | null>;
}

interface StoredEvent extends GeneratedEvent {
  /** Position in storage order: requests are sent one after another, events in request order. */
  readonly order: number;
}

/** Sends the events in requests of the given sizes (a lone event as a single CloudEvent); returns what is stored. */
async function send(
  app: TestApp,
  run: number,
  type: string,
  events: readonly GeneratedEvent[],
  sizes: readonly number[],
): Promise<StoredEvent[]> {
  const stored = new Map<string, StoredEvent>();
  let next = 0;
  for (let request = 0; next < events.length; request++) {
    const chunk = events.slice(next, next + sizes[request % sizes.length]);
    next += chunk.length;
    const cloudEvents = chunk.map((e) => ({
      specversion: '1.0',
      id: `r${run}-${e.id}`,
      source: e.source,
      type,
      subject: e.subject,
      time: new Date(e.timeMs).toISOString(),
      ...(e.data === undefined ? {} : { data: e.data }),
    }));
    const single = cloudEvents.length === 1;
    const answer = await app.request('POST', '/api/v1/events', {
      body: single ? cloudEvents[0] : cloudEvents,
      headers: {
        'content-type': single ? 'application/cloudevents+json' : 'application/cloudevents-batch+json',
      },
    });
    expect(answer.status).toBe(204);
    for (const event of chunk) {
      const key = `${event.source}/${event.id}`;
      if (!stored.has(key)) stored.set(key, { ...event, order: stored.size });
    }
  }
  return [...stored.values()];
}

function queryString(spec: QuerySpec): string {
  const params = new URLSearchParams();
  if (spec.from !== undefined) params.append('from', new Date(spec.from).toISOString());
  if (spec.to !== undefined) params.append('to', new Date(spec.to).toISOString());
  if (spec.windowSize) params.append('windowSize', spec.windowSize);
  params.append('windowTimeZone', spec.zone);
  if (spec.bySubject) params.append('groupBy', 'subject');
  if (spec.byGroup) params.append('groupBy', 'g');
  for (const subject of spec.subjects ?? []) params.append('subject', subject);
  if (spec.groupValue !== undefined) params.append('filterGroupBy[g]', spec.groupValue);
  return params.toString();
}

function rowKey(
  start: string,
  end: string,
  subject: string | null,
  group: string | null | undefined,
): string {
  return JSON.stringify([start, end, subject, group]);
}

type Contribution = { event: StoredEvent; group: string | null; number?: Decimal; text?: string };

function recompute(
  aggregation: MeterAggregation,
  stored: readonly StoredEvent[],
  spec: QuerySpec,
): Map<string, number> {
  const contributions: Contribution[] = [];
  for (const event of stored) {
    if (spec.from !== undefined && event.timeMs < spec.from) continue;
    if (spec.to !== undefined && event.timeMs >= spec.to) continue;
    if (spec.subjects && !spec.subjects.includes(event.subject)) continue;
    const raw = event.data?.g;
    const group = raw === undefined ? null : typeof raw === 'string' ? raw : JSON.stringify(raw);
    if (spec.groupValue !== undefined && group !== spec.groupValue) continue;
    const v = event.data?.v;
    if (aggregation === 'COUNT') {
      contributions.push({ event, group });
    } else if (aggregation === 'UNIQUE_COUNT') {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        contributions.push({ event, group, text: String(v) });
    } else if (typeof v === 'number') {
      contributions.push({ event, group, number: new Decimal(v) });
    } else if (typeof v === 'string' && v in NUMERIC_STRINGS) {
      contributions.push({ event, group, number: new Decimal(NUMERIC_STRINGS[v]) });
    }
  }
  if (contributions.length === 0) return new Map();

  const floorMinute = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;
  const rangeStart = spec.from ?? Math.min(...contributions.map((c) => floorMinute(c.event.timeMs)));
  const rangeEnd = spec.to ?? Math.max(...contributions.map((c) => floorMinute(c.event.timeMs))) + MINUTE;
  const groups = new Map<string, Contribution[]>();
  for (const contribution of contributions) {
    let start = rangeStart;
    let end = rangeEnd;
    if (spec.windowSize) {
      const window = DateTime.fromMillis(contribution.event.timeMs, { zone: spec.zone }).startOf(
        UNIT[spec.windowSize],
      );
      start = Math.max(window.toMillis(), spec.from ?? -Infinity);
      end = Math.min(window.plus({ [`${UNIT[spec.windowSize]}s`]: 1 }).toMillis(), spec.to ?? Infinity);
    }
    const key = rowKey(
      new Date(start).toISOString(),
      new Date(end).toISOString(),
      spec.bySubject || spec.subjects ? contribution.event.subject : null,
      spec.byGroup ? contribution.group : undefined,
    );
    groups.set(key, [...(groups.get(key) ?? []), contribution]);
  }

  const values = new Map<string, number>();
  for (const [key, group] of groups) {
    const numbers = group.map((c) => c.number!);
    switch (aggregation) {
      case 'COUNT':
        values.set(key, group.length);
        break;
      case 'UNIQUE_COUNT':
        values.set(key, new Set(group.map((c) => c.text)).size);
        break;
      case 'SUM':
        values.set(key, numbers.reduce((a, b) => a.plus(b), new Decimal(0)).toNumber());
        break;
      case 'AVG':
        values.set(
          key,
          numbers
            .reduce((a, b) => a.plus(b), new Decimal(0))
            .div(numbers.length)
            .toNumber(),
        );
        break;
      case 'MIN':
        values.set(key, Decimal.min(...numbers).toNumber());
        break;
      case 'MAX':
        values.set(key, Decimal.max(...numbers).toNumber());
        break;
      case 'LATEST': {
        const latest = group.reduce((a, b) =>
          b.event.timeMs > a.event.timeMs ||
          (b.event.timeMs === a.event.timeMs && b.event.order > a.event.order)
            ? b
            : a,
        );
        values.set(key, latest.number!.toNumber());
        break;
      }
    }
  }
  return values;
}
