import { fold } from '../../shared/decider';
import { deciderSpec } from '../../shared/testing/decider-spec';
import {
  BillingProfilesCommand,
  BillingProfilesEvent,
  BUILT_IN_APPS,
  DEFAULT_PROFILE_NAME,
  billingProfilesDecider,
  effectiveWorkflow,
} from './billing-profiles.decider';
import { DEFAULT_WORKFLOW } from './workflow';

const NOW = '2027-01-01T00:00:00.000Z';
const seed = { id: 'default-1', collectionInterval: 'PT2H' };
const spec = deciderSpec(billingProfilesDecider);

const defaultCreated: BillingProfilesEvent[] = [
  {
    type: 'BillingProfileCreated',
    data: {
      id: 'default-1',
      namespace: 'ns',
      name: DEFAULT_PROFILE_NAME,
      supplier: {},
      workflow: {
        ...DEFAULT_WORKFLOW,
        collection: { alignment: { type: 'subscription' }, interval: 'PT2H' },
      },
      apps: BUILT_IN_APPS,
      at: NOW,
    },
  },
  { type: 'DefaultBillingProfileSet', data: { namespace: 'ns', id: 'default-1', at: NOW } },
];

const create = (id: string, isDefault: boolean, workflow = {}): BillingProfilesCommand => ({
  type: 'CreateBillingProfile',
  data: {
    namespace: 'ns',
    id,
    name: id,
    supplier: { name: 'S' },
    default: isDefault,
    workflow,
    seed,
    now: NOW,
  },
});

const decided = (history: BillingProfilesEvent[], command: BillingProfilesCommand) => [
  ...history,
  ...billingProfilesDecider.decide(command, fold(billingProfilesDecider, history)),
];

describe('billing profiles decider', () => {
  it("creates the namespace's default on first use, from the seed, and only once", () => {
    spec
      .given([])
      .when({ type: 'EnsureDefaultBillingProfile', data: { namespace: 'ns', seed, now: NOW } })
      .then(defaultCreated);
    spec
      .given(defaultCreated)
      .when({ type: 'EnsureDefaultBillingProfile', data: { namespace: 'ns', seed, now: NOW } })
      .thenNothing();
  });

  it('makes the default first when the first profile created is not one', () => {
    const events = billingProfilesDecider.decide(create('p1', false), fold(billingProfilesDecider, []));
    expect(events.map((e) => e.type)).toEqual([
      'BillingProfileCreated',
      'DefaultBillingProfileSet',
      'BillingProfileCreated',
    ]);
  });

  it('moves the default in the same decision that creates or updates the new default', () => {
    const history = decided(defaultCreated, create('p1', true));
    expect(history.slice(2).map((e) => e.type)).toEqual([
      'BillingProfileCreated',
      'DefaultBillingProfileSet',
    ]);
    expect(history[3].data).toEqual({ namespace: 'ns', id: 'p1', previousId: 'default-1', at: NOW });
    expect(fold(billingProfilesDecider, history).defaultId).toBe('p1');
  });

  it('never leaves a namespace without a default: unsetting or deleting the default is refused', () => {
    spec
      .given(defaultCreated)
      .when({
        type: 'UpdateBillingProfile',
        data: { namespace: 'ns', id: 'default-1', name: 'x', supplier: {}, default: false, seed, now: NOW },
      })
      .thenThrows('BILLING.DEFAULT_PROFILE_REQUIRED');
    spec
      .given(defaultCreated)
      .when({ type: 'DeleteBillingProfile', data: { namespace: 'ns', id: 'default-1', now: NOW } })
      .thenThrows('BILLING.PROFILE_IN_USE');
  });

  it('refuses durations it cannot add, naming each field', () => {
    let thrown: { problems?: { field: string }[] } | undefined;
    try {
      billingProfilesDecider.decide(
        create('p1', true, {
          invoicing: { draftPeriod: 'P', dueAfter: '30 days' },
          collection: { interval: '-P1D' },
        }),
        fold(billingProfilesDecider, []),
      );
    } catch (error) {
      thrown = error as typeof thrown;
    }
    expect(thrown?.problems?.map((p) => p.field).sort()).toEqual([
      'workflow.collection.interval',
      'workflow.invoicing.draftPeriod',
      'workflow.invoicing.dueAfter',
    ]);
  });

  it("resolves a customer's workflow: its override's settings over its pinned profile's, else the default's", () => {
    let history = decided(defaultCreated, create('p1', false, { invoicing: { dueAfter: 'P14D' } }));
    history = decided(history, {
      type: 'SetCustomerOverride',
      data: {
        namespace: 'ns',
        customerId: 'c1',
        billingProfileId: 'p1',
        workflow: { collection: { interval: 'P1D' } },
        seed,
        now: NOW,
      },
    });
    const state = fold(billingProfilesDecider, history);
    expect(effectiveWorkflow(state, 'c1')?.profile.id).toBe('p1');
    expect(effectiveWorkflow(state, 'c1')?.workflow.collection.interval).toBe('P1D');
    expect(effectiveWorkflow(state, 'c1')?.workflow.invoicing.dueAfter).toBe('P14D');
    expect(effectiveWorkflow(state, 'c2')?.workflow.collection.interval).toBe('PT2H');
    spec
      .given(history)
      .when({ type: 'DeleteBillingProfile', data: { namespace: 'ns', id: 'p1', now: NOW } })
      .thenThrows('BILLING.PROFILE_IN_USE');
  });

  it('refuses an override pinning a profile the namespace does not have', () => {
    spec
      .given(defaultCreated)
      .when({
        type: 'SetCustomerOverride',
        data: { namespace: 'ns', customerId: 'c1', billingProfileId: 'nope', seed, now: NOW },
      })
      .thenThrows('BILLING.CUSTOMER_OVERRIDE_INVALID');
  });

  it('keeps its state on events it does not know', () => {
    spec.given(decided(defaultCreated, create('p1', true))).keepsStateOnUnknownEvents();
  });
});
