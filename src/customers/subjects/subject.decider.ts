import { Decider, Message, evolveByType, unreachable } from '../../shared/decider';
import { FieldProblem, invalid, notFound } from '../../shared/errors';
import { readInstant, utcIso } from '../../shared/instant';
import { MAX_ATTRIBUTE_LENGTH } from '../../shared/limits';

/**
 * A subject, as OpenMeter's deprecated `/api/v1/subjects` has it: an enrichment of a usage event's
 * `subject` (display name, metadata), kept apart from the customers that own usage. One stream per
 * (namespace, key) — `subjectStream` — so upserts of one key are decided one after the other and a
 * key needs no claim. Which customer a subject belongs to is not stored here: a customer holds the
 * key as its key or a subject key, and the subjects read model shows that customer when asked.
 *
 * Upsert is OpenMeter's: a key not live is created (a new id, even for a key deleted before); a live
 * one is partially updated — a field left out is kept, `null` clears it.
 */

export const SubjectErrors = {
  invalid: 'SUBJECTS.INVALID',
  notFound: 'SUBJECTS.NOT_FOUND',
} as const;

/** Subject keys are event subjects: bounded as ingestion bounds them. */
export const MAX_SUBJECT_KEY_LENGTH = MAX_ATTRIBUTE_LENGTH;
const MAX_TEXT_LENGTH = 1024;

export interface Subject {
  readonly id: string;
  readonly namespace: string;
  readonly key: string;
  readonly displayName?: string;
  /** Any JSON object (OpenMeter's subject metadata is not limited to strings). */
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** UTC; deprecated in OpenMeter's spec, kept and shown back. */
  readonly currentPeriodStart?: string;
  readonly currentPeriodEnd?: string;
  readonly stripeCustomerId?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The fields an upsert may set: absent keeps, `null` clears. */
export interface SubjectFields {
  readonly displayName?: string | null;
  readonly metadata?: Readonly<Record<string, unknown>> | null;
  readonly currentPeriodStart?: string | null;
  readonly currentPeriodEnd?: string | null;
  readonly stripeCustomerId?: string | null;
}

const FIELDS = [
  'displayName',
  'metadata',
  'currentPeriodStart',
  'currentPeriodEnd',
  'stripeCustomerId',
] as const;

export type UpsertSubject = Message<
  'UpsertSubject',
  SubjectFields & {
    /** The id a new subject gets; ignored when the key is live. */
    id: string;
    namespace: string;
    key: string;
    now: string;
  }
>;

export type DeleteSubject = Message<'DeleteSubject', { namespace: string; key: string; now: string }>;

export type SubjectCommand = UpsertSubject | DeleteSubject;

/** Carries the whole subject after the upsert. */
export type SubjectUpserted = Message<'SubjectUpserted', Subject>;
export type SubjectDeleted = Message<
  'SubjectDeleted',
  { readonly id: string; readonly namespace: string; readonly key: string; readonly at: string }
>;
export type SubjectEvent = SubjectUpserted | SubjectDeleted;

export type SubjectState =
  | { readonly status: 'empty' }
  | { readonly status: 'active'; readonly subject: Subject }
  | { readonly status: 'deleted'; readonly subject: Subject; readonly deletedAt: string };

export const subjectDecider: Decider<SubjectCommand, SubjectEvent, SubjectState> = {
  initialState: () => ({ status: 'empty' }),
  evolve: evolveByType<SubjectEvent, SubjectState>({
    SubjectUpserted: (_state, event) => ({ status: 'active', subject: event.data }),
    SubjectDeleted: (state, event) =>
      state.status === 'active'
        ? { status: 'deleted', subject: state.subject, deletedAt: event.data.at }
        : state,
  }),
  decide: (command, state) => {
    switch (command.type) {
      case 'UpsertSubject':
        return upsert(command, state);
      case 'DeleteSubject':
        return remove(command, state);
      default:
        return unreachable(command);
    }
  },
};

/** Everything wrong with an upsert, at paths under `prefix` (`[2].displayName`). */
export function subjectProblems(command: UpsertSubject['data'], prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const fail = (field: string, message: string) =>
    problems.push({ field: `${prefix}${prefix ? '.' : ''}${field}`, message, code: SubjectErrors.invalid });
  const { key, displayName, metadata, stripeCustomerId } = command;
  if (typeof key !== 'string' || key === '' || key.length > MAX_SUBJECT_KEY_LENGTH)
    fail('key', `must be 1 to ${MAX_SUBJECT_KEY_LENGTH} characters`);
  for (const [name, value] of [
    ['displayName', displayName],
    ['stripeCustomerId', stripeCustomerId],
  ] as const) {
    if (
      value !== undefined &&
      value !== null &&
      (typeof value !== 'string' || value.length > MAX_TEXT_LENGTH)
    )
      fail(name, `must be a string of at most ${MAX_TEXT_LENGTH} characters, or null`);
  }
  if (
    metadata !== undefined &&
    metadata !== null &&
    (typeof metadata !== 'object' || Array.isArray(metadata))
  )
    fail('metadata', 'must be an object, or null');
  for (const name of ['currentPeriodStart', 'currentPeriodEnd'] as const) {
    const value = command[name];
    if (value === undefined || value === null) continue;
    const read = readInstant(value);
    if (!read.ok) fail(name, read.problem);
  }
  return problems;
}

function upsert({ data }: UpsertSubject, state: SubjectState): SubjectEvent[] {
  const problems = subjectProblems(data);
  if (problems.length > 0) throw invalid(SubjectErrors.invalid, `Subject ${data.key} is not valid`, problems);
  const live = state.status === 'active' ? state.subject : undefined;
  const fields: Record<string, unknown> = {};
  for (const name of FIELDS) {
    const given = data[name];
    const value = given === undefined ? live?.[name] : given;
    if (value === null || value === undefined) continue;
    fields[name] =
      name === 'currentPeriodStart' || name === 'currentPeriodEnd' ? utcIso(value as string) : value;
  }
  const subject: Subject = {
    id: live?.id ?? data.id,
    namespace: data.namespace,
    key: data.key,
    ...(fields as Partial<Subject>),
    createdAt: live?.createdAt ?? data.now,
    updatedAt: data.now,
  };
  if (live && JSON.stringify({ ...live, updatedAt: '' }) === JSON.stringify({ ...subject, updatedAt: '' }))
    return [];
  return [{ type: 'SubjectUpserted', data: JSON.parse(JSON.stringify(subject)) as Subject }];
}

/** Deleting a deleted subject is a no-op, so a retried DELETE answers 204 again. */
function remove({ data }: DeleteSubject, state: SubjectState): SubjectEvent[] {
  if (state.status === 'deleted') return [];
  if (state.status !== 'active' || state.subject.namespace !== data.namespace)
    throw notFound(SubjectErrors.notFound, `Subject ${data.key} not found`);
  const { id, namespace, key } = state.subject;
  return [{ type: 'SubjectDeleted', data: { id, namespace, key, at: data.now } }];
}
