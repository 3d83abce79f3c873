import { fold } from '../../shared/decider';
import { deciderSpec } from '../../shared/testing/decider-spec';
import { problemCodes, rejection } from '../../shared/testing/rejection';
import {
  ArchiveFeature,
  CreateFeature,
  FeatureArchived,
  FeatureCreated,
  ResolvedMeter,
  featureDecider,
  filtersOf,
} from './feature.decider';

const NOW = '2024-05-01T10:00:00.000Z';
const LATER = '2024-05-02T10:00:00.000Z';
const spec = deciderSpec(featureDecider);

const activeUsersMeter: ResolvedMeter = {
  slug: 'active_users_total',
  aggregation: 'UNIQUE_COUNT',
  groupByKeys: [],
};
const tokensMeter: ResolvedMeter = {
  slug: 'tokens_total',
  aggregation: 'SUM',
  groupByKeys: ['model', 'type'],
};

function create(data: Partial<CreateFeature['data']> = {}): CreateFeature {
  return {
    type: 'CreateFeature',
    data: {
      id: 'feature-1',
      namespace: 'default',
      key: 'active_users',
      name: 'active-users',
      meterSlug: 'active_users_total',
      meter: activeUsersMeter,
      now: NOW,
      ...data,
    },
  };
}

const created: FeatureCreated = {
  type: 'FeatureCreated',
  data: {
    id: 'feature-1',
    namespace: 'default',
    key: 'active_users',
    name: 'active-users',
    meterSlug: 'active_users_total',
    meterGroupByFilters: {},
    advancedMeterGroupByFilters: {},
    metadata: {},
    at: NOW,
  },
};

const archive: ArchiveFeature = {
  type: 'ArchiveFeature',
  data: { id: 'feature-1', namespace: 'default', now: LATER },
};
const archived: FeatureArchived = {
  type: 'FeatureArchived',
  data: { id: 'feature-1', namespace: 'default', key: 'active_users', at: LATER },
};

describe('feature decider', () => {
  describe('CreateFeature', () => {
    it('creates the tutorial feature on its meter', () => {
      spec.given([]).when(create()).then([created]);
    });

    it('creates a feature with group-by filters on a SUM meter', () => {
      spec
        .given([])
        .when(
          create({
            key: 'gpt_4_tokens',
            name: 'GPT-4 tokens',
            meterSlug: 'tokens_total',
            meter: tokensMeter,
            meterGroupByFilters: { model: 'gpt-4' },
            metadata: { tier: 'premium' },
          }),
        )
        .then([
          {
            type: 'FeatureCreated',
            data: {
              id: 'feature-1',
              namespace: 'default',
              key: 'gpt_4_tokens',
              name: 'GPT-4 tokens',
              meterSlug: 'tokens_total',
              meterGroupByFilters: { model: 'gpt-4' },
              advancedMeterGroupByFilters: { model: { $eq: 'gpt-4' } },
              metadata: { tier: 'premium' },
              at: NOW,
            },
          },
        ]);
    });

    it('creates a feature with advanced filters, kept without nulls; the legacy map only while all are $eq', () => {
      const [event] = featureDecider.decide(
        create({
          key: 'gpt_tokens',
          meterSlug: 'tokens_total',
          meter: tokensMeter,
          advancedMeterGroupByFilters: {
            model: { $in: ['gpt-4', 'gpt-4o'], $eq: null },
            type: { $or: [{ $eq: 'input' }, { $like: 'cache%' }] },
          },
          unitCost: { type: 'manual', amount: '0.0001' },
        }),
        featureDecider.initialState(),
      );
      expect(event.data).toEqual(
        expect.objectContaining({
          advancedMeterGroupByFilters: {
            model: { $in: ['gpt-4', 'gpt-4o'] },
            type: { $or: [{ $eq: 'input' }, { $like: 'cache%' }] },
          },
          unitCost: { type: 'manual', amount: '0.0001' },
        }),
      );
      expect(event.data).not.toHaveProperty('meterGroupByFilters');
      const [equalities] = featureDecider.decide(
        create({
          meterSlug: 'tokens_total',
          meter: tokensMeter,
          advancedMeterGroupByFilters: { model: { $eq: 'gpt-4' } },
          meterGroupByFilters: { model: 'gpt-4' },
        }),
        featureDecider.initialState(),
      );
      expect(equalities.data).toMatchObject({ meterGroupByFilters: { model: 'gpt-4' } });
    });

    it('refuses malformed advanced filters, ones on unknown group-bys, and a legacy map that disagrees', () => {
      expect(
        problemCodes(
          rejection(
            featureDecider,
            [],
            create({
              meterSlug: 'tokens_total',
              meter: tokensMeter,
              advancedMeterGroupByFilters: {
                model: { $eq: 'a', $ne: 'b' },
                type: { $in: [] },
                region: { $eq: 'eu' },
              } as never,
              unitCost: { type: 'manual', amount: 'cheap' },
            }),
          ).problems,
        ),
      ).toEqual({
        'advancedMeterGroupByFilters.model': 'CATALOG.INVALID_GROUP_BY',
        'advancedMeterGroupByFilters.type.$in': 'CATALOG.INVALID_GROUP_BY',
        'unitCost.amount': 'CATALOG.INVALID_DECIMAL',
      });
      expect(
        problemCodes(
          rejection(
            featureDecider,
            [],
            create({
              meterSlug: 'tokens_total',
              meter: tokensMeter,
              advancedMeterGroupByFilters: { region: { $eq: 'eu' } },
              meterGroupByFilters: { model: 'gpt-4' },
            }),
          ).problems,
        ),
      ).toEqual({
        'advancedMeterGroupByFilters.region': 'CATALOG.UNKNOWN_GROUP_BY',
        meterGroupByFilters: 'CATALOG.NOT_ALLOWED',
      });
    });

    it('reads features created before advanced filters, as equalities', () => {
      const old = { ...created.data, meterGroupByFilters: { model: 'gpt-4' } };
      delete (old as { advancedMeterGroupByFilters?: unknown }).advancedMeterGroupByFilters;
      const state = fold(featureDecider, [{ type: 'FeatureCreated', data: old }]);
      expect(state.status === 'active' && filtersOf(state.feature)).toEqual({ model: { $eq: 'gpt-4' } });
    });

    it('creates a feature without a meter (for boolean or static entitlements)', () => {
      const [event] = featureDecider.decide(
        create({ key: 'sso', name: 'SSO', meterSlug: undefined, meter: undefined }),
        featureDecider.initialState(),
      );
      expect(event).toStrictEqual({
        type: 'FeatureCreated',
        data: { id: 'feature-1', namespace: 'default', key: 'sso', name: 'SSO', metadata: {}, at: NOW },
      });
      expect(JSON.parse(JSON.stringify(event))).toStrictEqual(event);
    });

    it.each(['SUM', 'COUNT', 'UNIQUE_COUNT', 'LATEST'] as const)('accepts a %s meter', (aggregation) => {
      const events = featureDecider.decide(
        create({ meter: { ...activeUsersMeter, aggregation } }),
        featureDecider.initialState(),
      );
      expect(events).toHaveLength(1);
    });

    it.each(['AVG', 'MIN', 'MAX'] as const)('refuses a %s meter', (aggregation) => {
      const error = rejection(featureDecider, [], create({ meter: { ...activeUsersMeter, aggregation } }));
      expect(error.code).toBe('CATALOG.FEATURE_INVALID');
      expect(problemCodes(error.problems)).toEqual({ meterSlug: 'CATALOG.UNSUPPORTED_AGGREGATION' });
    });

    it('refuses a meter the handler did not find (missing or deleted)', () => {
      spec
        .given([])
        .when(create({ meter: undefined }))
        .thenThrows('CATALOG.FEATURE_INVALID');
      expect(problemCodes(rejection(featureDecider, [], create({ meter: undefined })).problems)).toEqual({
        meterSlug: 'CATALOG.METER_NOT_FOUND',
      });
      expect(problemCodes(rejection(featureDecider, [], create({ meter: tokensMeter })).problems)).toEqual({
        meterSlug: 'CATALOG.METER_NOT_FOUND',
      });
    });

    it('refuses filters on names that are not group-bys of the meter', () => {
      const error = rejection(
        featureDecider,
        [],
        create({
          meterSlug: 'tokens_total',
          meter: tokensMeter,
          meterGroupByFilters: { model: 'gpt-4', region: 'eu', provider: 'x' },
        }),
      );
      expect(error.code).toBe('CATALOG.FEATURE_INVALID');
      expect(problemCodes(error.problems)).toEqual({
        'meterGroupByFilters.region': 'CATALOG.UNKNOWN_GROUP_BY',
        'meterGroupByFilters.provider': 'CATALOG.UNKNOWN_GROUP_BY',
      });
    });

    it('refuses non-string filter values and filters without a meter', () => {
      const nonString = create({
        meterSlug: 'tokens_total',
        meter: tokensMeter,
        meterGroupByFilters: { model: 4 as unknown as string },
      });
      expect(problemCodes(rejection(featureDecider, [], nonString).problems)).toEqual({
        'meterGroupByFilters.model': 'CATALOG.INVALID_GROUP_BY',
      });
      const withoutMeter = create({
        meterSlug: undefined,
        meter: undefined,
        meterGroupByFilters: { model: 'gpt-4' },
      });
      expect(problemCodes(rejection(featureDecider, [], withoutMeter).problems)).toEqual({
        meterGroupByFilters: 'CATALOG.NOT_ALLOWED',
      });
    });

    it.each(['Active_users', 'active-users', 'active users', '', 'a'.repeat(65)])(
      'refuses the key %j',
      (key) => {
        const error = rejection(featureDecider, [], create({ key }));
        expect(error.code).toBe('CATALOG.FEATURE_INVALID');
        expect(Object.keys(problemCodes(error.problems))).toEqual(['key']);
      },
    );

    it('refuses a malformed meter slug and a blank name, all at once', () => {
      const error = rejection(
        featureDecider,
        [],
        create({ name: ' ', meterSlug: 'Active-Users', metadata: { n: 1 as unknown as string } }),
      );
      expect(problemCodes(error.problems)).toEqual({
        name: 'CATALOG.REQUIRED',
        meterSlug: 'CATALOG.INVALID_KEY',
        'metadata.n': 'CATALOG.INVALID_METADATA',
      });
    });

    it('refuses to create a feature twice in one stream', () => {
      spec.given([created]).when(create()).thenThrows('CATALOG.FEATURE_ALREADY_EXISTS');
      spec.given([created, archived]).when(create()).thenThrows('CATALOG.FEATURE_ALREADY_EXISTS');
    });
  });

  describe('ArchiveFeature', () => {
    it('archives a live feature', () => {
      spec.given([created]).when(archive).then([archived]);
    });

    it('does nothing when the feature is already archived', () => {
      spec.given([created, archived]).when(archive).thenNothing();
    });

    it('answers not found for a feature that does not exist or lives in another namespace', () => {
      spec.given([]).when(archive).thenThrows('CATALOG.FEATURE_NOT_FOUND');
      spec
        .given([created])
        .when({ ...archive, data: { ...archive.data, namespace: 'other' } })
        .thenThrows('CATALOG.FEATURE_NOT_FOUND');
    });
  });

  describe('evolve', () => {
    it('folds the history into the feature and its timestamps', () => {
      const { at: _at, ...feature } = created.data;
      expect(fold(featureDecider, [created])).toEqual({
        status: 'active',
        feature,
        createdAt: NOW,
        updatedAt: NOW,
      });
      expect(fold(featureDecider, [created, archived])).toEqual({
        status: 'archived',
        feature,
        createdAt: NOW,
        updatedAt: LATER,
        archivedAt: LATER,
      });
    });

    it('never throws on history it would not decide today', () => {
      expect(fold(featureDecider, [archived])).toEqual({ status: 'empty' });
      expect(fold(featureDecider, [created, archived, archived])).toMatchObject({
        status: 'archived',
        archivedAt: LATER,
      });
    });

    it('keeps the state as it was on an event type it does not know', () => {
      for (const history of [[], [created], [created, archived]]) {
        spec.given(history).keepsStateOnUnknownEvents();
      }
    });
  });
});
