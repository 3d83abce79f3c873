import { DateTime, Duration } from 'luxon';
import { Alignment, SettlementMode, unalignedRateCardProblems } from '../../catalog/model';
import { Decider, Message, evolveByType, unreachable } from '../../shared/decider';
import { conflict, invalid, notFound } from '../../shared/errors';
import {
  BillingPeriod,
  billingPeriodContaining,
  formatInstant,
  isInstant,
  isValidCadence,
  parseInstant,
} from './billing-period';
import {
  AppliedEdit,
  EditOperation,
  TimelinePhase,
  applyOperations,
  planTimeline,
  replayEdits,
} from './subscription-timeline';
import { AddonOffer, SubscriptionAddon, addonQuantityAt, hasUsagePrice } from './subscription-addons';

/**
 * The Subscription aggregate: a customer on one published plan version, after OpenMeter's
 * `PlanSubscriptionCreate` and `Subscription`. It starts at `activeFrom`, bills in periods of
 * `billingAnchor + n × billingCadence` (see `billing-period.ts`) and, once canceled, ends at
 * `activeTo`. Its status is a function of time, not a stored field: see `subscriptionStatusAt`.
 */

export const SubscriptionErrors = {
  /** 409: a create on a stream that already holds a subscription (an id reused by mistake). */
  alreadyExists: 'SUBSCRIPTIONS.ALREADY_EXISTS',
  /** 404: no such subscription in this namespace. */
  notFound: 'SUBSCRIPTIONS.NOT_FOUND',
  /** 409: the customer already has a subscription that has not ended. */
  alreadyActive: 'SUBSCRIPTIONS.ALREADY_ACTIVE',
  /** 409: the plan version is a draft, archived or scheduled, not published (`active`). */
  planNotPublished: 'SUBSCRIPTIONS.PLAN_NOT_PUBLISHED',
  /** 400: `timing` is neither an allowed keyword nor an RFC 3339 date-time. */
  invalidTiming: 'SUBSCRIPTIONS.INVALID_TIMING',
  /** 400: an explicit start before the bound: `backdateLimit` before now, else `MAX_START_IN_PAST_MS`. */
  timingInPast: 'SUBSCRIPTIONS.TIMING_IN_PAST',
  invalidBillingAnchor: 'SUBSCRIPTIONS.INVALID_BILLING_ANCHOR',
  invalidName: 'SUBSCRIPTIONS.INVALID_NAME',
  /** 400: the plan's cadence is not one `isValidCadence` accepts (also thrown by `billing-period.ts`). */
  invalidBillingCadence: 'SUBSCRIPTIONS.INVALID_BILLING_CADENCE',
  /** 400: `startingPhase` names no phase of the plan. */
  invalidStartingPhase: 'SUBSCRIPTIONS.INVALID_STARTING_PHASE',
  /** 400: `alignment.billablesMustAlign`, and a priced rate card of the plan bills at another cadence. */
  unaligned: 'SUBSCRIPTIONS.UNALIGNED',
  /** 409: a change or migration of a subscription that already has an end (canceled, or changed before). */
  hasEnded: 'SUBSCRIPTIONS.HAS_AN_END',
  /** 409: a migration of a subscription to a custom plan, which has no other versions. */
  notMigratable: 'SUBSCRIPTIONS.NOT_MIGRATABLE',
  /** 409: a delete of a subscription that has started (cancel it instead). */
  alreadyStarted: 'SUBSCRIPTIONS.ALREADY_STARTED',
  /** 409: a restore of a subscription with no end to take back, or whose end has passed. */
  notRestorable: 'SUBSCRIPTIONS.NOT_RESTORABLE',
  /** 400: an edit's operation cannot apply (each named by its index in `customizations`). */
  invalidEdit: 'SUBSCRIPTIONS.INVALID_EDIT',
  /** 409: an edit of a subscription that has ended, was changed into another, or would take effect after its end. */
  notEditable: 'SUBSCRIPTIONS.NOT_EDITABLE',
  /** 404: no such add-on on this subscription. */
  addonNotFound: 'SUBSCRIPTIONS.ADDON_NOT_FOUND',
  /** 400: `body.addon.id` names no add-on of the catalog. */
  unknownAddon: 'SUBSCRIPTIONS.UNKNOWN_ADDON',
  /** 409: the add-on version is a draft or archived, not published (`active`). */
  addonNotPublished: 'SUBSCRIPTIONS.ADDON_NOT_PUBLISHED',
  /** 400: the subscription's plan does not offer the add-on, or not yet (its `fromPlanPhase`), or in another currency. */
  addonNotOffered: 'SUBSCRIPTIONS.ADDON_NOT_OFFERED',
  /** 400: a quantity the add-on cannot take (0 on create, over 1 for `single`, over `maxQuantity`). */
  invalidAddonQuantity: 'SUBSCRIPTIONS.INVALID_ADDON_QUANTITY',
  /** 409: the subscription already has the add-on (update its quantity instead). */
  addonAlreadyAdded: 'SUBSCRIPTIONS.ADDON_ALREADY_ADDED',
} as const;

/** OpenMeter's `SubscriptionCostBasisMode`: kept and shown back; Tally pins no cost bases. */
export const COST_BASIS_MODES = ['dynamic', 'pinned'] as const;
export type CostBasisMode = (typeof COST_BASIS_MODES)[number];

/** How far before `now` an explicit change or cancel may lie: absorbs clock skew and request latency. */
export const MAX_START_IN_PAST_MS = 2 * 60 * 1000;

/** OpenMeter's `PlanStatus`; only `active` (published) plans can be subscribed to. */
export type PlanStatus = 'draft' | 'active' | 'archived' | 'scheduled';

/** OpenMeter's `SubscriptionStatus`. */
export type SubscriptionStatus = 'active' | 'inactive' | 'canceled' | 'scheduled';

export interface PlanPhaseSnapshot {
  readonly key: string;
  /** ISO-8601 duration of the phase, `null` for the last, open-ended one. */
  readonly duration: string | null;
  /** The plan's rate cards, JSON as the catalog stores them; this context does not look inside. */
  readonly rateCards: readonly unknown[];
}

/**
 * The plan version as published, copied into the subscription so billing never looks the plan up
 * (and is unaffected if it is later archived). Whatever else the catalog's object holds is carried
 * along verbatim in `SubscriptionCreated`, so it must be JSON-safe.
 */
export interface PlanSnapshot {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly name: string;
  readonly currency: string;
  readonly billingCadence: string;
  readonly phases: readonly PlanPhaseSnapshot[];
  /**
   * A plan given inline with the subscription (OpenMeter's `customPlan`), not from the catalog: its
   * `id` is its own, its `key` empty and `version` 0, and the subscription shows no plan reference.
   */
  readonly custom?: true;
}

/** The subscription as created; it never changes afterwards except by cancelation. */
export interface Subscription {
  readonly id: string;
  readonly namespace: string;
  readonly customerId: string;
  readonly customerKey?: string;
  /** The request's name, else the plan's. */
  readonly name: string;
  readonly description?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly plan: PlanSnapshot;
  /** The plan's, copied for the read model. */
  readonly currency: string;
  /** The plan's, copied for the read model. */
  readonly billingCadence: string;
  readonly activeFrom: string;
  /**
   * The recurrence anchor as given (else `activeFrom`). Periods are always computed from it, so a
   * Jan 31 anchor keeps month-ends. OpenMeter shows a "normalized" anchor — the last recurrence at or
   * before `activeFrom` — which is `billingPeriodContaining(billingAnchor, billingCadence, activeFrom).from`.
   */
  readonly billingAnchor: string;
  readonly createdAt: string;
  /** OpenMeter's options, as requested; absent on subscriptions created before Tally read them. */
  readonly alignment?: Alignment;
  readonly settlementMode?: SettlementMode;
  readonly costBasisMode?: CostBasisMode;
  /** The phase the subscription started in: the snapshot's phases begin with it. */
  readonly startingPhase?: string;
  /** The subscription this one replaced by a change or migration, which ended where this one starts. */
  readonly previousSubscriptionId?: string;
  /**
   * Set by its first edit (it is then "customized": it no longer follows its plan, whose reference
   * it keeps): its phases and items as they now stand, which billing reads instead of the plan's.
   */
  readonly timeline?: readonly TimelinePhase[];
  /** The edits in effect, oldest first: what `unschedule_edit` replays from the plan without the ones ahead. */
  readonly edits?: readonly AppliedEdit[];
  /** Its add-ons, in the order they were added (see `subscription-addons.ts`). */
  readonly addons?: readonly SubscriptionAddon[];
}

export type CreateSubscription = Message<
  'CreateSubscription',
  {
    id: string;
    namespace: string;
    customerId: string;
    customerKey?: string;
    plan: PlanSnapshot;
    /** Resolved by the handler from the plan version it loaded. */
    planStatus: PlanStatus;
    name?: string;
    description?: string;
    metadata?: Readonly<Record<string, string>>;
    /** `immediate` or an RFC 3339 date-time (OpenMeter's `SubscriptionTiming` for a create). */
    timing: string;
    /**
     * How far back `timing` may lie, an ISO-8601 duration (`SUBSCRIPTION_BACKDATE_LIMIT`): a customer
     * moved in from another biller starts where it started there. Without it, two minutes.
     */
    backdateLimit?: string;
    billingAnchor?: string;
    alignment?: Alignment;
    settlementMode?: SettlementMode;
    costBasisMode?: CostBasisMode;
    /** The key of the plan's phase to start in; earlier phases are skipped. */
    startingPhase?: string;
    now: string;
    /**
     * Resolved by the handler: whether the customer has a subscription that has not ended at `now`
     * (`subscriptionStatusAt` is `active`, `canceled` or `scheduled`). To make two racing creates
     * safe, the handler can claim the customer id with the key-claim decider for the duration.
     */
    customerHasActiveSubscription: boolean;
    /** A change's or migration's: the subscription it replaces (see `ChangeSubscription`). */
    previousSubscriptionId?: string;
  }
>;

export type CancelTiming = 'immediate' | 'next_billing_cycle';

/** `timing`: a `CancelTiming`, or an RFC 3339 instant (at most two minutes back). */
export type CancelSubscription = Message<
  'CancelSubscription',
  { id: string; namespace: string; timing: string; now: string }
>;

/**
 * Takes a scheduled end back (OpenMeter's `restore` and `unscheduleCancelation`): the subscription
 * runs on with no end. A change's end only once the handler has deleted the successor, which had
 * not started (`nextSubscriptionDeleted`).
 */
export type RestoreSubscription = Message<
  'RestoreSubscription',
  { id: string; namespace: string; now: string; nextSubscriptionDeleted: boolean }
>;

/** Deletes a subscription that has not started: it never runs, and reads as never having been. */
export type DeleteSubscription = Message<
  'DeleteSubscription',
  { id: string; namespace: string; now: string }
>;

/**
 * Ends the subscription where its successor `nextSubscriptionId` (a change to another plan, or a
 * migration to another version) starts: `immediate` (now, floored to the second, as a start is),
 * `next_billing_cycle` (the end of the period in progress) or an RFC 3339 instant.
 */
export type ChangeSubscription = Message<
  'ChangeSubscription',
  { id: string; namespace: string; timing: string; nextSubscriptionId: string; now: string }
>;

/**
 * OpenMeter's `editSubscription`: `customizations` applied in order at `timing` (`immediate`, now to
 * the second; `next_billing_cycle`, the end of the period in progress; or an RFC 3339 instant at most
 * two minutes back). Rate cards are checked by the handler with the catalog's rules.
 */
export type EditSubscription = Message<
  'EditSubscription',
  {
    id: string;
    namespace: string;
    timing: string;
    customizations: readonly EditOperation[];
    now: string;
  }
>;

/**
 * OpenMeter's `createSubscriptionAddon`: the add-on (`undefined` when the catalog has none by that
 * id) with `quantity` from `timing` (`immediate`, `next_billing_cycle` or an RFC 3339 instant at most
 * two minutes back; never before the subscription's start).
 */
export type CreateSubscriptionAddon = Message<
  'CreateSubscriptionAddon',
  {
    id: string;
    namespace: string;
    subscriptionAddonId: string;
    addon: AddonOffer | undefined;
    name: string;
    description?: string;
    metadata?: Readonly<Record<string, string>>;
    quantity: number;
    timing: string;
    now: string;
  }
>;

/** OpenMeter's `updateSubscriptionAddon`: a new quantity from `timing` (0 ends it), and its texts. */
export type UpdateSubscriptionAddon = Message<
  'UpdateSubscriptionAddon',
  {
    id: string;
    namespace: string;
    subscriptionAddonId: string;
    name?: string;
    description?: string;
    metadata?: Readonly<Record<string, string>>;
    quantity?: number;
    timing: string;
    now: string;
  }
>;

export type SubscriptionCommand =
  | CreateSubscriptionAddon
  | UpdateSubscriptionAddon
  | CreateSubscription
  | CancelSubscription
  | ChangeSubscription
  | RestoreSubscription
  | DeleteSubscription
  | EditSubscription;

/** Carries the whole subscription, plan snapshot included, so projections need no lookups. */
export type SubscriptionCreated = Message<'SubscriptionCreated', Subscription>;

/**
 * `activeTo` is the (exclusive) end of the subscription. A later cancelation can only bring it
 * earlier, so the latest event holds the end that applies. A change or migration ends the
 * subscription with this same event, naming its successor (`nextSubscriptionId`), so every reader of
 * an end (billing, entitlements) handles both alike; its `timing` is then the change's, which may be
 * an RFC 3339 instant.
 */
export type SubscriptionCanceled = Message<
  'SubscriptionCanceled',
  {
    id: string;
    namespace: string;
    customerId: string;
    /** A cancel's `CancelTiming`; a change's `SubscriptionTiming` (a keyword or an RFC 3339 instant). */
    timing: string;
    activeTo: string;
    canceledAt: string;
    nextSubscriptionId?: string;
  }
>;

/** The end is taken back: from here on the subscription has none (it was still ahead). */
export type SubscriptionRestored = Message<
  'SubscriptionRestored',
  { id: string; namespace: string; customerId: string; restoredAt: string }
>;

/**
 * A subscription deleted before it started. It follows a `SubscriptionCanceled` at `activeFrom`, so
 * every reader of an end already sees it never run; the subscription's own read model drops it.
 */
export type SubscriptionDeleted = Message<
  'SubscriptionDeleted',
  { id: string; namespace: string; customerId: string; deletedAt: string }
>;

/**
 * An edit (OpenMeter's `editSubscription`): the operations as given, the instant they take effect
 * (`at`), and the resulting phases and items, so readers need not replay the edits.
 */
export type SubscriptionEdited = Message<
  'SubscriptionEdited',
  {
    id: string;
    namespace: string;
    customerId: string;
    timing: string;
    at: string;
    editedAt: string;
    customizations: readonly EditOperation[];
    timeline: readonly TimelinePhase[];
  }
>;

/**
 * An add-on added (`subscriptionAddon`, its first quantity change included), and every add-on of the
 * subscription as they now stand (`addons`), so readers need not merge.
 */
export type SubscriptionAddonCreated = Message<
  'SubscriptionAddonCreated',
  {
    id: string;
    namespace: string;
    customerId: string;
    subscriptionAddon: SubscriptionAddon;
    addons: readonly SubscriptionAddon[];
  }
>;

/** An add-on's quantity or texts changed: the add-on, and every add-on, as they now stand. */
export type SubscriptionAddonUpdated = Message<
  'SubscriptionAddonUpdated',
  {
    id: string;
    namespace: string;
    customerId: string;
    subscriptionAddon: SubscriptionAddon;
    addons: readonly SubscriptionAddon[];
  }
>;

export type SubscriptionEvent =
  | SubscriptionAddonCreated
  | SubscriptionAddonUpdated
  | SubscriptionCreated
  | SubscriptionCanceled
  | SubscriptionRestored
  | SubscriptionDeleted
  | SubscriptionEdited;

/**
 * `open` has no end yet; `canceled` has one (`activeTo`), which may still lie in the future. Whether it
 * is active at some instant is `subscriptionStatusAt`'s answer.
 */
export type SubscriptionState =
  | { readonly status: 'empty' }
  | { readonly status: 'open'; readonly subscription: Subscription }
  | {
      readonly status: 'canceled';
      readonly subscription: Subscription;
      readonly activeTo: string;
      readonly canceledAt: string;
      /** Set when a change or migration ended it: the subscription that takes over at `activeTo`. */
      readonly nextSubscriptionId?: string;
    };

const later = (a: DateTime, b: DateTime) => (a >= b ? a : b);

/** The end of the second `instant` falls in (itself when it is a whole second). */
const secondEnding = (instant: DateTime) => {
  const floor = instant.startOf('second');
  return floor < instant ? floor.plus({ seconds: 1 }) : floor;
};

/**
 * `immediate` → now, floored to the second; an explicit start must not lie more than
 * `backdateLimit` back — or, without one (changes, cancels: they would rewrite billed periods), two
 * minutes (clock skew and latency).
 */
function resolveActiveFrom(timing: string, now: DateTime, backdateLimit?: string): string {
  if (timing === 'immediate') return formatInstant(now.startOf('second'));
  if (!isInstant(timing)) {
    const message = 'must be "immediate" or an RFC 3339 date-time';
    throw invalid(SubscriptionErrors.invalidTiming, `Invalid timing "${timing}": ${message}`, [
      { field: 'body.timing', message, code: SubscriptionErrors.invalidTiming },
    ]);
  }
  const start = parseInstant(timing, 'body.timing');
  const earliest =
    backdateLimit === undefined
      ? now.minus(MAX_START_IN_PAST_MS)
      : now.minus(Duration.fromISO(backdateLimit));
  if (start < earliest) {
    const message =
      backdateLimit === undefined
        ? 'may not be more than 2 minutes before now'
        : `may not be more than ${backdateLimit} (SUBSCRIPTION_BACKDATE_LIMIT) before now`;
    throw invalid(SubscriptionErrors.timingInPast, `Invalid timing ${timing}: ${message}`, [
      { field: 'body.timing', message, code: SubscriptionErrors.timingInPast },
    ]);
  }
  return formatInstant(start);
}

function resolveBillingAnchor(billingAnchor: string | undefined, activeFrom: string): string {
  if (billingAnchor === undefined) return activeFrom;
  if (!isInstant(billingAnchor)) {
    const message = 'must be an RFC 3339 date-time';
    throw invalid(
      SubscriptionErrors.invalidBillingAnchor,
      `Invalid billingAnchor "${billingAnchor}": ${message}`,
      [{ field: 'body.billingAnchor', message, code: SubscriptionErrors.invalidBillingAnchor }],
    );
  }
  return formatInstant(parseInstant(billingAnchor));
}

function resolveName(name: string | undefined, plan: PlanSnapshot): string {
  if (name === undefined) return plan.name;
  if (name.trim() !== '' && [...name].length <= 256) return name;
  const message = 'must be 1 to 256 characters';
  throw invalid(SubscriptionErrors.invalidName, `Invalid name: ${message}`, [
    { field: 'body.name', message, code: SubscriptionErrors.invalidName },
  ]);
}

/** The plan from `startingPhase` on (OpenMeter drops the phases before it), or as it is. */
function fromStartingPhase(plan: PlanSnapshot, startingPhase: string | undefined): PlanSnapshot {
  if (startingPhase === undefined) return plan;
  const index = plan.phases.findIndex((phase) => phase.key === startingPhase);
  if (index < 0) {
    const message = `must be the key of a phase of the plan: ${plan.phases.map((phase) => phase.key).join(', ')}`;
    throw invalid(SubscriptionErrors.invalidStartingPhase, `Invalid startingPhase "${startingPhase}"`, [
      { field: 'body.startingPhase', message, code: SubscriptionErrors.invalidStartingPhase },
    ]);
  }
  return { ...plan, phases: plan.phases.slice(index) };
}

/**
 * `alignment.billablesMustAlign: true` holds the plan to OpenMeter's rule: every rate card with a
 * price bills at exactly the plan's cadence. `false` is kept but changes nothing: Tally bills every
 * subscription in its plan's periods, as OpenMeter does since it removed unaligned subscriptions.
 */
function assertAligned(plan: PlanSnapshot, alignment: Alignment | undefined): void {
  if (alignment?.billablesMustAlign !== true) return;
  const unaligned = unalignedRateCardProblems(
    plan as unknown as Parameters<typeof unalignedRateCardProblems>[0],
  );
  if (unaligned.length === 0) return;
  throw invalid(
    SubscriptionErrors.unaligned,
    `Plan ${plan.custom ? '(custom)' : `${plan.key} v${plan.version}`} does not align: ${unaligned.map((p) => p.field).join(', ')}`,
    unaligned.map((problem) => ({
      field: 'body.alignment.billablesMustAlign',
      message: `${problem.field} of the plan: ${problem.message}`,
      code: SubscriptionErrors.unaligned,
    })),
  );
}

function assertSubscribable(command: CreateSubscription): void {
  const { plan, planStatus, customerId, customerHasActiveSubscription } = command.data;
  if (!isValidCadence(plan.billingCadence)) {
    throw invalid(
      SubscriptionErrors.invalidBillingCadence,
      `Plan ${plan.key} v${plan.version} has billing cadence "${plan.billingCadence}", which cannot be billed`,
    );
  }
  if (planStatus !== 'active') {
    throw conflict(
      SubscriptionErrors.planNotPublished,
      `Plan ${plan.key} v${plan.version} is ${planStatus}; only a published plan can be subscribed to`,
    );
  }
  if (customerHasActiveSubscription) {
    throw conflict(
      SubscriptionErrors.alreadyActive,
      `Customer ${customerId} already has an active subscription`,
    );
  }
}

function create(command: CreateSubscription, state: SubscriptionState): SubscriptionEvent[] {
  const { id, namespace, customerId, customerKey, name, description, metadata, timing, billingAnchor } =
    command.data;
  const { alignment, settlementMode, costBasisMode, startingPhase, previousSubscriptionId } = command.data;
  if (state.status !== 'empty')
    throw conflict(SubscriptionErrors.alreadyExists, `Subscription ${id} already exists`);
  const now = parseInstant(command.data.now, 'now');
  const activeFrom = resolveActiveFrom(timing, now, command.data.backdateLimit);
  const anchor = resolveBillingAnchor(billingAnchor, activeFrom);
  const plan = fromStartingPhase(command.data.plan, startingPhase);
  const resolvedName = resolveName(name, plan);
  assertAligned(plan, alignment);
  assertSubscribable(command);
  return [
    {
      type: 'SubscriptionCreated',
      data: {
        id,
        namespace,
        customerId,
        ...(customerKey !== undefined && { customerKey }),
        name: resolvedName,
        ...(description !== undefined && { description }),
        ...(metadata !== undefined && { metadata }),
        plan,
        currency: plan.currency,
        billingCadence: plan.billingCadence,
        activeFrom,
        billingAnchor: anchor,
        createdAt: formatInstant(now),
        ...(alignment !== undefined && { alignment: { ...alignment } }),
        ...(settlementMode !== undefined && { settlementMode }),
        ...(costBasisMode !== undefined && { costBasisMode }),
        ...(startingPhase !== undefined && { startingPhase }),
        ...(previousSubscriptionId !== undefined && { previousSubscriptionId }),
      },
    },
  ];
}

/**
 * `immediate` ends the subscription at the end of the second now falls in: usage acknowledged before
 * the cancel and stamped up to it (to the second, as clients often stamp it) is billed, as starts are
 * floored to the second for the same reason. `next_billing_cycle` ends it at the end of
 * the billing period in progress — or of the first period, if the subscription has not started yet. An
 * end never falls before `activeFrom`: canceling a scheduled subscription immediately means it never
 * runs.
 *
 * Canceling again is idempotent rather than a conflict, so a retried request is safe: it is a no-op
 * once the subscription has ended or when it would not end it sooner; it can only bring the end
 * earlier (`next_billing_cycle`, then `immediate`). Postponing an end is not a cancelation. A
 * subscription changed into another is refused (409): its end is where its successor starts. An
 * RFC 3339 instant ends it there (at most two minutes back, as a start; never before `activeFrom`).
 */
function cancel(command: CancelSubscription, state: SubscriptionState): SubscriptionEvent[] {
  const { id, namespace, timing } = command.data;
  if (state.status === 'empty' || state.subscription.namespace !== namespace) {
    throw notFound(SubscriptionErrors.notFound, `Subscription ${id} not found`);
  }
  if (timing !== 'immediate' && timing !== 'next_billing_cycle' && !isInstant(timing)) {
    const message = 'must be "immediate", "next_billing_cycle" or an RFC 3339 date-time';
    throw invalid(SubscriptionErrors.invalidTiming, `Invalid timing "${String(timing)}": ${message}`, [
      { field: 'body.timing', message, code: SubscriptionErrors.invalidTiming },
    ]);
  }
  if (state.status === 'canceled' && state.nextSubscriptionId !== undefined) {
    // Its end is its successor's start: canceling the customer is canceling that one.
    throw conflict(
      SubscriptionErrors.hasEnded,
      `Subscription ${id} was changed to subscription ${state.nextSubscriptionId}; cancel that one`,
    );
  }
  const now = parseInstant(command.data.now, 'now');
  const { subscription } = state;
  const activeFrom = parseInstant(subscription.activeFrom);
  if (state.status === 'canceled' && parseInstant(state.activeTo) <= now) return [];

  const end =
    timing === 'immediate'
      ? secondEnding(now)
      : timing !== 'next_billing_cycle'
        ? parseInstant(resolveActiveFrom(timing, now))
        : parseInstant(
            billingPeriodContaining(
              subscription.billingAnchor,
              subscription.billingCadence,
              formatInstant(later(now, activeFrom)),
            ).to,
          );
  const activeTo = later(end, activeFrom);
  if (state.status === 'canceled' && activeTo >= parseInstant(state.activeTo)) return [];

  return [
    {
      type: 'SubscriptionCanceled',
      data: {
        id,
        namespace,
        customerId: subscription.customerId,
        timing,
        activeTo: formatInstant(activeTo),
        canceledAt: formatInstant(now),
      },
    },
  ];
}

/**
 * Where a change ends the subscription and its successor starts. One end per subscription: a
 * subscription that already has one (canceled, or changed before) is refused with 409 — so of a
 * change and a cancel racing on one subscription, whichever is appended first wins and the other is
 * refused. An instant may not lie more than `MAX_START_IN_PAST_MS` back (the successor starts there),
 * and a change before the subscription starts takes effect at its start: it never runs.
 */
function change(command: ChangeSubscription, state: SubscriptionState): SubscriptionEvent[] {
  const { id, namespace, timing, nextSubscriptionId } = command.data;
  if (state.status === 'empty' || state.subscription.namespace !== namespace) {
    throw notFound(SubscriptionErrors.notFound, `Subscription ${id} not found`);
  }
  if (state.status === 'canceled') {
    const why = state.nextSubscriptionId
      ? `was changed to subscription ${state.nextSubscriptionId}`
      : 'is canceled (restore it first)';
    throw conflict(SubscriptionErrors.hasEnded, `Subscription ${id} ${why}; it ends at ${state.activeTo}`);
  }
  const now = parseInstant(command.data.now, 'now');
  const { subscription } = state;
  return [
    {
      type: 'SubscriptionCanceled',
      data: {
        id,
        namespace,
        customerId: subscription.customerId,
        timing,
        activeTo: effectiveAt(timing, now, subscription),
        canceledAt: formatInstant(now),
        nextSubscriptionId,
      },
    },
  ];
}

/**
 * Only an end still ahead can be taken back: once it has passed, the subscription has ended (a new
 * one is created instead). Restoring one with no end is a no-op, so a retried request is safe.
 */
function restore(command: RestoreSubscription, state: SubscriptionState): SubscriptionEvent[] {
  const { id, namespace, nextSubscriptionDeleted } = command.data;
  if (state.status === 'empty' || state.subscription.namespace !== namespace) {
    throw notFound(SubscriptionErrors.notFound, `Subscription ${id} not found`);
  }
  if (state.status === 'open') return [];
  const now = parseInstant(command.data.now, 'now');
  if (parseInstant(state.activeTo) <= now) {
    throw conflict(SubscriptionErrors.notRestorable, `Subscription ${id} ended at ${state.activeTo}`);
  }
  if (state.nextSubscriptionId !== undefined && !nextSubscriptionDeleted) {
    throw conflict(
      SubscriptionErrors.notRestorable,
      `Subscription ${id} was changed to subscription ${state.nextSubscriptionId}, which has started`,
    );
  }
  return [
    {
      type: 'SubscriptionRestored',
      data: { id, namespace, customerId: state.subscription.customerId, restoredAt: formatInstant(now) },
    },
  ];
}

/** Ends it where it would start, then deletes it: readers of ends see it never run. */
function remove(command: DeleteSubscription, state: SubscriptionState): SubscriptionEvent[] {
  const { id, namespace } = command.data;
  if (state.status === 'empty' || state.subscription.namespace !== namespace) {
    throw notFound(SubscriptionErrors.notFound, `Subscription ${id} not found`);
  }
  const now = parseInstant(command.data.now, 'now');
  const { subscription } = state;
  const activeFrom = parseInstant(subscription.activeFrom);
  if (activeFrom <= now) {
    throw conflict(
      SubscriptionErrors.alreadyStarted,
      `Subscription ${id} started at ${subscription.activeFrom}; cancel it instead`,
    );
  }
  const at = formatInstant(now);
  const ended = state.status === 'canceled' && parseInstant(state.activeTo) <= activeFrom;
  return [
    ...(ended
      ? []
      : [
          {
            type: 'SubscriptionCanceled' as const,
            data: {
              id,
              namespace,
              customerId: subscription.customerId,
              timing: 'immediate',
              activeTo: subscription.activeFrom,
              canceledAt: at,
            },
          },
        ]),
    {
      type: 'SubscriptionDeleted',
      data: { id, namespace, customerId: subscription.customerId, deletedAt: at },
    },
  ];
}

/**
 * An edit takes effect at its `timing`, never before the subscription starts. Refused (409) on a
 * subscription that has ended, was changed into another (edit that one), or ends before the edit
 * would take effect. `unschedule_edit` first takes back the edits still ahead, then the batch's other
 * operations apply. Every operation that cannot apply is a 400 naming its index; nothing is written.
 */
function edit(command: EditSubscription, state: SubscriptionState): SubscriptionEvent[] {
  const { id, namespace, timing, customizations } = command.data;
  if (state.status === 'empty' || state.subscription.namespace !== namespace) {
    throw notFound(SubscriptionErrors.notFound, `Subscription ${id} not found`);
  }
  const now = parseInstant(command.data.now, 'now');
  const { subscription } = state;
  if (state.status === 'canceled' && state.nextSubscriptionId !== undefined) {
    throw conflict(
      SubscriptionErrors.notEditable,
      `Subscription ${id} was changed to subscription ${state.nextSubscriptionId}; edit that one`,
    );
  }
  if (state.status === 'canceled' && parseInstant(state.activeTo) <= now) {
    throw conflict(SubscriptionErrors.notEditable, `Subscription ${id} ended at ${state.activeTo}`);
  }
  const at = effectiveAt(timing, now, subscription);
  if (state.status === 'canceled' && at >= state.activeTo) {
    throw conflict(
      SubscriptionErrors.notEditable,
      `Subscription ${id} ends at ${state.activeTo}, before the edit would take effect (${at})`,
    );
  }
  const unschedule = customizations.some((operation) => operation.op === 'unschedule_edit');
  const edits = subscription.edits ?? [];
  const kept = unschedule ? edits.filter((applied) => applied.at <= formatInstant(now)) : edits;
  const base =
    kept.length === edits.length
      ? (subscription.timeline ?? planTimeline(subscription.plan, subscription.activeFrom))
      : replayEdits(subscription.plan, subscription.activeFrom, kept);
  const { timeline, problems } = applyOperations(base, customizations, at, subscription.activeFrom);
  if (problems.length > 0) {
    throw invalid(
      SubscriptionErrors.invalidEdit,
      `The edit cannot apply: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      problems.map((p) => ({ ...p, code: SubscriptionErrors.invalidEdit })),
    );
  }
  const changes = customizations.some((operation) => operation.op !== 'unschedule_edit');
  if (!changes && kept.length === edits.length) return [];
  return [
    {
      type: 'SubscriptionEdited',
      data: {
        id,
        namespace,
        customerId: subscription.customerId,
        timing,
        at,
        editedAt: formatInstant(now),
        customizations,
        timeline,
      },
    },
  ];
}

/**
 * Where a change to a running subscription (a plan change, an edit, an add-on) takes effect: `immediate` now (to
 * the second), `next_billing_cycle` the end of the period in progress, or an RFC 3339 instant at
 * most two minutes back (it would rewrite periods already billed) — never before the start.
 */
function effectiveAt(timing: string, now: DateTime, subscription: Subscription): string {
  const activeFrom = parseInstant(subscription.activeFrom);
  const requested =
    timing === 'next_billing_cycle'
      ? parseInstant(
          billingPeriodContaining(
            subscription.billingAnchor,
            subscription.billingCadence,
            formatInstant(later(now, activeFrom)),
          ).to,
        )
      : parseInstant(resolveActiveFrom(timing, now));
  return formatInstant(later(requested, activeFrom));
}

/** The subscription as a change to it can find it: running or ahead, not changed into another. */
function changeable(
  state: SubscriptionState,
  id: string,
  namespace: string,
  now: DateTime,
): Exclude<SubscriptionState, { status: 'empty' }> {
  if (state.status === 'empty' || state.subscription.namespace !== namespace) {
    throw notFound(SubscriptionErrors.notFound, `Subscription ${id} not found`);
  }
  if (state.status === 'canceled' && state.nextSubscriptionId !== undefined) {
    throw conflict(
      SubscriptionErrors.notEditable,
      `Subscription ${id} was changed to subscription ${state.nextSubscriptionId}; change that one`,
    );
  }
  if (state.status === 'canceled' && parseInstant(state.activeTo) <= now) {
    throw conflict(SubscriptionErrors.notEditable, `Subscription ${id} ended at ${state.activeTo}`);
  }
  return state;
}

/** The change's instant, refused (409) when the subscription ends before it. */
function addonChangeAt(
  state: Exclude<SubscriptionState, { status: 'empty' }>,
  timing: string,
  now: DateTime,
): string {
  const at = effectiveAt(timing, now, state.subscription);
  if (state.status === 'canceled' && at >= state.activeTo) {
    throw conflict(
      SubscriptionErrors.notEditable,
      `Subscription ${state.subscription.id} ends at ${state.activeTo}, before the change would take effect (${at})`,
    );
  }
  return at;
}

const quantityProblem = (message: string) =>
  invalid(SubscriptionErrors.invalidAddonQuantity, `Invalid quantity: ${message}`, [
    { field: 'body.quantity', message, code: SubscriptionErrors.invalidAddonQuantity },
  ]);

/** OpenMeter's rules on quantity: one for `single`, up to the plan's `maxQuantity`, never a usage price twice. */
function assertQuantity(
  quantity: number,
  addon: Pick<SubscriptionAddon, 'rateCards' | 'maxQuantity'> & {
    readonly instanceType: SubscriptionAddon['addon']['instanceType'];
  },
): void {
  if (addon.instanceType === 'single' && quantity > 1)
    throw quantityProblem('a single add-on is taken once: 0 or 1');
  if (addon.maxQuantity !== undefined && quantity > addon.maxQuantity)
    throw quantityProblem(`the plan offers at most ${addon.maxQuantity}`);
  // OpenMeter allows only flat prices on multiple add-ons: a usage price bills the usage once.
  if (quantity > 1 && hasUsagePrice(addon.rateCards))
    throw quantityProblem('an add-on with a usage-based price bills its usage once: 0 or 1');
}

/** Where the add-on may be bought from: the plan's `fromPlanPhase`, in the subscription's phases. */
function assertPhaseReached(subscription: Subscription, offer: AddonOffer, at: string): void {
  if (offer.fromPlanPhase === undefined) return;
  const phases = subscription.timeline ?? planTimeline(subscription.plan, subscription.activeFrom);
  const from = phases.find((phase) => phase.key === offer.fromPlanPhase);
  // A phase the subscription started past (its `startingPhase`) has been reached.
  if (from === undefined || from.activeFrom <= at) return;
  const message = `add-on ${offer.key} is offered from phase "${offer.fromPlanPhase}", which starts at ${from.activeFrom}`;
  throw invalid(SubscriptionErrors.addonNotOffered, `Add-on not offered yet: ${message}`, [
    { field: 'body.timing', message, code: SubscriptionErrors.addonNotOffered },
  ]);
}

function addonRefused(kind: 'invalid' | 'conflict', code: string, message: string) {
  const problems = [{ field: 'body.addon.id', message, code }];
  return kind === 'invalid' ? invalid(code, message, problems) : conflict(code, message, problems);
}

function createAddon(command: CreateSubscriptionAddon, state: SubscriptionState): SubscriptionEvent[] {
  const { id, namespace, addon: offer, quantity, timing, subscriptionAddonId } = command.data;
  const now = parseInstant(command.data.now, 'now');
  const running = changeable(state, id, namespace, now);
  const { subscription } = running;
  if (offer === undefined)
    throw addonRefused('invalid', SubscriptionErrors.unknownAddon, 'names no add-on of the catalog');
  if (offer.status !== 'active')
    throw addonRefused(
      'conflict',
      SubscriptionErrors.addonNotPublished,
      `add-on ${offer.key} v${offer.version} is ${offer.status}, not published`,
    );
  if (offer.currency !== subscription.currency)
    throw addonRefused(
      'invalid',
      SubscriptionErrors.addonNotOffered,
      `add-on ${offer.key} is in ${offer.currency}, the subscription in ${subscription.currency}`,
    );
  if (!offer.offered)
    throw addonRefused(
      'invalid',
      SubscriptionErrors.addonNotOffered,
      `the subscription's plan does not offer add-on ${offer.key}`,
    );
  if ((subscription.addons ?? []).some((added) => added.addon.id === offer.id))
    throw addonRefused(
      'conflict',
      SubscriptionErrors.addonAlreadyAdded,
      `the subscription already has add-on ${offer.key} v${offer.version}: update its quantity`,
    );
  if (quantity < 1) throw quantityProblem('must be at least 1 (0 is for an update ending it)');
  assertQuantity(quantity, offer);
  const at = addonChangeAt(running, timing, now);
  assertPhaseReached(subscription, offer, at);
  const stamp = formatInstant(now);
  const subscriptionAddon: SubscriptionAddon = {
    id: subscriptionAddonId,
    addon: { id: offer.id, key: offer.key, version: offer.version, instanceType: offer.instanceType },
    name: command.data.name,
    ...(command.data.description !== undefined && { description: command.data.description }),
    ...(command.data.metadata !== undefined && { metadata: command.data.metadata }),
    rateCards: offer.rateCards,
    ...(offer.maxQuantity !== undefined && { maxQuantity: offer.maxQuantity }),
    createdAt: stamp,
    updatedAt: stamp,
    quantities: [{ at, quantity }],
  };
  return [
    {
      type: 'SubscriptionAddonCreated',
      data: {
        id,
        namespace,
        customerId: subscription.customerId,
        subscriptionAddon,
        addons: withAddon(subscription, subscriptionAddon).addons ?? [],
      },
    },
  ];
}

/**
 * A quantity change appends `{ at, quantity }` (replacing one at the same instant); one before the
 * add-on's last change is refused (400 on `body.timing`): history is not rewritten. The same
 * quantity again, with no other change, is a no-op.
 */
function updateAddon(command: UpdateSubscriptionAddon, state: SubscriptionState): SubscriptionEvent[] {
  const { id, namespace, subscriptionAddonId, quantity, timing, name, description, metadata } = command.data;
  const now = parseInstant(command.data.now, 'now');
  const running = changeable(state, id, namespace, now);
  const { subscription } = running;
  const current = (subscription.addons ?? []).find((added) => added.id === subscriptionAddonId);
  if (current === undefined)
    throw notFound(
      SubscriptionErrors.addonNotFound,
      `Subscription ${id} has no add-on ${subscriptionAddonId}`,
    );
  let quantities = current.quantities;
  if (quantity !== undefined) {
    assertQuantity(quantity, { ...current, instanceType: current.addon.instanceType });
    const at = addonChangeAt(running, timing, now);
    const last = quantities.at(-1)!;
    if (at < last.at) {
      const message = `the add-on's last change takes effect at ${last.at}; a change may not come before it`;
      throw invalid(SubscriptionErrors.invalidTiming, `Invalid timing: ${message}`, [
        { field: 'body.timing', message, code: SubscriptionErrors.invalidTiming },
      ]);
    }
    if (addonQuantityAt(current, at) !== quantity || last.at > at)
      quantities = [...quantities.filter((change) => change.at < at), { at, quantity }];
  }
  const texts = {
    name: name ?? current.name,
    description: description ?? current.description,
    metadata: metadata ?? current.metadata,
  };
  const unchanged =
    quantities === current.quantities &&
    texts.name === current.name &&
    texts.description === current.description &&
    JSON.stringify(texts.metadata) === JSON.stringify(current.metadata);
  if (unchanged) return [];
  const subscriptionAddon: SubscriptionAddon = {
    ...current,
    name: texts.name,
    ...(texts.description !== undefined && { description: texts.description }),
    ...(texts.metadata !== undefined && { metadata: texts.metadata }),
    updatedAt: formatInstant(now),
    quantities,
  };
  return [
    {
      type: 'SubscriptionAddonUpdated',
      data: {
        id,
        namespace,
        customerId: subscription.customerId,
        subscriptionAddon,
        addons: withAddon(subscription, subscriptionAddon).addons ?? [],
      },
    },
  ];
}

/** The subscription with `addon` added, or replacing the one of its id. */
function withAddon(subscription: Subscription, addon: SubscriptionAddon): Subscription {
  const addons = subscription.addons ?? [];
  return {
    ...subscription,
    addons: addons.some((other) => other.id === addon.id)
      ? addons.map((other) => (other.id === addon.id ? addon : other))
      : [...addons, addon],
  };
}

/** The subscription after an edit: its timeline, and the edits in effect (those taken back dropped). */
function edited(subscription: Subscription, event: SubscriptionEdited): Subscription {
  const { customizations, at, editedAt, timeline } = event.data;
  const unschedule = customizations.some((operation) => operation.op === 'unschedule_edit');
  const operations = customizations.filter((operation) => operation.op !== 'unschedule_edit');
  const edits = (subscription.edits ?? []).filter((applied) => !unschedule || applied.at <= editedAt);
  return {
    ...subscription,
    timeline,
    edits: operations.length > 0 ? [...edits, { at, customizations: operations }] : edits,
  };
}

export const subscriptionDecider: Decider<SubscriptionCommand, SubscriptionEvent, SubscriptionState> = {
  initialState: () => ({ status: 'empty' }),
  evolve: evolveByType<SubscriptionEvent, SubscriptionState>({
    SubscriptionCreated: (_state, event) => ({ status: 'open', subscription: event.data }),
    SubscriptionCanceled: (state, event) => {
      if (state.status === 'empty') return state;
      return {
        status: 'canceled',
        subscription: state.subscription,
        activeTo: event.data.activeTo,
        canceledAt: event.data.canceledAt,
        ...(event.data.nextSubscriptionId !== undefined && {
          nextSubscriptionId: event.data.nextSubscriptionId,
        }),
      };
    },
    SubscriptionRestored: (state) =>
      state.status === 'empty' ? state : { status: 'open', subscription: state.subscription },
    // A deleted subscription is as if it never was: every command on it answers 404.
    SubscriptionDeleted: () => ({ status: 'empty' }),
    SubscriptionEdited: (state, event) =>
      state.status === 'empty' ? state : { ...state, subscription: edited(state.subscription, event) },
    SubscriptionAddonCreated: (state, event) =>
      state.status === 'empty'
        ? state
        : { ...state, subscription: { ...state.subscription, addons: event.data.addons } },
    SubscriptionAddonUpdated: (state, event) =>
      state.status === 'empty'
        ? state
        : { ...state, subscription: { ...state.subscription, addons: event.data.addons } },
  }),
  decide: (command, state) => {
    switch (command.type) {
      case 'CreateSubscription':
        return create(command, state);
      case 'CancelSubscription':
        return cancel(command, state);
      case 'ChangeSubscription':
        return change(command, state);
      case 'RestoreSubscription':
        return restore(command, state);
      case 'DeleteSubscription':
        return remove(command, state);
      case 'EditSubscription':
        return edit(command, state);
      case 'CreateSubscriptionAddon':
        return createAddon(command, state);
      case 'UpdateSubscriptionAddon':
        return updateAddon(command, state);
      default:
        return unreachable(command);
    }
  },
};

/**
 * OpenMeter's status rule: before `activeFrom` → `scheduled`; from `activeFrom` with no end → `active`;
 * with an end still ahead → `canceled` (it is still running, and billed, until `activeTo`); from
 * `activeTo` on → `inactive`. One deviation: a subscription canceled before it ever started
 * (`activeTo` = `activeFrom`) is `inactive` throughout, where OpenMeter would say `scheduled` until
 * a start that never comes. An empty state is `inactive`, as OpenMeter answers for an uninitialized one.
 */
export function subscriptionStatusAt(state: SubscriptionState, instantIso: string): SubscriptionStatus {
  if (state.status === 'empty') return 'inactive';
  const at = parseInstant(instantIso);
  const activeFrom = parseInstant(state.subscription.activeFrom);
  const activeTo = state.status === 'canceled' ? parseInstant(state.activeTo) : undefined;
  if (activeTo !== undefined && activeTo <= activeFrom) return 'inactive';
  if (at < activeFrom) return 'scheduled';
  if (activeTo === undefined) return 'active';
  return at < activeTo ? 'canceled' : 'inactive';
}

/**
 * The billing period in progress at `instantIso`, clipped to the subscription's own `[activeFrom,
 * activeTo)`: with an anchor before the start the first period is partial, and a canceled
 * subscription's last period ends at `activeTo`. `index` is the unclipped period's. Undefined when
 * the subscription is not running then (status `scheduled` or `inactive`).
 */
export function currentBillingPeriod(
  state: SubscriptionState,
  instantIso: string,
): BillingPeriod | undefined {
  const status = subscriptionStatusAt(state, instantIso);
  if (state.status === 'empty' || (status !== 'active' && status !== 'canceled')) return undefined;
  const { activeFrom, billingAnchor, billingCadence } = state.subscription;
  const period = billingPeriodContaining(billingAnchor, billingCadence, instantIso);
  const from = later(parseInstant(period.from), parseInstant(activeFrom));
  const to =
    state.status === 'canceled' && parseInstant(state.activeTo) < parseInstant(period.to)
      ? parseInstant(state.activeTo)
      : parseInstant(period.to);
  return { from: formatInstant(from), to: formatInstant(to), index: period.index };
}
