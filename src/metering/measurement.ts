import { createHash } from 'node:crypto';
import type { MeterAggregation } from '../catalog';
import type { LogPosition } from '../event-store/event-store.port';
import { CompiledPath, parseValuePath } from '../shared/json-path';
import { Decimal } from '../shared/money';

/** What metering keeps of a meter: the projection's own copy, built from the catalog's meter events. */
export interface MeterDefinition {
  readonly id: string;
  readonly namespace: string;
  readonly slug: string;
  readonly eventType: string;
  readonly aggregation: MeterAggregation;
  readonly valueProperty?: string;
  readonly groupBy: Readonly<Record<string, string>>;
  /** Epoch milliseconds; events before it are not counted. */
  readonly eventFrom?: number;
}

/** A stored usage event, reduced to what meters read. */
export interface UsageFact {
  readonly subject: string;
  readonly timeMs: number;
  readonly data: unknown;
  readonly position: LogPosition;
}

/** Group-by dimension → value; a dimension the event lacks is absent (null in query answers). */
export type GroupValues = Readonly<Record<string, string>>;

export type Measurement =
  | {
      readonly counted: true;
      /**
       * A decimal string for numeric aggregations, the compared text for UNIQUE_COUNT, and
       * undefined for COUNT, which needs no value.
       */
      readonly value: string | undefined;
      readonly groupValues: GroupValues;
    }
  | { readonly counted: false; readonly problem: string };

/** The JSON number grammar, as a string; a bounded exponent keeps the value a sane PostgreSQL numeric. */
const NUMERIC_STRING = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d{1,3})?$/;
const MAX_NUMERIC_STRING_LENGTH = 80;
/** Distinct values are unique-index entries, which PostgreSQL caps at about 2.7 kB. */
const MAX_DISTINCT_VALUE_BYTES = 1024;

const compiledPaths = new Map<string, CompiledPath | undefined>();

/**
 * How one event counts for one meter, or why it does not. The single definition of metering
 * semantics: the projection, meter backfills, sub-minute query edges and the events listing's
 * validation errors all call it. Events before the meter's `eventFrom` are not measured at all.
 *
 * A problem is worded as OpenMeter words the same one (`invalid event: missing value property:
 * "$.tokens"`), so clients that read the events listing's `validationError` read Tally's; a value
 * OpenMeter would count and Tally refuses (an object, an over-long distinct value) says so in Tally's.
 */
export function measure(meter: MeterDefinition, fact: UsageFact): Measurement | undefined {
  if (meter.eventFrom !== undefined && fact.timeMs < meter.eventFrom) return undefined;
  let value: string | undefined;
  if (meter.aggregation !== 'COUNT') {
    const path = compiled(meter.valueProperty);
    if (!path) return { counted: false, problem: 'invalid meter: its value property is not a valid path' };
    if (fact.data === undefined || fact.data === null)
      return { counted: false, problem: 'invalid event: null and missing value property' };
    const raw = path.extract(fact.data);
    if (raw === undefined)
      return {
        counted: false,
        problem: `invalid event: missing value property: ${JSON.stringify(meter.valueProperty)}`,
      };
    if (raw === null) return { counted: false, problem: 'invalid event: value cannot be null' };
    const read = meter.aggregation === 'UNIQUE_COUNT' ? distinctValue(raw) : numericValue(raw);
    if (!read.ok) return { counted: false, problem: `invalid event: ${read.problem}` };
    value = read.value;
  }
  return { counted: true, value, groupValues: groupValuesOf(meter, fact.data) };
}

/** A stable identity for a set of group values (given canonically), hashed so index entries stay small. */
export function groupKeyOf(canonicalGroupValues: string): string {
  return createHash('sha256').update(canonicalGroupValues).digest('base64url');
}

/** Group values as one string, independent of the order the dimensions were listed in. */
export function canonicalGroupValues(groupValues: GroupValues): string {
  return JSON.stringify(
    Object.keys(groupValues)
      .sort()
      .map((name) => [name, groupValues[name]]),
  );
}

type Read = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problem: string };

/** A value present and not null: a number, or a string that reads as one. */
function numericValue(raw: unknown): Read {
  if (typeof raw === 'number') return { ok: true, value: new Decimal(raw).toFixed() };
  if (typeof raw === 'string') {
    if (raw.length <= MAX_NUMERIC_STRING_LENGTH && NUMERIC_STRING.test(raw))
      return { ok: true, value: new Decimal(raw).toFixed() };
    // What Go's ParseFloat reads as not-a-number and infinities, OpenMeter refuses in these words.
    if (/^nan$/i.test(raw)) return { ok: false, problem: 'value cannot be NaN' };
    if (/^[+-]?inf(inity)?$/i.test(raw)) return { ok: false, problem: 'value cannot be infinity' };
    return { ok: false, problem: `value cannot be parsed as float64: ${clip(raw)}` };
  }
  return { ok: false, problem: `unsupported value property type: ${goTypeOf(raw)}` };
}

function distinctValue(raw: unknown): Read {
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
    return { ok: false, problem: `value must be a string, number or boolean (${describe(raw)})` };
  }
  const value = String(raw);
  if (Buffer.byteLength(value) > MAX_DISTINCT_VALUE_BYTES) {
    return { ok: false, problem: `value is longer than ${MAX_DISTINCT_VALUE_BYTES} bytes` };
  }
  return { ok: true, value };
}

/** The Go type OpenMeter names for a JSON value it cannot read as a number. */
function goTypeOf(raw: unknown): string {
  if (Array.isArray(raw)) return '[]interface {}';
  if (typeof raw === 'object') return 'map[string]interface {}';
  return typeof raw === 'boolean' ? 'bool' : typeof raw;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function groupValuesOf(meter: MeterDefinition, data: unknown): GroupValues {
  const values: Record<string, string> = {};
  for (const [name, source] of Object.entries(meter.groupBy)) {
    const raw = compiled(source)?.extract(data);
    if (raw === undefined || raw === null) continue;
    values[name] = typeof raw === 'string' ? raw : JSON.stringify(raw);
  }
  return values;
}

function compiled(path: string | undefined): CompiledPath | undefined {
  if (path === undefined) return undefined;
  if (!compiledPaths.has(path)) {
    const parsed = parseValuePath(path);
    compiledPaths.set(path, parsed.ok ? parsed.path : undefined);
  }
  return compiledPaths.get(path);
}

function describe(raw: unknown): string {
  if (Array.isArray(raw)) return 'an array';
  if (typeof raw === 'object') return 'an object';
  const text = JSON.stringify(raw);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
