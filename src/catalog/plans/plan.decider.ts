import { Decider, Message, evolveByType, unreachable } from '../../shared/decider';
import { conflict, invalid, notFound } from '../../shared/errors';
import { CatalogErrorCode } from '../catalog-errors';
import { Metadata, jsonCopy, normalizeTimestamp, optional, sameJson } from '../catalog-rules';
import {
  ResolvedFeatures,
  effectiveFromProblems,
  planProblems,
  planReferenceProblems,
} from './plan-validation';
import { RateCard } from './rate-card';

export type { ResolvedFeature, ResolvedFeatures } from './plan-validation';

/**
 * Plan: one stream per plan VERSION (each version has its own id, as in OpenMeter). A version is
 * created as a draft, edited freely, published (immutable from then on) and finally archived. A
 * draft or an archived version can be deleted; an active one must be archived first.
 *
 * Not decided here, because a decider sees one stream — the handlers own these:
 * - (key, version) is unique per namespace: the create handler claims it in a key-claim stream and
 *   computes `version` as the latest version of the key + 1 (1 for a new key);
 * - at most one draft per key, and `next` starts from the latest published version;
 * - publishing a version archives the key's previously active version (`ArchivePlan` on its stream);
 * - every `featureKey` a plan uses is resolved to a live feature before `PublishPlan`.
 */

export const PRO_RATING_MODES = ['prorate_prices'] as const;
export type ProRatingMode = (typeof PRO_RATING_MODES)[number];

export interface ProRatingConfig {
  readonly enabled: boolean;
  readonly mode: ProRatingMode;
}

/** OpenMeter's default, written out on every plan so read models need no defaults of their own. */
export const DEFAULT_PRO_RATING_CONFIG: ProRatingConfig = { enabled: true, mode: 'prorate_prices' };

/**
 * OpenMeter's `Alignment`. `billablesMustAlign: true` holds every rate card with a price and a
 * recurring cadence to the plan's own billing cadence, exactly; without it a rate card's cadence
 * need only divide the plan's evenly (see `plan-validation.ts`).
 */
export interface Alignment {
  readonly billablesMustAlign?: boolean;
}

/** OpenMeter's `BillingSettlementMode`: kept and shown back, not acted on (Tally invoices every period). */
export const SETTLEMENT_MODES = ['credit_then_invoice', 'credit_only'] as const;
export type SettlementMode = (typeof SETTLEMENT_MODES)[number];

export interface PlanPhase {
  /** Unique within the plan. */
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly metadata?: Metadata;
  /** ISO-8601 duration; `null` on the last phase — and only there — which lasts until the subscription ends. */
  readonly duration: string | null;
  readonly rateCards: readonly RateCard[];
}

/** What a draft may change (OpenMeter's `PlanReplaceUpdate`). */
export interface PlanContent {
  readonly name: string;
  readonly description?: string;
  /** ISO-8601 duration, e.g. `P1M`: how often subscriptions on this plan are invoiced. */
  readonly billingCadence: string;
  readonly proRatingConfig: ProRatingConfig;
  readonly phases: readonly PlanPhase[];
  /** `{}` when none. */
  readonly metadata: Metadata;
  /** As given; absent in plans written before Tally read it. */
  readonly alignment?: Alignment;
  readonly settlementMode?: SettlementMode;
}

/** One version of a plan, whole, as every Created/Updated/Published event carries it. */
export interface Plan extends PlanContent {
  readonly id: string;
  readonly namespace: string;
  readonly key: string;
  /** 1, 2, …: fixed at creation. */
  readonly version: number;
  /** ISO 4217, fixed at creation. */
  readonly currency: string;
}

// Commands. `now` is the handler's clock reading (ISO 8601); ids and versions come with the command.

export type CreatePlan = Message<
  'CreatePlan',
  {
    id: string;
    namespace: string;
    key: string;
    version: number;
    name: string;
    description?: string;
    currency: string;
    billingCadence: string;
    /** Defaults to `DEFAULT_PRO_RATING_CONFIG`. */
    proRatingConfig?: ProRatingConfig;
    phases: readonly PlanPhase[];
    metadata?: Metadata;
    alignment?: Alignment;
    settlementMode?: SettlementMode;
    now: string;
  }
>;

/** Replaces every editable field of a draft; key, version and currency never change. */
export type UpdatePlan = Message<
  'UpdatePlan',
  {
    id: string;
    namespace: string;
    name: string;
    description?: string;
    billingCadence: string;
    proRatingConfig?: ProRatingConfig;
    phases: readonly PlanPhase[];
    metadata?: Metadata;
    alignment?: Alignment;
    settlementMode?: SettlementMode;
    now: string;
  }
>;

export type PublishPlan = Message<
  'PublishPlan',
  {
    id: string;
    namespace: string;
    /** RFC 3339, not before `now`; defaults to `now`. */
    effectiveFrom?: string;
    /** Resolved by the handler for every `featureKey` the plan uses (see `featureKeysOf`). */
    features: ResolvedFeatures;
    now: string;
  }
>;

export type ArchivePlan = Message<'ArchivePlan', { id: string; namespace: string; now: string }>;

export type DeletePlan = Message<'DeletePlan', { id: string; namespace: string; now: string }>;

export type PlanCommand = CreatePlan | UpdatePlan | PublishPlan | ArchivePlan | DeletePlan;

// Events: stored contracts, never renamed.

export interface PlanCreatedData extends Plan {
  readonly at: string;
}
export interface PlanUpdatedData extends Plan {
  readonly at: string;
}
/** Carries the whole published version, so billing can price from this event alone. */
export interface PlanPublishedData extends Plan {
  /** UTC. Until then the version is scheduled rather than active (the read model tells them apart). */
  readonly effectiveFrom: string;
  readonly at: string;
}
export interface PlanArchivedData {
  readonly id: string;
  readonly namespace: string;
  readonly key: string;
  readonly version: number;
  /** No new subscriptions from this instant; never before `effectiveFrom`. */
  readonly effectiveTo: string;
  readonly at: string;
}

/** Its version number stays taken: a later version of the key gets the next number. */
export interface PlanDeletedData {
  readonly id: string;
  readonly namespace: string;
  readonly key: string;
  readonly version: number;
  readonly at: string;
}

export type PlanCreated = Message<'PlanCreated', PlanCreatedData>;
export type PlanUpdated = Message<'PlanUpdated', PlanUpdatedData>;
export type PlanPublished = Message<'PlanPublished', PlanPublishedData>;
export type PlanArchived = Message<'PlanArchived', PlanArchivedData>;
export type PlanDeleted = Message<'PlanDeleted', PlanDeletedData>;
export type PlanEvent = PlanCreated | PlanUpdated | PlanPublished | PlanArchived | PlanDeleted;

// State.

export type DraftPlanState = {
  readonly status: 'draft';
  readonly plan: Plan;
  readonly createdAt: string;
  readonly updatedAt: string;
};
export type ActivePlanState = {
  readonly status: 'active';
  readonly plan: Plan;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly effectiveFrom: string;
  readonly publishedAt: string;
};
export type ArchivedPlanState = {
  readonly status: 'archived';
  readonly plan: Plan;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly effectiveFrom: string;
  readonly publishedAt: string;
  readonly effectiveTo: string;
  readonly archivedAt: string;
};
/** A deleted draft or archived version: gone for every command, kept for the record. */
export type DeletedPlanState = {
  readonly status: 'deleted';
  readonly plan: Plan;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string;
};
export type PlanState =
  { readonly status: 'empty' } | DraftPlanState | ActivePlanState | ArchivedPlanState | DeletedPlanState;
/** A version that has been published: the source of a `next` draft. */
export type PublishedPlanState = ActivePlanState | ArchivedPlanState;

export const initialPlanState = (): PlanState => ({ status: 'empty' });

export const evolvePlan = evolveByType<PlanEvent, PlanState>({
  PlanCreated: (_state, event) => {
    const { at, ...plan } = event.data;
    return { status: 'draft', plan, createdAt: at, updatedAt: at };
  },
  PlanUpdated: (state, event) => {
    if (state.status !== 'draft') return state;
    const { at, ...plan } = event.data;
    return { ...state, plan, updatedAt: at };
  },
  PlanPublished: (state, event) => {
    if (state.status !== 'draft') return state;
    const { at, effectiveFrom, ...plan } = event.data;
    return {
      status: 'active',
      plan,
      createdAt: state.createdAt,
      updatedAt: at,
      effectiveFrom,
      publishedAt: at,
    };
  },
  PlanArchived: (state, event) => {
    if (state.status !== 'active') return state;
    return {
      ...state,
      status: 'archived',
      updatedAt: event.data.at,
      effectiveTo: event.data.effectiveTo,
      archivedAt: event.data.at,
    };
  },
  PlanDeleted: (state, event) => {
    if (state.status !== 'draft' && state.status !== 'archived') return state;
    return {
      status: 'deleted',
      plan: state.plan,
      createdAt: state.createdAt,
      updatedAt: event.data.at,
      deletedAt: event.data.at,
    };
  },
});

export function decidePlan(command: PlanCommand, state: PlanState): readonly PlanEvent[] {
  switch (command.type) {
    case 'CreatePlan':
      return createPlan(command, state);
    case 'UpdatePlan':
      return updatePlan(command, state);
    case 'PublishPlan':
      return publishPlan(command, state);
    case 'ArchivePlan':
      return archivePlan(command, state);
    case 'DeletePlan':
      return deletePlan(command, state);
    default:
      return unreachable(command);
  }
}

export const planDecider: Decider<PlanCommand, PlanEvent, PlanState> = {
  initialState: initialPlanState,
  evolve: evolvePlan,
  decide: decidePlan,
};

/**
 * The `CreatePlan` data for the `next` draft of a published version: version + 1, same content.
 * The handler checks that `published` is the latest version of its key and that no draft exists.
 */
export function nextVersionFrom(
  published: PublishedPlanState,
  newId: string,
  now: string,
): CreatePlan['data'] {
  const { plan } = published;
  return {
    id: newId,
    namespace: plan.namespace,
    key: plan.key,
    version: plan.version + 1,
    name: plan.name,
    ...optional('description', plan.description),
    currency: plan.currency,
    billingCadence: plan.billingCadence,
    proRatingConfig: plan.proRatingConfig,
    phases: jsonCopy(plan.phases),
    metadata: plan.metadata,
    ...optional('alignment', plan.alignment),
    ...optional('settlementMode', plan.settlementMode),
    now,
  };
}

/** Every feature key the plan's rate cards use, once each: what the publish handler must resolve. */
export function featureKeysOf(plan: PlanContent): string[] {
  const keys = plan.phases.flatMap((phase) =>
    phase.rateCards.flatMap((rateCard) => (rateCard.featureKey === undefined ? [] : [rateCard.featureKey])),
  );
  return [...new Set(keys)];
}

function createPlan({ data }: CreatePlan, state: PlanState): readonly PlanEvent[] {
  if (state.status !== 'empty')
    throw conflict(CatalogErrorCode.PLAN_ALREADY_EXISTS, `Plan ${data.id} already exists`);
  const plan: Plan = {
    id: data.id,
    namespace: data.namespace,
    key: data.key,
    version: data.version,
    currency: data.currency,
    ...content(data),
  };
  assertValid(plan);
  return [{ type: 'PlanCreated', data: { ...plan, at: data.now } }];
}

function updatePlan({ data }: UpdatePlan, state: PlanState): readonly PlanEvent[] {
  const current = draft(state, data.id, data.namespace);
  const plan: Plan = {
    id: current.id,
    namespace: current.namespace,
    key: current.key,
    version: current.version,
    currency: current.currency,
    ...content(data),
  };
  assertValid(plan);
  if (sameJson(plan, current)) return [];
  return [{ type: 'PlanUpdated', data: { ...plan, at: data.now } }];
}

function publishPlan({ data }: PublishPlan, state: PlanState): readonly PlanEvent[] {
  const plan = draft(state, data.id, data.namespace);
  const problems = [
    ...planProblems(plan, 'publish'),
    ...planReferenceProblems(plan, data.features),
    ...effectiveFromProblems(data.effectiveFrom, data.now),
  ];
  if (problems.length > 0)
    throw invalid(CatalogErrorCode.PLAN_INVALID, planInvalidMessage(plan, problems.length), problems);
  const effectiveFrom = data.effectiveFrom === undefined ? data.now : normalizeTimestamp(data.effectiveFrom);
  return [{ type: 'PlanPublished', data: { ...plan, effectiveFrom, at: data.now } }];
}

function archivePlan({ data }: ArchivePlan, state: PlanState): readonly PlanEvent[] {
  const found = existing(state, data.id, data.namespace);
  if (found.status === 'archived') return [];
  if (found.status === 'draft') {
    throw conflict(
      CatalogErrorCode.PLAN_NOT_PUBLISHED,
      `Plan ${found.plan.key} v${found.plan.version} is a draft; only a published version can be archived`,
    );
  }
  const { plan, effectiveFrom } = found;
  // A scheduled version archived before it starts gets an empty effective range, never an inverted one.
  const effectiveTo = Date.parse(data.now) < Date.parse(effectiveFrom) ? effectiveFrom : data.now;
  return [
    {
      type: 'PlanArchived',
      data: {
        id: plan.id,
        namespace: plan.namespace,
        key: plan.key,
        version: plan.version,
        effectiveTo,
        at: data.now,
      },
    },
  ];
}

/** Deleting a deleted version is a no-op, so a retried DELETE answers the same. */
function deletePlan({ data }: DeletePlan, state: PlanState): readonly PlanEvent[] {
  if (state.status === 'deleted' && state.plan.id === data.id && state.plan.namespace === data.namespace)
    return [];
  const found = existing(state, data.id, data.namespace);
  if (found.status === 'active') {
    throw conflict(
      CatalogErrorCode.PLAN_ACTIVE,
      `Plan ${found.plan.key} v${found.plan.version} is published; archive it before deleting it`,
    );
  }
  const { plan } = found;
  return [
    {
      type: 'PlanDeleted',
      data: { id: plan.id, namespace: plan.namespace, key: plan.key, version: plan.version, at: data.now },
    },
  ];
}

/** The editable fields of a command, as plain JSON with defaults written out. */
function content(data: CreatePlan['data'] | UpdatePlan['data']): PlanContent {
  return {
    name: data.name,
    ...optional('description', data.description),
    billingCadence: data.billingCadence,
    proRatingConfig: jsonCopy(data.proRatingConfig) ?? DEFAULT_PRO_RATING_CONFIG,
    phases: jsonCopy(data.phases),
    metadata: jsonCopy(data.metadata) ?? {},
    ...optional('alignment', jsonCopy(data.alignment)),
    ...optional('settlementMode', data.settlementMode),
  };
}

function assertValid(plan: Plan): void {
  const problems = planProblems(plan, 'draft');
  if (problems.length > 0)
    throw invalid(CatalogErrorCode.PLAN_INVALID, planInvalidMessage(plan, problems.length), problems);
}

function planInvalidMessage(plan: Plan, count: number): string {
  return `Plan ${plan.key} v${plan.version} is not valid: ${count} problem${count === 1 ? '' : 's'}`;
}

/** The plan this caller may see, or 404 — also for a deleted one, or another namespace's plan. */
function existing(
  state: PlanState,
  id: string,
  namespace: string,
): DraftPlanState | ActivePlanState | ArchivedPlanState {
  if (
    state.status === 'empty' ||
    state.status === 'deleted' ||
    state.plan.id !== id ||
    state.plan.namespace !== namespace
  ) {
    throw notFound(CatalogErrorCode.PLAN_NOT_FOUND, `Plan ${id} not found`);
  }
  return state;
}

function draft(state: PlanState, id: string, namespace: string): Plan {
  const found = existing(state, id, namespace);
  if (found.status !== 'draft') {
    throw conflict(
      CatalogErrorCode.PLAN_NOT_DRAFT,
      `Plan ${found.plan.key} v${found.plan.version} is ${found.status}; a published version cannot change`,
    );
  }
  return found.plan;
}
