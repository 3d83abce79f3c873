import fc from 'fast-check';
import { ulid } from 'ulid';
import type { TestApp } from '../support/test-app';

/**
 * Hostile input for the HTTP edge, and the property every request must keep: an answer within the
 * time limit, never a 5xx, a problem+json body on every 4xx, and nothing in the log from a request
 * that was refused.
 */

/** How many cases a fuzz property runs: `TALLY_FUZZ_SCALE` multiplies them (`npm run test:faults`). */
export const FUZZ_SCALE = Number(process.env.TALLY_FUZZ_SCALE ?? 1);
export const runs = (base: number) => Math.round(base * FUZZ_SCALE);

/** A JSON fragment written out as is: numbers JSON.stringify cannot produce, duplicate keys, nesting. */
export class Raw {
  constructor(readonly text: string) {}
}

/** An object as its list of members, so `__proto__` is an ordinary key and a key may repeat. */
export class Members {
  constructor(readonly entries: readonly (readonly [string, Json])[]) {}
}

export type Json = null | boolean | number | string | Raw | Members | readonly Json[];

export function jsonText(value: Json): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof Members)
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  return JSON.stringify(value) ?? 'null';
}

/** A plain value as members, all the way down (the shape mutations work on). */
export function toMembers(value: unknown): Json {
  if (Array.isArray(value)) return value.map(toMembers);
  if (value !== null && typeof value === 'object') {
    return new Members(Object.entries(value).map(([k, v]) => [k, toMembers(v)] as const));
  }
  return value as Json;
}

/** Printable text that does not compress: index entries cannot shrink it below PostgreSQL's limits. */
function noise(length: number, seed: number): string {
  const bytes = Buffer.allocUnsafe(length);
  let x = seed | 1;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    bytes[i] = 33 + (x % 94);
  }
  return bytes.toString('latin1');
}

export const SQL_METACHARACTERS = [
  "'",
  "''",
  '"',
  ';',
  '--',
  '/*',
  '*/',
  '\\',
  '%',
  '_',
  '$1',
  "' OR '1'='1",
  "'; DROP TABLE tally_events; --",
];

const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
];

const oddStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\u202eevil',
  '💥🧨',
  'é'.normalize('NFD'),
  'NaN',
  '-0',
  'Infinity',
  '1e999999',
  '9007199254740993',
  '0x1F',
  '$..[?(@.constructor)]',
  '$.constructor.prototype',
  '{{7*7}}',
  '${process.exit()}',
  '../../etc/passwd',
  'P1M',
  'P-1M',
  'P99999999Y',
  '2024-02-30T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  'true',
  'null',
  ...SQL_METACHARACTERS,
  ...PROTOTYPE_KEYS,
);

/** Lengths around the limits that matter: attribute caps, index entries (2.7 kB), pages. */
const hugeLength = fc.oneof(
  fc.constantFrom(255, 256, 257, 512, 1024, 1025, 2704, 2705, 4096, 8192, 65_536),
  fc.integer({ min: 200, max: 20_000 }),
);

export const hugeString = fc
  .tuple(hugeLength, fc.nat(), fc.constantFrom('noise', 'repeat', 'unicode'))
  .map(([length, seed, kind]) =>
    kind === 'noise'
      ? noise(length, seed)
      : kind === 'repeat'
        ? 'a'.repeat(length)
        : '€💥'.repeat(Math.ceil(length / 3)),
  );

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 3, arbitrary: oddStrings },
  { weight: 1, arbitrary: hugeString },
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: oddStrings },
  { weight: 1, arbitrary: hugeString.map((s) => s.slice(0, 5_000)) },
);

/** Numbers at the edges of IEEE 754 and beyond it, as written in JSON. */
export const hostileNumber: fc.Arbitrary<number | Raw> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    Number.MAX_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    -Number.MAX_VALUE,
    0.1,
    2 ** 53,
  ),
  fc
    .constantFrom(
      '9007199254740993',
      '-9007199254740993',
      '1e400',
      '-1e400',
      '1e-400',
      '-0',
      '0e0',
      '5e-324',
      '1E+308',
      '123456789012345678901234567890.123456789012345678901234567890',
      '1' + '0'.repeat(400),
      '0.' + '0'.repeat(400) + '1',
    )
    .map((text) => new Raw(text)),
);

export const hostileJson: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    hostileNumber,
    hostileString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map((entries) => new Members(entries)),
  ),
})).value;

/** Nesting deep enough to break any recursive walk over the body. */
export const deepNesting: fc.Arbitrary<Raw> = fc
  .tuple(
    fc.oneof(fc.constantFrom(65, 1_000, 10_000), fc.integer({ min: 50, max: 5_000 })),
    fc.constantFrom('array', 'object', 'mixed'),
  )
  .map(([depth, kind]) =>
    kind === 'array'
      ? new Raw('['.repeat(depth) + ']'.repeat(depth))
      : kind === 'object'
        ? new Raw('{"a":'.repeat(depth) + '1' + '}'.repeat(depth))
        : new Raw('{"a":['.repeat(depth) + '1' + ']}'.repeat(depth)),
  );

type Mutation =
  | { readonly kind: 'drop'; readonly pick: number }
  | { readonly kind: 'replace' | 'deep' | 'nest'; readonly pick: number; readonly value: Json }
  | { readonly kind: 'add'; readonly key: string; readonly value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constantFrom('replace' as const, 'deep' as const),
    pick: fc.nat(),
    value: hostileJson,
  }),
  fc.record({ kind: fc.constant('nest' as const), pick: fc.nat(), value: deepNesting }),
  fc.record({ kind: fc.constant('add' as const), key: hostileKey, value: hostileJson }),
);

/** Changes to a valid body: members dropped, replaced by hostile values, hostile members added, in depth. */
export function mutated(valid: Json): fc.Arbitrary<Json> {
  return fc
    .array(mutation, { minLength: 1, maxLength: 3 })
    .map((mutations) => mutations.reduce(applyMutation, valid));
}

function applyMutation(value: Json, change: Mutation): Json {
  if (!(value instanceof Members) && !Array.isArray(value))
    return change.kind === 'drop' ? null : change.value;
  const entries: (readonly [string, Json])[] =
    value instanceof Members ? [...value.entries] : (value as Json[]).map((v, i) => [String(i), v] as const);
  const rebuild = (list: (readonly [string, Json])[]) =>
    value instanceof Members ? new Members(list) : list.map(([, v]) => v);
  if (change.kind === 'add') return rebuild([...entries, [change.key, change.value]]);
  if (entries.length === 0) return rebuild([['x', change.kind === 'drop' ? null : change.value]]);
  const at = change.pick % entries.length;
  const [name, member] = entries[at];
  switch (change.kind) {
    case 'drop':
      return rebuild(entries.filter((_, i) => i !== at));
    case 'replace':
    case 'nest':
      entries[at] = [name, change.value];
      return rebuild(entries);
    case 'deep':
      entries[at] = [
        name,
        applyMutation(member, { kind: 'replace', pick: Math.floor(change.pick / 7), value: change.value }),
      ];
      return rebuild(entries);
  }
}

export interface FuzzBody {
  readonly contentType?: string;
  readonly body?: string | Buffer;
}

const JSON_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/cloudevents+json',
  'application/cloudevents-batch+json',
];

/** What a client may send as a body: JSON under JSON media types, or anything under anything. */
export function bodies(valid: fc.Arbitrary<Json>): fc.Arbitrary<FuzzBody> {
  const jsonType = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    { weight: 2, arbitrary: fc.constantFrom(...JSON_TYPES) },
  );
  const asJson = (json: fc.Arbitrary<Json>) =>
    fc.tuple(json, jsonType).map(([value, contentType]) => ({ contentType, body: jsonText(value) }));
  const otherType = fc.constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
    'application/octet-stream',
    'application/jsonx',
    '*/*',
  );
  return fc.oneof(
    { weight: 10, arbitrary: asJson(valid.chain(mutated)) },
    { weight: 2, arbitrary: asJson(valid) },
    { weight: 3, arbitrary: asJson(hostileJson) },
    { weight: 1, arbitrary: asJson(deepNesting) },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.nat()).map(([value, cut]) => {
        const text = jsonText(value);
        return { contentType: 'application/json', body: text.slice(0, cut % Math.max(1, text.length)) };
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.uint8Array({ maxLength: 200 }), fc.oneof(jsonType, otherType))
        .map(([bytes, contentType]) => ({ contentType, body: Buffer.from(bytes) })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(hostileString, otherType).map(([body, contentType]) => ({ contentType, body })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, otherType)
        .map(([value, contentType]) => ({ contentType, body: jsonText(value) })),
    },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A path parameter: a real one (to reach deep), a fresh id, or anything at all. */
export function pathParam(real: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...real) },
    { weight: 1, arbitrary: fc.constant(null).map(() => ulid()) },
    // A URL cannot carry a lone surrogate: it is sent as U+FFFD.
    { weight: 2, arbitrary: hostileString.map((s) => s.slice(0, 2_000).replace(LONE_SURROGATE, '\ufffd')) },
  );
}

export interface FuzzStats {
  cases: number;
  byStatus: Record<number, number>;
  /** Refused requests not yet checked for writes: request id → what was sent. */
  refused: Map<string, string>;
}

export const fuzzStats = (): FuzzStats => ({ cases: 0, byStatus: {}, refused: new Map() });

export interface Probe {
  readonly requestId: string;
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

export interface FuzzStats {
  cases: number;
  byStatus: Record<number, number>;
}

/**
 * Sends one request and checks the property. The request id ties every event it could write to it
 * (the log's correlation id), so "nothing written" is checked exactly, whatever else runs meanwhile
 * — in bulk, by `expectNothingWritten`, one query for many requests.
 */
export async function probe(
  app: TestApp,
  stats: FuzzStats,
  request: {
    method: string;
    path: string;
    token?: string;
    body?: FuzzBody;
    headers?: Record<string, string>;
  },
): Promise<Probe> {
  const requestId = `fuzz-${ulid()}`;
  const headers: Record<string, string> = {
    authorization: `Bearer ${request.token ?? app.adminToken}`,
    'x-request-id': requestId,
    ...request.headers,
  };
  if (request.body?.contentType) headers['content-type'] = request.body.contentType;
  const started = Date.now();
  let response: Response;
  try {
    response = await fetch(app.url + request.path, {
      method: request.method,
      headers,
      body: request.body?.body,
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new Error(
      `${request.method} ${request.path.slice(0, 200)}: no answer after ${Date.now() - started} ms (${String(error)})`,
      {
        cause: error,
      },
    );
  }
  const text = await response.text();
  const answer = {
    requestId,
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
  };
  stats.cases += 1;
  stats.byStatus[answer.status] = (stats.byStatus[answer.status] ?? 0) + 1;
  const what = `${request.method} ${request.path.slice(0, 200)} → ${answer.status} ${text.slice(0, 300)}`;
  if (answer.status >= 500) throw new Error(`server error: ${what}`);
  if (answer.status >= 400) {
    if (answer.contentType !== 'application/problem+json')
      throw new Error(`not a problem+json answer: ${what}`);
    if (JSON.parse(text).status !== answer.status) throw new Error(`problem status differs: ${what}`);
    stats.refused.set(requestId, what);
  }
  return answer;
}

/** No refused request wrote anything: checked for every request `probe` saw refused since the last check. */
export async function expectNothingWritten(app: TestApp, stats: FuzzStats): Promise<void> {
  const rows: { id: string; written: number }[] = await app.db.dataSource.query(
    `SELECT metadata->>'correlationId' AS id, count(*)::int AS written FROM tally_events
     WHERE metadata->>'correlationId' = ANY($1) GROUP BY 1`,
    [[...stats.refused.keys()]],
  );
  expect(
    rows.map((row) => `refused, yet ${row.written} event(s) written: ${stats.refused.get(row.id)}`),
  ).toEqual([]);
  stats.refused.clear();
}

/** After the storm: ready, and no projection stuck on something the fuzz let in. */
export async function expectHealthy(app: TestApp): Promise<void> {
  const ready = await app.request('GET', '/readyz', { token: null });
  expect([ready.status, ready.body.checks]).toEqual([
    200,
    { database: { status: 'up' }, eventStore: { status: 'up' }, projections: { status: 'up' } },
  ]);
  await app.tally.projections.readYourWrites(app.tally.projections.names);
}
