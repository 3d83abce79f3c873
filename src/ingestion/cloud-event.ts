import { CloudEvent, ValidationError } from 'cloudevents';
import type { FieldProblem } from '../shared/errors';
import { readInstant } from '../shared/instant';
import { IngestionProblemCode } from './ingestion-errors';
import type { UsageCloudEvent } from './usage-recorded';
import { MAX_ATTRIBUTE_LENGTH } from '../shared/limits';

export interface EnvelopeRules {
  /** When the request arrived: the time of events that carry none, and "now" for the future limit. */
  readonly receivedAt: Date;
  readonly futureToleranceMs: number;
}

export type EnvelopeResult =
  | { readonly ok: true; readonly event: UsageCloudEvent }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

const IDENTIFYING_ATTRIBUTES = ['id', 'source', 'type', 'subject'] as const;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** `application/json`, or any `+json` media type, with optional parameters. */
const JSON_MEDIA_TYPE = /^\s*application\/(?:[\w.-]+\+)?json\s*(?:;.*)?$/i;

/**
 * Checks one CloudEvent against the CloudEvents 1.0 JSON format and Tally's own rules, naming every
 * problem with `field` prefixed by `at` (`events[3]` in a batch, nothing for a single event).
 * Tally's rules are checked first, by hand, so that each broken attribute is named; what passes
 * them then goes through the `cloudevents` SDK's validator for the rest of the spec (URI formats,
 * extension attribute names and value types).
 */
export function readCloudEvent(input: unknown, at: string, rules: EnvelopeRules): EnvelopeResult {
  const field = (name: string) => (at ? `${at}.${name}` : name);
  if (!isPlainObject(input)) {
    return {
      ok: false,
      problems: [
        problem(at || 'body', IngestionProblemCode.NOT_AN_EVENT, 'must be a CloudEvent (a JSON object)'),
      ],
    };
  }
  const problems: FieldProblem[] = [];

  if (input.specversion === undefined) {
    problems.push(problem(field('specversion'), IngestionProblemCode.REQUIRED, 'is required'));
  } else if (input.specversion !== '1.0') {
    problems.push(
      problem(field('specversion'), IngestionProblemCode.UNSUPPORTED_SPEC_VERSION, 'must be "1.0"'),
    );
  }
  for (const name of IDENTIFYING_ATTRIBUTES) problems.push(...identifyingProblems(field(name), input[name]));

  let time: string | undefined;
  if (input.time === undefined || input.time === null) {
    time = rules.receivedAt.toISOString();
  } else {
    const instant = readInstant(input.time);
    if (!instant.ok) {
      problems.push(problem(field('time'), IngestionProblemCode.INVALID_TIME, instant.problem));
    } else if (instant.ms - rules.receivedAt.getTime() > rules.futureToleranceMs) {
      problems.push(
        problem(
          field('time'),
          IngestionProblemCode.TIME_IN_FUTURE,
          `may be at most ${rules.futureToleranceMs / 1000} s in the future`,
        ),
      );
    } else {
      time = input.time as string;
    }
  }

  const contentType = input.datacontenttype;
  if (
    contentType !== undefined &&
    contentType !== null &&
    !(typeof contentType === 'string' && JSON_MEDIA_TYPE.test(contentType))
  ) {
    problems.push(
      problem(
        field('datacontenttype'),
        IngestionProblemCode.UNSUPPORTED_DATA_CONTENT_TYPE,
        'must be a JSON media type such as application/json',
      ),
    );
  }
  if (input.data_base64 !== undefined) {
    problems.push(
      problem(
        field('data_base64'),
        IngestionProblemCode.DATA_NOT_OBJECT,
        'binary data is not accepted: send data as a JSON object',
      ),
    );
  }
  if (input.data !== undefined && input.data !== null && !isPlainObject(input.data)) {
    problems.push(
      problem(field('data'), IngestionProblemCode.DATA_NOT_OBJECT, 'must be a JSON object when present'),
    );
  }
  for (const [name, value] of Object.entries(input)) {
    if (!storable(name) || !storableValue(value)) {
      problems.push(
        problem(
          field(name),
          IngestionProblemCode.UNSTORABLE_TEXT,
          'holds a NUL character or an unpaired surrogate, which cannot be stored as JSON text',
        ),
      );
    }
  }

  if (
    problems.length === 0 &&
    !(hasOnlyCoreAttributes(input) && KNOWN_GOOD_SOURCES.has(input.source as string))
  ) {
    const specProblem = cloudEventsSpecProblem(input, field);
    if (specProblem) problems.push(specProblem);
    else rememberGoodSource(input);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, event: { ...input, time } as UsageCloudEvent };
}

function identifyingProblems(field: string, value: unknown): FieldProblem[] {
  if (value === undefined || value === null || value === '') {
    return [problem(field, IngestionProblemCode.REQUIRED, 'is required and may not be empty')];
  }
  if (typeof value !== 'string') return [problem(field, IngestionProblemCode.INVALID, 'must be a string')];
  if (value.length > MAX_ATTRIBUTE_LENGTH) {
    return [
      problem(field, IngestionProblemCode.TOO_LONG, `may be at most ${MAX_ATTRIBUTE_LENGTH} characters`),
    ];
  }
  if (hasControlCharacter(value)) {
    return [problem(field, IngestionProblemCode.INVALID, 'may not contain control characters')];
  }
  return [];
}

function hasControlCharacter(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * The SDK's validator copies, freezes and re-checks every event: most of the cost of reading a
 * batch. For an event with only these attributes that passed the checks above, its answer depends on
 * the source alone (a URI reference), so sources it accepted are remembered and such events skip it.
 */
const CORE_ATTRIBUTES = new Set([
  'specversion',
  'id',
  'source',
  'type',
  'subject',
  'time',
  'datacontenttype',
  'data',
]);
const KNOWN_GOOD_SOURCES = new Set<string>();
const MAX_KNOWN_GOOD_SOURCES = 10_000;

function hasOnlyCoreAttributes(input: Record<string, unknown>): boolean {
  for (const name in input) if (!CORE_ATTRIBUTES.has(name)) return false;
  return true;
}

function rememberGoodSource(input: Record<string, unknown>): void {
  if (!hasOnlyCoreAttributes(input)) return;
  if (KNOWN_GOOD_SOURCES.size >= MAX_KNOWN_GOOD_SOURCES) KNOWN_GOOD_SOURCES.clear();
  KNOWN_GOOD_SOURCES.add(input.source as string);
}

function cloudEventsSpecProblem(
  input: Record<string, unknown>,
  field: (name: string) => string,
): FieldProblem | undefined {
  try {
    new CloudEvent(input, true);
    return undefined;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const [first] = (error.errors ?? []) as { instancePath?: string; message?: string }[];
    const attribute = first?.instancePath?.replace(/^\//, '');
    return attribute
      ? problem(field(attribute), IngestionProblemCode.CLOUDEVENTS_SPEC, first.message ?? 'is not valid')
      : problem(field('event'), IngestionProblemCode.CLOUDEVENTS_SPEC, error.message.split('\n')[0]);
  }
}

/** PostgreSQL's jsonb refuses `\u0000` and lone surrogates; one such event would fail a whole group commit. */
function storable(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

function storableValue(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (!storable(value)) return false;
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
    } else if (isPlainObject(value)) {
      for (const [key, member] of Object.entries(value)) {
        if (!storable(key)) return false;
        pending.push(member);
      }
    }
  }
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problem(field: string, code: IngestionProblemCode, message: string): FieldProblem {
  return { field, code, message };
}
