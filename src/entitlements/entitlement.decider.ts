import { Decider, Message, evolveByType, unreachable } from '../shared/decider';
import { conflict, FieldProblem, invalid, notFound } from '../shared/errors';
import { readInstant } from '../shared/instant';
import { Decimal, toDecimalString } from '../shared/money';
import { Expiration, expiresAt } from './balance/grants';
import { floorMinute } from './balance/minutes';
import { containing, intervalIso, periodAt, UsageSchedule } from './balance/usage-period';
import { EntitlementErrorCode, EntitlementProblemCode } from './entitlement-errors';

/**
 * The entitlements of one customer to one feature, as an aggregate: one stream per (namespace,
 * customer, feature key), so "at most one active entitlement per customer and feature" and an
 * override (the old one deleted, the new one created) are each one atomic append. The stream also
 * holds the entitlement's grants and manual resets, so every rule that ties them together — a grant
 * only on the live metered entitlement, never before its usage period in progress, a reset after
 * the last one — is decided on one version. Entitlements a subscription provides are not here:
 * they follow the subscription (`from-subscriptions/`); a manual override of one is.
 *
 * Amounts travel as decimal strings; instants as canonical UTC ISO strings on whole minutes (see
 * `balance/minutes.ts`).
 */

export const ENTITLEMENT_CREATED = 'EntitlementCreated';
export const ENTITLEMENT_DELETED = 'EntitlementDeleted';
export const ENTITLEMENT_USAGE_RESET = 'EntitlementUsageReset';
export const ENTITLEMENT_GRANT_CREATED = 'EntitlementGrantCreated';
export const ENTITLEMENT_GRANT_VOIDED = 'EntitlementGrantVoided';

export const ENTITLEMENT_TYPES = ['metered', 'static', 'boolean'] as const;
export type EntitlementType = (typeof ENTITLEMENT_TYPES)[number];

/** OpenMeter's `MeasureUsageFromPreset`. */
export const MEASURE_USAGE_FROM_PRESETS = ['CURRENT_PERIOD_START', 'NOW'] as const;

/** The most a grant's priority may be (1 burns first). */
export const MAX_PRIORITY = 255;

export interface RecurringPeriod {
  /** ISO-8601 duration. */
  readonly interval: string;
  readonly anchor: string;
}

/** An entitlement as `EntitlementCreated` carries it, whole. */
export interface EntitlementData {
  readonly id: string;
  readonly namespace: string;
  readonly customerId: string;
  readonly featureId: string;
  readonly featureKey: string;
  readonly type: EntitlementType;
  readonly metadata?: Readonly<Record<string, string>>;
  /** Static: a JSON object, serialized. */
  readonly config?: string;
  /** Metered (required), static and boolean (optional). */
  readonly usagePeriod?: RecurringPeriod;
  readonly measureUsageFrom?: string;
  readonly isSoftLimit?: boolean;
  readonly issueAfterReset?: { readonly amount: string; readonly priority: number };
  readonly preserveOverageAtReset?: boolean;
  readonly activeFrom: string;
  readonly createdAt: string;
  /** The entitlement this one overrides (a manual one of this stream, or one a subscription provides). */
  readonly supersedes?: string;
}

export interface GrantData {
  readonly id: string;
  readonly entitlementId: string;
  readonly namespace: string;
  readonly amount: string;
  readonly priority: number;
  readonly effectiveAt: string;
  readonly expiration?: Expiration;
  readonly expiresAt?: string;
  readonly minRolloverAmount: string;
  readonly maxRolloverAmount: string;
  readonly recurrence?: RecurringPeriod;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

/** A create or override body, as the routes of both API versions give it (version defaults applied). */
export interface EntitlementRequest {
  readonly type: EntitlementType;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly config?: string;
  readonly usagePeriod?: { readonly interval: string; readonly anchor?: string };
  /** `CURRENT_PERIOD_START`, `NOW` or an instant; defaults to now. */
  readonly measureUsageFrom?: string;
  readonly isSoftLimit?: boolean;
  readonly issueAfterReset?: { readonly amount: number; readonly priority?: number };
  readonly preserveOverageAtReset?: boolean;
  readonly grants?: readonly GrantRequest[];
}

export interface GrantRequest {
  readonly amount: number;
  readonly priority?: number;
  readonly effectiveAt: string;
  readonly expiration?: Expiration;
  readonly minRolloverAmount?: number;
  /** Defaulted by the route: the amount in v2, 0 in v1. */
  readonly maxRolloverAmount: number;
  readonly recurrence?: { readonly interval: string; readonly anchor?: string };
  readonly metadata?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, unknown>>;
}

/** The feature the handler resolved from `featureKey` or `featureId`. */
export interface ResolvedFeature {
  readonly id: string;
  readonly key: string;
  readonly metered: boolean;
  /** The body field that named it. */
  readonly field: 'featureKey' | 'featureId';
}

interface NewEntitlement {
  readonly id: string;
  readonly namespace: string;
  readonly customerId: string;
  readonly feature: ResolvedFeature;
  readonly request: EntitlementRequest;
  /** Ids for the `issueAfterReset` grant (first) and the request's grants, in order. */
  readonly grantIds: readonly string[];
}

export type CreateEntitlement = Message<
  'CreateEntitlement',
  NewEntitlement & {
    now: string;
    /** An active or scheduled entitlement a subscription provides for the pair, found by the handler. */
    subscriptionEntitlementId?: string;
  }
>;

/** Replaces the pair's live entitlement (`target`: this stream's, or one a subscription provides) with a new one. */
export type OverrideEntitlement = Message<
  'OverrideEntitlement',
  NewEntitlement & { now: string; target: { readonly id: string; readonly managed: boolean } }
>;

export type DeleteEntitlement = Message<'DeleteEntitlement', { id: string; now: string }>;

export type ResetUsage = Message<
  'ResetUsage',
  { id: string; effectiveAt?: string; retainAnchor?: boolean; preserveOverage?: boolean; now: string }
>;

export type CreateGrant = Message<
  'CreateGrant',
  { entitlementId: string; grantId: string; grant: GrantRequest; now: string }
>;

export type VoidGrant = Message<'VoidGrant', { grantId: string; at?: string; now: string }>;

export type EntitlementCommand =
  CreateEntitlement | OverrideEntitlement | DeleteEntitlement | ResetUsage | CreateGrant | VoidGrant;

export type EntitlementCreated = Message<typeof ENTITLEMENT_CREATED, EntitlementData>;
export type EntitlementDeleted = Message<
  typeof ENTITLEMENT_DELETED,
  {
    id: string;
    namespace: string;
    customerId: string;
    featureKey: string;
    deletedAt: string;
    supersededBy?: string;
  }
>;
export type EntitlementUsageReset = Message<
  typeof ENTITLEMENT_USAGE_RESET,
  {
    entitlementId: string;
    namespace: string;
    resetAt: string;
    retainAnchor: boolean;
    preserveOverage: boolean;
    requestedAt: string;
  }
>;
export type EntitlementGrantCreated = Message<typeof ENTITLEMENT_GRANT_CREATED, GrantData>;
export type EntitlementGrantVoided = Message<
  typeof ENTITLEMENT_GRANT_VOIDED,
  { id: string; entitlementId: string; namespace: string; voidedAt: string; requestedAt: string }
>;

export type EntitlementEvent =
  | EntitlementCreated
  | EntitlementDeleted
  | EntitlementUsageReset
  | EntitlementGrantCreated
  | EntitlementGrantVoided;

export const ENTITLEMENT_EVENT_TYPES: readonly EntitlementEvent['type'][] = [
  ENTITLEMENT_CREATED,
  ENTITLEMENT_DELETED,
  ENTITLEMENT_USAGE_RESET,
  ENTITLEMENT_GRANT_CREATED,
  ENTITLEMENT_GRANT_VOIDED,
];

export interface ResetData {
  readonly at: string;
  readonly retainAnchor: boolean;
  readonly preserveOverage: boolean;
}

export interface LiveEntitlement {
  readonly entitlement: EntitlementData;
  readonly resets: readonly ResetData[];
}

/** The pair's live entitlement (if any), and every entitlement and grant the stream ever held. */
export interface EntitlementPairState {
  readonly live?: LiveEntitlement;
  readonly deleted: ReadonlySet<string>;
  readonly grants: ReadonlyMap<
    string,
    { readonly entitlementId: string; readonly namespace: string; readonly voided: boolean }
  >;
}

const MINUTE_ISO = (ms: number) => new Date(floorMinute(ms)).toISOString();

/** Epoch ms of an instant the edge let in (leap seconds included, which `Date.parse` refuses). */
const msOf = (instant: string) => {
  const read = readInstant(instant);
  return read.ok ? read.ms : NaN;
};

/** The usage schedule of a metered entitlement and its manual resets (the burn-down's and the rules'). */
export function scheduleOf(
  entitlement: Pick<EntitlementData, 'usagePeriod' | 'measureUsageFrom' | 'preserveOverageAtReset'>,
  resets: readonly ResetData[],
): UsageSchedule {
  return {
    interval: entitlement.usagePeriod!.interval,
    anchor: Date.parse(entitlement.usagePeriod!.anchor),
    measureUsageFrom: Date.parse(entitlement.measureUsageFrom!),
    preserveOverageAtReset: entitlement.preserveOverageAtReset ?? false,
    resets: resets.map((reset) => ({
      at: Date.parse(reset.at),
      retainAnchor: reset.retainAnchor,
      preserveOverage: reset.preserveOverage,
    })),
  };
}

const problem = (field: string, code: string, message: string): FieldProblem => ({ field, code, message });

function refuse(problems: readonly FieldProblem[], what: string): void {
  if (problems.length > 0) throw invalid(EntitlementErrorCode.INVALID, `The ${what} is not valid`, problems);
}

/** A JSON number as the decimal it was written as (the edge refuses numbers a double does not keep). */
const decimalOf = (value: number) => toDecimalString(new Decimal(String(value)));

function instantProblems(field: string, value: string | undefined): FieldProblem[] {
  if (value === undefined) return [];
  const read = readInstant(value);
  return read.ok ? [] : [problem(field, EntitlementProblemCode.INVALID_VALUE, read.problem)];
}

function periodProblems(field: string, period: { interval: string; anchor?: string } | undefined) {
  if (period === undefined) return [];
  return [
    ...(intervalIso(period.interval) === undefined
      ? [
          problem(
            `${field}.interval`,
            EntitlementProblemCode.INVALID_INTERVAL,
            'must be DAY, WEEK, MONTH, YEAR or an ISO-8601 duration of at least one hour, months or a fixed span',
          ),
        ]
      : []),
    ...instantProblems(`${field}.anchor`, period.anchor),
  ];
}

/** A checked recurring period, its anchor on its minute (`fallback` when none is given). */
function recurringPeriod(period: { interval: string; anchor?: string }, fallback: number): RecurringPeriod {
  const anchor = period.anchor === undefined ? fallback : msOf(period.anchor);
  return { interval: intervalIso(period.interval)!, anchor: MINUTE_ISO(anchor) };
}

/** The grant a request asks for, or the problems with it (`field` names the grant in the body). */
function grantFrom(
  request: GrantRequest,
  field: string,
  ids: { readonly id: string; readonly entitlementId: string; readonly namespace: string },
  now: string,
): { grant?: GrantData; problems: FieldProblem[] } {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const problems: FieldProblem[] = [];
  if (!(request.amount > 0))
    problems.push(problem(at('amount'), EntitlementProblemCode.INVALID_VALUE, 'must be more than 0'));
  const priority = request.priority ?? 1;
  if (!Number.isInteger(priority) || priority < 1 || priority > MAX_PRIORITY)
    problems.push(
      problem(
        at('priority'),
        EntitlementProblemCode.INVALID_VALUE,
        `must be a whole number from 1 to ${MAX_PRIORITY}`,
      ),
    );
  for (const name of ['minRolloverAmount', 'maxRolloverAmount'] as const) {
    const value = request[name];
    if (value !== undefined && !(value >= 0))
      problems.push(problem(at(name), EntitlementProblemCode.INVALID_VALUE, 'may not be negative'));
  }
  problems.push(...instantProblems(at('effectiveAt'), request.effectiveAt));
  problems.push(...periodProblems(at('recurrence'), request.recurrence));
  if (problems.length > 0) return { problems };
  const effectiveAt = floorMinute(msOf(request.effectiveAt));
  const grant: GrantData = {
    id: ids.id,
    entitlementId: ids.entitlementId,
    namespace: ids.namespace,
    amount: decimalOf(request.amount),
    priority,
    effectiveAt: new Date(effectiveAt).toISOString(),
    ...(request.expiration !== undefined && {
      expiration: { duration: request.expiration.duration, count: request.expiration.count },
      expiresAt: new Date(expiresAt(effectiveAt, request.expiration)).toISOString(),
    }),
    minRolloverAmount: decimalOf(request.minRolloverAmount ?? 0),
    maxRolloverAmount: decimalOf(request.maxRolloverAmount),
    ...(request.recurrence !== undefined && {
      recurrence: recurringPeriod(request.recurrence, effectiveAt),
    }),
    ...(request.metadata !== undefined && { metadata: { ...request.metadata } }),
    ...(request.annotations !== undefined && {
      annotations: JSON.parse(JSON.stringify(request.annotations)),
    }),
    createdAt: now,
  };
  return { grant, problems };
}

/**
 * The entitlement and its first grants (the `issueAfterReset` grant, then the request's), from a
 * create or override request, or a 400 naming every problem.
 */
function entitlementFrom(data: NewEntitlement, now: string, supersedes?: string): EntitlementEvent[] {
  const { request, feature } = data;
  const problems: FieldProblem[] = [];
  const field = (name: string) => `body.${name}`;
  const notFor = (name: string) =>
    problem(
      field(name),
      EntitlementProblemCode.NOT_ALLOWED,
      `is not allowed for a ${request.type} entitlement`,
    );
  const metered = request.type === 'metered';
  if (metered && !feature.metered)
    problems.push(
      problem(
        field(feature.field),
        EntitlementProblemCode.FEATURE_NOT_METERED,
        `feature ${feature.key} has no meter; a metered entitlement needs one`,
      ),
    );
  if (request.type === 'static') {
    if (request.config === undefined)
      problems.push(problem(field('config'), EntitlementProblemCode.REQUIRED, 'is required'));
    else if (!isJsonObject(request.config))
      problems.push(
        problem(field('config'), EntitlementProblemCode.INVALID_CONFIG, 'must be a JSON object, serialized'),
      );
  } else if (request.config !== undefined) problems.push(notFor('config'));
  if (metered && request.usagePeriod === undefined)
    problems.push(problem(field('usagePeriod'), EntitlementProblemCode.REQUIRED, 'is required'));
  problems.push(...periodProblems(field('usagePeriod'), request.usagePeriod));
  if (!metered) {
    for (const name of [
      'measureUsageFrom',
      'isSoftLimit',
      'issueAfterReset',
      'preserveOverageAtReset',
      'grants',
    ] as const) {
      if (request[name] !== undefined) problems.push(notFor(name));
    }
  }
  const issue = request.issueAfterReset;
  if (issue !== undefined) {
    if (!(issue.amount >= 0))
      problems.push(
        problem(field('issueAfterReset'), EntitlementProblemCode.INVALID_VALUE, 'may not be negative'),
      );
    const priority = issue.priority ?? 1;
    if (!Number.isInteger(priority) || priority < 1 || priority > MAX_PRIORITY)
      problems.push(
        problem(
          field('issueAfterResetPriority'),
          EntitlementProblemCode.INVALID_VALUE,
          `must be a whole number from 1 to ${MAX_PRIORITY}`,
        ),
      );
  }
  const measure = request.measureUsageFrom;
  if (measure !== undefined && !(MEASURE_USAGE_FROM_PRESETS as readonly string[]).includes(measure))
    problems.push(...instantProblems(field('measureUsageFrom'), measure));
  (request.grants ?? []).forEach((grant, index) =>
    problems.push(
      ...grantFrom(grant, field(`grants[${index}]`), { id: '', entitlementId: '', namespace: '' }, now)
        .problems,
    ),
  );
  refuse(problems, 'entitlement');

  const nowMs = Date.parse(now);
  const usagePeriod = request.usagePeriod && recurringPeriod(request.usagePeriod, nowMs);
  let measureUsageFrom: string | undefined;
  if (metered) {
    const from =
      measure === undefined || measure === 'NOW'
        ? nowMs
        : measure === 'CURRENT_PERIOD_START'
          ? containing(Date.parse(usagePeriod!.anchor), usagePeriod!.interval, nowMs).from
          : msOf(measure);
    measureUsageFrom = MINUTE_ISO(from);
  }
  const entitlement: EntitlementData = {
    id: data.id,
    namespace: data.namespace,
    customerId: data.customerId,
    featureId: feature.id,
    featureKey: feature.key,
    type: request.type,
    ...(request.metadata !== undefined && { metadata: { ...request.metadata } }),
    ...(request.config !== undefined && { config: request.config }),
    ...(usagePeriod !== undefined && { usagePeriod }),
    ...(metered && {
      measureUsageFrom,
      isSoftLimit: request.isSoftLimit ?? false,
      preserveOverageAtReset: request.preserveOverageAtReset ?? false,
      ...(issue !== undefined && {
        issueAfterReset: { amount: decimalOf(issue.amount), priority: issue.priority ?? 1 },
      }),
    }),
    activeFrom: now,
    createdAt: now,
    ...(supersedes !== undefined && { supersedes }),
  };

  const grants: GrantData[] = [];
  const ids = [...data.grantIds];
  // As OpenMeter's default grant: effective from the start of measurement, never expiring, and
  // restored to its amount at every reset (its rollover bounds are both the amount).
  if (issue !== undefined && issue.amount > 0) {
    grants.push({
      id: ids.shift()!,
      entitlementId: data.id,
      namespace: data.namespace,
      amount: decimalOf(issue.amount),
      priority: issue.priority ?? 1,
      effectiveAt: measureUsageFrom!,
      minRolloverAmount: decimalOf(issue.amount),
      maxRolloverAmount: decimalOf(issue.amount),
      annotations: { issueAfterReset: true },
      createdAt: now,
    });
  }
  // Grants may not take effect before the usage period in progress, as on an existing entitlement.
  const periodStart = metered ? periodAt(scheduleOf(entitlement, []), nowMs).from : -Infinity;
  const grantProblems: FieldProblem[] = [];
  (request.grants ?? []).forEach((grantRequest, index) => {
    const { grant } = grantFrom(
      grantRequest,
      field(`grants[${index}]`),
      { id: ids.shift()!, entitlementId: data.id, namespace: data.namespace },
      now,
    );
    if (Date.parse(grant!.effectiveAt) < periodStart)
      grantProblems.push(tooEarly(field(`grants[${index}].effectiveAt`), 'the start of the usage period'));
    grants.push(grant!);
  });
  refuse(grantProblems, 'entitlement');
  return [
    { type: ENTITLEMENT_CREATED, data: entitlement },
    ...grants.map((grant): EntitlementEvent => ({ type: ENTITLEMENT_GRANT_CREATED, data: grant })),
  ];
}

function tooEarly(field: string, what: string): FieldProblem {
  return problem(field, EntitlementProblemCode.TOO_EARLY, `may not be before ${what}`);
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function alreadyExists(customerId: string, featureKey: string, existing: string) {
  return conflict(
    EntitlementErrorCode.ALREADY_EXISTS,
    `Customer ${customerId} already has an active entitlement (${existing}) to feature ${featureKey}; override it instead`,
  );
}

function create(command: CreateEntitlement, state: EntitlementPairState): EntitlementEvent[] {
  const { data } = command;
  const existing = state.live?.entitlement.id ?? data.subscriptionEntitlementId;
  if (existing !== undefined) throw alreadyExists(data.customerId, data.feature.key, existing);
  return entitlementFrom(data, data.now);
}

function override(command: OverrideEntitlement, state: EntitlementPairState): EntitlementEvent[] {
  const { data } = command;
  const live = state.live?.entitlement;
  if (data.target.managed && live !== undefined)
    throw alreadyExists(data.customerId, data.feature.key, live.id);
  if (!data.target.managed && live?.id !== data.target.id)
    throw notFound(EntitlementErrorCode.NOT_FOUND, `Entitlement ${data.target.id} is not the active one`);
  const created = entitlementFrom(data, data.now, data.target.id);
  if (!live) return created;
  return [
    {
      type: ENTITLEMENT_DELETED,
      data: {
        id: live.id,
        namespace: live.namespace,
        customerId: live.customerId,
        featureKey: live.featureKey,
        deletedAt: data.now,
        supersededBy: data.id,
      },
    },
    ...created,
  ];
}

function remove(command: DeleteEntitlement, state: EntitlementPairState): EntitlementEvent[] {
  const { id, now } = command.data;
  if (state.deleted.has(id)) return [];
  const live = state.live?.entitlement;
  if (live?.id !== id) throw notFound(EntitlementErrorCode.NOT_FOUND, `Entitlement ${id} not found`);
  return [
    {
      type: ENTITLEMENT_DELETED,
      data: {
        id,
        namespace: live.namespace,
        customerId: live.customerId,
        featureKey: live.featureKey,
        deletedAt: now,
      },
    },
  ];
}

/** The live metered entitlement `id`, or the reason there is none. */
function liveMetered(state: EntitlementPairState, id: string): LiveEntitlement {
  const live = state.live;
  if (live?.entitlement.id !== id)
    throw notFound(EntitlementErrorCode.NOT_FOUND, `Entitlement ${id} not found`);
  if (live.entitlement.type !== 'metered')
    throw invalid(
      EntitlementErrorCode.NOT_METERED,
      `Entitlement ${id} is ${live.entitlement.type}, not metered`,
    );
  return live;
}

/**
 * OpenMeter's rules: a reset takes effect at a whole minute, not in the future, within the usage
 * period in progress and after its start (the last reset, or the automatic one at the boundary).
 */
function reset(command: ResetUsage, state: EntitlementPairState): EntitlementEvent[] {
  const { id, effectiveAt, retainAnchor, preserveOverage, now } = command.data;
  const live = liveMetered(state, id);
  refuse(instantProblems('body.effectiveAt', effectiveAt), 'reset');
  const nowMs = Date.parse(now);
  const at = floorMinute(effectiveAt === undefined ? nowMs : msOf(effectiveAt));
  const period = periodAt(scheduleOf(live.entitlement, live.resets), nowMs);
  refuse(
    at > nowMs
      ? [problem('body.effectiveAt', EntitlementProblemCode.IN_FUTURE, 'may not be in the future')]
      : at <= period.from
        ? [
            tooEarly(
              'body.effectiveAt',
              `the start of the usage period in progress (${new Date(period.from).toISOString()}) or at it`,
            ),
          ]
        : [],
    'reset',
  );
  return [
    {
      type: ENTITLEMENT_USAGE_RESET,
      data: {
        entitlementId: id,
        namespace: live.entitlement.namespace,
        resetAt: new Date(at).toISOString(),
        retainAnchor: retainAnchor ?? false,
        preserveOverage: preserveOverage ?? live.entitlement.preserveOverageAtReset ?? false,
        requestedAt: now,
      },
    },
  ];
}

function createGrant(command: CreateGrant, state: EntitlementPairState): EntitlementEvent[] {
  const { entitlementId, grantId, grant: request, now } = command.data;
  const live = liveMetered(state, entitlementId);
  const made = grantFrom(
    request,
    'body',
    { id: grantId, entitlementId, namespace: live.entitlement.namespace },
    now,
  );
  refuse(made.problems, 'grant');
  const grant = made.grant!;
  const period = periodAt(scheduleOf(live.entitlement, live.resets), Date.parse(now));
  refuse(
    Date.parse(grant.effectiveAt) < period.from
      ? [
          tooEarly(
            'body.effectiveAt',
            `the start of the usage period in progress (${new Date(period.from).toISOString()})`,
          ),
        ]
      : [],
    'grant',
  );
  return [{ type: ENTITLEMENT_GRANT_CREATED, data: grant }];
}

/** Voiding twice is a no-op, so a retried request is safe. */
function voidGrant(command: VoidGrant, state: EntitlementPairState): EntitlementEvent[] {
  const { grantId, at, now } = command.data;
  const grant = state.grants.get(grantId);
  if (!grant) throw notFound(EntitlementErrorCode.GRANT_NOT_FOUND, `Grant ${grantId} not found`);
  if (grant.voided) return [];
  refuse(instantProblems('at', at), 'void');
  const nowMs = Date.parse(now);
  const voidedAt = floorMinute(at === undefined ? nowMs : msOf(at));
  const live = state.live?.entitlement.id === grant.entitlementId ? state.live : undefined;
  const periodStart = live ? periodAt(scheduleOf(live.entitlement, live.resets), nowMs).from : -Infinity;
  refuse(
    voidedAt > nowMs
      ? [problem('at', EntitlementProblemCode.IN_FUTURE, 'may not be in the future')]
      : voidedAt < periodStart
        ? [
            tooEarly(
              'at',
              `the start of the usage period in progress (${new Date(periodStart).toISOString()})`,
            ),
          ]
        : [],
    'void',
  );
  return [
    {
      type: ENTITLEMENT_GRANT_VOIDED,
      data: {
        id: grantId,
        entitlementId: grant.entitlementId,
        namespace: grant.namespace,
        voidedAt: new Date(voidedAt).toISOString(),
        requestedAt: now,
      },
    },
  ];
}

const initialState = (): EntitlementPairState => ({ deleted: new Set(), grants: new Map() });

export const entitlementDecider: Decider<EntitlementCommand, EntitlementEvent, EntitlementPairState> = {
  initialState,
  evolve: evolveByType<EntitlementEvent, EntitlementPairState>({
    [ENTITLEMENT_CREATED]: (state, event) => ({ ...state, live: { entitlement: event.data, resets: [] } }),
    [ENTITLEMENT_DELETED]: (state, event) => ({
      ...state,
      live: state.live?.entitlement.id === event.data.id ? undefined : state.live,
      deleted: new Set([...state.deleted, event.data.id]),
    }),
    [ENTITLEMENT_USAGE_RESET]: (state, event) => {
      if (state.live?.entitlement.id !== event.data.entitlementId) return state;
      const { resetAt, retainAnchor, preserveOverage } = event.data;
      return {
        ...state,
        live: {
          ...state.live,
          resets: [...state.live.resets, { at: resetAt, retainAnchor, preserveOverage }],
        },
      };
    },
    [ENTITLEMENT_GRANT_CREATED]: (state, event) => ({
      ...state,
      grants: new Map(state.grants).set(event.data.id, {
        entitlementId: event.data.entitlementId,
        namespace: event.data.namespace,
        voided: false,
      }),
    }),
    [ENTITLEMENT_GRANT_VOIDED]: (state, event) => {
      const grant = state.grants.get(event.data.id);
      if (!grant) return state;
      return { ...state, grants: new Map(state.grants).set(event.data.id, { ...grant, voided: true }) };
    },
  }),
  decide: (command, state) => {
    switch (command.type) {
      case 'CreateEntitlement':
        return create(command, state);
      case 'OverrideEntitlement':
        return override(command, state);
      case 'DeleteEntitlement':
        return remove(command, state);
      case 'ResetUsage':
        return reset(command, state);
      case 'CreateGrant':
        return createGrant(command, state);
      case 'VoidGrant':
        return voidGrant(command, state);
      default:
        return unreachable(command);
    }
  },
};
