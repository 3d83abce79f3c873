import { Decider, Message, evolveByType, unreachable } from '../../shared/decider';
import { FieldProblem, conflict, invalid, notFound } from '../../shared/errors';
import { isDecimalString } from '../../shared/money';
import {
  GroupByFilters,
  asEqualityMap,
  equalityFilters,
  groupByFiltersProblems,
  normalizeFilters,
  sameFilters,
} from '../../shared/string-filter';
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

/**
 * OpenMeter's `FeatureUnitCost`: a fixed cost per unit, or where to look an LLM's cost up. Kept and
 * shown back, not acted on: Tally prices usage through plans' rate cards.
 */
export type FeatureUnitCost =
  | { readonly type: 'manual'; readonly amount: string }
  | {
      readonly type: 'llm';
      readonly providerProperty?: string;
      readonly provider?: string;
      readonly modelProperty?: string;
      readonly model?: string;
      readonly tokenTypeProperty?: string;
      readonly tokenType?: string;
    };

/** The feature as its Created event carries it, whole. */
export interface Feature {
  readonly id: string;
  readonly namespace: string;
  readonly key: string;
  readonly name: string;
  /** Present for a metered feature, together with its filters (`{}` when none). */
  readonly meterSlug?: string;
  /**
   * Meter group-by name → the value this feature counts (`{ model: 'gpt-4' }`): OpenMeter's legacy
   * form, present while every filter is a plain equality.
   */
  readonly meterGroupByFilters?: Readonly<Record<string, string>>;
  /**
   * Meter group-by name → the filter its value must pass: what the feature counts. Absent in
   * features created before Tally read it, whose `meterGroupByFilters` say the same (see `filtersOf`).
   */
  readonly advancedMeterGroupByFilters?: GroupByFilters;
  readonly unitCost?: FeatureUnitCost;
  /** `{}` when none. */
  readonly metadata: Metadata;
}

/** What a feature counts of its meter, whichever form its event wrote it in. */
export function filtersOf(feature: {
  readonly meterGroupByFilters?: Readonly<Record<string, string>> | null;
  readonly advancedMeterGroupByFilters?: GroupByFilters | null;
}): GroupByFilters {
  return feature.advancedMeterGroupByFilters ?? equalityFilters(feature.meterGroupByFilters ?? {});
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
    /** Wins over `meterGroupByFilters` when not empty (OpenMeter's rule); the two may not disagree. */
    advancedMeterGroupByFilters?: GroupByFilters;
    unitCost?: FeatureUnitCost;
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
    ...unitCostProblems(data.unitCost),
    ...metadataProblems('metadata', data.metadata),
  ];
  if (problems.length > 0)
    throw invalid(CatalogErrorCode.FEATURE_INVALID, `Feature ${data.key} is not valid`, problems);
  const filters = data.meterSlug === undefined ? undefined : normalizeFilters(requestedFilters(data));
  const equality = filters && asEqualityMap(filters);
  const feature: Feature = {
    id: data.id,
    namespace: data.namespace,
    key: data.key,
    name: data.name,
    ...optional('meterSlug', data.meterSlug),
    ...optional('meterGroupByFilters', equality),
    ...optional('advancedMeterGroupByFilters', filters),
    ...optional('unitCost', jsonCopy(data.unitCost)),
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

/** OpenMeter: the advanced filters when any are given, else the legacy map as equalities. */
function requestedFilters(data: CreateFeature['data']): GroupByFilters {
  const advanced = data.advancedMeterGroupByFilters;
  if (advanced !== undefined && Object.keys(advanced).length > 0) return advanced;
  return equalityFilters(data.meterGroupByFilters ?? {});
}

function unitCostProblems(unitCost: unknown): FieldProblem[] {
  if (unitCost === undefined) return [];
  if (!isPlainObject(unitCost))
    return [problem('unitCost', CatalogProblemCode.INVALID_ENUM, 'must be a manual or llm unit cost')];
  if (unitCost.type === 'manual') {
    return isDecimalString(unitCost.amount)
      ? []
      : [
          problem(
            'unitCost.amount',
            CatalogProblemCode.INVALID_DECIMAL,
            'must be a decimal string such as "0.01"',
          ),
        ];
  }
  if (unitCost.type !== 'llm')
    return [problem('unitCost.type', CatalogProblemCode.INVALID_ENUM, 'must be manual or llm')];
  return (['provider', 'model', 'tokenType'] as const).flatMap((name) =>
    unitCost[name] !== undefined && unitCost[`${name}Property`] !== undefined
      ? [problem(`unitCost.${name}`, CatalogProblemCode.NOT_ALLOWED, `may not be given with ${name}Property`)]
      : [],
  );
}

function meterProblems(data: CreateFeature['data']): FieldProblem[] {
  const { meterSlug, meterGroupByFilters, advancedMeterGroupByFilters, meter } = data;
  if (meterSlug === undefined) {
    return [
      ...(meterGroupByFilters === undefined
        ? []
        : [problem('meterGroupByFilters', CatalogProblemCode.NOT_ALLOWED, 'needs a meterSlug')]),
      ...(advancedMeterGroupByFilters === undefined
        ? []
        : [problem('advancedMeterGroupByFilters', CatalogProblemCode.NOT_ALLOWED, 'needs a meterSlug')]),
    ];
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
  if (advancedMeterGroupByFilters !== undefined) {
    const shape = groupByFiltersProblems(
      'advancedMeterGroupByFilters',
      advancedMeterGroupByFilters,
      CatalogProblemCode.INVALID_GROUP_BY,
    );
    if (shape.length > 0) return [...problems, ...shape];
    for (const name of Object.keys(advancedMeterGroupByFilters)) {
      if (!meter.groupByKeys.includes(name))
        problems.push(
          problem(
            `advancedMeterGroupByFilters.${name}`,
            CatalogProblemCode.UNKNOWN_GROUP_BY,
            `meter ${meterSlug} has no group-by ${name}`,
          ),
        );
    }
    const legacy = isPlainObject(meterGroupByFilters) ? meterGroupByFilters : {};
    if (
      Object.keys(advancedMeterGroupByFilters).length > 0 &&
      Object.keys(legacy).length > 0 &&
      !sameFilters(equalityFilters(legacy as Record<string, string>), advancedMeterGroupByFilters)
    ) {
      problems.push(
        problem(
          'meterGroupByFilters',
          CatalogProblemCode.NOT_ALLOWED,
          'says otherwise than advancedMeterGroupByFilters: give one of them',
        ),
      );
    }
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
