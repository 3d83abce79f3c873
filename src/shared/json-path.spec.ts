import { JSONPath } from 'jsonpath-plus';
import { CompiledPath, parseValuePath } from './json-path';

function compiled(path: string, options?: { allowWildcard?: boolean }): CompiledPath {
  const result = parseValuePath(path, options);
  if (!result.ok) throw new Error(`expected ${path} to parse: ${result.message}`);
  return result.path;
}

function refusal(path: string, options?: { allowWildcard?: boolean }): string {
  const result = parseValuePath(path, options);
  if (result.ok) throw new Error(`expected ${path} to be refused`);
  return result.message;
}

describe('parseValuePath', () => {
  describe('accepts simple paths', () => {
    it.each([
      ['$', []],
      ['$.user_id', [{ kind: 'member', name: 'user_id' }]],
      [
        '$.a.b',
        [
          { kind: 'member', name: 'a' },
          { kind: 'member', name: 'b' },
        ],
      ],
      ["$['odd key']", [{ kind: 'member', name: 'odd key' }]],
      ['$["double quoted"]', [{ kind: 'member', name: 'double quoted' }]],
      [
        '$.items[0]',
        [
          { kind: 'member', name: 'items' },
          { kind: 'index', index: 0 },
        ],
      ],
      [
        '$.items[12].sku',
        [
          { kind: 'member', name: 'items' },
          { kind: 'index', index: 12 },
          { kind: 'member', name: 'sku' },
        ],
      ],
      ['$.user-id', [{ kind: 'member', name: 'user-id' }]],
      ['$.größe', [{ kind: 'member', name: 'größe' }]],
      ["$['it\\'s']", [{ kind: 'member', name: "it's" }]],
      ["$['a\\u0041']", [{ kind: 'member', name: 'aA' }]],
      ["$['@type']", [{ kind: 'member', name: '@type' }]],
      ["$['']", [{ kind: 'member', name: '' }]],
    ])('%s', (path, segments) => {
      const parsed = compiled(path);
      expect(parsed.segments).toEqual(segments);
      expect(parsed.singular).toBe(true);
      expect(parsed.source).toBe(path);
    });
  });

  describe('refuses filters, scripts and recursive descent', () => {
    it.each([
      ['$..[?(@.constructor)]', /filter/],
      ['$[?(@.x)]', /filter/],
      ['$[(@.length-1)]', /script/],
      ['$.a[?(@.price < 10)]', /filter/],
      ["$['a'](@.x)", /script/],
      ['$..user_id', /recursive descent/],
      ['$.a..b', /recursive descent/],
      ['$.`constructor', /backticks/],
      ['$.toString()', /function/],
      ['$.a@.b', /script/],
      ['$[@["x"]]', /script/],
      ["$['?(@.x)']", /filter/],
    ])('%s', (path, message) => {
      expect(refusal(path)).toMatch(message);
    });
  });

  describe('refuses prototype-chain names however they are written', () => {
    it.each([
      '$.__proto__',
      '$.constructor',
      '$.a.prototype',
      "$['__proto__']",
      '$["constructor"]',
      "$['\\u005f_proto__']",
      '$.a[0].constructor',
    ])('%s', (path) => {
      expect(refusal(path)).toMatch(/may not be used/);
    });
  });

  describe('refuses malformed paths', () => {
    it.each([
      ['', /start with '\$'/],
      ['user_id', /start with '\$'/],
      ['@.user_id', /script/],
      ['$.', /property name/],
      ['$.a.', /property name/],
      ['$a', /unexpected 'a'/],
      ['$ .a', /unexpected ' '/],
      ['$.a b', /unexpected ' '/],
      ['$[', /quoted name/],
      ['$[-1]', /non-negative index/],
      ['$[01]', /expected '\]'/],
      ['$[1:2]', /expected '\]'/],
      ['$[0,1]', /expected '\]'/],
      ["$['a", /unterminated/],
      ["$['a'", /expected '\]'/],
      ["$['a\\x']", /invalid escape/],
      ["$['a\\u00']", /invalid \\u escape/],
      ['$.a]', /unexpected '\]'/],
      ['$[99999999999999999999]', /too large/],
      ['$.a^', /unexpected '\^'/],
      ['$.a~', /unexpected '~'/],
    ])('%j', (path, message) => {
      expect(refusal(path)).toMatch(message);
    });

    it('refuses paths that are too long or too deep', () => {
      expect(refusal(`$.${'a'.repeat(600)}`)).toMatch(/longer than/);
      expect(refusal(`$${'.a'.repeat(33)}`)).toMatch(/more than 32 segments/);
      expect(parseValuePath(`$${'.a'.repeat(32)}`).ok).toBe(true);
    });

    it('refuses non-strings', () => {
      expect(parseValuePath(42 as unknown as string).ok).toBe(false);
    });
  });

  describe('wildcards', () => {
    it('are refused unless the caller allows them', () => {
      expect(refusal('$.items[*]')).toMatch(/wildcards are not allowed/);
      expect(refusal('$.items.*')).toMatch(/wildcards are not allowed/);
    });

    it('select every own value when allowed', () => {
      const items = compiled('$.items[*].sku', { allowWildcard: true });
      expect(items.singular).toBe(false);
      expect(items.extract({ items: [{ sku: 'a' }, { other: 1 }, { sku: 'b' }] })).toEqual(['a', 'b']);
      expect(items.extract({ items: 'not an array' })).toEqual([]);
      expect(compiled('$.tags.*', { allowWildcard: true }).extract({ tags: { x: 1, y: 2 } })).toEqual([1, 2]);
    });

    it('still refuse prototype names beside them', () => {
      expect(refusal('$.*.constructor', { allowWildcard: true })).toMatch(/may not be used/);
    });
  });
});

describe('CompiledPath.extract', () => {
  const event = {
    user_id: 'alice',
    a: { b: { c: 3 } },
    'odd key': true,
    items: [
      { sku: 'x1', qty: '2' },
      { sku: 'x2', qty: 5 },
    ],
    nothing: null,
    zero: 0,
  };

  it('walks members and indices', () => {
    expect(compiled('$.user_id').extract(event)).toBe('alice');
    expect(compiled('$.a.b.c').extract(event)).toBe(3);
    expect(compiled("$['odd key']").extract(event)).toBe(true);
    expect(compiled('$.items[1].qty').extract(event)).toBe(5);
    expect(compiled('$.zero').extract(event)).toBe(0);
    expect(compiled('$').extract(event)).toBe(event);
  });

  it('tells a JSON null from a missing value', () => {
    expect(compiled('$.nothing').extract(event)).toBeNull();
    expect(compiled('$.missing').extract(event)).toBeUndefined();
    expect(compiled('$.nothing.deeper').extract(event)).toBeUndefined();
    expect(compiled('$.items[2]').extract(event)).toBeUndefined();
  });

  it('reads only own properties, never the prototype chain', () => {
    expect(compiled('$.toString').extract({})).toBeUndefined();
    expect(compiled('$.hasOwnProperty').extract({ a: 1 })).toBeUndefined();
    expect(compiled('$.a.length').extract({ a: 'text' })).toBeUndefined();
    const inherited = Object.create({ secret: 'from prototype' }) as Record<string, unknown>;
    expect(compiled('$.secret').extract(inherited)).toBeUndefined();
    expect(compiled('$.toString').extract({ toString: 'own' })).toBe('own');
  });

  it('does not treat arrays as objects or objects as arrays', () => {
    expect(compiled('$.items.length').extract(event)).toBeUndefined();
    expect(compiled("$.items['0']").extract(event)).toBeUndefined();
    expect(compiled('$.a[0]').extract({ a: { 0: 'zero' } })).toBeUndefined();
    expect(compiled('$.a[0]').extract({ a: 'string' })).toBeUndefined();
  });

  it('copes with any input', () => {
    const path = compiled('$.a.b');
    for (const input of [undefined, null, 0, 'a', [], true]) expect(path.extract(input)).toBeUndefined();
  });

  it('reads a "__proto__" key from parsed JSON only as an own property it cannot name', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "user_id": "bob"}') as unknown;
    expect(compiled('$.user_id').extract(hostile)).toBe('bob');
    expect(compiled('$.polluted').extract(hostile)).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('agrees with jsonpath-plus on every path it accepts', () => {
    const documents: unknown[] = [
      event,
      { a: [[1, 2], [3]], 'a.b': 'dotted', 'odd key': { x: null } },
      { items: [] },
      [],
      'scalar',
    ];
    const paths = [
      '$.user_id',
      '$.a.b.c',
      "$['odd key']",
      "$['odd key'].x",
      '$.items[0].sku',
      '$.items[1]',
      '$.a[0][1]',
      "$['a.b']",
      '$.missing.deeper',
    ];
    for (const path of paths) {
      const ours = compiled(path);
      for (const json of documents) {
        const theirs = JSONPath({ path, json: json as object, eval: false, wrap: true }) as unknown[];
        expect([path, ours.extract(json)]).toEqual([path, theirs[0]]);
      }
    }
    const wildcard = compiled('$.items[*].sku', { allowWildcard: true });
    expect(wildcard.extract(event)).toEqual(
      JSONPath({ path: '$.items[*].sku', json: event, eval: false, wrap: true }),
    );
  });
});
