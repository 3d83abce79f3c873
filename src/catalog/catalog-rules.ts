import { isDeepStrictEqual } from 'node:util';
import { FieldProblem } from '../shared/errors';
import { readInstant, utcIso } from '../shared/instant';
import { CatalogProblemCode } from './catalog-errors';

/**
 * Field rules shared by the catalog deciders. Each check returns the problems it found (none when
 * the value is fine) so a decider can report every problem of a command at once.
 */

/** Meter slugs, feature keys, plan, phase and rate-card keys (OpenMeter's pattern). */
export const CATALOG_KEY_PATTERN = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;
export const CATALOG_KEY_MAX_LENGTH = 64;
export const NAME_MAX_LENGTH = 256;
export const DESCRIPTION_MAX_LENGTH = 1024;

/** Free-form string pairs a client attaches to a catalog object. */
export type Metadata = Readonly<Record<string, string>>;

export function problem(field: string, code: string, message: string): FieldProblem {
  return { field, code, message };
}

export function isCatalogKey(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length <= CATALOG_KEY_MAX_LENGTH && CATALOG_KEY_PATTERN.test(value)
  );
}

export function keyProblems(field: string, value: unknown): FieldProblem[] {
  if (value === undefined || value === null || value === '')
    return [problem(field, CatalogProblemCode.REQUIRED, 'is required')];
  return isCatalogKey(value)
    ? []
    : [
        problem(
          field,
          CatalogProblemCode.INVALID_KEY,
          `must match ${CATALOG_KEY_PATTERN.source} and be at most ${CATALOG_KEY_MAX_LENGTH} characters`,
        ),
      ];
}

/** A required display name: not blank, at most 256 characters. */
export function nameProblems(field: string, value: unknown): FieldProblem[] {
  if (typeof value !== 'string' || value.trim() === '')
    return [problem(field, CatalogProblemCode.REQUIRED, 'is required and may not be blank')];
  return value.length > NAME_MAX_LENGTH
    ? [problem(field, CatalogProblemCode.INVALID_TEXT, `must be at most ${NAME_MAX_LENGTH} characters`)]
    : [];
}

/** An optional description: a string of at most 1024 characters. */
export function descriptionProblems(field: string, value: unknown): FieldProblem[] {
  if (value === undefined) return [];
  return typeof value === 'string' && value.length <= DESCRIPTION_MAX_LENGTH
    ? []
    : [
        problem(
          field,
          CatalogProblemCode.INVALID_TEXT,
          `must be a string of at most ${DESCRIPTION_MAX_LENGTH} characters`,
        ),
      ];
}

/** Optional metadata: an object whose values are all strings. */
export function metadataProblems(field: string, value: unknown): FieldProblem[] {
  if (value === undefined) return [];
  if (!isPlainObject(value))
    return [problem(field, CatalogProblemCode.INVALID_METADATA, 'must be an object of strings')];
  return Object.entries(value)
    .filter(([, entry]) => typeof entry !== 'string')
    .map(([name]) => problem(`${field}.${name}`, CatalogProblemCode.INVALID_METADATA, 'must be a string'));
}

/** An instant the log and every read model can hold (the shared rule, `readInstant`). */
export function isTimestamp(value: unknown): value is string {
  return readInstant(value).ok;
}

export function timestampProblems(field: string, value: unknown): FieldProblem[] {
  const read = readInstant(value);
  return read.ok ? [] : [problem(field, CatalogProblemCode.INVALID_TIMESTAMP, read.problem)];
}

/** One spelling per instant in stored events: UTC with milliseconds, as `Date#toISOString` writes it. */
export function normalizeTimestamp(value: string): string {
  return utcIso(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A plain JSON copy of client-supplied structure: drops `undefined` members and class prototypes
 * (DTO instances), so an event's data equals what the store gives back after a round trip.
 */
export function jsonCopy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Deep equality for JSON data, blind to key order (PostgreSQL jsonb does not keep it). */
export function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}

/** Adds `key: value` only when the value is defined, so events never hold `undefined` members. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
