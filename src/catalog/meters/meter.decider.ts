import { Decider, Message, evolveByType, unreachable } from '../../shared/decider';
import { FieldProblem, conflict, invalid, notFound } from '../../shared/errors';
import { MAX_ATTRIBUTE_LENGTH } from '../../shared/limits';
import { parseValuePath } from '../../shared/json-path';
import { CatalogErrorCode, CatalogProblemCode } from '../catalog-errors';
import {
  Metadata,
  descriptionProblems,
  isPlainObject,
  jsonCopy,
  keyProblems,
  metadataProblems,
  nameProblems,
  normalizeTimestamp,
  optional,
  problem,
  sameJson,
  timestampProblems,
} from '../catalog-rules';

/**
 * Meter: how usage events of one type are matched and aggregated. One stream per meter id.
 *
 * Slug uniqueness within a namespace is not decided here — a decider sees one stream. The create
 * handler claims the slug in its own key-claim stream (`keyClaimStream(namespace, 'meter_slug', slug)`,
 * expected version "no stream") before or atomically with appending `MeterCreated`, and answers
 * `CATALOG.METER_SLUG_TAKEN` when the claim exists. Likewise the handler resolves which live features
 * use the meter and passes them on `DeleteMeter` and `UpdateMeter`.
 *
 * A feature's create links it to the meter in the meter's own stream (`LinkFeature`, appended at the
 * version read) before the feature is written, and a delete decides on the links in that same
 * stream: of a delete and a create racing, exactly one append succeeds, and the other is decided
 * again on the newer state — so no live feature is left on a deleted meter.
 */

export const METER_AGGREGATIONS = ['SUM', 'COUNT', 'UNIQUE_COUNT', 'AVG', 'MIN', 'MAX', 'LATEST'] as const;
export type MeterAggregation = (typeof METER_AGGREGATIONS)[number];

/** Group-by names become query dimensions and column aliases: identifiers only. */
export const GROUP_BY_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Dimensions every meter query already has (`groupBy=subject`, `groupBy=customer_id`). */
export const RESERVED_GROUP_BY_NAMES: readonly string[] = ['subject', 'customer_id'];

/** The meter as every Created/Updated event carries it, whole: a read model needs nothing else. */
export interface Meter {
  readonly id: string;
  readonly namespace: string;
  readonly slug: string;
  /** Defaults to the slug. */
  readonly name: string;
  readonly description?: string;
  readonly eventType: string;
  readonly aggregation: MeterAggregation;
  /** Safe JSONPath into the event's `data`; absent exactly when the aggregation is COUNT. */
  readonly valueProperty?: string;
  /** Dimension name → safe JSONPath into the event's `data`; `{}` when none. */
  readonly groupBy: Readonly<Record<string, string>>;
  /** Normalized to UTC (`2024-01-01T00:00:00.000Z`); events before it are not counted. */
  readonly eventFrom?: string;
  /** `{}` when none. */
  readonly metadata: Metadata;
}

// Commands. `now` is the handler's clock reading (ISO 8601); ids come with the command.

export type CreateMeter = Message<
  'CreateMeter',
  {
    id: string;
    namespace: string;
    slug: string;
    name?: string;
    description?: string;
    eventType: string;
    aggregation: MeterAggregation;
    valueProperty?: string;
    groupBy?: Readonly<Record<string, string>>;
    eventFrom?: string;
    metadata?: Metadata;
    now: string;
  }
>;

/**
 * Replaces the editable fields (OpenMeter's `MeterUpdate`: name, description, groupBy, metadata);
 * slug, eventType, aggregation, valueProperty and eventFrom never change. An absent field is reset
 * (name to the slug, groupBy and metadata to `{}`), as PUT replaces the resource.
 */
export type UpdateMeter = Message<
  'UpdateMeter',
  {
    id: string;
    namespace: string;
    name?: string;
    description?: string;
    groupBy?: Readonly<Record<string, string>>;
    metadata?: Metadata;
    /** Resolved by the handler: group-by names that live features filter on (their filters' keys). */
    groupByKeysInUse: readonly string[];
    now: string;
  }
>;

export type DeleteMeter = Message<
  'DeleteMeter',
  {
    id: string;
    namespace: string;
    /** Resolved by the handler: keys of the live (not archived) features whose `meterSlug` is this meter's. */
    featuresUsingMeter: readonly string[];
    /**
     * Resolved by the handler: ids of linked features that no longer use the meter — archived, or
     * never written (a create that failed after linking, older than any create still running).
     * Every other link, including one appended since the handler looked, keeps the meter in use.
     */
    unusedLinks: readonly string[];
    now: string;
  }
>;

/** Records that a feature is being created on the meter; refused once the meter is deleted. */
export type LinkFeature = Message<
  'LinkFeature',
  { id: string; namespace: string; featureId: string; featureKey: string; now: string }
>;

export type MeterCommand = CreateMeter | UpdateMeter | DeleteMeter | LinkFeature;

// Events: stored contracts, never renamed.

export interface MeterCreatedData extends Meter {
  readonly at: string;
}
export interface MeterUpdatedData extends Meter {
  readonly at: string;
}
export interface MeterDeletedData {
  readonly id: string;
  readonly namespace: string;
  /** So the handler can release the slug claim and projections can drop it without a lookup. */
  readonly slug: string;
  readonly at: string;
}
export interface MeterFeatureLinkedData {
  readonly id: string;
  readonly namespace: string;
  readonly featureId: string;
  readonly featureKey: string;
  readonly at: string;
}

export type MeterCreated = Message<'MeterCreated', MeterCreatedData>;
export type MeterUpdated = Message<'MeterUpdated', MeterUpdatedData>;
export type MeterDeleted = Message<'MeterDeleted', MeterDeletedData>;
export type MeterFeatureLinked = Message<'MeterFeatureLinked', MeterFeatureLinkedData>;
export type MeterEvent = MeterCreated | MeterUpdated | MeterDeleted | MeterFeatureLinked;

// State.

/** A feature created on the meter (or being created): whether it still uses it is the feature's own state. */
export interface MeterFeatureLink {
  readonly featureId: string;
  readonly featureKey: string;
  readonly at: string;
}

export type MeterState =
  | { readonly status: 'empty' }
  | {
      readonly status: 'active';
      readonly meter: Meter;
      readonly features: readonly MeterFeatureLink[];
      readonly createdAt: string;
      readonly updatedAt: string;
    }
  | {
      readonly status: 'deleted';
      readonly meter: Meter;
      readonly features: readonly MeterFeatureLink[];
      readonly createdAt: string;
      readonly updatedAt: string;
      readonly deletedAt: string;
    };

export const initialMeterState = (): MeterState => ({ status: 'empty' });

export const evolveMeter = evolveByType<MeterEvent, MeterState>({
  MeterCreated: (_state, event) => {
    const { at, ...meter } = event.data;
    return { status: 'active', meter, features: [], createdAt: at, updatedAt: at };
  },
  MeterUpdated: (state, event) => {
    if (state.status !== 'active') return state;
    const { at, ...meter } = event.data;
    return { ...state, meter, updatedAt: at };
  },
  MeterDeleted: (state, event) => {
    if (state.status !== 'active') return state;
    return { ...state, status: 'deleted', deletedAt: event.data.at };
  },
  MeterFeatureLinked: (state, { data: { featureId, featureKey, at } }) => {
    if (state.status !== 'active') return state;
    return { ...state, features: [...state.features, { featureId, featureKey, at }] };
  },
});

export function decideMeter(command: MeterCommand, state: MeterState): readonly MeterEvent[] {
  switch (command.type) {
    case 'CreateMeter':
      return createMeter(command, state);
    case 'UpdateMeter':
      return updateMeter(command, state);
    case 'DeleteMeter':
      return deleteMeter(command, state);
    case 'LinkFeature':
      return linkFeature(command, state);
    default:
      return unreachable(command);
  }
}

export const meterDecider: Decider<MeterCommand, MeterEvent, MeterState> = {
  initialState: initialMeterState,
  evolve: evolveMeter,
  decide: decideMeter,
};

function createMeter({ data }: CreateMeter, state: MeterState): readonly MeterEvent[] {
  if (state.status !== 'empty')
    throw conflict(CatalogErrorCode.METER_ALREADY_EXISTS, `Meter ${data.id} already exists`);
  const problems = [
    ...keyProblems('slug', data.slug),
    ...(data.name === undefined ? [] : nameProblems('name', data.name)),
    ...descriptionProblems('description', data.description),
    ...eventTypeProblems(data.eventType),
    ...aggregationProblems(data.aggregation, data.valueProperty),
    ...groupByProblems(data.groupBy, data.valueProperty),
    ...(data.eventFrom === undefined ? [] : timestampProblems('eventFrom', data.eventFrom)),
    ...metadataProblems('metadata', data.metadata),
  ];
  if (problems.length > 0)
    throw invalid(CatalogErrorCode.METER_INVALID, `Meter ${data.slug} is not valid`, problems);
  const meter: Meter = {
    id: data.id,
    namespace: data.namespace,
    slug: data.slug,
    name: data.name ?? data.slug,
    ...optional('description', data.description),
    eventType: data.eventType,
    aggregation: data.aggregation,
    ...optional('valueProperty', data.valueProperty),
    groupBy: jsonCopy(data.groupBy) ?? {},
    ...optional('eventFrom', data.eventFrom === undefined ? undefined : normalizeTimestamp(data.eventFrom)),
    metadata: jsonCopy(data.metadata) ?? {},
  };
  return [{ type: 'MeterCreated', data: { ...meter, at: data.now } }];
}

function updateMeter({ data }: UpdateMeter, state: MeterState): readonly MeterEvent[] {
  const current = liveMeter(state, data.id, data.namespace);
  const problems = [
    ...(data.name === undefined ? [] : nameProblems('name', data.name)),
    ...descriptionProblems('description', data.description),
    ...groupByProblems(data.groupBy, current.valueProperty),
    ...metadataProblems('metadata', data.metadata),
  ];
  if (problems.length > 0)
    throw invalid(CatalogErrorCode.METER_INVALID, `Meter ${current.slug} update is not valid`, problems);
  const groupBy = jsonCopy(data.groupBy) ?? {};
  const dropped = data.groupByKeysInUse.filter((name) => !Object.hasOwn(groupBy, name));
  if (dropped.length > 0) {
    throw conflict(
      CatalogErrorCode.METER_GROUP_BY_IN_USE,
      `Features filter on group-by ${dropped.join(', ')} of meter ${current.slug}; it cannot be removed`,
      dropped.map((name) =>
        problem(`groupBy.${name}`, CatalogErrorCode.METER_GROUP_BY_IN_USE, 'is used by a feature filter'),
      ),
    );
  }
  const meter: Meter = {
    id: current.id,
    namespace: current.namespace,
    slug: current.slug,
    name: data.name ?? current.slug,
    ...optional('description', data.description),
    eventType: current.eventType,
    aggregation: current.aggregation,
    ...optional('valueProperty', current.valueProperty),
    groupBy,
    ...optional('eventFrom', current.eventFrom),
    metadata: jsonCopy(data.metadata) ?? {},
  };
  if (sameJson(meter, current)) return [];
  return [{ type: 'MeterUpdated', data: { ...meter, at: data.now } }];
}

function deleteMeter({ data }: DeleteMeter, state: MeterState): readonly MeterEvent[] {
  if (state.status === 'deleted' && matches(state.meter, data.id, data.namespace)) return [];
  const meter = liveMeter(state, data.id, data.namespace);
  const linked = state.status === 'active' ? state.features : [];
  const inUse = new Set([
    ...data.featuresUsingMeter,
    ...linked.filter((link) => !data.unusedLinks.includes(link.featureId)).map((link) => link.featureKey),
  ]);
  if (inUse.size > 0) {
    throw conflict(
      CatalogErrorCode.METER_IN_USE,
      `Meter ${meter.slug} is used by features ${[...inUse].join(', ')}; archive them first`,
    );
  }
  return [
    {
      type: 'MeterDeleted',
      data: { id: meter.id, namespace: meter.namespace, slug: meter.slug, at: data.now },
    },
  ];
}

function linkFeature({ data }: LinkFeature, state: MeterState): readonly MeterEvent[] {
  if (state.status === 'deleted' && matches(state.meter, data.id, data.namespace)) {
    throw conflict(
      CatalogErrorCode.METER_DELETED,
      `Meter ${state.meter.slug} was deleted while the feature ${data.featureKey} was being created on it`,
    );
  }
  const meter = liveMeter(state, data.id, data.namespace);
  if (state.status === 'active' && state.features.some((link) => link.featureId === data.featureId))
    return [];
  return [
    {
      type: 'MeterFeatureLinked',
      data: {
        id: meter.id,
        namespace: meter.namespace,
        featureId: data.featureId,
        featureKey: data.featureKey,
        at: data.now,
      },
    },
  ];
}

/** The active meter, or 404 — also for another namespace's meter, which this caller may not see. */
function liveMeter(state: MeterState, id: string, namespace: string): Meter {
  if (state.status !== 'active' || !matches(state.meter, id, namespace)) {
    throw notFound(CatalogErrorCode.METER_NOT_FOUND, `Meter ${id} not found`);
  }
  return state.meter;
}

function matches(meter: Meter, id: string, namespace: string): boolean {
  return meter.id === id && meter.namespace === namespace;
}

/**
 * No event longer than ingestion's bound on `type` can match, and the usage read model indexes the
 * meter's event type (an index entry is capped at about 2.7 kB): so the same bound holds here.
 */
function eventTypeProblems(eventType: unknown): FieldProblem[] {
  if (typeof eventType !== 'string' || eventType.trim() === '')
    return [problem('eventType', CatalogProblemCode.REQUIRED, 'is required and may not be blank')];
  return eventType.length > MAX_ATTRIBUTE_LENGTH
    ? [
        problem(
          'eventType',
          CatalogProblemCode.INVALID_TEXT,
          `must be at most ${MAX_ATTRIBUTE_LENGTH} characters, like an ingested event's type`,
        ),
      ]
    : [];
}

function aggregationProblems(aggregation: unknown, valueProperty: string | undefined): FieldProblem[] {
  if (!METER_AGGREGATIONS.includes(aggregation as MeterAggregation)) {
    return [
      problem(
        'aggregation',
        CatalogProblemCode.INVALID_ENUM,
        `must be one of ${METER_AGGREGATIONS.join(', ')}`,
      ),
    ];
  }
  if (aggregation === 'COUNT') {
    return valueProperty === undefined
      ? []
      : [
          problem(
            'valueProperty',
            CatalogProblemCode.NOT_ALLOWED,
            'must be absent for a COUNT meter, which counts events',
          ),
        ];
  }
  if (valueProperty === undefined || valueProperty === '') {
    return [
      problem('valueProperty', CatalogProblemCode.REQUIRED, `is required for a ${String(aggregation)} meter`),
    ];
  }
  return jsonPathProblems('valueProperty', valueProperty);
}

function groupByProblems(groupBy: unknown, valueProperty: string | undefined): FieldProblem[] {
  if (groupBy === undefined) return [];
  if (!isPlainObject(groupBy))
    return [problem('groupBy', CatalogProblemCode.INVALID_GROUP_BY, 'must be an object of name → JSONPath')];
  return Object.entries(groupBy).flatMap(([name, path]): FieldProblem[] => {
    const field = `groupBy.${name}`;
    if (!GROUP_BY_NAME_PATTERN.test(name)) {
      return [
        problem(
          field,
          CatalogProblemCode.INVALID_GROUP_BY,
          'name must be an identifier: letters, digits and _, not starting with a digit, at most 64',
        ),
      ];
    }
    if (RESERVED_GROUP_BY_NAMES.includes(name)) {
      return [problem(field, CatalogProblemCode.INVALID_GROUP_BY, `'${name}' is a reserved dimension`)];
    }
    if (typeof path !== 'string')
      return [problem(field, CatalogProblemCode.INVALID_JSON_PATH, 'must be a JSONPath string')];
    if (path === valueProperty) {
      return [
        problem(field, CatalogProblemCode.INVALID_GROUP_BY, 'may not be the same path as valueProperty'),
      ];
    }
    return jsonPathProblems(field, path);
  });
}

function jsonPathProblems(field: string, path: string): FieldProblem[] {
  const parsed = parseValuePath(path);
  return parsed.ok ? [] : [problem(field, CatalogProblemCode.INVALID_JSON_PATH, parsed.message)];
}
