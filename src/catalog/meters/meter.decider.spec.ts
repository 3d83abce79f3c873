import { fold } from '../../shared/decider';
import { deciderSpec } from '../../shared/testing/decider-spec';
import { problemCodes, rejection } from '../../shared/testing/rejection';
import {
  CreateMeter,
  DeleteMeter,
  LinkFeature,
  MeterCreated,
  MeterDeleted,
  MeterFeatureLinked,
  MeterUpdated,
  UpdateMeter,
  meterDecider,
} from './meter.decider';

const NOW = '2024-05-01T10:00:00.000Z';
const LATER = '2024-05-02T10:00:00.000Z';
const spec = deciderSpec(meterDecider);

function create(data: Partial<CreateMeter['data']> = {}): CreateMeter {
  return {
    type: 'CreateMeter',
    data: {
      id: 'meter-1',
      namespace: 'default',
      slug: 'active_users_total',
      name: 'Active users total',
      description: 'Active Users',
      eventType: 'user_activity',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user_id',
      now: NOW,
      ...data,
    },
  };
}

const created: MeterCreated = {
  type: 'MeterCreated',
  data: {
    id: 'meter-1',
    namespace: 'default',
    slug: 'active_users_total',
    name: 'Active users total',
    description: 'Active Users',
    eventType: 'user_activity',
    aggregation: 'UNIQUE_COUNT',
    valueProperty: '$.user_id',
    groupBy: {},
    metadata: {},
    at: NOW,
  },
};

function update(data: Partial<UpdateMeter['data']> = {}): UpdateMeter {
  return {
    type: 'UpdateMeter',
    data: {
      id: 'meter-1',
      namespace: 'default',
      name: 'Active users total',
      description: 'Active Users',
      groupByKeysInUse: [],
      now: LATER,
      ...data,
    },
  };
}

function remove(data: Partial<DeleteMeter['data']> = {}): DeleteMeter {
  return {
    type: 'DeleteMeter',
    data: {
      id: 'meter-1',
      namespace: 'default',
      featuresUsingMeter: [],
      unusedLinks: [],
      now: LATER,
      ...data,
    },
  };
}

const deleted: MeterDeleted = {
  type: 'MeterDeleted',
  data: { id: 'meter-1', namespace: 'default', slug: 'active_users_total', at: LATER },
};

function link(featureId: string, featureKey: string, namespace = 'default'): LinkFeature {
  return { type: 'LinkFeature', data: { id: 'meter-1', namespace, featureId, featureKey, now: NOW } };
}

function linked(featureId: string, featureKey: string): MeterFeatureLinked {
  return {
    type: 'MeterFeatureLinked',
    data: { id: 'meter-1', namespace: 'default', featureId, featureKey, at: NOW },
  };
}

describe('meter decider', () => {
  describe('CreateMeter', () => {
    it('creates the tutorial meter, carrying the whole meter and its namespace', () => {
      spec.given([]).when(create()).then([created]);
    });

    it('defaults the name to the slug and carries every optional field, eventFrom in UTC', () => {
      spec
        .given([])
        .when(
          create({
            name: undefined,
            description: undefined,
            aggregation: 'SUM',
            valueProperty: '$.tokens',
            groupBy: { model: '$.model', type: "$['token type']" },
            eventFrom: '2024-01-01T02:00:00+02:00',
            metadata: { team: 'ai' },
          }),
        )
        .then([
          {
            type: 'MeterCreated',
            data: {
              id: 'meter-1',
              namespace: 'default',
              slug: 'active_users_total',
              name: 'active_users_total',
              eventType: 'user_activity',
              aggregation: 'SUM',
              valueProperty: '$.tokens',
              groupBy: { model: '$.model', type: "$['token type']" },
              eventFrom: '2024-01-01T00:00:00.000Z',
              metadata: { team: 'ai' },
              at: NOW,
            },
          },
        ]);
    });

    it('writes event data that survives a JSON round trip unchanged', () => {
      const [event] = meterDecider.decide(
        create({ name: undefined, description: undefined }),
        meterDecider.initialState(),
      );
      expect(JSON.parse(JSON.stringify(event))).toStrictEqual(event);
    });

    it('accepts a COUNT meter without a valueProperty', () => {
      const [event] = meterDecider.decide(
        create({ aggregation: 'COUNT', valueProperty: undefined }),
        meterDecider.initialState(),
      );
      expect(event.type).toBe('MeterCreated');
      expect(event.data).not.toHaveProperty('valueProperty');
    });

    it('refuses a valueProperty on a COUNT meter', () => {
      spec
        .given([])
        .when(create({ aggregation: 'COUNT' }))
        .thenThrows('CATALOG.METER_INVALID');
      const error = rejection(meterDecider, [], create({ aggregation: 'COUNT' }));
      expect(problemCodes(error.problems)).toEqual({ valueProperty: 'CATALOG.NOT_ALLOWED' });
    });

    it.each(['SUM', 'UNIQUE_COUNT', 'AVG', 'MIN', 'MAX', 'LATEST'] as const)(
      'requires a valueProperty on a %s meter',
      (aggregation) => {
        const error = rejection(meterDecider, [], create({ aggregation, valueProperty: undefined }));
        expect(error.code).toBe('CATALOG.METER_INVALID');
        expect(problemCodes(error.problems)).toEqual({ valueProperty: 'CATALOG.REQUIRED' });
      },
    );

    it.each(['$[?(@.x)]', '$..[?(@.constructor)]', '$..user_id', 'user_id', '$.__proto__', '$.items[*]'])(
      'refuses the unsafe or malformed valueProperty %s',
      (valueProperty) => {
        const error = rejection(meterDecider, [], create({ valueProperty }));
        expect(error.code).toBe('CATALOG.METER_INVALID');
        expect(problemCodes(error.problems)).toEqual({ valueProperty: 'CATALOG.INVALID_JSON_PATH' });
      },
    );

    it.each(['Active_users', 'active-users', '_active', 'active__users', 'active_', 'a'.repeat(65), 'émoji'])(
      'refuses the slug %s',
      (slug) => {
        const error = rejection(meterDecider, [], create({ slug }));
        expect(error.code).toBe('CATALOG.METER_INVALID');
        expect(problemCodes(error.problems)).toEqual({ slug: 'CATALOG.INVALID_KEY' });
      },
    );

    it('requires a slug and accepts one of 64 characters', () => {
      expect(problemCodes(rejection(meterDecider, [], create({ slug: '' })).problems)).toEqual({
        slug: 'CATALOG.REQUIRED',
      });
      expect(meterDecider.decide(create({ slug: 'a'.repeat(64) }), meterDecider.initialState())).toHaveLength(
        1,
      );
    });

    it('requires a non-blank eventType', () => {
      for (const eventType of ['', '   ']) {
        expect(problemCodes(rejection(meterDecider, [], create({ eventType })).problems)).toEqual({
          eventType: 'CATALOG.REQUIRED',
        });
      }
    });

    it('bounds eventType at 256 characters, the longest type an ingested event may have', () => {
      expect(
        problemCodes(rejection(meterDecider, [], create({ eventType: 'x'.repeat(257) })).problems),
      ).toEqual({
        eventType: 'CATALOG.INVALID_TEXT',
      });
      expect(
        meterDecider.decide(create({ eventType: 'x'.repeat(256) }), meterDecider.initialState()),
      ).toHaveLength(1);
    });

    it('refuses an unknown aggregation', () => {
      const command = create({ aggregation: 'MEDIAN' as 'SUM' });
      expect(problemCodes(rejection(meterDecider, [], command).problems)).toEqual({
        aggregation: 'CATALOG.INVALID_ENUM',
      });
    });

    it('refuses group-by names that are not identifiers or are reserved, and unsafe group-by paths', () => {
      const error = rejection(
        meterDecider,
        [],
        create({
          groupBy: {
            'in-valid': '$.a',
            '1st': '$.b',
            subject: '$.subject',
            customer_id: '$.customer',
            model: '$[?(@.model)]',
            same: '$.user_id',
            fine: '$.fine',
          },
        }),
      );
      expect(error.code).toBe('CATALOG.METER_INVALID');
      expect(problemCodes(error.problems)).toEqual({
        'groupBy.in-valid': 'CATALOG.INVALID_GROUP_BY',
        'groupBy.1st': 'CATALOG.INVALID_GROUP_BY',
        'groupBy.subject': 'CATALOG.INVALID_GROUP_BY',
        'groupBy.customer_id': 'CATALOG.INVALID_GROUP_BY',
        'groupBy.model': 'CATALOG.INVALID_JSON_PATH',
        'groupBy.same': 'CATALOG.INVALID_GROUP_BY',
      });
    });

    it.each(['yesterday', '2024-01-01T00:00:00', '2024-13-01T00:00:00Z', '2024-01-01'])(
      'refuses the eventFrom %s',
      (eventFrom) => {
        expect(problemCodes(rejection(meterDecider, [], create({ eventFrom })).problems)).toEqual({
          eventFrom: 'CATALOG.INVALID_TIMESTAMP',
        });
      },
    );

    it('refuses over-long text and non-string metadata', () => {
      const error = rejection(
        meterDecider,
        [],
        create({
          name: 'n'.repeat(257),
          description: 'd'.repeat(1025),
          metadata: { ok: 'yes', count: 3 as unknown as string },
        }),
      );
      expect(problemCodes(error.problems)).toEqual({
        name: 'CATALOG.INVALID_TEXT',
        description: 'CATALOG.INVALID_TEXT',
        'metadata.count': 'CATALOG.INVALID_METADATA',
      });
    });

    it('reports every problem at once', () => {
      const error = rejection(
        meterDecider,
        [],
        create({ slug: 'Bad', eventType: '', valueProperty: undefined, eventFrom: 'soon' }),
      );
      expect(problemCodes(error.problems)).toEqual({
        slug: 'CATALOG.INVALID_KEY',
        eventType: 'CATALOG.REQUIRED',
        valueProperty: 'CATALOG.REQUIRED',
        eventFrom: 'CATALOG.INVALID_TIMESTAMP',
      });
    });

    it('refuses to create a meter twice in one stream', () => {
      spec.given([created]).when(create()).thenThrows('CATALOG.METER_ALREADY_EXISTS');
      spec.given([created, deleted]).when(create()).thenThrows('CATALOG.METER_ALREADY_EXISTS');
    });
  });

  describe('UpdateMeter', () => {
    it('replaces name, description, groupBy and metadata, carrying the whole meter', () => {
      spec
        .given([created])
        .when(
          update({
            name: 'Users',
            description: 'Distinct users',
            groupBy: { plan: '$.plan' },
            metadata: { owner: 'growth' },
          }),
        )
        .then([
          {
            type: 'MeterUpdated',
            data: {
              ...created.data,
              name: 'Users',
              description: 'Distinct users',
              groupBy: { plan: '$.plan' },
              metadata: { owner: 'growth' },
              at: LATER,
            },
          },
        ]);
    });

    it('resets absent fields as a PUT does: name to the slug, no description, no groupBy, no metadata', () => {
      const withExtras: MeterCreated = {
        ...created,
        data: { ...created.data, groupBy: { plan: '$.plan' }, metadata: { a: 'b' } },
      };
      const [event] = meterDecider.decide(
        update({ name: undefined, description: undefined }),
        fold(meterDecider, [withExtras]),
      );
      expect(event).toStrictEqual({
        type: 'MeterUpdated',
        data: {
          id: 'meter-1',
          namespace: 'default',
          slug: 'active_users_total',
          name: 'active_users_total',
          eventType: 'user_activity',
          aggregation: 'UNIQUE_COUNT',
          valueProperty: '$.user_id',
          groupBy: {},
          metadata: {},
          at: LATER,
        },
      });
    });

    it('ignores fields that may not change', () => {
      const sneaky = update({ name: 'Renamed' });
      const command = {
        ...sneaky,
        data: { ...sneaky.data, slug: 'other', aggregation: 'SUM', valueProperty: '$.x', eventType: 'x' },
      } as UpdateMeter;
      const [event] = meterDecider.decide(command, fold(meterDecider, [created]));
      expect(event.data).toMatchObject({
        slug: 'active_users_total',
        aggregation: 'UNIQUE_COUNT',
        valueProperty: '$.user_id',
        eventType: 'user_activity',
      });
    });

    it('does nothing when nothing changes', () => {
      spec.given([created]).when(update()).thenNothing();
    });

    it('validates the new groupBy against the meter it updates', () => {
      const error = rejection(
        meterDecider,
        [created],
        update({ groupBy: { user: '$.user_id', bad: '$[?(@.x)]' } }),
      );
      expect(error.code).toBe('CATALOG.METER_INVALID');
      expect(problemCodes(error.problems)).toEqual({
        'groupBy.user': 'CATALOG.INVALID_GROUP_BY',
        'groupBy.bad': 'CATALOG.INVALID_JSON_PATH',
      });
    });

    it('refuses to drop a group-by that a feature filters on, and allows keeping it', () => {
      const withPlan: MeterCreated = {
        ...created,
        data: { ...created.data, groupBy: { plan: '$.plan', region: '$.region' } },
      };
      spec
        .given([withPlan])
        .when(update({ groupBy: { region: '$.region' }, groupByKeysInUse: ['plan'] }))
        .thenThrows('CATALOG.METER_GROUP_BY_IN_USE');
      const [event] = meterDecider.decide(
        update({ groupBy: { plan: '$.plan.id' }, groupByKeysInUse: ['plan'] }),
        fold(meterDecider, [withPlan]),
      );
      expect(event).toMatchObject({ type: 'MeterUpdated', data: { groupBy: { plan: '$.plan.id' } } });
    });

    it('answers not found for a meter that does not exist, is deleted, or lives in another namespace', () => {
      spec.given([]).when(update()).thenThrows('CATALOG.METER_NOT_FOUND');
      spec.given([created, deleted]).when(update()).thenThrows('CATALOG.METER_NOT_FOUND');
      spec
        .given([created])
        .when(update({ namespace: 'other' }))
        .thenThrows('CATALOG.METER_NOT_FOUND');
    });
  });

  describe('DeleteMeter', () => {
    it('deletes an unused meter', () => {
      spec.given([created]).when(remove()).then([deleted]);
    });

    it('refuses while a feature uses the meter', () => {
      spec
        .given([created])
        .when(remove({ featuresUsingMeter: ['active_users'] }))
        .thenThrows('CATALOG.METER_IN_USE');
      const error = rejection(
        meterDecider,
        [created],
        remove({ featuresUsingMeter: ['active_users', 'seats'] }),
      );
      expect(error.kind).toBe('conflict');
      expect(error.message).toContain('active_users, seats');
    });

    it('refuses while a linked feature uses the meter, even one the handler did not see', () => {
      spec
        .given([created, linked('f-1', 'seats')])
        .when(remove())
        .thenThrows('CATALOG.METER_IN_USE');
      const error = rejection(
        meterDecider,
        [created, linked('f-1', 'seats'), linked('f-2', 'calls')],
        remove({ featuresUsingMeter: ['seats'], unusedLinks: ['f-2'] }),
      );
      expect(error.message).toContain('used by features seats;');
    });

    it('deletes a meter whose linked features the handler found unused', () => {
      spec
        .given([created, linked('f-1', 'seats'), linked('f-2', 'calls')])
        .when(remove({ unusedLinks: ['f-1', 'f-2'] }))
        .then([deleted]);
    });

    it('does nothing when the meter is already deleted', () => {
      spec.given([created, deleted]).when(remove()).thenNothing();
    });

    it('answers not found for a meter that does not exist or lives in another namespace', () => {
      spec.given([]).when(remove()).thenThrows('CATALOG.METER_NOT_FOUND');
      spec
        .given([created])
        .when(remove({ namespace: 'other' }))
        .thenThrows('CATALOG.METER_NOT_FOUND');
      spec
        .given([created, deleted])
        .when(remove({ namespace: 'other' }))
        .thenThrows('CATALOG.METER_NOT_FOUND');
    });
  });

  describe('LinkFeature', () => {
    it('links a feature to a live meter, once', () => {
      spec
        .given([created])
        .when(link('f-1', 'seats'))
        .then([linked('f-1', 'seats')]);
      spec
        .given([created, linked('f-1', 'seats')])
        .when(link('f-1', 'seats'))
        .thenNothing();
    });

    it('refuses a deleted meter with a conflict: the delete won the race', () => {
      spec.given([created, deleted]).when(link('f-1', 'seats')).thenThrows('CATALOG.METER_DELETED');
      expect(rejection(meterDecider, [created, deleted], link('f-1', 'seats')).kind).toBe('conflict');
    });

    it('answers not found for a meter that does not exist or lives in another namespace', () => {
      spec.given([]).when(link('f-1', 'seats')).thenThrows('CATALOG.METER_NOT_FOUND');
      spec
        .given([created])
        .when(link('f-1', 'seats', 'other'))
        .thenThrows('CATALOG.METER_NOT_FOUND');
      spec
        .given([created, deleted])
        .when(link('f-1', 'seats', 'other'))
        .thenThrows('CATALOG.METER_NOT_FOUND');
    });
  });

  describe('evolve', () => {
    const updated: MeterUpdated = {
      type: 'MeterUpdated',
      data: { ...created.data, name: 'Users', at: LATER },
    };

    it('folds the history into the meter and its timestamps', () => {
      const { at: _at, ...meter } = created.data;
      expect(fold(meterDecider, [created])).toEqual({
        status: 'active',
        meter,
        features: [],
        createdAt: NOW,
        updatedAt: NOW,
      });
      expect(fold(meterDecider, [created, updated])).toEqual({
        status: 'active',
        meter: { ...meter, name: 'Users' },
        features: [],
        createdAt: NOW,
        updatedAt: LATER,
      });
      expect(fold(meterDecider, [created, linked('f-1', 'seats'), updated, deleted])).toEqual({
        status: 'deleted',
        meter: { ...meter, name: 'Users' },
        features: [{ featureId: 'f-1', featureKey: 'seats', at: NOW }],
        createdAt: NOW,
        updatedAt: LATER,
        deletedAt: LATER,
      });
    });

    it('never throws on history it would not decide today', () => {
      expect(fold(meterDecider, [updated])).toEqual({ status: 'empty' });
      expect(fold(meterDecider, [deleted])).toEqual({ status: 'empty' });
      expect(fold(meterDecider, [created, deleted, updated]).status).toBe('deleted');
      expect(fold(meterDecider, [linked('f-1', 'seats')])).toEqual({ status: 'empty' });
      expect(fold(meterDecider, [created, deleted, linked('f-1', 'seats')])).toMatchObject({ features: [] });
    });

    it('keeps the state as it was on an event type it does not know', () => {
      for (const history of [
        [],
        [created],
        [created, updated],
        [created, linked('f-1', 'seats')],
        [created, deleted],
      ]) {
        spec.given(history).keepsStateOnUnknownEvents();
      }
    });
  });
});
