/**
 * Safe JSONPath for meter value properties and group-by keys.
 *
 * Only a small, script-free subset of JSONPath is accepted: a `$` root followed by member
 * (`.name`, `['any key']`), index (`[0]`) and — when the caller allows it — wildcard (`.*`, `[*]`)
 * selectors. Filters, scripts, recursive descent and prototype-chain names are refused when the
 * path is parsed, so nothing downstream ever evaluates user text.
 *
 * We parse with our own grammar rather than jsonpath-plus: its parser accepts the whole language
 * (scripts included) and its evaluator is far too slow for a path that runs on every ingested event.
 * Evaluation here is a direct walk over own properties only (`Object.hasOwn`), so `constructor` or
 * `toString` inherited from a prototype can never be read out of event data. The accepted subset
 * evaluates exactly as jsonpath-plus does (the spec checks this against it).
 */

export type PathSegment =
  | { readonly kind: 'member'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'wildcard' };

export interface CompiledPath {
  /** The path as written. */
  readonly source: string;
  readonly segments: readonly PathSegment[];
  /** True when the path selects at most one value (no wildcard). */
  readonly singular: boolean;
  /**
   * For a singular path: the value found, or `undefined` when any step is missing (a JSON `null`
   * is returned as `null`). For a wildcard path: an array of every value found, possibly empty.
   */
  extract(data: unknown): unknown;
}

export type ParseValuePathResult =
  { readonly ok: true; readonly path: CompiledPath } | { readonly ok: false; readonly message: string };

export interface ParseValuePathOptions {
  /** Accept `.*` and `[*]`. Off by default: a meter needs exactly one value per event. */
  readonly allowWildcard?: boolean;
}

export const MAX_PATH_LENGTH = 512;
export const MAX_PATH_SEGMENTS = 32;

const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Markers of filters, scripts and jsonpath-plus extensions; refused anywhere, even inside quotes. */
const SCRIPT_MARKERS: readonly (readonly [string, string])[] = [
  ['`', 'backticks are not allowed'],
  ['?(', 'filter expressions are not allowed'],
  ['(@', 'script expressions are not allowed'],
  ['@.', 'script expressions are not allowed'],
  ['@[', 'script expressions are not allowed'],
  ['()', 'function calls are not allowed'],
  ['..', 'recursive descent is not allowed'],
];

/** Characters of a dot-notation member name; anything else needs bracket notation. */
const SHORTHAND_CHAR = /[\p{L}\p{N}_-]/u;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  '/': '/',
  "'": "'",
  '"': '"',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class PathSyntaxError extends Error {}

export function parseValuePath(path: string, options: ParseValuePathOptions = {}): ParseValuePathResult {
  if (typeof path !== 'string') return { ok: false, message: 'path must be a string' };
  if (path.length > MAX_PATH_LENGTH)
    return { ok: false, message: `path is longer than ${MAX_PATH_LENGTH} characters` };
  for (const [marker, message] of SCRIPT_MARKERS) {
    if (path.includes(marker)) return { ok: false, message };
  }
  let segments: PathSegment[];
  try {
    segments = parseSegments(path);
  } catch (error) {
    if (error instanceof PathSyntaxError) return { ok: false, message: error.message };
    throw error;
  }
  if (segments.length > MAX_PATH_SEGMENTS)
    return { ok: false, message: `path has more than ${MAX_PATH_SEGMENTS} segments` };
  for (const segment of segments) {
    if (segment.kind === 'member' && FORBIDDEN_NAMES.has(segment.name)) {
      return { ok: false, message: `'${segment.name}' may not be used as a property name` };
    }
    if (segment.kind === 'wildcard' && !options.allowWildcard) {
      return { ok: false, message: 'wildcards are not allowed: the path must select a single value' };
    }
  }
  return { ok: true, path: compile(path, segments) };
}

function parseSegments(path: string): PathSegment[] {
  if (path[0] !== '$') throw new PathSyntaxError("path must start with '$'");
  const segments: PathSegment[] = [];
  let at = 1;
  while (at < path.length) {
    const char = path[at];
    if (char === '.') {
      at += 1;
      if (path[at] === '*') {
        segments.push({ kind: 'wildcard' });
        at += 1;
        continue;
      }
      const start = at;
      while (at < path.length && SHORTHAND_CHAR.test(path[at])) at += 1;
      if (at === start) throw new PathSyntaxError(`expected a property name at position ${start}`);
      segments.push({ kind: 'member', name: path.slice(start, at) });
    } else if (char === '[') {
      at += 1;
      const next = path[at];
      if (next === "'" || next === '"') {
        const [name, end] = readQuoted(path, at);
        segments.push({ kind: 'member', name });
        at = end;
      } else if (next === '*') {
        segments.push({ kind: 'wildcard' });
        at += 1;
      } else {
        const match = /^(0|[1-9]\d*)/.exec(path.slice(at));
        if (!match)
          throw new PathSyntaxError(`expected a quoted name, a non-negative index or '*' at position ${at}`);
        const index = Number(match[1]);
        if (!Number.isSafeInteger(index)) throw new PathSyntaxError(`index ${match[1]} is too large`);
        segments.push({ kind: 'index', index });
        at += match[1].length;
      }
      if (path[at] !== ']') throw new PathSyntaxError(`expected ']' at position ${at}`);
      at += 1;
    } else {
      throw new PathSyntaxError(`unexpected '${char}' at position ${at}`);
    }
  }
  return segments;
}

/** Reads a quoted name starting at `open`; returns the name and the position after the closing quote. */
function readQuoted(path: string, open: number): [string, number] {
  const quote = path[open];
  let name = '';
  let at = open + 1;
  while (at < path.length) {
    const char = path[at];
    if (char === quote) return [name, at + 1];
    if (char === '\\') {
      const escaped = path[at + 1];
      if (escaped === 'u') {
        const hex = path.slice(at + 2, at + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new PathSyntaxError(`invalid \\u escape at position ${at}`);
        name += String.fromCharCode(parseInt(hex, 16));
        at += 6;
        continue;
      }
      if (escaped === undefined || !Object.hasOwn(SIMPLE_ESCAPES, escaped)) {
        throw new PathSyntaxError(`invalid escape at position ${at}`);
      }
      name += SIMPLE_ESCAPES[escaped];
      at += 2;
      continue;
    }
    name += char;
    at += 1;
  }
  throw new PathSyntaxError(`unterminated quoted name starting at position ${open}`);
}

function compile(source: string, segments: readonly PathSegment[]): CompiledPath {
  const singular = segments.every((segment) => segment.kind !== 'wildcard');
  const extract = singular
    ? (data: unknown) => walk(data, segments)
    : (data: unknown) => {
        const found: unknown[] = [];
        collect(data, segments, 0, found);
        return found;
      };
  return Object.freeze({ source, segments: Object.freeze([...segments]), singular, extract });
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The hot path: one own-property read per segment, no allocation. */
function walk(data: unknown, segments: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of segments) {
    if (segment.kind === 'member') {
      if (!isObject(current) || !Object.hasOwn(current, segment.name)) return undefined;
      current = current[segment.name];
    } else if (segment.kind === 'index') {
      if (!Array.isArray(current) || segment.index >= current.length) return undefined;
      current = current[segment.index];
    } else {
      return undefined;
    }
  }
  return current;
}

function collect(current: unknown, segments: readonly PathSegment[], from: number, found: unknown[]): void {
  if (from === segments.length) {
    found.push(current);
    return;
  }
  const segment = segments[from];
  if (segment.kind === 'member') {
    if (isObject(current) && Object.hasOwn(current, segment.name))
      collect(current[segment.name], segments, from + 1, found);
  } else if (segment.kind === 'index') {
    if (Array.isArray(current) && segment.index < current.length)
      collect(current[segment.index], segments, from + 1, found);
  } else if (Array.isArray(current)) {
    for (const item of current) collect(item, segments, from + 1, found);
  } else if (isObject(current)) {
    for (const key of Object.keys(current)) collect(current[key], segments, from + 1, found);
  }
}
