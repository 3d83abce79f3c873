import { fold } from '../../shared/decider';
import { deciderSpec } from '../../shared/testing/decider-spec';
import {
  CancelSubscription,
  ChangeSubscription,
  CreateSubscription,
  CreateSubscriptionAddon,
  EditSubscription,
  PlanSnapshot,
  Subscription,
  SubscriptionCanceled,
  SubscriptionAddonCreated,
  SubscriptionCreated,
  SubscriptionEdited,
  SubscriptionEvent,
  currentBillingPeriod,
  SubscriptionErrors,
  subscriptionDecider,
  subscriptionStatusAt,
  UpdateSubscriptionAddon,
} from './subscription.decider';
import type { AddonOffer, SubscriptionAddon } from './subscription-addons';

const spec = deciderSpec(subscriptionDecider);
const ID = '01J00000000000000000000SUB';
const CUSTOMER = '01J0000000000000000000ACME';
const NS = 'default';

const perSeat: PlanSnapshot = {
  id: '01J000000000000000000PLAN1',
  key: 'per_seat',
  version: 1,
  name: 'Per-Seat',
  currency: 'USD',
  billingCadence: 'P1M',
  phases: [
    {
      key: 'default',
      duration: null,
      rateCards: [
        {
          type: 'usage_based',
          key: 'active_users',
          featureKey: 'active_users',
          name: 'active-users',
          price: { type: 'unit', amount: '1' },
          billingCadence: 'P1M',
          entitlementTemplate: { type: 'boolean' },
        },
      ],
    },
  ],
};

const create = (data: Partial<CreateSubscription['data']> = {}): CreateSubscription => ({
  type: 'CreateSubscription',
  data: {
    id: ID,
    namespace: NS,
    customerId: CUSTOMER,
    plan: perSeat,
    planStatus: 'active',
    timing: 'immediate',
    now: '2024-01-31T09:15:30.789Z',
    customerHasActiveSubscription: false,
    ...data,
  },
});

const cancel = (
  timing: CancelSubscription['data']['timing'],
  now: string,
  namespace = NS,
): CancelSubscription => ({
  type: 'CancelSubscription',
  data: { id: ID, namespace, timing, now },
});

const subscription = (overrides: Partial<Subscription> = {}): Subscription => ({
  id: ID,
  namespace: NS,
  customerId: CUSTOMER,
  name: 'Per-Seat',
  plan: perSeat,
  currency: 'USD',
  billingCadence: 'P1M',
  activeFrom: '2024-01-31T09:15:30.000Z',
  billingAnchor: '2024-01-31T09:15:30.000Z',
  createdAt: '2024-01-31T09:15:30.789Z',
  ...overrides,
});

const created = (overrides: Partial<Subscription> = {}): SubscriptionCreated => ({
  type: 'SubscriptionCreated',
  data: subscription(overrides),
});

const canceled = (
  activeTo: string,
  canceledAt: string,
  timing: SubscriptionCanceled['data']['timing'] = 'immediate',
): SubscriptionCanceled => ({
  type: 'SubscriptionCanceled',
  data: { id: ID, namespace: NS, customerId: CUSTOMER, timing, activeTo, canceledAt },
});

const stateOf = (...events: SubscriptionEvent[]) => fold(subscriptionDecider, events);

describe('subscription decider', () => {
  describe('CreateSubscription', () => {
    it('starts immediately at now floored to the second, anchored there, named after the plan', () => {
      spec.given([]).when(create()).then([created()]);
    });

    it('so the first billing period is whole', () => {
      expect(currentBillingPeriod(stateOf(created()), '2024-02-10T00:00:00Z')).toEqual({
        from: '2024-01-31T09:15:30.000Z',
        to: '2024-02-29T09:15:30.000Z',
        index: 0,
      });
    });

    it('carries the plan snapshot with its rate cards', () => {
      const [event] = subscriptionDecider.decide(create(), subscriptionDecider.initialState());
      expect((event as SubscriptionCreated).data.plan.phases[0].rateCards).toHaveLength(1);
      expect(JSON.parse(JSON.stringify(event))).toEqual(event);
    });

    it('carries the customer key, name, description and metadata when given', () => {
      spec
        .given([])
        .when(
          create({
            customerKey: 'acme-inc',
            name: 'Acme seats',
            description: 'Main',
            metadata: { po: '42' },
          }),
        )
        .then([
          created({
            customerKey: 'acme-inc',
            name: 'Acme seats',
            description: 'Main',
            metadata: { po: '42' },
          }),
        ]);
    });

    it('starts at an explicit future time, normalized to UTC', () => {
      spec
        .given([])
        .when(create({ timing: '2024-02-01T02:00:00+02:00' }))
        .then([
          created({ activeFrom: '2024-02-01T00:00:00.000Z', billingAnchor: '2024-02-01T00:00:00.000Z' }),
        ]);
    });

    it('accepts an explicit time exactly two minutes before now', () => {
      spec
        .given([])
        .when(create({ timing: '2024-01-31T09:13:30.789Z' }))
        .then([
          created({ activeFrom: '2024-01-31T09:13:30.789Z', billingAnchor: '2024-01-31T09:13:30.789Z' }),
        ]);
    });

    it('refuses an explicit time more than two minutes before now', () => {
      spec
        .given([])
        .when(create({ timing: '2024-01-31T09:13:30.788Z' }))
        .thenThrows('SUBSCRIPTIONS.TIMING_IN_PAST');
      spec
        .given([])
        .when(create({ timing: '2023-01-01T00:00:00Z' }))
        .thenThrows('SUBSCRIPTIONS.TIMING_IN_PAST');
    });

    it.each(['tomorrow', 'next_billing_cycle', '2024-02-01', ''])('refuses timing %p', (timing) => {
      spec.given([]).when(create({ timing })).thenThrows('SUBSCRIPTIONS.INVALID_TIMING');
    });

    it('keeps an explicit billing anchor, so the first period is partial', () => {
      const anchor = '2024-01-01T00:00:00Z';
      const event = created({ billingAnchor: '2024-01-01T00:00:00.000Z' });
      spec
        .given([])
        .when(create({ billingAnchor: anchor }))
        .then([event]);
      expect(currentBillingPeriod(stateOf(event), '2024-01-31T12:00:00Z')).toEqual({
        from: '2024-01-31T09:15:30.000Z',
        to: '2024-02-01T00:00:00.000Z',
        index: 0,
      });
      expect(currentBillingPeriod(stateOf(event), '2024-02-01T00:00:00Z')).toEqual({
        from: '2024-02-01T00:00:00.000Z',
        to: '2024-03-01T00:00:00.000Z',
        index: 1,
      });
    });

    it('refuses a billing anchor that is not a date-time', () => {
      spec
        .given([])
        .when(create({ billingAnchor: 'monday' }))
        .thenThrows('SUBSCRIPTIONS.INVALID_BILLING_ANCHOR');
    });

    it('refuses a blank name', () => {
      spec
        .given([])
        .when(create({ name: ' ' }))
        .thenThrows('SUBSCRIPTIONS.INVALID_NAME');
    });

    it.each(['draft', 'archived', 'scheduled'] as const)('refuses a %s plan', (planStatus) => {
      spec.given([]).when(create({ planStatus })).thenThrows('SUBSCRIPTIONS.PLAN_NOT_PUBLISHED');
    });

    it('refuses a plan whose cadence cannot be billed', () => {
      spec
        .given([])
        .when(create({ plan: { ...perSeat, billingCadence: 'P1M15D' } }))
        .thenThrows('SUBSCRIPTIONS.INVALID_BILLING_CADENCE');
    });

    it('refuses a customer who already has an active subscription', () => {
      spec
        .given([])
        .when(create({ customerHasActiveSubscription: true }))
        .thenThrows('SUBSCRIPTIONS.ALREADY_ACTIVE');
    });

    it('refuses a second create on the same stream', () => {
      spec.given([created()]).when(create()).thenThrows('SUBSCRIPTIONS.ALREADY_EXISTS');
    });

    it('refuses a malformed now', () => {
      spec
        .given([])
        .when(create({ now: 'now' }))
        .thenThrows('SUBSCRIPTIONS.INVALID_INSTANT');
    });
  });

  describe("OpenMeter's options: startingPhase, alignment, settlement and cost-basis modes", () => {
    const trial = { key: 'trial', duration: 'P1M', rateCards: [] };
    const ramp: PlanSnapshot = { ...perSeat, phases: [trial, ...perSeat.phases] };

    it('starts in the phase asked for, dropping the ones before it, and keeps the options as asked', () => {
      spec
        .given([])
        .when(
          create({
            plan: ramp,
            startingPhase: 'default',
            alignment: { billablesMustAlign: true },
            settlementMode: 'credit_only',
            costBasisMode: 'pinned',
          }),
        )
        .then([
          created({
            plan: perSeat,
            startingPhase: 'default',
            alignment: { billablesMustAlign: true },
            settlementMode: 'credit_only',
            costBasisMode: 'pinned',
          }),
        ]);
    });

    it('refuses a starting phase the plan does not have', () => {
      spec
        .given([])
        .when(create({ plan: ramp, startingPhase: 'gold' }))
        .thenThrows('SUBSCRIPTIONS.INVALID_STARTING_PHASE');
    });

    it('refuses alignment a plan does not meet: a priced rate card at another cadence', () => {
      const weekly = {
        ...perSeat,
        billingCadence: 'P4W',
        phases: [
          {
            ...perSeat.phases[0],
            rateCards: [{ ...(perSeat.phases[0].rateCards[0] as object), billingCadence: 'P1W' }],
          },
        ],
      };
      spec
        .given([])
        .when(create({ plan: weekly, alignment: { billablesMustAlign: true } }))
        .thenThrows('SUBSCRIPTIONS.UNALIGNED');
      expect(
        subscriptionDecider.decide(create({ plan: weekly, alignment: { billablesMustAlign: false } }), {
          status: 'empty',
        }),
      ).toHaveLength(1);
    });

    it('reads subscriptions created before the options existed', () => {
      const state = stateOf(created());
      expect(state).toEqual({ status: 'open', subscription: subscription() });
      expect(Object.keys((state as { subscription: object }).subscription)).not.toContain('startingPhase');
    });
  });

  describe('CancelSubscription', () => {
    it('immediate: ends with the second now falls in, so usage stamped in it is billed', () => {
      spec
        .given([created()])
        .when(cancel('immediate', '2024-03-05T12:00:00.600Z'))
        .then([canceled('2024-03-05T12:00:01.000Z', '2024-03-05T12:00:00.600Z')]);
      spec
        .given([created()])
        .when(cancel('immediate', '2024-03-05T12:00:00.000Z'))
        .then([canceled('2024-03-05T12:00:00.000Z', '2024-03-05T12:00:00.000Z')]);
    });

    it('next_billing_cycle: ends with the billing period in progress, month-end kept from the anchor', () => {
      const anchoredOn31st = created({
        activeFrom: '2024-01-31T00:00:00.000Z',
        billingAnchor: '2024-01-31T00:00:00.000Z',
      });
      spec
        .given([anchoredOn31st])
        .when(cancel('next_billing_cycle', '2024-03-05T12:00:00.000Z'))
        .then([canceled('2024-03-31T00:00:00.000Z', '2024-03-05T12:00:00.000Z', 'next_billing_cycle')]);
    });

    it('next_billing_cycle exactly on a boundary ends the period that starts then', () => {
      spec
        .given([created()])
        .when(cancel('next_billing_cycle', '2024-02-29T09:15:30.000Z'))
        .then([canceled('2024-03-31T09:15:30.000Z', '2024-02-29T09:15:30.000Z', 'next_billing_cycle')]);
    });

    describe('a scheduled subscription', () => {
      const scheduled = created({
        activeFrom: '2024-06-01T00:00:00.000Z',
        billingAnchor: '2024-06-01T00:00:00.000Z',
      });

      it('canceled immediately never starts', () => {
        spec
          .given([scheduled])
          .when(cancel('immediate', '2024-05-01T00:00:00.000Z'))
          .then([canceled('2024-06-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z')]);
      });

      it('canceled at the next billing cycle runs its first period', () => {
        spec
          .given([scheduled])
          .when(cancel('next_billing_cycle', '2024-05-01T00:00:00.000Z'))
          .then([canceled('2024-07-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z', 'next_billing_cycle')]);
      });
    });

    describe('canceling again', () => {
      const atPeriodEnd = canceled(
        '2024-02-29T09:15:30.000Z',
        '2024-02-10T00:00:00.000Z',
        'next_billing_cycle',
      );

      it('is a no-op when it would end at the same time (a retry)', () => {
        spec
          .given([created(), atPeriodEnd])
          .when(cancel('next_billing_cycle', '2024-02-11T00:00:00.000Z'))
          .thenNothing();
      });

      it('brings the end forward when asked to end sooner', () => {
        spec
          .given([created(), atPeriodEnd])
          .when(cancel('immediate', '2024-02-11T00:00:00.000Z'))
          .then([canceled('2024-02-11T00:00:00.000Z', '2024-02-11T00:00:00.000Z')]);
      });

      it('is a no-op once the subscription has ended', () => {
        const ended = canceled('2024-02-11T00:00:00.000Z', '2024-02-11T00:00:00.000Z');
        spec.given([created(), ended]).when(cancel('immediate', '2024-02-11T00:00:00.400Z')).thenNothing();
        spec
          .given([created(), ended])
          .when(cancel('next_billing_cycle', '2024-04-01T00:00:00Z'))
          .thenNothing();
      });

      it('never postpones an end', () => {
        const scheduled = created({
          activeFrom: '2024-06-01T00:00:00.000Z',
          billingAnchor: '2024-06-01T00:00:00.000Z',
        });
        const neverStarts = canceled('2024-06-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z');
        spec
          .given([scheduled, neverStarts])
          .when(cancel('next_billing_cycle', '2024-05-02T00:00:00Z'))
          .thenNothing();
      });
    });

    it('refuses an unknown subscription', () => {
      spec.given([]).when(cancel('immediate', '2024-02-01T00:00:00Z')).thenThrows('SUBSCRIPTIONS.NOT_FOUND');
    });

    it("refuses another namespace's subscription", () => {
      spec
        .given([created()])
        .when(cancel('immediate', '2024-02-01T00:00:00Z', 'other'))
        .thenThrows('SUBSCRIPTIONS.NOT_FOUND');
    });

    it('refuses an unknown timing', () => {
      const command = cancel('later' as 'immediate', '2024-02-01T00:00:00Z');
      spec.given([created()]).when(command).thenThrows('SUBSCRIPTIONS.INVALID_TIMING');
    });
  });

  describe('ChangeSubscription', () => {
    const NEXT = '01J0000000000000000000NEXT';
    const changeTo = (timing: string, now: string): ChangeSubscription => ({
      type: 'ChangeSubscription',
      data: { id: ID, namespace: NS, timing, nextSubscriptionId: NEXT, now },
    });
    const changed = (activeTo: string, canceledAt: string, timing: string): SubscriptionCanceled => ({
      type: 'SubscriptionCanceled',
      data: { ...canceled(activeTo, canceledAt, timing).data, nextSubscriptionId: NEXT },
    });

    it('immediate: ends it now, floored to the second, where its successor starts', () => {
      spec
        .given([created()])
        .when(changeTo('immediate', '2024-02-10T08:00:00.400Z'))
        .then([changed('2024-02-10T08:00:00.000Z', '2024-02-10T08:00:00.400Z', 'immediate')]);
    });

    it('next_billing_cycle: ends it with the period in progress', () => {
      spec
        .given([created()])
        .when(changeTo('next_billing_cycle', '2024-02-10T08:00:00Z'))
        .then([changed('2024-02-29T09:15:30.000Z', '2024-02-10T08:00:00.000Z', 'next_billing_cycle')]);
    });

    it('an instant: ends it there; before its start, at its start (it never runs)', () => {
      spec
        .given([created()])
        .when(changeTo('2024-03-05T00:00:00Z', '2024-02-10T08:00:00Z'))
        .then([changed('2024-03-05T00:00:00.000Z', '2024-02-10T08:00:00.000Z', '2024-03-05T00:00:00Z')]);
      spec
        .given([created({ activeFrom: '2024-03-01T00:00:00.000Z' })])
        .when(changeTo('immediate', '2024-02-10T08:00:00Z'))
        .then([changed('2024-03-01T00:00:00.000Z', '2024-02-10T08:00:00.000Z', 'immediate')]);
    });

    it('refuses an instant too far back, or not an instant', () => {
      spec
        .given([created()])
        .when(changeTo('2024-02-09T00:00:00Z', '2024-02-10T08:00:00Z'))
        .thenThrows('SUBSCRIPTIONS.TIMING_IN_PAST');
      spec
        .given([created()])
        .when(changeTo('tomorrow', '2024-02-10T08:00:00Z'))
        .thenThrows('SUBSCRIPTIONS.INVALID_TIMING');
    });

    it('refuses a subscription with an end: canceled, or changed before', () => {
      spec
        .given([created(), canceled('2024-02-29T09:15:30.000Z', '2024-02-10T00:00:00.000Z')])
        .when(changeTo('immediate', '2024-02-10T08:00:00Z'))
        .thenThrows('SUBSCRIPTIONS.HAS_AN_END');
      spec
        .given([created(), changed('2024-02-10T00:00:00.000Z', '2024-02-10T00:00:00.000Z', 'immediate')])
        .when(changeTo('immediate', '2024-02-10T08:00:00Z'))
        .thenThrows('SUBSCRIPTIONS.HAS_AN_END');
    });

    it('so a cancel after a change is refused too: one of the two wins', () => {
      spec
        .given([
          created(),
          changed('2024-02-29T09:15:30.000Z', '2024-02-10T00:00:00.000Z', 'next_billing_cycle'),
        ])
        .when(cancel('immediate', '2024-02-10T08:00:00Z'))
        .thenThrows('SUBSCRIPTIONS.HAS_AN_END');
    });

    it('refuses an unknown subscription', () => {
      spec
        .given([])
        .when(changeTo('immediate', '2024-02-10T08:00:00Z'))
        .thenThrows('SUBSCRIPTIONS.NOT_FOUND');
    });

    it('links the successor: the state names it, the successor names its predecessor', () => {
      const state = stateOf(
        created(),
        changed('2024-02-10T00:00:00.000Z', '2024-02-10T00:00:00.000Z', 'immediate'),
      );
      expect(state).toMatchObject({ status: 'canceled', nextSubscriptionId: NEXT });
      const [event] = subscriptionDecider.decide(
        create({ id: NEXT, previousSubscriptionId: ID, timing: '2024-01-31T09:15:30Z' }),
        subscriptionDecider.initialState(),
      );
      expect(event.data).toMatchObject({ id: NEXT, previousSubscriptionId: ID });
    });
  });

  describe('CreateSubscription backdated (SUBSCRIPTION_BACKDATE_LIMIT)', () => {
    it('starts as far back as the limit, and no further, naming the bound', () => {
      const back = create({ timing: '2023-02-01T00:00:00Z', backdateLimit: 'P1Y' });
      const [event] = subscriptionDecider.decide(back, subscriptionDecider.initialState());
      expect(event.data).toMatchObject({
        activeFrom: '2023-02-01T00:00:00.000Z',
        billingAnchor: '2023-02-01T00:00:00.000Z',
      });
      expect(() =>
        subscriptionDecider.decide(
          create({ timing: '2023-01-31T00:00:00Z', backdateLimit: 'P1Y' }),
          subscriptionDecider.initialState(),
        ),
      ).toThrow(/P1Y \(SUBSCRIPTION_BACKDATE_LIMIT\)/);
    });
  });

  describe('CancelSubscription at an instant', () => {
    it('ends it there; never before its start; not more than two minutes back', () => {
      spec
        .given([created()])
        .when(cancel('2024-03-15T00:00:00Z', '2024-02-10T00:00:00Z'))
        .then([canceled('2024-03-15T00:00:00.000Z', '2024-02-10T00:00:00.000Z', '2024-03-15T00:00:00Z')]);
      spec
        .given([created()])
        .when(cancel('2024-02-09T00:00:00Z', '2024-02-10T00:00:00Z'))
        .thenThrows('SUBSCRIPTIONS.TIMING_IN_PAST');
    });
  });

  describe('RestoreSubscription', () => {
    const restore = (now: string, nextSubscriptionDeleted = false) => ({
      type: 'RestoreSubscription' as const,
      data: { id: ID, namespace: NS, now, nextSubscriptionDeleted },
    });
    const restored = (at: string): SubscriptionEvent => ({
      type: 'SubscriptionRestored',
      data: { id: ID, namespace: NS, customerId: CUSTOMER, restoredAt: at },
    });
    const ending = canceled('2024-02-29T09:15:30.000Z', '2024-02-10T00:00:00.000Z', 'next_billing_cycle');

    it('takes back an end still ahead: the subscription has none again', () => {
      spec
        .given([created(), ending])
        .when(restore('2024-02-11T00:00:00Z'))
        .then([restored('2024-02-11T00:00:00.000Z')]);
      expect(stateOf(created(), ending, restored('2024-02-11T00:00:00.000Z')).status).toBe('open');
    });

    it('is a no-op with no end; refuses an end that has passed', () => {
      spec.given([created()]).when(restore('2024-02-11T00:00:00Z')).then([]);
      spec
        .given([created(), ending])
        .when(restore('2024-03-01T00:00:00Z'))
        .thenThrows('SUBSCRIPTIONS.NOT_RESTORABLE');
    });

    it("takes back a change's end only once its successor is deleted", () => {
      const changed: SubscriptionCanceled = {
        type: 'SubscriptionCanceled',
        data: { ...ending.data, nextSubscriptionId: '01J0000000000000000000NEXT' },
      };
      spec
        .given([created(), changed])
        .when(restore('2024-02-11T00:00:00Z'))
        .thenThrows('SUBSCRIPTIONS.NOT_RESTORABLE');
      spec
        .given([created(), changed])
        .when(restore('2024-02-11T00:00:00Z', true))
        .then([restored('2024-02-11T00:00:00.000Z')]);
    });
  });

  describe('DeleteSubscription', () => {
    const remove = (now: string) => ({
      type: 'DeleteSubscription' as const,
      data: { id: ID, namespace: NS, now },
    });
    const scheduled = created({ activeFrom: '2024-03-01T00:00:00.000Z' });

    it('ends a subscription not started at its start, then deletes it: it reads as never having been', () => {
      spec
        .given([scheduled])
        .when(remove('2024-02-10T00:00:00Z'))
        .then([
          canceled('2024-03-01T00:00:00.000Z', '2024-02-10T00:00:00.000Z'),
          {
            type: 'SubscriptionDeleted',
            data: { id: ID, namespace: NS, customerId: CUSTOMER, deletedAt: '2024-02-10T00:00:00.000Z' },
          },
        ]);
      const [end, deleted] = subscriptionDecider.decide(remove('2024-02-10T00:00:00Z'), stateOf(scheduled));
      expect(stateOf(scheduled, end!, deleted!)).toEqual({ status: 'empty' });
    });

    it('refuses one that has started (409) and an unknown one (404)', () => {
      spec
        .given([created()])
        .when(remove('2024-02-10T00:00:00Z'))
        .thenThrows('SUBSCRIPTIONS.ALREADY_STARTED');
      spec.given([]).when(remove('2024-02-10T00:00:00Z')).thenThrows('SUBSCRIPTIONS.NOT_FOUND');
    });
  });

  describe('subscriptionStatusAt', () => {
    const open = stateOf(created());
    const endingMar1 = stateOf(created(), canceled('2024-03-01T00:00:00.000Z', '2024-02-10T00:00:00.000Z'));

    it('is scheduled before activeFrom and active from it', () => {
      expect(subscriptionStatusAt(open, '2024-01-31T09:15:29.999Z')).toBe('scheduled');
      expect(subscriptionStatusAt(open, '2024-01-31T09:15:30.000Z')).toBe('active');
      expect(subscriptionStatusAt(open, '2030-01-01T00:00:00Z')).toBe('active');
    });

    it('is canceled while an end lies ahead, inactive from activeTo on', () => {
      expect(subscriptionStatusAt(endingMar1, '2024-01-31T00:00:00Z')).toBe('scheduled');
      expect(subscriptionStatusAt(endingMar1, '2024-02-15T00:00:00Z')).toBe('canceled');
      expect(subscriptionStatusAt(endingMar1, '2024-02-29T23:59:59.999Z')).toBe('canceled');
      expect(subscriptionStatusAt(endingMar1, '2024-03-01T00:00:00.000Z')).toBe('inactive');
    });

    it('is inactive throughout for a subscription canceled before it started', () => {
      const neverStarts = stateOf(
        created({ activeFrom: '2024-06-01T00:00:00.000Z', billingAnchor: '2024-06-01T00:00:00.000Z' }),
        canceled('2024-06-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z'),
      );
      expect(subscriptionStatusAt(neverStarts, '2024-05-15T00:00:00Z')).toBe('inactive');
      expect(subscriptionStatusAt(neverStarts, '2024-06-15T00:00:00Z')).toBe('inactive');
    });

    it('is inactive for no subscription', () => {
      expect(subscriptionStatusAt(stateOf(), '2024-01-01T00:00:00Z')).toBe('inactive');
    });
  });

  describe('currentBillingPeriod', () => {
    it('is the cadence period holding the instant', () => {
      expect(currentBillingPeriod(stateOf(created()), '2024-03-31T09:15:30.000Z')).toEqual({
        from: '2024-03-31T09:15:30.000Z',
        to: '2024-04-30T09:15:30.000Z',
        index: 2,
      });
    });

    it('ends at activeTo in the last period of a canceled subscription', () => {
      const state = stateOf(created(), canceled('2024-03-05T12:00:00.000Z', '2024-03-05T12:00:00.000Z'));
      expect(currentBillingPeriod(state, '2024-03-01T00:00:00Z')).toEqual({
        from: '2024-02-29T09:15:30.000Z',
        to: '2024-03-05T12:00:00.000Z',
        index: 1,
      });
    });

    it('is undefined before the start and after the end', () => {
      const state = stateOf(created(), canceled('2024-03-05T12:00:00.000Z', '2024-03-05T12:00:00.000Z'));
      expect(currentBillingPeriod(state, '2024-01-01T00:00:00Z')).toBeUndefined();
      expect(currentBillingPeriod(state, '2024-03-05T12:00:00.000Z')).toBeUndefined();
      expect(currentBillingPeriod(stateOf(), '2024-03-01T00:00:00Z')).toBeUndefined();
    });
  });

  it('folds a cancelation into the state', () => {
    expect(stateOf(created(), canceled('2024-03-01T00:00:00.000Z', '2024-02-10T00:00:00.000Z'))).toEqual({
      status: 'canceled',
      subscription: subscription(),
      activeTo: '2024-03-01T00:00:00.000Z',
      canceledAt: '2024-02-10T00:00:00.000Z',
    });
  });

  describe('EditSubscription', () => {
    const fee = { type: 'flat_fee', key: 'support', name: 'Support', price: { type: 'flat', amount: '5' } };
    const edit = (
      customizations: EditSubscription['data']['customizations'],
      timing = 'immediate',
      now = '2024-02-10T00:00:00.500Z',
    ): EditSubscription => ({
      type: 'EditSubscription',
      data: { id: ID, namespace: NS, timing, customizations, now },
    });
    const start = '2024-01-31T09:15:30.000Z';
    const edited = (
      at: string,
      customizations: EditSubscription['data']['customizations'],
      items: { rateCard: object; activeFrom: string; activeTo?: string }[],
      timing = 'immediate',
    ): SubscriptionEdited => ({
      type: 'SubscriptionEdited',
      data: {
        id: ID,
        namespace: NS,
        customerId: CUSTOMER,
        timing,
        at,
        editedAt: '2024-02-10T00:00:00.500Z',
        customizations,
        timeline: [
          {
            key: 'default',
            name: 'default',
            activeFrom: start,
            items: items as SubscriptionEdited['data']['timeline'][number]['items'],
          },
        ],
      },
    });
    const seats = perSeat.phases[0]!.rateCards[0] as { key: string };
    const add = { op: 'add_item' as const, phaseKey: 'default', rateCard: fee };
    const remove = { op: 'remove_item' as const, phaseKey: 'default', itemKey: 'active_users' };

    it('adds an item from now (to the second) and ends one there, in one event with the timeline', () => {
      spec
        .given([created()])
        .when(edit([add, remove]))
        .then([
          edited(
            '2024-02-10T00:00:00.000Z',
            [add, remove],
            [
              { rateCard: seats, activeFrom: start, activeTo: '2024-02-10T00:00:00.000Z' },
              { rateCard: fee, activeFrom: '2024-02-10T00:00:00.000Z' },
            ],
          ),
        ]);
    });

    it('next_billing_cycle takes effect at the end of the period in progress', () => {
      spec
        .given([created()])
        .when(edit([remove], 'next_billing_cycle'))
        .then([
          edited(
            '2024-02-29T09:15:30.000Z',
            [remove],
            [{ rateCard: seats, activeFrom: start, activeTo: '2024-02-29T09:15:30.000Z' }],
            'next_billing_cycle',
          ),
        ]);
    });

    it('unschedule_edit takes back the edits still ahead; with none, it is a no-op', () => {
      const scheduled = edited(
        '2024-02-29T09:15:30.000Z',
        [remove],
        [{ rateCard: seats, activeFrom: start, activeTo: '2024-02-29T09:15:30.000Z' }],
        'next_billing_cycle',
      );
      const unschedule = [{ op: 'unschedule_edit' as const }];
      spec
        .given([created(), scheduled])
        .when(edit(unschedule))
        .then([edited('2024-02-10T00:00:00.000Z', unschedule, [{ rateCard: seats, activeFrom: start }])]);
      spec.given([created()]).when(edit(unschedule)).then([]);
      const back = stateOf(
        created(),
        scheduled,
        edited('2024-02-10T00:00:00.000Z', unschedule, [{ rateCard: seats, activeFrom: start }]),
      );
      expect(back.status === 'open' && back.subscription.edits).toEqual([]);
    });

    it('names each operation that cannot apply by its index (400), and writes nothing', () => {
      expect(() =>
        subscriptionDecider.decide(
          edit([
            { op: 'remove_item', phaseKey: 'nope', itemKey: 'x' },
            add,
            { ...add },
            { op: 'stretch_phase', phaseKey: 'default', extendBy: 'P1M' },
          ]),
          stateOf(created()),
        ),
      ).toThrow(
        expect.objectContaining({
          code: 'SUBSCRIPTIONS.INVALID_EDIT',
          problems: [
            expect.objectContaining({ field: 'body.customizations[0].phaseKey' }),
            expect.objectContaining({ field: 'body.customizations[2].rateCard.key' }),
            expect.objectContaining({ field: 'body.customizations[3].phaseKey' }),
          ],
        }),
      );
    });

    it('refuses (409) a subscription that has ended, or was changed into another', () => {
      spec
        .given([created(), canceled('2024-02-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z')])
        .when(edit([add]))
        .thenThrows('SUBSCRIPTIONS.NOT_EDITABLE');
      spec
        .given([created(), canceled('2024-02-20T00:00:00.000Z', '2024-02-01T00:00:00.000Z')])
        .when(edit([add], 'next_billing_cycle'))
        .thenThrows('SUBSCRIPTIONS.NOT_EDITABLE');
      const changed: SubscriptionCanceled = {
        ...canceled('2024-02-20T00:00:00.000Z', '2024-02-01T00:00:00.000Z'),
        data: {
          ...canceled('2024-02-20T00:00:00.000Z', '2024-02-01T00:00:00.000Z').data,
          nextSubscriptionId: 'NEXT',
        },
      };
      spec
        .given([created(), changed])
        .when(edit([add]))
        .thenThrows('SUBSCRIPTIONS.NOT_EDITABLE');
    });
  });

  it('keeps the state as it was on an event type it does not know', () => {
    for (const history of [
      [],
      [created()],
      [created(), canceled('2024-03-01T00:00:00.000Z', '2024-02-10T00:00:00.000Z')],
      [
        created(),
        ...subscriptionDecider.decide(
          {
            type: 'EditSubscription',
            data: {
              id: ID,
              namespace: NS,
              timing: 'immediate',
              now: '2024-02-10T00:00:00Z',
              customizations: [{ op: 'remove_item', phaseKey: 'default', itemKey: 'active_users' }],
            },
          },
          stateOf(created()),
        ),
      ],
    ]) {
      spec.given(history).keepsStateOnUnknownEvents();
    }
  });

  describe('subscription add-ons', () => {
    const seats: AddonOffer = {
      id: '01J0000000000000000000ADD1',
      key: 'extra_seats',
      version: 1,
      currency: 'USD',
      instanceType: 'multiple',
      status: 'active',
      rateCards: [{ type: 'flat_fee', key: 'seats', name: 'Seats', price: { type: 'flat', amount: '10' } }],
      offered: true,
      fromPlanPhase: 'default',
      maxQuantity: 5,
    };
    const addAddon = (data: Partial<CreateSubscriptionAddon['data']> = {}): CreateSubscriptionAddon => ({
      type: 'CreateSubscriptionAddon',
      data: {
        id: ID,
        namespace: NS,
        subscriptionAddonId: '01J000000000000000000SADD1',
        addon: seats,
        name: 'Extra seats',
        quantity: 2,
        timing: 'immediate',
        now: '2024-02-09T00:00:00.400Z',
        ...data,
      },
    });
    const update = (data: Partial<UpdateSubscriptionAddon['data']> = {}): UpdateSubscriptionAddon => ({
      type: 'UpdateSubscriptionAddon',
      data: {
        id: ID,
        namespace: NS,
        subscriptionAddonId: '01J000000000000000000SADD1',
        timing: 'immediate',
        now: '2024-02-19T00:00:00.000Z',
        ...data,
      },
    });
    const record = (quantities: SubscriptionAddon['quantities'], updatedAt = '2024-02-09T00:00:00.400Z') => ({
      id: '01J000000000000000000SADD1',
      addon: { id: seats.id, key: 'extra_seats', version: 1, instanceType: 'multiple' as const },
      name: 'Extra seats',
      rateCards: seats.rateCards,
      maxQuantity: 5,
      createdAt: '2024-02-09T00:00:00.400Z',
      updatedAt,
      quantities,
    });
    const added = (
      addon = record([{ at: '2024-02-09T00:00:00.000Z', quantity: 2 }]),
    ): SubscriptionAddonCreated => ({
      type: 'SubscriptionAddonCreated',
      data: { id: ID, namespace: NS, customerId: CUSTOMER, subscriptionAddon: addon, addons: [addon] },
    });

    it('adds a published add-on the plan offers with its quantity from now, to the second', () => {
      spec.given([created()]).when(addAddon()).then([added()]);
    });

    it('an update appends a quantity change from its timing; quantity 0 ends it; the same again is a no-op', () => {
      const after = record(
        [
          { at: '2024-02-09T00:00:00.000Z', quantity: 2 },
          { at: '2024-02-19T00:00:00.000Z', quantity: 3 },
        ],
        '2024-02-19T00:00:00.000Z',
      );
      spec
        .given([created(), added()])
        .when(update({ quantity: 3 }))
        .then([
          {
            type: 'SubscriptionAddonUpdated',
            data: { id: ID, namespace: NS, customerId: CUSTOMER, subscriptionAddon: after, addons: [after] },
          },
        ]);
      spec
        .given([created(), added()])
        .when(update({ quantity: 2 }))
        .thenNothing();
      const ended = stateOf(created(), added(), {
        type: 'SubscriptionAddonUpdated',
        data: { id: ID, namespace: NS, customerId: CUSTOMER, subscriptionAddon: after, addons: [after] },
      });
      expect(ended.status !== 'empty' && ended.subscription.addons).toEqual([after]);
    });

    it('refuses what the catalog or the plan does not allow, each with its code', () => {
      const given = spec.given([created()]);
      given.when(addAddon({ addon: undefined })).thenThrows(SubscriptionErrors.unknownAddon);
      given
        .when(addAddon({ addon: { ...seats, status: 'archived' } }))
        .thenThrows(SubscriptionErrors.addonNotPublished);
      given
        .when(addAddon({ addon: { ...seats, offered: false } }))
        .thenThrows(SubscriptionErrors.addonNotOffered);
      given
        .when(addAddon({ addon: { ...seats, currency: 'EUR' } }))
        .thenThrows(SubscriptionErrors.addonNotOffered);
      given.when(addAddon({ quantity: 6 })).thenThrows(SubscriptionErrors.invalidAddonQuantity);
      given.when(addAddon({ quantity: 0 })).thenThrows(SubscriptionErrors.invalidAddonQuantity);
      given
        .when(addAddon({ addon: { ...seats, instanceType: 'single' } }))
        .thenThrows(SubscriptionErrors.invalidAddonQuantity);
      const usage = { type: 'usage_based', key: 't', name: 'T', price: { type: 'unit', amount: '1' } };
      given
        .when(addAddon({ addon: { ...seats, rateCards: [usage] } }))
        .thenThrows(SubscriptionErrors.invalidAddonQuantity);
      given.when(addAddon({ addon: { ...seats, fromPlanPhase: 'nowhere' } })).then([added()]);
      spec.given([created(), added()]).when(addAddon()).thenThrows(SubscriptionErrors.addonAlreadyAdded);
      spec.given([]).when(addAddon()).thenThrows(SubscriptionErrors.notFound);
      spec
        .given([created(), added()])
        .when(update({ subscriptionAddonId: 'other' }))
        .thenThrows(SubscriptionErrors.addonNotFound);
    });

    it('is offered from its plan phase on: before it, 400 on the timing', () => {
      const trial = {
        ...perSeat,
        phases: [{ key: 'trial', duration: 'P1M', rateCards: [] }, ...perSeat.phases],
      };
      const given = spec.given([created({ plan: trial })]);
      given.when(addAddon()).thenThrows(SubscriptionErrors.addonNotOffered);
      const march = '2024-03-01T00:00:00.000Z';
      given
        .when(addAddon({ now: march }))
        .then([added({ ...record([{ at: march, quantity: 2 }]), createdAt: march, updatedAt: march })]);
    });

    it('on a subscription that has ended or was changed into another: 409; a change may not come before the last', () => {
      spec
        .given([created(), added(), canceled('2024-02-15T00:00:00.000Z', '2024-02-10T00:00:00.000Z')])
        .when(update({ quantity: 3 }))
        .thenThrows(SubscriptionErrors.notEditable);
      spec
        .given([created(), canceled('2024-02-29T09:15:30.000Z', '2024-02-10T00:00:00.000Z')])
        .when(addAddon({ timing: 'next_billing_cycle' }))
        .thenThrows(SubscriptionErrors.notEditable);
      spec
        .given([created(), added()])
        .when(update({ quantity: 3, timing: '2024-02-18T23:59:00.000Z', now: '2024-02-19T00:00:00.000Z' }))
        .then([
          expect.objectContaining({ type: 'SubscriptionAddonUpdated' }) as unknown as SubscriptionEvent,
        ]);
      spec
        .given([created(), added(record([{ at: '2024-02-20T00:00:00.000Z', quantity: 2 }]))])
        .when(update({ quantity: 3, now: '2024-02-19T00:00:00.000Z' }))
        .thenThrows(SubscriptionErrors.invalidTiming);
    });

    it('keeps its state on unknown events', () => {
      spec.given([created(), added()]).keepsStateOnUnknownEvents();
    });
  });
});
