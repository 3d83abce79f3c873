import { deciderSpec } from '../shared/testing/decider-spec';
import {
  CreateEntitlement,
  entitlementDecider,
  EntitlementEvent,
  EntitlementRequest,
  GrantData,
} from './entitlement.decider';

const spec = deciderSpec(entitlementDecider);
const NOW = '2026-03-05T10:00:30.000Z';
const feature = {
  id: '01J0000000000000000FEATURE',
  key: 'tokens',
  metered: true,
  field: 'featureKey',
} as const;

const create = (
  request: EntitlementRequest,
  overrides: Partial<CreateEntitlement['data']> = {},
): CreateEntitlement => ({
  type: 'CreateEntitlement',
  data: {
    id: 'ent1',
    namespace: 'default',
    customerId: 'cust1',
    feature,
    request,
    grantIds: ['g1', 'g2', 'g3'],
    now: NOW,
    ...overrides,
  },
});
const metered: EntitlementRequest = {
  type: 'metered',
  usagePeriod: { interval: 'MONTH', anchor: '2026-03-01T00:00:00Z' },
};
const [created] = entitlementDecider.decide(create(metered), entitlementDecider.initialState());
const grant = (id: string, effectiveAt = '2026-03-05T10:00:00.000Z'): EntitlementEvent => ({
  type: 'EntitlementGrantCreated',
  data: {
    id,
    entitlementId: 'ent1',
    namespace: 'default',
    amount: '10',
    priority: 1,
    effectiveAt,
    minRolloverAmount: '0',
    maxRolloverAmount: '10',
    createdAt: NOW,
  } satisfies GrantData,
});

describe('the entitlement decider', () => {
  it('creates a metered entitlement measured from now, on its minute, with its issueAfterReset grant', () => {
    const events = entitlementDecider.decide(
      create({ ...metered, issueAfterReset: { amount: 5, priority: 3 } }),
      entitlementDecider.initialState(),
    );
    expect(events).toEqual([
      {
        type: 'EntitlementCreated',
        data: expect.objectContaining({
          id: 'ent1',
          type: 'metered',
          usagePeriod: { interval: 'P1M', anchor: '2026-03-01T00:00:00.000Z' },
          measureUsageFrom: '2026-03-05T10:00:00.000Z',
          isSoftLimit: false,
          issueAfterReset: { amount: '5', priority: 3 },
        }),
      },
      {
        type: 'EntitlementGrantCreated',
        data: expect.objectContaining({
          id: 'g1',
          amount: '5',
          priority: 3,
          effectiveAt: '2026-03-05T10:00:00.000Z',
          minRolloverAmount: '5',
          maxRolloverAmount: '5',
        }),
      },
    ]);
  });

  it('measures from the current period start when asked', () => {
    const [event] = entitlementDecider.decide(
      create({ ...metered, measureUsageFrom: 'CURRENT_PERIOD_START' }),
      entitlementDecider.initialState(),
    );
    expect(event.data).toMatchObject({ measureUsageFrom: '2026-03-01T00:00:00.000Z' });
  });

  it('refuses a second entitlement in force for the pair, and one beside a subscription’s', () => {
    spec
      .given([created])
      .when(create(metered, { id: 'ent2' }))
      .thenThrows('ENTITLEMENTS.ALREADY_EXISTS');
    spec
      .given([])
      .when(create(metered, { subscriptionEntitlementId: 'sub-ent' }))
      .thenThrows('ENTITLEMENTS.ALREADY_EXISTS');
  });

  it('names every problem of a body at once', () => {
    let problems: unknown;
    try {
      entitlementDecider.decide(
        create({
          type: 'metered',
          usagePeriod: { interval: 'PT5M' },
          config: '{}',
          grants: [{ amount: 0, effectiveAt: '2026-02-01T00:00:00Z', maxRolloverAmount: -1 }],
        }),
        entitlementDecider.initialState(),
      );
    } catch (error) {
      problems = (error as { problems: { field: string }[] }).problems.map((p) => p.field);
    }
    expect(problems).toEqual([
      'body.config',
      'body.usagePeriod.interval',
      'body.grants[0].amount',
      'body.grants[0].maxRolloverAmount',
    ]);
    spec
      .given([])
      .when(
        create({
          ...metered,
          grants: [{ amount: 5, effectiveAt: '2026-02-01T00:00:00Z', maxRolloverAmount: 5 }],
        }),
      )
      .thenThrows('ENTITLEMENTS.INVALID');
    spec
      .given([])
      .when(create({ type: 'static', config: '[1]' }))
      .thenThrows('ENTITLEMENTS.INVALID');
    spec
      .given([])
      .when(create(metered, { feature: { ...feature, metered: false } }))
      .thenThrows('ENTITLEMENTS.INVALID');
  });

  it('overrides the live entitlement in one append: the old one deleted, the new one created', () => {
    const events = entitlementDecider.decide(
      {
        type: 'OverrideEntitlement',
        data: { ...create({ type: 'boolean' }).data, id: 'ent2', target: { id: 'ent1', managed: false } },
      },
      [created].reduce(entitlementDecider.evolve, entitlementDecider.initialState()),
    );
    expect(events.map((e) => [e.type, (e.data as { id: string }).id])).toEqual([
      ['EntitlementDeleted', 'ent1'],
      ['EntitlementCreated', 'ent2'],
    ]);
    expect(events[1].data).toMatchObject({ supersedes: 'ent1' });
  });

  it('deletes once; deleting again is a no-op', () => {
    const deleted = entitlementDecider.decide(
      { type: 'DeleteEntitlement', data: { id: 'ent1', now: NOW } },
      [created].reduce(entitlementDecider.evolve, entitlementDecider.initialState()),
    );
    expect(deleted.map((e) => e.type)).toEqual(['EntitlementDeleted']);
    spec
      .given([created, ...deleted])
      .when({ type: 'DeleteEntitlement', data: { id: 'ent1', now: NOW } })
      .thenNothing();
    spec
      .given([])
      .when({ type: 'DeleteEntitlement', data: { id: 'nope', now: NOW } })
      .thenThrows('ENTITLEMENTS.NOT_FOUND');
  });

  it('resets within the period in progress, after its start, never in the future', () => {
    const reset = (effectiveAt: string) =>
      ({ type: 'ResetUsage', data: { id: 'ent1', effectiveAt, now: '2026-03-20T12:00:00.000Z' } }) as const;
    spec.given([created]).when(reset('2026-03-20T13:00:00Z')).thenThrows('ENTITLEMENTS.INVALID');
    spec.given([created]).when(reset('2026-03-05T10:00:00Z')).thenThrows('ENTITLEMENTS.INVALID');
    spec
      .given([created])
      .when(reset('2026-03-10T08:30:45Z'))
      .then([
        {
          type: 'EntitlementUsageReset',
          data: {
            entitlementId: 'ent1',
            namespace: 'default',
            resetAt: '2026-03-10T08:30:00.000Z',
            retainAnchor: false,
            preserveOverage: false,
            requestedAt: '2026-03-20T12:00:00.000Z',
          },
        },
      ]);
  });

  it('grants only from the start of the period in progress, and voids a grant once', () => {
    const createGrant = (effectiveAt: string) =>
      ({
        type: 'CreateGrant',
        data: {
          entitlementId: 'ent1',
          grantId: 'g9',
          grant: { amount: 10, effectiveAt, maxRolloverAmount: 10 },
          now: '2026-04-02T00:00:00.000Z',
        },
      }) as const;
    spec.given([created]).when(createGrant('2026-03-31T00:00:00Z')).thenThrows('ENTITLEMENTS.INVALID');
    expect(
      entitlementDecider.decide(
        createGrant('2026-04-01T00:00:00Z'),
        [created].reduce(entitlementDecider.evolve, entitlementDecider.initialState()),
      ),
    ).toHaveLength(1);
    const voidIt = { type: 'VoidGrant', data: { grantId: 'g1', now: '2026-03-06T00:00:00.000Z' } } as const;
    const voided = entitlementDecider.decide(
      voidIt,
      [created, grant('g1')].reduce(entitlementDecider.evolve, entitlementDecider.initialState()),
    );
    expect(voided).toEqual([
      {
        type: 'EntitlementGrantVoided',
        data: {
          id: 'g1',
          entitlementId: 'ent1',
          namespace: 'default',
          voidedAt: '2026-03-06T00:00:00.000Z',
          requestedAt: '2026-03-06T00:00:00.000Z',
        },
      },
    ]);
    spec
      .given([created, grant('g1'), ...voided])
      .when(voidIt)
      .thenNothing();
  });

  it('keeps its state on events it does not know', () => {
    spec.given([created, grant('g1')]).keepsStateOnUnknownEvents();
  });
});
