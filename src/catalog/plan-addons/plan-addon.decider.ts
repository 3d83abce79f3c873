import { Decider, Message, evolveByType, unreachable } from '../../shared/decider';
import { FieldProblem, conflict, invalid, notFound } from '../../shared/errors';
import { CatalogErrorCode, CatalogProblemCode as Code } from '../catalog-errors';
import { Metadata, jsonCopy, metadataProblems, problem, sameJson } from '../catalog-rules';
import type { AddonInstanceType } from '../addons/addon.decider';
import { dividesEvenly, parseCalendarDuration } from '../plans/billing-cadence';
import type {
  PlanArchived,
  PlanCreated,
  PlanDeleted,
  PlanPublished,
  PlanUpdated,
} from '../plans/plan.decider';
import type { RateCard } from '../plans/rate-card';

/**
 * Plan add-ons (OpenMeter's `PlanAddon`): which published add-ons a plan version offers, from which
 * of its phases, and how many of a `multiple` one a subscription may take. They are events on the
 * PLAN's stream, so a plan's publishing and its add-on assignments are ordered by one stream version:
 * as in OpenMeter, only a draft plan's assignments change, and a published plan offers exactly what
 * it was published with. This decider folds the plan's own events for what it needs of the plan
 * (status, phases, cadence, currency); the plan decider leaves these events be.
 */

/** What the handler found of the add-on named by `addonId`: `undefined` when no such version exists. */
export interface AddonToAttach {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly currency: string;
  readonly instanceType: AddonInstanceType;
  readonly status: 'draft' | 'active' | 'archived';
  readonly rateCards: readonly RateCard[];
}

export interface PlanAddonTerms {
  readonly fromPlanPhase: string;
  /** Only for a `multiple` add-on; absent: no limit. */
  readonly maxQuantity?: number;
  readonly metadata?: Metadata;
}

export type AttachPlanAddon = Message<
  'AttachPlanAddon',
  PlanAddonTerms & { planId: string; namespace: string; addonId: string; addon?: AddonToAttach; now: string }
>;
export type UpdatePlanAddon = Message<
  'UpdatePlanAddon',
  PlanAddonTerms & { planId: string; namespace: string; addonId: string; now: string }
>;
export type DetachPlanAddon = Message<
  'DetachPlanAddon',
  { planId: string; namespace: string; addonId: string; now: string }
>;
export type PlanAddonCommand = AttachPlanAddon | UpdatePlanAddon | DetachPlanAddon;

/** One assignment, whole, as each Attached/Updated event carries it. */
export interface PlanAddonData {
  readonly planId: string;
  readonly namespace: string;
  readonly addonId: string;
  readonly addonKey: string;
  readonly addonVersion: number;
  readonly instanceType: AddonInstanceType;
  readonly fromPlanPhase: string;
  readonly maxQuantity?: number;
  /** `{}` when none. */
  readonly metadata: Metadata;
  readonly at: string;
}
export type PlanAddonAttached = Message<'PlanAddonAttached', PlanAddonData>;
export type PlanAddonUpdated = Message<'PlanAddonUpdated', PlanAddonData>;
export type PlanAddonDetached = Message<
  'PlanAddonDetached',
  { planId: string; namespace: string; addonId: string; at: string }
>;
export type PlanAddonEvent = PlanAddonAttached | PlanAddonUpdated | PlanAddonDetached;

export const PLAN_ADDON_EVENT_TYPES = [
  'PlanAddonAttached',
  'PlanAddonUpdated',
  'PlanAddonDetached',
] as const satisfies readonly PlanAddonEvent['type'][];

type PlanEventSeen = PlanCreated | PlanUpdated | PlanPublished | PlanArchived | PlanDeleted;

export type PlanAddonsState =
  | { readonly status: 'empty' }
  | {
      readonly status: 'draft' | 'active' | 'archived' | 'deleted';
      readonly namespace: string;
      readonly planKey: string;
      readonly currency: string;
      readonly billingCadence: string;
      readonly phaseKeys: readonly string[];
      readonly addons: Readonly<Record<string, PlanAddonData>>;
    };

const withPlan = (
  state: PlanAddonsState,
  event: PlanCreated | PlanUpdated | PlanPublished,
  status: 'draft' | 'active',
): PlanAddonsState => ({
  status,
  namespace: event.data.namespace,
  planKey: event.data.key,
  currency: event.data.currency,
  billingCadence: event.data.billingCadence,
  phaseKeys: event.data.phases.map((phase) => phase.key),
  addons: state.status === 'empty' ? {} : state.addons,
});

export const evolvePlanAddons = evolveByType<PlanAddonEvent | PlanEventSeen, PlanAddonsState>({
  PlanCreated: (state, event) => (state.status === 'empty' ? withPlan(state, event, 'draft') : state),
  PlanUpdated: (state, event) => (state.status === 'draft' ? withPlan(state, event, 'draft') : state),
  PlanPublished: (state, event) => (state.status === 'draft' ? withPlan(state, event, 'active') : state),
  PlanArchived: (state) => (state.status === 'active' ? { ...state, status: 'archived' } : state),
  PlanDeleted: (state) => (state.status === 'empty' ? state : { ...state, status: 'deleted' }),
  PlanAddonAttached: (state, event) => withAddon(state, event.data),
  PlanAddonUpdated: (state, event) => withAddon(state, event.data),
  PlanAddonDetached: (state, event) => {
    if (state.status === 'empty') return state;
    const { [event.data.addonId]: _gone, ...addons } = state.addons;
    return { ...state, addons };
  },
});

function withAddon(state: PlanAddonsState, data: PlanAddonData): PlanAddonsState {
  return state.status === 'empty' ? state : { ...state, addons: { ...state.addons, [data.addonId]: data } };
}

export function decidePlanAddons(
  command: PlanAddonCommand,
  state: PlanAddonsState,
): readonly PlanAddonEvent[] {
  switch (command.type) {
    case 'AttachPlanAddon':
      return attach(command, state);
    case 'UpdatePlanAddon':
      return update(command, state);
    case 'DetachPlanAddon':
      return detach(command, state);
    default:
      return unreachable(command);
  }
}

export const planAddonsDecider: Decider<PlanAddonCommand, PlanAddonEvent | PlanEventSeen, PlanAddonsState> = {
  initialState: () => ({ status: 'empty' }),
  evolve: evolvePlanAddons,
  decide: decidePlanAddons,
};

function attach({ data }: AttachPlanAddon, state: PlanAddonsState): readonly PlanAddonEvent[] {
  const plan = draftPlan(state, data.planId, data.namespace);
  const { addon } = data;
  if (addon !== undefined && plan.addons[addon.id] !== undefined) {
    throw conflict(
      CatalogErrorCode.PLAN_ADDON_EXISTS,
      `Add-on ${addon.key} v${addon.version} is already assigned to plan ${plan.planKey}`,
    );
  }
  const problems =
    addon === undefined
      ? [problem('addonId', Code.ADDON_NOT_FOUND, `no add-on ${data.addonId} exists`)]
      : addonProblems(addon, plan);
  if (addon !== undefined) problems.push(...termsProblems(data, addon.instanceType, plan));
  if (addon === undefined || problems.length > 0) throw invalidTerms(problems);
  return [{ type: 'PlanAddonAttached', data: assignment(data, addon, data.now) }];
}

function update({ data }: UpdatePlanAddon, state: PlanAddonsState): readonly PlanAddonEvent[] {
  const plan = draftPlan(state, data.planId, data.namespace);
  const current = assigned(plan, data.addonId);
  const problems = termsProblems(data, current.instanceType, plan);
  if (problems.length > 0) throw invalidTerms(problems);
  const next: PlanAddonData = {
    ...assignment(
      data,
      {
        id: current.addonId,
        key: current.addonKey,
        version: current.addonVersion,
        instanceType: current.instanceType,
      },
      data.now,
    ),
  };
  const { at: _before, ...was } = current;
  const { at: _now, ...now } = next;
  if (sameJson(was, now)) return [];
  return [{ type: 'PlanAddonUpdated', data: next }];
}

function detach({ data }: DetachPlanAddon, state: PlanAddonsState): readonly PlanAddonEvent[] {
  const plan = draftPlan(state, data.planId, data.namespace);
  assigned(plan, data.addonId);
  return [
    {
      type: 'PlanAddonDetached',
      data: { planId: data.planId, namespace: data.namespace, addonId: data.addonId, at: data.now },
    },
  ];
}

/**
 * Assignments offered from a phase the plan no longer has (a later edit of the draft removed it):
 * shown on the assignment as `validationErrors`, and refusing the plan's publishing, as in OpenMeter.
 */
export function strandedAddonProblems(state: PlanAddonsState): FieldProblem[] {
  if (state.status === 'empty') return [];
  return Object.values(state.addons)
    .filter((offered) => !state.phaseKeys.includes(offered.fromPlanPhase))
    .map((offered) => strandedProblem(`addons.${offered.addonKey}.fromPlanPhase`, offered.fromPlanPhase));
}

export function strandedProblem(field: string, fromPlanPhase: string): FieldProblem {
  return problem(field, Code.UNKNOWN_PHASE, `the plan no longer has phase ${fromPlanPhase}`);
}

type KnownPlan = Exclude<PlanAddonsState, { status: 'empty' }>;

function draftPlan(state: PlanAddonsState, planId: string, namespace: string): KnownPlan {
  if (state.status === 'empty' || state.status === 'deleted' || state.namespace !== namespace)
    throw notFound(CatalogErrorCode.PLAN_NOT_FOUND, `Plan ${planId} not found`);
  if (state.status !== 'draft') {
    throw conflict(
      CatalogErrorCode.PLAN_NOT_DRAFT,
      `Plan ${state.planKey} is ${state.status}; only a draft plan's add-ons can change`,
    );
  }
  return state;
}

function assigned(plan: KnownPlan, addonId: string): PlanAddonData {
  const found = Object.hasOwn(plan.addons, addonId) ? plan.addons[addonId] : undefined;
  if (found === undefined)
    throw notFound(
      CatalogErrorCode.PLAN_ADDON_NOT_FOUND,
      `Add-on ${addonId} is not assigned to plan ${plan.planKey}`,
    );
  return found;
}

/** What the add-on itself must be to be offered by this plan. */
function addonProblems(addon: AddonToAttach, plan: KnownPlan): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (addon.status !== 'active')
    problems.push(
      problem(
        'addonId',
        Code.ADDON_NOT_PUBLISHED,
        `add-on ${addon.key} v${addon.version} is ${addon.status}; only a published one can be offered`,
      ),
    );
  if (addon.currency !== plan.currency)
    problems.push(
      problem(
        'addonId',
        Code.INVALID_CURRENCY,
        `add-on ${addon.key} is in ${addon.currency}, the plan in ${plan.currency}`,
      ),
    );
  // Its rate cards are billed with the plan's: their cadences must fit the plan's as the plan's own do.
  const planCadence = parseCalendarDuration(plan.billingCadence);
  addon.rateCards.forEach((rateCard, j) => {
    const cadence = parseCalendarDuration(rateCard.billingCadence);
    if (planCadence && cadence && !dividesEvenly(cadence, planCadence))
      problems.push(
        problem(
          `addon.rateCards[${j}].billingCadence`,
          Code.CADENCE_MISMATCH,
          "must equal the plan's billing cadence or divide it evenly",
        ),
      );
  });
  return problems;
}

function termsProblems(
  terms: PlanAddonTerms,
  instanceType: AddonInstanceType,
  plan: KnownPlan,
): FieldProblem[] {
  const problems = metadataProblems('metadata', terms.metadata);
  if (!plan.phaseKeys.includes(terms.fromPlanPhase))
    problems.push(
      problem(
        'fromPlanPhase',
        Code.UNKNOWN_PHASE,
        `the plan has no phase ${terms.fromPlanPhase} (it has ${plan.phaseKeys.join(', ')})`,
      ),
    );
  if (instanceType === 'single' && terms.maxQuantity !== undefined)
    problems.push(problem('maxQuantity', Code.NOT_ALLOWED, 'is not applicable to a single-instance add-on'));
  if (terms.maxQuantity !== undefined && !(Number.isSafeInteger(terms.maxQuantity) && terms.maxQuantity >= 1))
    problems.push(problem('maxQuantity', Code.INVALID_QUANTITY, 'must be an integer of at least 1'));
  return problems;
}

function invalidTerms(problems: readonly FieldProblem[]) {
  return invalid(
    CatalogErrorCode.PLAN_ADDON_INVALID,
    `The plan add-on is not valid: ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
    problems,
  );
}

function assignment(
  data: PlanAddonTerms & { planId: string; namespace: string },
  addon: Pick<AddonToAttach, 'id' | 'key' | 'version' | 'instanceType'>,
  at: string,
): PlanAddonData {
  return {
    planId: data.planId,
    namespace: data.namespace,
    addonId: addon.id,
    addonKey: addon.key,
    addonVersion: addon.version,
    instanceType: addon.instanceType,
    fromPlanPhase: data.fromPlanPhase,
    ...(data.maxQuantity !== undefined && { maxQuantity: data.maxQuantity }),
    metadata: jsonCopy(data.metadata) ?? {},
    at,
  };
}
