import { Decider, Message, evolveByType, unreachable } from '../../shared/decider';
import { conflict, invalid, notFound } from '../../shared/errors';
import { isCurrencyCode } from '../../shared/currencies';
import { FieldProblem } from '../../shared/errors';
import { CatalogErrorCode, CatalogProblemCode } from '../catalog-errors';
import {
  Metadata,
  descriptionProblems,
  jsonCopy,
  keyProblems,
  metadataProblems,
  nameProblems,
  optional,
  problem,
  sameJson,
} from '../catalog-rules';
import {
  ResolvedFeatures,
  rateCardListProblems,
  rateCardListReferenceProblems,
} from '../plans/plan-validation';
import type { RateCard } from '../plans/rate-card';

/**
 * Add-on: one stream per add-on VERSION, as plans (OpenMeter's add-ons are versioned by key the same
 * way). A version is created as a draft, edited freely, published (immutable from then on) and
 * archived. Only a draft can be deleted: a published version may be attached to plans and
 * subscriptions, whose history must keep naming it.
 *
 * The handlers own what spans streams, as for plans: (key, version) unique per namespace and one
 * draft per key (key claims), archiving the key's previous active version on publish, and resolving
 * every `featureKey` before `PublishAddon`.
 */

/** OpenMeter's `AddonInstanceType`: `single` is added to a subscription once, `multiple` with a quantity. */
export const ADDON_INSTANCE_TYPES = ['single', 'multiple'] as const;
export type AddonInstanceType = (typeof ADDON_INSTANCE_TYPES)[number];

/** What a draft may change (OpenMeter's `AddonReplaceUpdate`). */
export interface AddonContent {
  readonly name: string;
  readonly description?: string;
  /** `{}` when none. */
  readonly metadata: Metadata;
  readonly instanceType: AddonInstanceType;
  readonly rateCards: readonly RateCard[];
}

/** One version of an add-on, whole, as every Created/Updated/Published event carries it. */
export interface Addon extends AddonContent {
  readonly id: string;
  readonly namespace: string;
  readonly key: string;
  /** 1, 2, …: fixed at creation. */
  readonly version: number;
  /** ISO 4217, fixed at creation. */
  readonly currency: string;
}

type ContentInput = Omit<AddonContent, 'metadata'> & { readonly metadata?: Metadata };

// Commands. `now` is the handler's clock reading; ids and versions come with the command.

export type CreateAddon = Message<
  'CreateAddon',
  ContentInput & {
    id: string;
    namespace: string;
    key: string;
    version: number;
    currency: string;
    now: string;
  }
>;
export type UpdateAddon = Message<
  'UpdateAddon',
  ContentInput & { id: string; namespace: string; now: string }
>;
export type PublishAddon = Message<
  'PublishAddon',
  { id: string; namespace: string; features: ResolvedFeatures; now: string }
>;
export type ArchiveAddon = Message<'ArchiveAddon', { id: string; namespace: string; now: string }>;
export type DeleteAddon = Message<'DeleteAddon', { id: string; namespace: string; now: string }>;
export type AddonCommand = CreateAddon | UpdateAddon | PublishAddon | ArchiveAddon | DeleteAddon;

// Events: stored contracts, never renamed.

export interface AddonCreatedData extends Addon {
  readonly at: string;
}
export interface AddonUpdatedData extends Addon {
  readonly at: string;
}
/** Carries the whole published version, so plans, subscriptions and billing can use it from this event alone. */
export interface AddonPublishedData extends Addon {
  readonly effectiveFrom: string;
  readonly at: string;
}
export interface AddonArchivedData {
  readonly id: string;
  readonly namespace: string;
  readonly key: string;
  readonly version: number;
  readonly effectiveTo: string;
  readonly at: string;
}
/** Its version number stays taken. */
export interface AddonDeletedData {
  readonly id: string;
  readonly namespace: string;
  readonly key: string;
  readonly version: number;
  readonly at: string;
}

export type AddonCreated = Message<'AddonCreated', AddonCreatedData>;
export type AddonUpdated = Message<'AddonUpdated', AddonUpdatedData>;
export type AddonPublished = Message<'AddonPublished', AddonPublishedData>;
export type AddonArchived = Message<'AddonArchived', AddonArchivedData>;
export type AddonDeleted = Message<'AddonDeleted', AddonDeletedData>;
export type AddonEvent = AddonCreated | AddonUpdated | AddonPublished | AddonArchived | AddonDeleted;

/** Every add-on event type, one constant each (the projection and the every-event history use them). */
export const ADDON_EVENT_TYPES = [
  'AddonCreated',
  'AddonUpdated',
  'AddonPublished',
  'AddonArchived',
  'AddonDeleted',
] as const satisfies readonly AddonEvent['type'][];

// State.

export type DraftAddonState = { readonly status: 'draft'; readonly addon: Addon };
export type ActiveAddonState = {
  readonly status: 'active';
  readonly addon: Addon;
  readonly effectiveFrom: string;
};
export type ArchivedAddonState = {
  readonly status: 'archived';
  readonly addon: Addon;
  readonly effectiveFrom: string;
  readonly effectiveTo: string;
};
export type DeletedAddonState = { readonly status: 'deleted'; readonly addon: Addon };
export type AddonState =
  { readonly status: 'empty' } | DraftAddonState | ActiveAddonState | ArchivedAddonState | DeletedAddonState;

export const initialAddonState = (): AddonState => ({ status: 'empty' });

export const evolveAddon = evolveByType<AddonEvent, AddonState>({
  AddonCreated: (_state, event) => {
    const { at: _at, ...addon } = event.data;
    return { status: 'draft', addon };
  },
  AddonUpdated: (state, event) => {
    if (state.status !== 'draft') return state;
    const { at: _at, ...addon } = event.data;
    return { status: 'draft', addon };
  },
  AddonPublished: (state, event) => {
    if (state.status !== 'draft') return state;
    const { at: _at, effectiveFrom, ...addon } = event.data;
    return { status: 'active', addon, effectiveFrom };
  },
  AddonArchived: (state, event) => {
    if (state.status !== 'active') return state;
    return { ...state, status: 'archived', effectiveTo: event.data.effectiveTo };
  },
  AddonDeleted: (state) => (state.status === 'draft' ? { status: 'deleted', addon: state.addon } : state),
});

export function decideAddon(command: AddonCommand, state: AddonState): readonly AddonEvent[] {
  switch (command.type) {
    case 'CreateAddon':
      return createAddon(command, state);
    case 'UpdateAddon':
      return updateAddon(command, state);
    case 'PublishAddon':
      return publishAddon(command, state);
    case 'ArchiveAddon':
      return archiveAddon(command, state);
    case 'DeleteAddon':
      return deleteAddon(command, state);
    default:
      return unreachable(command);
  }
}

export const addonDecider: Decider<AddonCommand, AddonEvent, AddonState> = {
  initialState: initialAddonState,
  evolve: evolveAddon,
  decide: decideAddon,
};

/** Every feature key the add-on's rate cards use, once each: what the publish handler must resolve. */
export function featureKeysOfAddon(addon: AddonContent): string[] {
  return [
    ...new Set(
      addon.rateCards.flatMap((rateCard) => (rateCard.featureKey === undefined ? [] : [rateCard.featureKey])),
    ),
  ];
}

/** Everything an add-on version must satisfy to be kept, on every create and update. */
export function addonProblems(addon: Addon): FieldProblem[] {
  return [
    ...keyProblems('key', addon.key),
    ...(Number.isSafeInteger(addon.version) && addon.version >= 1
      ? []
      : [problem('version', CatalogProblemCode.INVALID_VERSION, 'must be an integer of at least 1')]),
    ...nameProblems('name', addon.name),
    ...descriptionProblems('description', addon.description),
    ...metadataProblems('metadata', addon.metadata),
    ...(isCurrencyCode(addon.currency)
      ? []
      : [
          problem(
            'currency',
            CatalogProblemCode.INVALID_CURRENCY,
            'must be an ISO 4217 currency code with a minor unit, such as USD',
          ),
        ]),
    ...((ADDON_INSTANCE_TYPES as readonly string[]).includes(addon.instanceType)
      ? []
      : [problem('instanceType', CatalogProblemCode.INVALID_ENUM, 'must be one of single, multiple')]),
    ...rateCardListProblems(addon.rateCards, 'rateCards'),
  ];
}

function createAddon({ data }: CreateAddon, state: AddonState): readonly AddonEvent[] {
  if (state.status !== 'empty')
    throw conflict(CatalogErrorCode.ADDON_ALREADY_EXISTS, `Add-on ${data.id} already exists`);
  const addon: Addon = {
    id: data.id,
    namespace: data.namespace,
    key: data.key,
    version: data.version,
    currency: data.currency,
    ...content(data),
  };
  assertValid(addon);
  return [{ type: 'AddonCreated', data: { ...addon, at: data.now } }];
}

function updateAddon({ data }: UpdateAddon, state: AddonState): readonly AddonEvent[] {
  const current = draft(state, data.id, data.namespace);
  const addon: Addon = {
    id: current.id,
    namespace: current.namespace,
    key: current.key,
    version: current.version,
    currency: current.currency,
    ...content(data),
  };
  assertValid(addon);
  if (sameJson(addon, current)) return [];
  return [{ type: 'AddonUpdated', data: { ...addon, at: data.now } }];
}

function publishAddon({ data }: PublishAddon, state: AddonState): readonly AddonEvent[] {
  const addon = draft(state, data.id, data.namespace);
  const problems = rateCardListReferenceProblems(addon.rateCards, 'rateCards', data.features);
  if (problems.length > 0)
    throw invalid(CatalogErrorCode.ADDON_INVALID, invalidMessage(addon, problems), problems);
  return [{ type: 'AddonPublished', data: { ...addon, effectiveFrom: data.now, at: data.now } }];
}

function archiveAddon({ data }: ArchiveAddon, state: AddonState): readonly AddonEvent[] {
  const found = existing(state, data.id, data.namespace);
  if (found.status === 'archived') return [];
  if (found.status === 'draft') {
    throw conflict(
      CatalogErrorCode.ADDON_NOT_PUBLISHED,
      `Add-on ${found.addon.key} v${found.addon.version} is a draft; only a published version can be archived`,
    );
  }
  const { addon } = found;
  return [
    {
      type: 'AddonArchived',
      data: {
        id: addon.id,
        namespace: addon.namespace,
        key: addon.key,
        version: addon.version,
        effectiveTo: data.now,
        at: data.now,
      },
    },
  ];
}

/** Deleting a deleted draft is a no-op, so a retried DELETE answers the same. */
function deleteAddon({ data }: DeleteAddon, state: AddonState): readonly AddonEvent[] {
  if (state.status === 'deleted' && state.addon.id === data.id && state.addon.namespace === data.namespace)
    return [];
  const found = existing(state, data.id, data.namespace);
  if (found.status !== 'draft') {
    throw conflict(
      CatalogErrorCode.ADDON_NOT_DRAFT,
      `Add-on ${found.addon.key} v${found.addon.version} is ${found.status}; only a draft can be deleted`,
    );
  }
  const { addon } = found;
  return [
    {
      type: 'AddonDeleted',
      data: {
        id: addon.id,
        namespace: addon.namespace,
        key: addon.key,
        version: addon.version,
        at: data.now,
      },
    },
  ];
}

function content(data: ContentInput): AddonContent {
  return {
    name: data.name,
    ...optional('description', data.description),
    metadata: jsonCopy(data.metadata) ?? {},
    instanceType: data.instanceType,
    rateCards: jsonCopy(data.rateCards),
  };
}

function assertValid(addon: Addon): void {
  const problems = addonProblems(addon);
  if (problems.length > 0)
    throw invalid(CatalogErrorCode.ADDON_INVALID, invalidMessage(addon, problems), problems);
}

function invalidMessage(addon: Addon, problems: readonly FieldProblem[]): string {
  const count = problems.length;
  return `Add-on ${addon.key} v${addon.version} is not valid: ${count} problem${count === 1 ? '' : 's'}`;
}

/** The add-on this caller may see, or 404 — also for a deleted one, or another namespace's. */
function existing(
  state: AddonState,
  id: string,
  namespace: string,
): DraftAddonState | ActiveAddonState | ArchivedAddonState {
  if (
    state.status === 'empty' ||
    state.status === 'deleted' ||
    state.addon.id !== id ||
    state.addon.namespace !== namespace
  ) {
    throw notFound(CatalogErrorCode.ADDON_NOT_FOUND, `Add-on ${id} not found`);
  }
  return state;
}

function draft(state: AddonState, id: string, namespace: string): Addon {
  const found = existing(state, id, namespace);
  if (found.status !== 'draft') {
    throw conflict(
      CatalogErrorCode.ADDON_NOT_DRAFT,
      `Add-on ${found.addon.key} v${found.addon.version} is ${found.status}; a published version cannot change`,
    );
  }
  return found.addon;
}
