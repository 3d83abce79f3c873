import { deciderSpec } from '../../shared/testing/decider-spec';
import { problemCodes, rejection } from '../../shared/testing/rejection';
import type { PlanCreated, PlanPublished } from '../plans/plan.decider';
import { AddonToAttach, AttachPlanAddon, PlanAddonAttached, planAddonsDecider } from './plan-addon.decider';

const NOW = '2027-01-10T00:00:00.000Z';
const spec = deciderSpec(planAddonsDecider);

const plan = {
  id: 'p1',
  namespace: 'default',
  key: 'pro',
  version: 1,
  currency: 'USD',
  name: 'Pro',
  billingCadence: 'P1M',
  proRatingConfig: { enabled: true, mode: 'prorate_prices' as const },
  metadata: {},
  phases: [
    { key: 'trial', name: 'Trial', duration: 'P1M', rateCards: [] },
    { key: 'default', name: 'Default', duration: null, rateCards: [] },
  ],
};
const created: PlanCreated = { type: 'PlanCreated', data: { ...plan, at: NOW } };
const published: PlanPublished = { type: 'PlanPublished', data: { ...plan, effectiveFrom: NOW, at: NOW } };
const addon: AddonToAttach = {
  id: 'a1',
  key: 'seats',
  version: 1,
  currency: 'USD',
  instanceType: 'multiple',
  status: 'active',
  rateCards: [
    {
      type: 'flat_fee',
      key: 'seats',
      name: 'Seats',
      billingCadence: 'P1M',
      price: { type: 'flat', amount: '10', paymentTerm: 'in_advance' },
    },
  ],
};
const attach = (data: Partial<AttachPlanAddon['data']> = {}): AttachPlanAddon => ({
  type: 'AttachPlanAddon',
  data: {
    planId: 'p1',
    namespace: 'default',
    addonId: 'a1',
    addon,
    fromPlanPhase: 'default',
    maxQuantity: 3,
    now: NOW,
    ...data,
  },
});
const attached: PlanAddonAttached = {
  type: 'PlanAddonAttached',
  data: {
    planId: 'p1',
    namespace: 'default',
    addonId: 'a1',
    addonKey: 'seats',
    addonVersion: 1,
    instanceType: 'multiple',
    fromPlanPhase: 'default',
    maxQuantity: 3,
    metadata: {},
    at: NOW,
  },
};

describe('plan add-ons decider', () => {
  it('assigns a published add-on to a draft plan, once', () => {
    spec.given([created]).when(attach()).then([attached]);
    spec.given([created, attached]).when(attach()).thenThrows('CATALOG.PLAN_ADDON_EXISTS');
  });

  it("changes only a draft plan's add-ons (OpenMeter: a published plan is immutable)", () => {
    spec.given([created, published]).when(attach()).thenThrows('CATALOG.PLAN_NOT_DRAFT');
    spec
      .given([created, attached, published])
      .when({
        type: 'DetachPlanAddon',
        data: { planId: 'p1', namespace: 'default', addonId: 'a1', now: NOW },
      })
      .thenThrows('CATALOG.PLAN_NOT_DRAFT');
    spec.given([]).when(attach()).thenThrows('CATALOG.PLAN_NOT_FOUND');
    spec
      .given([created])
      .when(attach({ namespace: 'other' }))
      .thenThrows('CATALOG.PLAN_NOT_FOUND');
  });

  it('names every problem of the add-on and its terms', () => {
    const error = rejection(
      planAddonsDecider,
      [created],
      attach({
        addon: {
          ...addon,
          status: 'draft',
          currency: 'EUR',
          instanceType: 'single',
          rateCards: [{ ...addon.rateCards[0], billingCadence: 'P1Y' }],
        },
        fromPlanPhase: 'nope',
        maxQuantity: 2,
      }),
    );
    expect(error.code).toBe('CATALOG.PLAN_ADDON_INVALID');
    expect(error.problems.map((p) => `${p.field} ${p.code}`)).toEqual([
      'addonId CATALOG.ADDON_NOT_PUBLISHED',
      'addonId CATALOG.INVALID_CURRENCY',
      'addon.rateCards[0].billingCadence CATALOG.CADENCE_MISMATCH',
      'fromPlanPhase CATALOG.UNKNOWN_PHASE',
      'maxQuantity CATALOG.NOT_ALLOWED',
    ]);
    expect(
      problemCodes(rejection(planAddonsDecider, [created], attach({ addon: undefined })).problems),
    ).toEqual({
      addonId: 'CATALOG.ADDON_NOT_FOUND',
    });
  });

  it('updates terms (nothing when unchanged) and detaches', () => {
    const update = {
      type: 'UpdatePlanAddon' as const,
      data: { planId: 'p1', namespace: 'default', addonId: 'a1', fromPlanPhase: 'trial', now: NOW },
    };
    const { maxQuantity: _dropped, ...rest } = attached.data;
    spec
      .given([created, attached])
      .when(update)
      .then([{ type: 'PlanAddonUpdated', data: { ...rest, fromPlanPhase: 'trial' } }]);
    spec
      .given([created, attached])
      .when({ ...update, data: { ...update.data, fromPlanPhase: 'default', maxQuantity: 3 } })
      .thenNothing();
    spec.given([created]).when(update).thenThrows('CATALOG.PLAN_ADDON_NOT_FOUND');
    spec
      .given([created, attached])
      .when({
        type: 'DetachPlanAddon',
        data: { planId: 'p1', namespace: 'default', addonId: 'a1', now: NOW },
      })
      .then([
        { type: 'PlanAddonDetached', data: { planId: 'p1', namespace: 'default', addonId: 'a1', at: NOW } },
      ]);
  });

  it('keeps its state on unknown events', () => {
    spec.given([created, attached]).keepsStateOnUnknownEvents();
  });
});
