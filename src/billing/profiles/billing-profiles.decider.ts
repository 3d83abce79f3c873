import { Decider, Message, evolveByType, unreachable } from '../../shared/decider';
import { FieldProblem, conflict, invalid, notFound } from '../../shared/errors';
import { DEFAULT_WORKFLOW, Workflow, WorkflowInput, resolveWorkflow, workflowProblems } from './workflow';

/**
 * A namespace's billing settings: its billing profiles and its customers' overrides, one stream per
 * namespace. One stream, not one per profile, because the rules span profiles: exactly one profile
 * is the default (making another one default unsets the old one in the same append), and a profile
 * pinned by a customer override cannot be deleted under it.
 *
 * The default profile is made lazily, by a decision: the first command of a namespace that succeeds
 * (or the first use, `EnsureDefaultBillingProfile`) also creates it from the seed the handler passes,
 * unless that command itself makes a profile the default.
 */

/** OpenMeter's `BillingParty`, as given (name, key, taxId, addresses). */
export type Supplier = Readonly<Record<string, unknown>>;

/** OpenMeter's `BillingProfileAppsCreate`: app ids, stored and answered, not acted on. */
export interface ProfileApps {
  readonly tax: string;
  readonly invoicing: string;
  readonly payment: string;
}

/** Tally has no apps: a profile made without them names this one, its built-in invoicing. */
export const BUILT_IN_APP_ID = '00000000000000000000000000';
export const BUILT_IN_APPS: ProfileApps = {
  tax: BUILT_IN_APP_ID,
  invoicing: BUILT_IN_APP_ID,
  payment: BUILT_IN_APP_ID,
};

export const DEFAULT_PROFILE_NAME = 'Default billing profile';

export interface BillingProfile {
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly description?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly supplier: Supplier;
  readonly workflow: Workflow;
  readonly apps: ProfileApps;
}

/** A customer's override: a pinned profile (else the default), and workflow settings over its profile's. */
export interface CustomerOverride {
  readonly customerId: string;
  readonly billingProfileId?: string;
  readonly workflow?: WorkflowInput;
}

/** What the handler passes so that a namespace's first decision can create its default profile. */
export interface DefaultSeed {
  readonly id: string;
  /** From `COLLECTION_GRACE_SECONDS`. */
  readonly collectionInterval: string;
}

interface ProfileFields {
  readonly name: string;
  readonly description?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly supplier: Supplier;
  readonly default: boolean;
  readonly workflow?: WorkflowInput;
}

export type CreateBillingProfile = Message<
  'CreateBillingProfile',
  ProfileFields & { namespace: string; id: string; apps?: ProfileApps; seed: DefaultSeed; now: string }
>;
export type UpdateBillingProfile = Message<
  'UpdateBillingProfile',
  ProfileFields & { namespace: string; id: string; seed: DefaultSeed; now: string }
>;
export type DeleteBillingProfile = Message<
  'DeleteBillingProfile',
  { namespace: string; id: string; now: string }
>;
export type EnsureDefaultBillingProfile = Message<
  'EnsureDefaultBillingProfile',
  { namespace: string; seed: DefaultSeed; now: string }
>;
export type SetCustomerOverride = Message<
  'SetCustomerOverride',
  CustomerOverride & { namespace: string; seed: DefaultSeed; now: string }
>;
export type DeleteCustomerOverride = Message<
  'DeleteCustomerOverride',
  { namespace: string; customerId: string; now: string }
>;

export type BillingProfilesCommand =
  | CreateBillingProfile
  | UpdateBillingProfile
  | DeleteBillingProfile
  | EnsureDefaultBillingProfile
  | SetCustomerOverride
  | DeleteCustomerOverride;

export type BillingProfileCreated = Message<'BillingProfileCreated', BillingProfile & { at: string }>;
/** The profile's new content, whole (`apps` cannot change, as in OpenMeter). */
export type BillingProfileUpdated = Message<
  'BillingProfileUpdated',
  Omit<BillingProfile, 'apps'> & { at: string }
>;
export type BillingProfileDeleted = Message<
  'BillingProfileDeleted',
  { namespace: string; id: string; at: string }
>;
export type DefaultBillingProfileSet = Message<
  'DefaultBillingProfileSet',
  { namespace: string; id: string; previousId?: string; at: string }
>;
export type CustomerOverrideSet = Message<
  'BillingCustomerOverrideSet',
  CustomerOverride & { namespace: string; at: string }
>;
export type CustomerOverrideDeleted = Message<
  'BillingCustomerOverrideDeleted',
  { namespace: string; customerId: string; at: string }
>;

export type BillingProfilesEvent =
  | BillingProfileCreated
  | BillingProfileUpdated
  | BillingProfileDeleted
  | DefaultBillingProfileSet
  | CustomerOverrideSet
  | CustomerOverrideDeleted;

export const BILLING_PROFILES_EVENT_TYPES: readonly BillingProfilesEvent['type'][] = [
  'BillingProfileCreated',
  'BillingProfileUpdated',
  'BillingProfileDeleted',
  'DefaultBillingProfileSet',
  'BillingCustomerOverrideSet',
  'BillingCustomerOverrideDeleted',
];

export interface ProfileRecord {
  readonly profile: BillingProfile;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt?: string;
}

export interface OverrideRecord {
  readonly override: CustomerOverride;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface BillingProfilesState {
  readonly profiles: Readonly<Record<string, ProfileRecord>>;
  readonly defaultId?: string;
  readonly overrides: Readonly<Record<string, OverrideRecord>>;
}

export const initialBillingProfilesState = (): BillingProfilesState => ({ profiles: {}, overrides: {} });

export const evolveBillingProfiles = evolveByType<BillingProfilesEvent, BillingProfilesState>({
  BillingProfileCreated: (state, { data: { at, ...profile } }) => ({
    ...state,
    profiles: { ...state.profiles, [profile.id]: { profile, createdAt: at, updatedAt: at } },
  }),
  BillingProfileUpdated: (state, { data: { at, ...content } }) => {
    const record = state.profiles[content.id];
    if (record === undefined) return state;
    const profile = { ...content, apps: record.profile.apps };
    return { ...state, profiles: { ...state.profiles, [content.id]: { ...record, profile, updatedAt: at } } };
  },
  BillingProfileDeleted: (state, { data }) => {
    const record = state.profiles[data.id];
    if (record === undefined) return state;
    const deleted = { ...record, updatedAt: data.at, deletedAt: data.at };
    return { ...state, profiles: { ...state.profiles, [data.id]: deleted } };
  },
  DefaultBillingProfileSet: (state, { data }) => ({ ...state, defaultId: data.id }),
  BillingCustomerOverrideSet: (state, { data: { at, namespace: _namespace, ...override } }) => {
    const before = state.overrides[override.customerId];
    const record = { override, createdAt: before?.createdAt ?? at, updatedAt: at };
    return { ...state, overrides: { ...state.overrides, [override.customerId]: record } };
  },
  BillingCustomerOverrideDeleted: (state, { data }) => {
    const { [data.customerId]: _gone, ...overrides } = state.overrides;
    return { ...state, overrides };
  },
});

export function decideBillingProfiles(
  command: BillingProfilesCommand,
  state: BillingProfilesState,
): readonly BillingProfilesEvent[] {
  switch (command.type) {
    case 'CreateBillingProfile':
      return createProfile(command, state);
    case 'UpdateBillingProfile':
      return updateProfile(command, state);
    case 'DeleteBillingProfile':
      return deleteProfile(command, state);
    case 'EnsureDefaultBillingProfile':
      return lazyDefault(command.data, state);
    case 'SetCustomerOverride':
      return setOverride(command, state);
    case 'DeleteCustomerOverride':
      return deleteOverride(command, state);
    default:
      return unreachable(command);
  }
}

export const billingProfilesDecider: Decider<
  BillingProfilesCommand,
  BillingProfilesEvent,
  BillingProfilesState
> = {
  initialState: initialBillingProfilesState,
  evolve: evolveBillingProfiles,
  decide: decideBillingProfiles,
};

/** The profile a customer bills under (its pinned one, else the default), with its override's settings over it. */
export function effectiveWorkflow(
  state: BillingProfilesState,
  customerId: string,
): { profile: BillingProfile; workflow: Workflow } | undefined {
  const override = state.overrides[customerId]?.override;
  const profileId = override?.billingProfileId ?? state.defaultId;
  const record = profileId === undefined ? undefined : state.profiles[profileId];
  if (record === undefined) return undefined;
  return { profile: record.profile, workflow: resolveWorkflow(override?.workflow, record.profile.workflow) };
}

export const BillingProfileErrorCode = {
  INVALID: 'BILLING.PROFILE_INVALID',
  NOT_FOUND: 'BILLING.PROFILE_NOT_FOUND',
  ALREADY_EXISTS: 'BILLING.PROFILE_ALREADY_EXISTS',
  DEFAULT_REQUIRED: 'BILLING.DEFAULT_PROFILE_REQUIRED',
  PROFILE_IN_USE: 'BILLING.PROFILE_IN_USE',
  OVERRIDE_INVALID: 'BILLING.CUSTOMER_OVERRIDE_INVALID',
  OVERRIDE_NOT_FOUND: 'BILLING.CUSTOMER_OVERRIDE_NOT_FOUND',
} as const;

function lazyDefault(
  { namespace, seed, now }: { namespace: string; seed: DefaultSeed; now: string },
  state: BillingProfilesState,
): BillingProfilesEvent[] {
  if (state.defaultId !== undefined) return [];
  const workflow = resolveWorkflow({ collection: { interval: seed.collectionInterval } }, DEFAULT_WORKFLOW);
  return [
    {
      type: 'BillingProfileCreated',
      data: {
        id: seed.id,
        namespace,
        name: DEFAULT_PROFILE_NAME,
        supplier: {},
        workflow,
        apps: BUILT_IN_APPS,
        at: now,
      },
    },
    { type: 'DefaultBillingProfileSet', data: { namespace, id: seed.id, at: now } },
  ];
}

function liveProfile(state: BillingProfilesState, id: string, namespace: string): ProfileRecord {
  const record = state.profiles[id];
  if (record === undefined || record.deletedAt !== undefined || record.profile.namespace !== namespace)
    throw notFound(BillingProfileErrorCode.NOT_FOUND, `Billing profile ${id} not found`);
  return record;
}

function contentOf(data: ProfileFields & { id: string; namespace: string }, base: Workflow) {
  const problems = workflowProblems('workflow', data.workflow);
  if (problems.length > 0)
    throw invalid(BillingProfileErrorCode.INVALID, `Billing profile ${data.name} is not valid`, problems);
  return {
    id: data.id,
    namespace: data.namespace,
    name: data.name,
    ...(data.description !== undefined && { description: data.description }),
    ...(data.metadata !== undefined && { metadata: { ...data.metadata } }),
    supplier: structuredClone(data.supplier),
    workflow: resolveWorkflow(data.workflow, base),
  };
}

function createProfile({ data }: CreateBillingProfile, state: BillingProfilesState): BillingProfilesEvent[] {
  if (state.profiles[data.id] !== undefined)
    throw conflict(BillingProfileErrorCode.ALREADY_EXISTS, `Billing profile ${data.id} already exists`);
  const created: BillingProfilesEvent = {
    type: 'BillingProfileCreated',
    data: { ...contentOf(data, DEFAULT_WORKFLOW), apps: { ...(data.apps ?? BUILT_IN_APPS) }, at: data.now },
  };
  if (!data.default) return [...lazyDefault(data, state), created];
  return [created, defaultSet(data.namespace, data.id, state.defaultId, data.now)];
}

function defaultSet(namespace: string, id: string, previousId: string | undefined, at: string) {
  return {
    type: 'DefaultBillingProfileSet' as const,
    data: { namespace, id, ...(previousId !== undefined && { previousId }), at },
  };
}

function updateProfile({ data }: UpdateBillingProfile, state: BillingProfilesState): BillingProfilesEvent[] {
  liveProfile(state, data.id, data.namespace);
  const isDefault = state.defaultId === data.id;
  if (isDefault && !data.default) {
    throw conflict(
      BillingProfileErrorCode.DEFAULT_REQUIRED,
      `Billing profile ${data.id} is the default: a namespace always has one; make another profile the default instead`,
      [{ field: 'default', message: 'cannot unset the default profile', code: 'BILLING.DEFAULT_REQUIRED' }],
    );
  }
  const updated: BillingProfilesEvent = {
    type: 'BillingProfileUpdated',
    data: { ...contentOf(data, DEFAULT_WORKFLOW), at: data.now },
  };
  if (!data.default || isDefault) return [updated];
  return [updated, defaultSet(data.namespace, data.id, state.defaultId, data.now)];
}

function deleteProfile({ data }: DeleteBillingProfile, state: BillingProfilesState): BillingProfilesEvent[] {
  const record = state.profiles[data.id];
  if (record?.deletedAt !== undefined && record.profile.namespace === data.namespace) return [];
  liveProfile(state, data.id, data.namespace);
  if (state.defaultId === data.id) {
    throw conflict(
      BillingProfileErrorCode.PROFILE_IN_USE,
      `Billing profile ${data.id} is the default; make another profile the default first`,
    );
  }
  const pinnedBy = Object.values(state.overrides)
    .filter((o) => o.override.billingProfileId === data.id)
    .map((o) => o.override.customerId);
  if (pinnedBy.length > 0) {
    throw conflict(
      BillingProfileErrorCode.PROFILE_IN_USE,
      `Billing profile ${data.id} is pinned by the overrides of customers ${pinnedBy.sort().join(', ')}`,
    );
  }
  return [{ type: 'BillingProfileDeleted', data: { namespace: data.namespace, id: data.id, at: data.now } }];
}

function setOverride({ data }: SetCustomerOverride, state: BillingProfilesState): BillingProfilesEvent[] {
  const problems: FieldProblem[] = workflowProblems('workflow', data.workflow);
  if (data.billingProfileId !== undefined) {
    const record = state.profiles[data.billingProfileId];
    if (
      record === undefined ||
      record.deletedAt !== undefined ||
      record.profile.namespace !== data.namespace
    ) {
      problems.push({
        field: 'billingProfileId',
        code: BillingProfileErrorCode.NOT_FOUND,
        message: `no billing profile ${data.billingProfileId} exists`,
      });
    }
  }
  if (problems.length > 0) {
    throw invalid(
      BillingProfileErrorCode.OVERRIDE_INVALID,
      `The override of customer ${data.customerId} is not valid`,
      problems,
    );
  }
  const override: CustomerOverride = {
    customerId: data.customerId,
    ...(data.billingProfileId !== undefined && { billingProfileId: data.billingProfileId }),
    ...(data.workflow !== undefined && { workflow: structuredClone(data.workflow) }),
  };
  return [
    ...lazyDefault(data, state),
    { type: 'BillingCustomerOverrideSet', data: { ...override, namespace: data.namespace, at: data.now } },
  ];
}

function deleteOverride(
  { data }: DeleteCustomerOverride,
  state: BillingProfilesState,
): BillingProfilesEvent[] {
  if (state.overrides[data.customerId] === undefined)
    throw notFound(
      BillingProfileErrorCode.OVERRIDE_NOT_FOUND,
      `Customer ${data.customerId} has no billing override`,
    );
  return [
    {
      type: 'BillingCustomerOverrideDeleted',
      data: { namespace: data.namespace, customerId: data.customerId, at: data.now },
    },
  ];
}
