import { Decider, Message, evolveByType, unreachable } from '../../shared/decider';
import { FieldProblem, conflict, invalid, notFound } from '../../shared/errors';
import { CatalogErrorCode, CatalogProblemCode } from '../catalog-errors';
import {
  Metadata,
  isPlainObject,
  jsonCopy,
  keyProblems,
  metadataProblems,
  nameProblems,
  optional,
  problem,
} from '../catalog-rules';
import { MeterAggregation } from '../meters/meter.decider';

/**
 * Feature: something a plan can price or entitle, optionally measured by a meter. One stream per
 * feature id.
 *
 * Key uniqueness among live features of a namespace is the create handler's job (a key-claim
 * stream, released when the feature is archived, as OpenMeter lets a new feature reuse an archived
 * key). The handler also resolves the meter named by `meterSlug` and passes it on the command.
 */

/** Aggregations whose value can be billed or entitled over a period. */
export const METERED_FEATURE_AGGREGATIONS: readonly MeterAggregation[] = [
  'SUM',
  'COUNT',
  'UNIQUE_COUNT',
  'LATEST',
];

/** The feature as its Created event carries it, whole. */
export interface Feature {
  readonly id: string;
  readonly namespace: string;
  readonly key: string;
  readonly name: string;
  /** Present for a metered feature, together with `meterGroupByFilters` (`{}` when none). */
  readonly meterSlug?: string;
  /** Meter group-by name → the value this feature counts (`{ model: 'gpt-4' }`). */
  readonly meterGroupByFilters?: Readonly<Record<string, string>>;
  /** `{}` when none. */
  readonly metadata: Metadata;
}

/** The live meter the handler found for `meterSlug`; `undefined` when there is none (or it is deleted). */
export interface ResolvedMeter {
  readonly slug: string;
  readonly aggregation: MeterAggregation;
  /** The meter's group-by names. */
  readonly groupByKeys: readonly string[];
}

export type CreateFeature = Message<
  'CreateFeature',
  {
    id: string;
    namespace: string;
    key: string;
    name: string;
    meterSlug?: string;
    meterGroupByFilters?: Readonly<Record<string, string>>;
    metadata?: Metadata;
    meter: ResolvedMeter | undefined;
    now: string;
  }
>;

export type ArchiveFeature = Message<'ArchiveFeature', { id: string; namespace: string; now: string }>;

export type FeatureCommand = CreateFeature | ArchiveFeature;

export interface FeatureCreatedData extends Feature {
  readonly at: string;
}
export interface FeatureArchivedData {
  readonly id: string;
  readonly namespace: string;
  /** So the handler can release the key claim without a lookup. */
  readonly key: string;
  readonly at: string;
}

export type FeatureCreated = Message<'FeatureCreated', FeatureCreatedData>;
export type FeatureArchived = Message<'FeatureArchived', FeatureArchivedData>;
export type FeatureEvent = FeatureCreated | FeatureArchived;

export type FeatureState =
  | { readonly status: 'empty' }
  | {
      readonly status: 'active';
      readonly feature: Feature;
      readonly createdAt: string;
      readonly updatedAt: string;
    }
  | {
      readonly status: 'archived';
      readonly feature: Feature;
      readonly createdAt: string;
      readonly updatedAt: string;
      readonly archivedAt: string;
    };

export const initialFeatureState = (): FeatureState => ({ status: 'empty' });

export const evolveFeature = evolveByType<FeatureEvent, FeatureState>({
  FeatureCreated: (_state, event) => {
    const { at, ...feature } = event.data;
    return { status: 'active', feature, createdAt: at, updatedAt: at };
  },
  FeatureArchived: (state, event) => {
    if (state.status !== 'active') return state;
    return { ...state, status: 'archived', updatedAt: event.data.at, archivedAt: event.data.at };
  },
});

export function decideFeature(command: FeatureCommand, state: FeatureState): readonly FeatureEvent[] {
  switch (command.type) {
    case 'CreateFeature':
      return createFeature(command, state);
    case 'ArchiveFeature':
      return archiveFeature(command, state);
    default:
      return unreachable(command);
  }
}

export const featureDecider: Decider<FeatureCommand, FeatureEvent, FeatureState> = {
  initialState: initialFeatureState,
  evolve: evolveFeature,
  decide: decideFeature,
};

function createFeature({ data }: CreateFeature, state: FeatureState): readonly FeatureEvent[] {
  if (state.status !== 'empty')
    throw conflict(CatalogErrorCode.FEATURE_ALREADY_EXISTS, `Feature ${data.id} already exists`);
  const problems = [
    ...keyProblems('key', data.key),
    ...nameProblems('name', data.name),
    ...meterProblems(data),
    ...metadataProblems('metadata', data.metadata),
  ];
  if (problems.length > 0)
    throw invalid(CatalogErrorCode.FEATURE_INVALID, `Feature ${data.key} is not valid`, problems);
  const feature: Feature = {
    id: data.id,
    namespace: data.namespace,
    key: data.key,
    name: data.name,
    ...optional('meterSlug', data.meterSlug),
    ...optional(
      'meterGroupByFilters',
      data.meterSlug === undefined ? undefined : (jsonCopy(data.meterGroupByFilters) ?? {}),
    ),
    metadata: jsonCopy(data.metadata) ?? {},
  };
  return [{ type: 'FeatureCreated', data: { ...feature, at: data.now } }];
}

function archiveFeature({ data }: ArchiveFeature, state: FeatureState): readonly FeatureEvent[] {
  if (
    state.status === 'empty' ||
    state.feature.id !== data.id ||
    state.feature.namespace !== data.namespace
  ) {
    throw notFound(CatalogErrorCode.FEATURE_NOT_FOUND, `Feature ${data.id} not found`);
  }
  if (state.status === 'archived') return [];
  const { feature } = state;
  return [
    {
      type: 'FeatureArchived',
      data: { id: feature.id, namespace: feature.namespace, key: feature.key, at: data.now },
    },
  ];
}

function meterProblems({ meterSlug, meterGroupByFilters, meter }: CreateFeature['data']): FieldProblem[] {
  if (meterSlug === undefined) {
    return meterGroupByFilters === undefined
      ? []
      : [problem('meterGroupByFilters', CatalogProblemCode.NOT_ALLOWED, 'needs a meterSlug')];
  }
  const slugProblems = keyProblems('meterSlug', meterSlug);
  if (slugProblems.length > 0) return slugProblems;
  if (meter === undefined || meter.slug !== meterSlug) {
    return [problem('meterSlug', CatalogProblemCode.METER_NOT_FOUND, `no meter ${meterSlug} exists`)];
  }
  const problems: FieldProblem[] = [];
  if (!METERED_FEATURE_AGGREGATIONS.includes(meter.aggregation)) {
    problems.push(
      problem(
        'meterSlug',
        CatalogProblemCode.UNSUPPORTED_AGGREGATION,
        `meter ${meterSlug} aggregates with ${meter.aggregation}; a feature needs ${METERED_FEATURE_AGGREGATIONS.join(', ')}`,
      ),
    );
  }
  if (meterGroupByFilters === undefined) return problems;
  if (!isPlainObject(meterGroupByFilters)) {
    return [
      ...problems,
      problem(
        'meterGroupByFilters',
        CatalogProblemCode.INVALID_GROUP_BY,
        'must be an object of group-by name → value',
      ),
    ];
  }
  for (const [name, value] of Object.entries(meterGroupByFilters)) {
    const field = `meterGroupByFilters.${name}`;
    if (!meter.groupByKeys.includes(name)) {
      problems.push(
        problem(field, CatalogProblemCode.UNKNOWN_GROUP_BY, `meter ${meterSlug} has no group-by ${name}`),
      );
    } else if (typeof value !== 'string') {
      problems.push(problem(field, CatalogProblemCode.INVALID_GROUP_BY, 'must be a string'));
    }
  }
  return problems;
}
