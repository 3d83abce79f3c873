import { deciderSpec } from '../../shared/testing/decider-spec';
import { problemCodes, rejection } from '../../shared/testing/rejection';
import type { FlatFeeRateCard, UsageBasedRateCard } from '../plans/rate-card';
import {
  AddonArchived,
  AddonCreated,
  AddonDeleted,
  AddonPublished,
  AddonUpdated,
  CreateAddon,
  addonDecider,
  featureKeysOfAddon,
} from './addon.decider';

const NOW = '2027-01-10T00:00:00.000Z';
const LATER = '2027-01-11T00:00:00.000Z';
const spec = deciderSpec(addonDecider);

const seats: FlatFeeRateCard = {
  type: 'flat_fee',
  key: 'seats',
  name: 'Extra seats',
  billingCadence: 'P1M',
  price: { type: 'flat', amount: '10', paymentTerm: 'in_advance' },
};
const tokens: UsageBasedRateCard = {
  type: 'usage_based',
  key: 'tokens',
  name: 'Tokens',
  featureKey: 'tokens',
  billingCadence: 'P1M',
  price: { type: 'unit', amount: '0.01' },
};

const create = (data: Partial<CreateAddon['data']> = {}): CreateAddon => ({
  type: 'CreateAddon',
  data: {
    id: 'a1',
    namespace: 'default',
    key: 'extra',
    version: 1,
    currency: 'USD',
    name: 'Extra',
    instanceType: 'multiple',
    rateCards: [seats, tokens],
    now: NOW,
    ...data,
  },
});
const addon = {
  id: 'a1',
  namespace: 'default',
  key: 'extra',
  version: 1,
  currency: 'USD',
  name: 'Extra',
  metadata: {},
  instanceType: 'multiple' as const,
  rateCards: [seats, tokens],
};
const created: AddonCreated = { type: 'AddonCreated', data: { ...addon, at: NOW } };
const published: AddonPublished = {
  type: 'AddonPublished',
  data: { ...addon, effectiveFrom: LATER, at: LATER },
};
const archived: AddonArchived = {
  type: 'AddonArchived',
  data: { id: 'a1', namespace: 'default', key: 'extra', version: 1, effectiveTo: LATER, at: LATER },
};
const ids = { id: 'a1', namespace: 'default' };

describe('add-on decider', () => {
  it('creates a draft with defaults written out', () => {
    spec.given([]).when(create()).then([created]);
  });

  it('holds rate cards to the plan rules, naming each field', () => {
    const error = rejection(
      addonDecider,
      [],
      create({
        key: 'Bad Key',
        currency: 'XXX',
        rateCards: [
          { ...seats, price: { type: 'flat', amount: '-1', paymentTerm: 'in_advance' } },
          { ...tokens, key: 'seats', featureKey: 'tokens', billingCadence: 'nonsense' },
        ],
      }),
    );
    expect(error.code).toBe('CATALOG.ADDON_INVALID');
    expect(problemCodes(error.problems)).toMatchObject({
      key: 'CATALOG.INVALID_KEY',
      currency: 'CATALOG.INVALID_CURRENCY',
      'rateCards[1].billingCadence': 'CATALOG.INVALID_DURATION',
    });
    const found = error.problems.map((p) => `${p.field} ${p.code}`);
    expect(found).toContain('rateCards[1].key CATALOG.DUPLICATE_KEY');
    expect(found.some((line) => line.startsWith('rateCards[0].price.amount '))).toBe(true);
  });

  it('updates a draft, and does nothing when nothing changes', () => {
    const update = {
      id: 'a1',
      namespace: 'default',
      name: 'Extra',
      instanceType: 'single' as const,
      rateCards: [seats],
      now: LATER,
    };
    const updated: AddonUpdated = {
      type: 'AddonUpdated',
      data: { ...addon, instanceType: 'single', rateCards: [seats], at: LATER },
    };
    spec.given([created]).when({ type: 'UpdateAddon', data: update }).then([updated]);
    spec
      .given([created])
      .when({
        type: 'UpdateAddon',
        data: { ...update, instanceType: 'multiple', rateCards: [seats, tokens] },
      })
      .thenNothing();
  });

  it('publishes once every feature it names is live, then refuses changes', () => {
    const publish = (features: Record<string, { aggregation?: string } | undefined>) => ({
      type: 'PublishAddon' as const,
      data: { ...ids, features, now: LATER },
    });
    const error = rejection(addonDecider, [created], publish({}));
    expect(problemCodes(error.problems)).toEqual({ 'rateCards[1].featureKey': 'CATALOG.FEATURE_NOT_FOUND' });
    spec
      .given([created])
      .when(publish({ tokens: { aggregation: 'SUM' } }))
      .then([published]);
    spec
      .given([created, published])
      .when({
        type: 'UpdateAddon',
        data: { ...ids, name: 'x', instanceType: 'single', rateCards: [], now: LATER },
      })
      .thenThrows('CATALOG.ADDON_NOT_DRAFT');
  });

  it('archives a published version only, once', () => {
    const archive = { type: 'ArchiveAddon' as const, data: { ...ids, now: LATER } };
    spec.given([created]).when(archive).thenThrows('CATALOG.ADDON_NOT_PUBLISHED');
    spec.given([created, published]).when(archive).then([archived]);
    spec.given([created, published, archived]).when(archive).thenNothing();
  });

  it('deletes a draft only; a deleted one is gone for every other command', () => {
    const del = { type: 'DeleteAddon' as const, data: { ...ids, now: LATER } };
    const deleted: AddonDeleted = {
      type: 'AddonDeleted',
      data: { id: 'a1', namespace: 'default', key: 'extra', version: 1, at: LATER },
    };
    spec.given([created]).when(del).then([deleted]);
    spec.given([created, deleted]).when(del).thenNothing();
    spec.given([created, published]).when(del).thenThrows('CATALOG.ADDON_NOT_DRAFT');
    spec.given([created, published, archived]).when(del).thenThrows('CATALOG.ADDON_NOT_DRAFT');
    spec
      .given([created, deleted])
      .when({ type: 'ArchiveAddon', data: { ...ids, now: LATER } })
      .thenThrows('CATALOG.ADDON_NOT_FOUND');
  });

  it("hides another namespace's add-on", () => {
    spec
      .given([created])
      .when({ type: 'DeleteAddon', data: { id: 'a1', namespace: 'other', now: LATER } })
      .thenThrows('CATALOG.ADDON_NOT_FOUND');
  });

  it('names the features its rate cards use', () => {
    expect(featureKeysOfAddon(addon)).toEqual(['tokens']);
  });

  it('keeps its state on unknown events', () => {
    spec.given([created, published]).keepsStateOnUnknownEvents();
  });
});
