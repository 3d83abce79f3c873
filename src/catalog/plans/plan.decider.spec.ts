import { minorUnitsOf } from '../../shared/currencies';
import { fold } from '../../shared/decider';
import { deciderSpec } from '../../shared/testing/decider-spec';
import { problemCodes, rejection } from '../../shared/testing/rejection';
import {
  ArchivePlan,
  CreatePlan,
  DEFAULT_PRO_RATING_CONFIG,
  DeletePlan,
  Plan,
  PlanArchived,
  PlanCreated,
  PlanDeleted,
  PlanPhase,
  PlanPublished,
  PlanUpdated,
  PublishPlan,
  PublishedPlanState,
  UpdatePlan,
  featureKeysOf,
  nextVersionFrom,
  planDecider,
} from './plan.decider';
import { ResolvedFeatures } from './plan-validation';
import { FlatFeeRateCard, RateCard, UsageBasedRateCard } from './rate-card';

const NOW = '2024-05-01T10:00:00.000Z';
const LATER = '2024-05-02T10:00:00.000Z';
const LATEST = '2024-05-03T10:00:00.000Z';
const spec = deciderSpec(planDecider);

const activeUsersCard: UsageBasedRateCard = {
  type: 'usage_based',
  key: 'active_users',
  name: 'active-users',
  featureKey: 'active_users',
  billingCadence: 'P1M',
  price: { type: 'unit', amount: '1' },
  entitlementTemplate: { type: 'boolean' },
};

const platformFee: FlatFeeRateCard = {
  type: 'flat_fee',
  key: 'platform',
  name: 'Platform fee',
  billingCadence: 'P1M',
  price: { type: 'flat', amount: '49.99', paymentTerm: 'in_advance' },
};

const defaultPhase: PlanPhase = {
  key: 'default',
  name: 'Default',
  duration: null,
  rateCards: [activeUsersCard],
};

const features: ResolvedFeatures = { active_users: { aggregation: 'UNIQUE_COUNT' } };

function create(data: Partial<CreatePlan['data']> = {}): CreatePlan {
  return {
    type: 'CreatePlan',
    data: {
      id: 'plan-1',
      namespace: 'default',
      key: 'per_seat',
      version: 1,
      name: 'Per-Seat',
      currency: 'USD',
      billingCadence: 'P1M',
      phases: [defaultPhase],
      now: NOW,
      ...data,
    },
  };
}

/** A create command whose only phase holds these rate cards. */
function withRateCards(...rateCards: RateCard[]): CreatePlan {
  return create({ phases: [{ ...defaultPhase, rateCards }] });
}

const plan: Plan = {
  id: 'plan-1',
  namespace: 'default',
  key: 'per_seat',
  version: 1,
  currency: 'USD',
  name: 'Per-Seat',
  billingCadence: 'P1M',
  proRatingConfig: DEFAULT_PRO_RATING_CONFIG,
  phases: [defaultPhase],
  metadata: {},
};

const created: PlanCreated = { type: 'PlanCreated', data: { ...plan, at: NOW } };

function update(data: Partial<UpdatePlan['data']> = {}): UpdatePlan {
  return {
    type: 'UpdatePlan',
    data: {
      id: 'plan-1',
      namespace: 'default',
      name: 'Per-Seat',
      billingCadence: 'P1M',
      phases: [defaultPhase],
      now: LATER,
      ...data,
    },
  };
}

function publish(data: Partial<PublishPlan['data']> = {}): PublishPlan {
  return { type: 'PublishPlan', data: { id: 'plan-1', namespace: 'default', features, now: LATER, ...data } };
}

const published: PlanPublished = {
  type: 'PlanPublished',
  data: { ...plan, effectiveFrom: LATER, at: LATER },
};
const archive: ArchivePlan = {
  type: 'ArchivePlan',
  data: { id: 'plan-1', namespace: 'default', now: LATEST },
};
const archived: PlanArchived = {
  type: 'PlanArchived',
  data: { id: 'plan-1', namespace: 'default', key: 'per_seat', version: 1, effectiveTo: LATEST, at: LATEST },
};

/**
 * `field → code` of the problems publishing the draft a create command writes is refused with:
 * the draft is kept (OpenMeter keeps it and lists them as its `validationErrors`).
 */
function publishProblems(command: CreatePlan): Record<string, string | undefined> {
  const drafted = planDecider.decide(command, planDecider.initialState());
  expect(drafted.map((event) => event.type)).toEqual(['PlanCreated']);
  const error = rejection(planDecider, drafted, publish());
  expect(error.code).toBe('CATALOG.PLAN_INVALID');
  return problemCodes(error.problems);
}

/** `field → code` of the problems a create command is refused with. */
function createProblems(command: CreatePlan): Record<string, string | undefined> {
  const error = rejection(planDecider, [], command);
  expect(error.code).toBe('CATALOG.PLAN_INVALID');
  return problemCodes(error.problems);
}

describe('plan decider', () => {
  describe('CreatePlan', () => {
    it('creates the tutorial plan as a draft, writing out the defaults', () => {
      spec.given([]).when(create()).then([created]);
    });

    it('carries description, metadata and pro-rating as given', () => {
      const [event] = planDecider.decide(
        create({
          description: 'One price per active user',
          metadata: { segment: 'smb' },
          proRatingConfig: { enabled: false, mode: 'prorate_prices' },
        }),
        planDecider.initialState(),
      );
      expect(event.data).toMatchObject({
        description: 'One price per active user',
        metadata: { segment: 'smb' },
        proRatingConfig: { enabled: false, mode: 'prorate_prices' },
      });
    });

    it('stores plain JSON even when handed DTO instances with undefined members', () => {
      class RateCardDto {
        type = 'flat_fee' as const;
        key = 'platform';
        name = 'Platform fee';
        description: string | undefined = undefined;
        featureKey: string | undefined = undefined;
        billingCadence = 'P1M';
        price = { type: 'flat' as const, amount: '10' };
      }
      const [event] = planDecider.decide(
        create({ description: undefined, phases: [{ ...defaultPhase, rateCards: [new RateCardDto()] }] }),
        planDecider.initialState(),
      );
      expect(JSON.parse(JSON.stringify(event))).toStrictEqual(event);
      expect(event.data).not.toHaveProperty('description');
    });

    it('lets a draft name features that do not exist yet', () => {
      const [event] = planDecider.decide(
        withRateCards({ ...activeUsersCard, key: 'future', featureKey: 'future' }),
        planDecider.initialState(),
      );
      expect(event.type).toBe('PlanCreated');
    });

    it('refuses to create a plan twice in one stream', () => {
      spec.given([created]).when(create()).thenThrows('CATALOG.PLAN_ALREADY_EXISTS');
    });

    describe('plan fields', () => {
      it.each([
        ['key', { key: 'Per-Seat' }, { key: 'CATALOG.INVALID_KEY' }],
        ['version 0', { version: 0 }, { version: 'CATALOG.INVALID_VERSION' }],
        ['fractional version', { version: 1.5 }, { version: 'CATALOG.INVALID_VERSION' }],
        ['blank name', { name: '  ' }, { name: 'CATALOG.REQUIRED' }],
        ['long description', { description: 'x'.repeat(1025) }, { description: 'CATALOG.INVALID_TEXT' }],
        ['lower-case currency', { currency: 'usd' }, { currency: 'CATALOG.INVALID_CURRENCY' }],
        ['unknown currency', { currency: 'ABC' }, { currency: 'CATALOG.INVALID_CURRENCY' }],
        ['four-letter currency', { currency: 'USDT' }, { currency: 'CATALOG.INVALID_CURRENCY' }],
        ['currency with no minor unit', { currency: 'XDR' }, { currency: 'CATALOG.INVALID_CURRENCY' }],
        ['cadence in words', { billingCadence: 'monthly' }, { billingCadence: 'CATALOG.INVALID_DURATION' }],
        ['zero cadence', { billingCadence: 'P0M' }, { billingCadence: 'CATALOG.INVALID_DURATION' }],
        ['negative cadence', { billingCadence: '-P1M' }, { billingCadence: 'CATALOG.INVALID_DURATION' }],
        ['sub-hour cadence', { billingCadence: 'PT30M' }, { billingCadence: 'CATALOG.INVALID_DURATION' }],
        // Subscriptions could not lay periods of months and days end to end: such a plan would be unsubscribable.
        [
          'months mixed with days',
          { billingCadence: 'P1M15D' },
          { billingCadence: 'CATALOG.INVALID_DURATION' },
        ],
        [
          'years mixed with hours',
          { billingCadence: 'P1YT1H' },
          { billingCadence: 'CATALOG.INVALID_DURATION' },
        ],
        [
          'pro-rating mode',
          { proRatingConfig: { enabled: true, mode: 'prorate_everything' as 'prorate_prices' } },
          { 'proRatingConfig.mode': 'CATALOG.INVALID_ENUM' },
        ],
        ['no phases', { phases: [] }, { phases: 'CATALOG.NO_PHASES' }],
      ] as const)('refuses a bad %s', (_, data, expected) => {
        expect(createProblems(create(data as Partial<CreatePlan['data']>))).toEqual(expected);
      });

      it('accepts exactly the currencies billing can invoice in (one list)', () => {
        const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
        const disagreements: string[] = [];
        for (const a of letters)
          for (const b of letters)
            for (const c of letters) {
              const currency = a + b + c;
              let accepted = true;
              try {
                planDecider.decide(create({ currency }), planDecider.initialState());
              } catch {
                accepted = false;
              }
              // Billing rounds to the minor units of this same list, so these are what it can invoice.
              const billable = minorUnitsOf(currency) !== undefined;
              if (accepted !== billable) disagreements.push(currency);
            }
        expect(disagreements).toEqual([]);
      });

      it('accepts every known currency, not only USD', () => {
        for (const currency of ['EUR', 'JPY', 'HUF', 'BHD']) {
          expect(planDecider.decide(create({ currency }), planDecider.initialState())).toHaveLength(1);
        }
      });

      it('reports every problem at once', () => {
        expect(
          createProblems(create({ key: 'Bad', currency: 'usd', billingCadence: 'soon', phases: [] })),
        ).toEqual({
          key: 'CATALOG.INVALID_KEY',
          currency: 'CATALOG.INVALID_CURRENCY',
          billingCadence: 'CATALOG.INVALID_DURATION',
          phases: 'CATALOG.NO_PHASES',
        });
      });
    });

    describe('phases', () => {
      const trial: PlanPhase = { key: 'trial', name: 'Trial', duration: 'P1M', rateCards: [] };

      it('accepts a fixed-length phase before the open-ended one', () => {
        expect(
          planDecider.decide(create({ phases: [trial, defaultPhase] }), planDecider.initialState()),
        ).toHaveLength(1);
      });

      it('refuses an open-ended phase that is not the last', () => {
        expect(createProblems(create({ phases: [{ ...trial, duration: null }, defaultPhase] }))).toEqual({
          'phases[0].duration': 'CATALOG.PHASE_DURATION',
        });
      });

      it('refuses a last phase with a duration', () => {
        expect(createProblems(create({ phases: [trial, { ...defaultPhase, duration: 'P1Y' }] }))).toEqual({
          'phases[1].duration': 'CATALOG.PHASE_DURATION',
        });
      });

      it('refuses an invalid phase duration', () => {
        expect(createProblems(create({ phases: [{ ...trial, duration: 'P0D' }, defaultPhase] }))).toEqual({
          'phases[0].duration': 'CATALOG.INVALID_DURATION',
        });
      });

      it('refuses duplicate phase keys and bad phase fields', () => {
        expect(createProblems(create({ phases: [{ ...trial, key: 'default' }, defaultPhase] }))).toEqual({
          'phases[1].key': 'CATALOG.DUPLICATE_KEY',
        });
        expect(createProblems(create({ phases: [{ ...defaultPhase, key: 'Default', name: '' }] }))).toEqual({
          'phases[0].key': 'CATALOG.INVALID_KEY',
          'phases[0].name': 'CATALOG.REQUIRED',
        });
      });
    });

    describe('rate cards', () => {
      it('names the exact field of a bad amount', () => {
        const problems = createProblems(
          withRateCards(activeUsersCard, { ...platformFee, price: { type: 'flat', amount: '49,99' } }),
        );
        expect(problems).toEqual({ 'phases[0].rateCards[1].price.amount': 'BILLING.INVALID_PRICE' });
      });

      it('refuses duplicate keys within a phase, but not across phases', () => {
        expect(createProblems(withRateCards(platformFee, platformFee))).toEqual({
          'phases[0].rateCards[1].key': 'CATALOG.DUPLICATE_KEY',
        });
        const phases: PlanPhase[] = [
          { key: 'first', name: 'First', duration: 'P1M', rateCards: [platformFee] },
          { key: 'then', name: 'Then', duration: null, rateCards: [platformFee] },
        ];
        expect(planDecider.decide(create({ phases }), planDecider.initialState())).toHaveLength(1);
      });

      it('requires a billing cadence on a usage-based rate card', () => {
        const card = { ...activeUsersCard, billingCadence: null } as unknown as RateCard;
        expect(createProblems(withRateCards(card))).toEqual({
          'phases[0].rateCards[0].billingCadence': 'CATALOG.REQUIRED',
        });
      });

      it('accepts a one-time flat fee (no cadence) and a free rate card (no price)', () => {
        const oneTime: FlatFeeRateCard = {
          ...platformFee,
          key: 'setup',
          billingCadence: null,
          price: { type: 'flat', amount: '100', paymentTerm: 'in_arrears' },
        };
        const free: FlatFeeRateCard = { ...platformFee, key: 'support', price: null };
        expect(planDecider.decide(withRateCards(oneTime, free), planDecider.initialState())).toHaveLength(1);
      });

      it.each([
        ['P1M', 'P1M'],
        ['P1Y', 'P1M'],
        ['P1Y', 'P12M'],
        ['P1Y', 'P3M'],
        ['P4W', 'P1W'],
      ])('accepts a %s plan with a %s rate card', (planCadence, cardCadence) => {
        const command = create({
          billingCadence: planCadence,
          phases: [{ ...defaultPhase, rateCards: [{ ...activeUsersCard, billingCadence: cardCadence }] }],
        });
        expect(planDecider.decide(command, planDecider.initialState())).toHaveLength(1);
      });

      it.each([
        ['P1M', 'P1Y'],
        ['P1M', 'P1W'],
        ['P1M', 'P1D'],
        ['P1Y', 'P5M'],
      ])(
        'keeps a %s plan with a %s rate card as a draft, and refuses to publish it',
        (planCadence, cardCadence) => {
          const command = create({
            billingCadence: planCadence,
            phases: [{ ...defaultPhase, rateCards: [{ ...activeUsersCard, billingCadence: cardCadence }] }],
          });
          expect(publishProblems(command)).toEqual({
            'phases[0].rateCards[0].billingCadence': 'CATALOG.CADENCE_MISMATCH',
          });
        },
      );

      it('refuses a malformed rate-card cadence', () => {
        expect(createProblems(withRateCards({ ...platformFee, billingCadence: 'every month' }))).toEqual({
          'phases[0].rateCards[0].billingCadence': 'CATALOG.INVALID_DURATION',
        });
      });

      it.each(['1.0.0', '-1', '1e3', ' 1', '', '.5'])('refuses the amount %j', (amount) => {
        expect(
          createProblems(withRateCards({ ...activeUsersCard, price: { type: 'unit', amount } })),
        ).toEqual({
          'phases[0].rateCards[0].price.amount': 'BILLING.INVALID_PRICE',
        });
      });

      it('refuses a number where a decimal string belongs', () => {
        const card = { ...activeUsersCard, price: { type: 'unit', amount: 1 } } as unknown as RateCard;
        expect(createProblems(withRateCards(card))).toEqual({
          'phases[0].rateCards[0].price.amount': 'BILLING.INVALID_PRICE',
        });
      });

      it('refuses prices a rate card type does not take', () => {
        const unitOnFlatFee = { ...platformFee, price: { type: 'unit', amount: '1' } } as unknown as RateCard;
        expect(createProblems(withRateCards(unitOnFlatFee))).toEqual({
          'phases[0].rateCards[0].price.type': 'CATALOG.UNSUPPORTED_PRICE',
        });
        const dynamicOnFlatFee = {
          ...platformFee,
          price: { type: 'dynamic', multiplier: '1' },
        } as unknown as RateCard;
        expect(createProblems(withRateCards(dynamicOnFlatFee))).toEqual({
          'phases[0].rateCards[0].price.type': 'CATALOG.UNSUPPORTED_PRICE',
        });
      });

      it('refuses a bad payment term', () => {
        const card = {
          ...platformFee,
          price: { type: 'flat', amount: '1', paymentTerm: 'later' },
        } as unknown as RateCard;
        expect(createProblems(withRateCards(card))).toEqual({
          'phases[0].rateCards[0].price.paymentTerm': 'BILLING.INVALID_PRICE',
        });
      });

      it('checks spend commitments', () => {
        const inverted = withRateCards({
          ...activeUsersCard,
          price: { type: 'unit', amount: '1', minimumAmount: '100', maximumAmount: '10' },
        });
        expect(createProblems(inverted)).toEqual({
          'phases[0].rateCards[0].price.minimumAmount': 'BILLING.INVALID_PRICE',
        });
        const malformed = withRateCards({
          ...activeUsersCard,
          price: { type: 'unit', amount: '1', minimumAmount: 'ten' },
        });
        expect(createProblems(malformed)).toEqual({
          'phases[0].rateCards[0].price.minimumAmount': 'BILLING.INVALID_PRICE',
        });
        const fine = withRateCards({
          ...activeUsersCard,
          price: { type: 'unit', amount: '1', minimumAmount: '10', maximumAmount: '10' },
        });
        expect(planDecider.decide(fine, planDecider.initialState())).toHaveLength(1);
      });

      it('accepts a package price and refuses an empty package', () => {
        const card = (quantityPerPackage: string): RateCard => ({
          ...activeUsersCard,
          price: { type: 'package', amount: '5', quantityPerPackage },
        });
        expect(planDecider.decide(withRateCards(card('1000')), planDecider.initialState())).toHaveLength(1);
        expect(createProblems(withRateCards(card('0')))).toEqual({
          'phases[0].rateCards[0].price.quantityPerPackage': 'BILLING.INVALID_PRICE',
        });
      });

      it('refuses a usage price without a feature', () => {
        const { featureKey: _featureKey, entitlementTemplate: _template, ...anonymous } = activeUsersCard;
        expect(createProblems(withRateCards(anonymous))).toEqual({
          'phases[0].rateCards[0].featureKey': 'CATALOG.REQUIRED',
        });
      });

      it('refuses a rate-card key that differs from its feature key', () => {
        expect(createProblems(withRateCards({ ...activeUsersCard, key: 'seats' }))).toEqual({
          'phases[0].rateCards[0].key': 'CATALOG.KEY_MISMATCH',
        });
      });

      it('refuses an unknown rate card type', () => {
        const card = { ...platformFee, type: 'one_off' } as unknown as RateCard;
        expect(createProblems(withRateCards(card))).toEqual({
          'phases[0].rateCards[0].type': 'CATALOG.INVALID_ENUM',
        });
      });

      describe('tiered prices', () => {
        const tiered = (tiers: unknown[], mode = 'graduated'): RateCard =>
          ({ ...activeUsersCard, price: { type: 'tiered', mode, tiers } }) as unknown as RateCard;
        const unit = (amount: string) => ({ type: 'unit', amount });

        it('accepts ordered tiers ending open-ended', () => {
          const card = tiered([
            { upToAmount: '100', flatPrice: null, unitPrice: unit('1') },
            { upToAmount: '1000.5', flatPrice: { type: 'flat', amount: '10' }, unitPrice: unit('0.5') },
            { flatPrice: null, unitPrice: unit('0.1') },
          ]);
          expect(planDecider.decide(withRateCards(card), planDecider.initialState())).toHaveLength(1);
        });

        it('refuses tiers out of order or with equal bounds', () => {
          const card = tiered([
            { upToAmount: '100', flatPrice: null, unitPrice: unit('1') },
            { upToAmount: '50', flatPrice: null, unitPrice: unit('1') },
            { upToAmount: '50', flatPrice: null, unitPrice: unit('1') },
            { flatPrice: null, unitPrice: unit('1') },
          ]);
          expect(createProblems(withRateCards(card))).toEqual({
            'phases[0].rateCards[0].price.tiers[1].upToAmount': 'BILLING.INVALID_PRICE',
            'phases[0].rateCards[0].price.tiers[2].upToAmount': 'BILLING.INVALID_PRICE',
          });
        });

        it('refuses a bounded last tier and an open-ended middle tier', () => {
          const card = tiered([
            { flatPrice: null, unitPrice: unit('1') },
            { upToAmount: '100', flatPrice: null, unitPrice: unit('1') },
          ]);
          expect(createProblems(withRateCards(card))).toEqual({
            'phases[0].rateCards[0].price.tiers[0].upToAmount': 'BILLING.INVALID_PRICE',
            'phases[0].rateCards[0].price.tiers[1].upToAmount': 'BILLING.INVALID_PRICE',
          });
        });

        it('refuses a tier without a price, bad tier amounts and bounds, no tiers, and an unknown mode', () => {
          const card = tiered(
            [
              { upToAmount: '0', flatPrice: null, unitPrice: unit('1') },
              { upToAmount: '10', flatPrice: null, unitPrice: null },
              { flatPrice: { type: 'unit', amount: '1' }, unitPrice: unit('-2') },
            ],
            'stepped',
          );
          expect(createProblems(withRateCards(card))).toEqual({
            'phases[0].rateCards[0].price.mode': 'BILLING.INVALID_PRICE',
            'phases[0].rateCards[0].price.tiers[0].upToAmount': 'BILLING.INVALID_PRICE',
            'phases[0].rateCards[0].price.tiers[1]': 'BILLING.INVALID_PRICE',
            'phases[0].rateCards[0].price.tiers[2].flatPrice.type': 'BILLING.INVALID_PRICE',
            'phases[0].rateCards[0].price.tiers[2].unitPrice.amount': 'BILLING.INVALID_PRICE',
          });
          expect(createProblems(withRateCards(tiered([])))).toEqual({
            'phases[0].rateCards[0].price.tiers': 'BILLING.INVALID_PRICE',
          });
        });
      });

      describe('discounts', () => {
        it('accepts a percentage and a usage discount on a usage price', () => {
          const card: RateCard = {
            ...activeUsersCard,
            discounts: { percentage: { percentage: 12.5 }, usage: { quantity: '10' } },
          };
          expect(planDecider.decide(withRateCards(card), planDecider.initialState())).toHaveLength(1);
        });

        it('refuses discounts on a free rate card', () => {
          const card: RateCard = {
            ...platformFee,
            price: null,
            discounts: { percentage: { percentage: 10 } },
          };
          expect(createProblems(withRateCards(card))).toEqual({
            'phases[0].rateCards[0].discounts': 'CATALOG.NOT_ALLOWED',
          });
        });

        it('refuses a usage discount on a flat price', () => {
          expect(
            createProblems(withRateCards({ ...platformFee, discounts: { usage: { quantity: '1' } } })),
          ).toEqual({
            'phases[0].rateCards[0].discounts.usage': 'CATALOG.NOT_ALLOWED',
          });
          const flatUsage: RateCard = {
            ...activeUsersCard,
            price: { type: 'flat', amount: '5' },
            discounts: { usage: { quantity: '1' } },
          };
          expect(createProblems(withRateCards(flatUsage))).toEqual({
            'phases[0].rateCards[0].discounts.usage': 'CATALOG.NOT_ALLOWED',
          });
        });

        it('refuses percentages outside 0–100 and non-positive free quantities', () => {
          const card: RateCard = {
            ...activeUsersCard,
            discounts: { percentage: { percentage: 120 }, usage: { quantity: '0' } },
          };
          expect(createProblems(withRateCards(card))).toEqual({
            'phases[0].rateCards[0].discounts.percentage.percentage': 'CATALOG.INVALID_DISCOUNT',
            'phases[0].rateCards[0].discounts.usage.quantity': 'CATALOG.INVALID_DECIMAL',
          });
        });
      });

      describe('entitlement templates', () => {
        it('accept boolean, static and metered templates', () => {
          const cards: RateCard[] = [
            { ...activeUsersCard, entitlementTemplate: { type: 'boolean' } },
            {
              ...activeUsersCard,
              entitlementTemplate: { type: 'static', config: '{ "integrations": ["github"] }' },
            },
            {
              ...activeUsersCard,
              entitlementTemplate: {
                type: 'metered',
                issueAfterReset: 100,
                issueAfterResetPriority: 1,
                usagePeriod: 'P1M',
                isSoftLimit: true,
              },
            },
          ];
          for (const card of cards)
            expect(planDecider.decide(withRateCards(card), planDecider.initialState())).toHaveLength(1);
        });

        it('need a feature', () => {
          const card: RateCard = { ...platformFee, entitlementTemplate: { type: 'boolean' } };
          expect(createProblems(withRateCards(card))).toEqual({
            'phases[0].rateCards[0].featureKey': 'CATALOG.REQUIRED',
          });
        });

        it('refuse a static config that is not a JSON object', () => {
          for (const config of ['[1, 2]', 'not json', '"text"', 'null']) {
            const card: RateCard = { ...activeUsersCard, entitlementTemplate: { type: 'static', config } };
            expect(createProblems(withRateCards(card))).toEqual({
              'phases[0].rateCards[0].entitlementTemplate.config': 'CATALOG.INVALID_ENTITLEMENT',
            });
          }
        });

        it('refuse bad metered settings', () => {
          const card: RateCard = {
            ...activeUsersCard,
            entitlementTemplate: {
              type: 'metered',
              issueAfterReset: -1,
              usagePeriod: 'PT30M',
              isSoftLimit: 'yes' as unknown as boolean,
            },
          };
          expect(createProblems(withRateCards(card))).toEqual({
            'phases[0].rateCards[0].entitlementTemplate.issueAfterReset': 'CATALOG.INVALID_ENTITLEMENT',
            'phases[0].rateCards[0].entitlementTemplate.usagePeriod': 'CATALOG.INVALID_DURATION',
            'phases[0].rateCards[0].entitlementTemplate.isSoftLimit': 'CATALOG.INVALID_ENTITLEMENT',
          });
          const priorityAlone: RateCard = {
            ...activeUsersCard,
            entitlementTemplate: { type: 'metered', issueAfterResetPriority: 2 },
          };
          expect(createProblems(withRateCards(priorityAlone))).toEqual({
            'phases[0].rateCards[0].entitlementTemplate.issueAfterResetPriority':
              'CATALOG.INVALID_ENTITLEMENT',
          });
        });

        it('refuse an unknown template type', () => {
          const card = {
            ...activeUsersCard,
            entitlementTemplate: { type: 'unlimited' },
          } as unknown as RateCard;
          expect(createProblems(withRateCards(card))).toEqual({
            'phases[0].rateCards[0].entitlementTemplate.type': 'CATALOG.INVALID_ENUM',
          });
        });
      });
    });
  });

  describe("OpenMeter's plan options: alignment, settlement mode, tax config", () => {
    const weekly: UsageBasedRateCard = { ...activeUsersCard, billingCadence: 'P1W' };
    const taxed: FlatFeeRateCard = {
      ...platformFee,
      taxConfig: {
        behavior: 'exclusive',
        stripe: { code: 'txcd_10000000' },
        taxCodeId: '01G65Z755AFWAKHE12NY0CQ9FH',
      },
    };

    it('keeps alignment, settlement mode and a tax config as given', () => {
      const options = {
        alignment: { billablesMustAlign: true },
        settlementMode: 'credit_only' as const,
        phases: [{ ...defaultPhase, rateCards: [activeUsersCard, taxed] }],
      };
      spec
        .given([])
        .when(create(options))
        .then([{ type: 'PlanCreated', data: { ...plan, ...options, at: NOW } }]);
    });

    it('refuses to publish, with billablesMustAlign, a priced rate card billed at another cadence than the plan', () => {
      const card = { ...activeUsersCard, billingCadence: 'P1W' };
      const plan4w = { billingCadence: 'P4W', alignment: { billablesMustAlign: true } };
      expect(
        publishProblems(create({ ...plan4w, phases: [{ ...defaultPhase, rateCards: [card] }] })),
      ).toEqual({
        'phases[0].rateCards[0].billingCadence': 'CATALOG.CADENCE_UNALIGNED',
      });
      const publishes = (command: CreatePlan) => {
        const drafted = planDecider.decide(command, planDecider.initialState());
        return planDecider.decide(publish(), fold(planDecider, drafted)).map((event) => event.type);
      };
      // The same plan without the flag: a weekly rate card divides four weeks evenly.
      expect(
        publishes(create({ billingCadence: 'P4W', phases: [{ ...defaultPhase, rateCards: [card] }] })),
      ).toEqual(['PlanPublished']);
      // Free rate cards and one-time fees bill nothing per period: they need not align.
      const free = { ...weekly, price: null, entitlementTemplate: undefined };
      const oneTime = { ...platformFee, billingCadence: null };
      expect(
        publishes(create({ ...plan4w, phases: [{ ...defaultPhase, rateCards: [free, oneTime] }] })),
      ).toEqual(['PlanPublished']);
    });

    it('refuses a malformed alignment, settlement mode or tax config', () => {
      const badTax = {
        ...platformFee,
        taxConfig: { behavior: 'sometimes', stripe: { code: 'x' }, customInvoicing: {}, taxCodeId: 'nope' },
      } as unknown as RateCard;
      expect(
        createProblems(
          create({
            alignment: { billablesMustAlign: 'yes' } as never,
            settlementMode: 'barter' as never,
            phases: [{ ...defaultPhase, rateCards: [badTax] }],
          }),
        ),
      ).toEqual({
        'alignment.billablesMustAlign': 'CATALOG.INVALID_ENUM',
        settlementMode: 'CATALOG.INVALID_ENUM',
        'phases[0].rateCards[0].taxConfig.behavior': 'CATALOG.INVALID_ENUM',
        'phases[0].rateCards[0].taxConfig.taxCodeId': 'CATALOG.INVALID_TAX_CONFIG',
        'phases[0].rateCards[0].taxConfig.stripe.code': 'CATALOG.INVALID_TAX_CONFIG',
        'phases[0].rateCards[0].taxConfig.customInvoicing.code': 'CATALOG.INVALID_TAX_CONFIG',
      });
    });

    it('carries the options to the next version', () => {
      const options = {
        alignment: { billablesMustAlign: false },
        settlementMode: 'credit_then_invoice' as const,
      };
      const state = fold(planDecider, [
        { type: 'PlanCreated', data: { ...plan, ...options, at: NOW } },
        { type: 'PlanPublished', data: { ...plan, ...options, effectiveFrom: LATER, at: LATER } },
      ]) as PublishedPlanState;
      expect(nextVersionFrom(state, 'plan-2', LATEST)).toMatchObject(options);
    });

    it('reads plans written before the options existed', () => {
      expect(fold(planDecider, [created])).toMatchObject({ status: 'draft', plan });
      expect('alignment' in (fold(planDecider, [created]) as { plan: Plan }).plan).toBe(false);
    });
  });

  describe('UpdatePlan', () => {
    it('replaces the editable fields of a draft, carrying the whole plan', () => {
      const phases: PlanPhase[] = [{ ...defaultPhase, rateCards: [activeUsersCard, platformFee] }];
      const expected: PlanUpdated = {
        type: 'PlanUpdated',
        data: {
          ...plan,
          name: 'Per-Seat Pro',
          description: 'Seats and a platform fee',
          phases,
          metadata: { tier: 'pro' },
          at: LATER,
        },
      };
      spec
        .given([created])
        .when(
          update({
            name: 'Per-Seat Pro',
            description: 'Seats and a platform fee',
            phases,
            metadata: { tier: 'pro' },
          }),
        )
        .then([expected]);
    });

    it('never changes key, version or currency', () => {
      const sneaky = update({ name: 'Renamed' });
      const command = {
        ...sneaky,
        data: { ...sneaky.data, key: 'other', version: 9, currency: 'EUR' },
      } as UpdatePlan;
      const [event] = planDecider.decide(command, fold(planDecider, [created]));
      expect(event.data).toMatchObject({ key: 'per_seat', version: 1, currency: 'USD', name: 'Renamed' });
    });

    it('does nothing when nothing changes', () => {
      spec.given([created]).when(update()).thenNothing();
    });

    it('refuses an invalid draft', () => {
      spec
        .given([created])
        .when(update({ billingCadence: 'P0D' }))
        .thenThrows('CATALOG.PLAN_INVALID');
    });

    it('refuses to change a published or archived version', () => {
      spec
        .given([created, published])
        .when(update({ name: 'Changed' }))
        .thenThrows('CATALOG.PLAN_NOT_DRAFT');
      spec
        .given([created, published, archived])
        .when(update({ name: 'Changed' }))
        .thenThrows('CATALOG.PLAN_NOT_DRAFT');
    });

    it('answers not found for a plan that does not exist or lives in another namespace', () => {
      spec.given([]).when(update()).thenThrows('CATALOG.PLAN_NOT_FOUND');
      spec
        .given([created])
        .when(update({ namespace: 'other' }))
        .thenThrows('CATALOG.PLAN_NOT_FOUND');
    });
  });

  describe('PublishPlan', () => {
    it('publishes the draft, effective now, carrying the whole plan', () => {
      spec.given([created]).when(publish()).then([published]);
    });

    it('publishes effective from a later instant, in UTC', () => {
      const [event] = planDecider.decide(
        publish({ effectiveFrom: '2024-06-01T02:00:00+02:00' }),
        fold(planDecider, [created]),
      );
      expect(event).toMatchObject({
        type: 'PlanPublished',
        data: { effectiveFrom: '2024-06-01T00:00:00.000Z', at: LATER },
      });
    });

    it('refuses an effectiveFrom in the past or malformed', () => {
      expect(
        problemCodes(rejection(planDecider, [created], publish({ effectiveFrom: NOW })).problems),
      ).toEqual({
        effectiveFrom: 'CATALOG.EFFECTIVE_FROM_IN_PAST',
      });
      expect(
        problemCodes(rejection(planDecider, [created], publish({ effectiveFrom: 'tomorrow' })).problems),
      ).toEqual({
        effectiveFrom: 'CATALOG.INVALID_TIMESTAMP',
      });
    });

    it('refuses a feature that is not live, however the handler reports it', () => {
      for (const resolved of [{}, { active_users: undefined }] as ResolvedFeatures[]) {
        spec
          .given([created])
          .when(publish({ features: resolved }))
          .thenThrows('CATALOG.PLAN_INVALID');
        expect(
          problemCodes(rejection(planDecider, [created], publish({ features: resolved })).problems),
        ).toEqual({
          'phases[0].rateCards[0].featureKey': 'CATALOG.FEATURE_NOT_FOUND',
        });
      }
    });

    it('never resolves a feature key through the prototype chain', () => {
      const card: UsageBasedRateCard = { ...activeUsersCard, key: 'constructor', featureKey: 'constructor' };
      const draft: PlanCreated = {
        type: 'PlanCreated',
        data: { ...created.data, phases: [{ ...defaultPhase, rateCards: [card] }] },
      };
      expect(problemCodes(rejection(planDecider, [draft], publish({ features: {} })).problems)).toEqual({
        'phases[0].rateCards[0].featureKey': 'CATALOG.FEATURE_NOT_FOUND',
      });
    });

    it('refuses usage prices and metered entitlements on a feature without a meter', () => {
      const metered: UsageBasedRateCard = {
        ...activeUsersCard,
        entitlementTemplate: { type: 'metered', usagePeriod: 'P1M' },
      };
      const draft: PlanCreated = {
        type: 'PlanCreated',
        data: { ...created.data, phases: [{ ...defaultPhase, rateCards: [metered] }] },
      };
      expect(
        problemCodes(rejection(planDecider, [draft], publish({ features: { active_users: {} } })).problems),
      ).toEqual({
        'phases[0].rateCards[0].entitlementTemplate': 'CATALOG.FEATURE_NOT_METERED',
        'phases[0].rateCards[0].featureKey': 'CATALOG.FEATURE_NOT_METERED',
      });
    });

    it('accepts a flat fee with a boolean entitlement on a feature without a meter', () => {
      const sso: FlatFeeRateCard = {
        ...platformFee,
        key: 'sso',
        featureKey: 'sso',
        entitlementTemplate: { type: 'boolean' },
      };
      const draft: PlanCreated = {
        type: 'PlanCreated',
        data: { ...created.data, phases: [{ ...defaultPhase, rateCards: [sso] }] },
      };
      expect(planDecider.decide(publish({ features: { sso: {} } }), fold(planDecider, [draft]))).toHaveLength(
        1,
      );
    });

    it('reports every problem at once, including rules the draft was saved under before', () => {
      const legacy: PlanCreated = {
        type: 'PlanCreated',
        data: {
          ...created.data,
          currency: 'XYZ',
          phases: [
            { key: 'trial', name: 'Trial', duration: null, rateCards: [] },
            {
              ...defaultPhase,
              rateCards: [activeUsersCard, { ...platformFee, price: { type: 'flat', amount: '-5' } }],
            },
          ],
        },
      };
      const error = rejection(planDecider, [legacy], publish({ features: {}, effectiveFrom: NOW }));
      expect(error.code).toBe('CATALOG.PLAN_INVALID');
      expect(error.kind).toBe('invalid');
      expect(problemCodes(error.problems)).toEqual({
        currency: 'CATALOG.INVALID_CURRENCY',
        'phases[0].duration': 'CATALOG.PHASE_DURATION',
        'phases[1].rateCards[1].price.amount': 'BILLING.INVALID_PRICE',
        'phases[1].rateCards[0].featureKey': 'CATALOG.FEATURE_NOT_FOUND',
        effectiveFrom: 'CATALOG.EFFECTIVE_FROM_IN_PAST',
      });
      expect(error.message).toContain('5 problems');
    });

    it('refuses to publish twice or after archiving', () => {
      spec.given([created, published]).when(publish()).thenThrows('CATALOG.PLAN_NOT_DRAFT');
      spec.given([created, published, archived]).when(publish()).thenThrows('CATALOG.PLAN_NOT_DRAFT');
    });

    it('answers not found for a plan that does not exist or lives in another namespace', () => {
      spec.given([]).when(publish()).thenThrows('CATALOG.PLAN_NOT_FOUND');
      spec
        .given([created])
        .when(publish({ namespace: 'other' }))
        .thenThrows('CATALOG.PLAN_NOT_FOUND');
    });
  });

  describe('ArchivePlan', () => {
    it('archives a published version, effective now', () => {
      spec.given([created, published]).when(archive).then([archived]);
    });

    it('ends a scheduled version where it would have started, never before', () => {
      const scheduled: PlanPublished = {
        ...published,
        data: { ...published.data, effectiveFrom: '2024-07-01T00:00:00.000Z' },
      };
      const [event] = planDecider.decide(archive, fold(planDecider, [created, scheduled]));
      expect(event).toMatchObject({
        type: 'PlanArchived',
        data: { effectiveTo: '2024-07-01T00:00:00.000Z', at: LATEST },
      });
    });

    it('does nothing when already archived', () => {
      spec.given([created, published, archived]).when(archive).thenNothing();
    });

    it('refuses to archive a draft', () => {
      spec.given([created]).when(archive).thenThrows('CATALOG.PLAN_NOT_PUBLISHED');
    });

    it('answers not found for a plan that does not exist or lives in another namespace', () => {
      spec.given([]).when(archive).thenThrows('CATALOG.PLAN_NOT_FOUND');
      spec
        .given([created, published])
        .when({ ...archive, data: { ...archive.data, namespace: 'other' } })
        .thenThrows('CATALOG.PLAN_NOT_FOUND');
    });
  });

  describe('DeletePlan', () => {
    const remove = (now: string): DeletePlan => ({
      type: 'DeletePlan',
      data: { id: 'plan-1', namespace: 'default', now },
    });
    const deleted = (at: string): PlanDeleted => ({
      type: 'PlanDeleted',
      data: { id: 'plan-1', namespace: 'default', key: 'per_seat', version: 1, at },
    });

    it('deletes a draft', () => {
      spec
        .given([created])
        .when(remove(LATER))
        .then([deleted(LATER)]);
    });

    it('deletes an archived version', () => {
      spec
        .given([created, published, archived])
        .when(remove(LATEST))
        .then([deleted(LATEST)]);
    });

    it('refuses to delete the active version: it must be archived first', () => {
      spec.given([created, published]).when(remove(LATEST)).thenThrows('CATALOG.PLAN_ACTIVE');
    });

    it('does nothing when already deleted, and a deleted version takes no other command', () => {
      spec
        .given([created, deleted(LATER)])
        .when(remove(LATEST))
        .thenNothing();
      spec
        .given([created, deleted(LATER)])
        .when(update())
        .thenThrows('CATALOG.PLAN_NOT_FOUND');
      spec
        .given([created, deleted(LATER)])
        .when(publish())
        .thenThrows('CATALOG.PLAN_NOT_FOUND');
      spec
        .given([created, published, archived, deleted(LATEST)])
        .when(archive)
        .thenThrows('CATALOG.PLAN_NOT_FOUND');
    });

    it('answers not found for a plan that does not exist or lives in another namespace', () => {
      spec.given([]).when(remove(LATER)).thenThrows('CATALOG.PLAN_NOT_FOUND');
      spec
        .given([created])
        .when({ type: 'DeletePlan', data: { id: 'plan-1', namespace: 'other', now: LATER } })
        .thenThrows('CATALOG.PLAN_NOT_FOUND');
    });

    it('folds a deletion into the state, keeping the plan for the record', () => {
      expect(fold(planDecider, [created, deleted(LATER)])).toEqual({
        status: 'deleted',
        plan,
        createdAt: NOW,
        updatedAt: LATER,
        deletedAt: LATER,
      });
      expect(fold(planDecider, [created, published, deleted(LATEST)]).status).toBe('active');
    });
  });

  describe('nextVersionFrom', () => {
    it('makes the next draft: a new id, version + 1, the same content', () => {
      const source = fold(planDecider, [created, published]) as PublishedPlanState;
      const next = nextVersionFrom(source, 'plan-2', LATEST);
      expect(next).toEqual({
        id: 'plan-2',
        namespace: 'default',
        key: 'per_seat',
        version: 2,
        name: 'Per-Seat',
        currency: 'USD',
        billingCadence: 'P1M',
        proRatingConfig: DEFAULT_PRO_RATING_CONFIG,
        phases: [defaultPhase],
        metadata: {},
        now: LATEST,
      });
      spec
        .given([])
        .when({ type: 'CreatePlan', data: next })
        .then([{ type: 'PlanCreated', data: { ...plan, id: 'plan-2', version: 2, at: LATEST } }]);
    });

    it('works from an archived version too and does not share its phases', () => {
      const source = fold(planDecider, [created, published, archived]) as PublishedPlanState;
      const next = nextVersionFrom(source, 'plan-2', LATEST);
      expect(next.version).toBe(2);
      expect(next.phases).toEqual(source.plan.phases);
      expect(next.phases).not.toBe(source.plan.phases);
    });
  });

  describe('featureKeysOf', () => {
    it('lists every feature key once', () => {
      const phases: PlanPhase[] = [
        { key: 'trial', name: 'Trial', duration: 'P1M', rateCards: [activeUsersCard, platformFee] },
        { ...defaultPhase, rateCards: [activeUsersCard, { ...platformFee, key: 'sso', featureKey: 'sso' }] },
      ];
      expect(featureKeysOf({ ...plan, phases })).toEqual(['active_users', 'sso']);
    });
  });

  describe('evolve', () => {
    const updated: PlanUpdated = { type: 'PlanUpdated', data: { ...plan, name: 'Renamed', at: LATER } };

    it('folds the lifecycle into the plan and its timestamps', () => {
      expect(fold(planDecider, [created])).toEqual({ status: 'draft', plan, createdAt: NOW, updatedAt: NOW });
      expect(fold(planDecider, [created, updated])).toEqual({
        status: 'draft',
        plan: { ...plan, name: 'Renamed' },
        createdAt: NOW,
        updatedAt: LATER,
      });
      expect(fold(planDecider, [created, published])).toEqual({
        status: 'active',
        plan,
        createdAt: NOW,
        updatedAt: LATER,
        effectiveFrom: LATER,
        publishedAt: LATER,
      });
      expect(fold(planDecider, [created, published, archived])).toEqual({
        status: 'archived',
        plan,
        createdAt: NOW,
        updatedAt: LATEST,
        effectiveFrom: LATER,
        publishedAt: LATER,
        effectiveTo: LATEST,
        archivedAt: LATEST,
      });
    });

    it('never throws on history it would not decide today', () => {
      expect(fold(planDecider, [published])).toEqual({ status: 'empty' });
      expect(fold(planDecider, [created, archived]).status).toBe('draft');
      expect(fold(planDecider, [created, published, updated]).status).toBe('active');
    });

    it('keeps the state as it was on an event type it does not know', () => {
      for (const history of [
        [],
        [created],
        [created, updated],
        [created, published],
        [created, published, archived],
      ]) {
        spec.given(history).keepsStateOnUnknownEvents();
      }
    });
  });
});
