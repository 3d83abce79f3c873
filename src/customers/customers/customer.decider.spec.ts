import { fold } from '../../shared/decider';
import { DomainError } from '../../shared/errors';
import { deciderSpec } from '../../shared/testing/decider-spec';
import {
  CreateCustomer,
  Customer,
  CustomerCreated,
  CustomerDeleted,
  CustomerEvent,
  CustomerFields,
  CustomerUpdated,
  DeleteCustomer,
  UpdateCustomer,
  claimedKeysOf,
  customerDecider,
  keyChanges,
  keyClaimErrorFor,
} from './customer.decider';

const spec = deciderSpec(customerDecider);
const ID = '01J0000000000000000000ACME';
const NS = 'default';
const T0 = '2024-05-01T10:00:00.000Z';
const T1 = '2024-05-02T10:00:00.000Z';

const acme: CustomerFields = {
  name: 'Acme Inc',
  key: 'acme-inc',
  usageAttribution: { subjectKeys: ['acme-inc'] },
};

const create = (fields: Partial<CustomerFields> = {}): CreateCustomer => ({
  type: 'CreateCustomer',
  data: { id: ID, namespace: NS, now: T0, ...acme, ...fields },
});
const update = (fields: CustomerFields, extra: Partial<UpdateCustomer['data']> = {}): UpdateCustomer => ({
  type: 'UpdateCustomer',
  data: { id: ID, namespace: NS, now: T1, ...fields, ...extra },
});
const remove = (hasActiveSubscription = false, namespace = NS): DeleteCustomer => ({
  type: 'DeleteCustomer',
  data: { id: ID, namespace, now: T1, hasActiveSubscription },
});

const acmeCustomer: Customer = { id: ID, namespace: NS, ...acme, createdAt: T0, updatedAt: T0 };
const created = (customer: Customer = acmeCustomer): CustomerCreated => ({
  type: 'CustomerCreated',
  data: customer,
});
const deleted: CustomerDeleted = {
  type: 'CustomerDeleted',
  data: { ...acmeCustomer, updatedAt: T1, deletedAt: T1 },
};

function problemCodes(history: readonly CustomerEvent[], command: CreateCustomer | UpdateCustomer): string[] {
  try {
    customerDecider.decide(command, fold(customerDecider, history));
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('CUSTOMERS.INVALID');
    expect((error as DomainError).kind).toBe('invalid');
    return (error as DomainError).problems.map((problem) => `${problem.field} ${problem.code}`);
  }
  throw new Error('expected the command to be refused');
}

describe('customer decider', () => {
  describe('CreateCustomer', () => {
    it('creates the seed customer with a free-form key', () => {
      spec.given([]).when(create()).then([created()]);
    });

    it('carries every optional field, metadata keys in a stable order', () => {
      const full: CustomerFields = {
        ...acme,
        description: 'Our first customer',
        currency: 'USD',
        primaryEmail: 'billing@acme.example.com',
        billingAddress: { line1: '1 Main St', country: 'US', city: 'Springfield' },
        metadata: { zeta: '1', alpha: '2' },
      };
      const [event] = customerDecider.decide(create(full), customerDecider.initialState());
      expect(event).toEqual(created({ ...acmeCustomer, ...full }));
      expect(Object.keys((event as CustomerCreated).data.metadata ?? {})).toEqual(['alpha', 'zeta']);
      expect(Object.keys((event as CustomerCreated).data.billingAddress ?? {})).toEqual([
        'country',
        'city',
        'line1',
      ]);
    });

    it('leaves absent optional fields out of the event', () => {
      const [event] = customerDecider.decide(create(), customerDecider.initialState());
      expect(Object.keys(event.data).sort()).toEqual(
        ['createdAt', 'id', 'key', 'name', 'namespace', 'updatedAt', 'usageAttribution'].sort(),
      );
    });

    it('accepts subject keys without a key, and a key without subject keys', () => {
      spec
        .given([])
        .when(create({ key: undefined, usageAttribution: { subjectKeys: ['s-1', 's-2'] } }))
        .then([
          created({
            id: ID,
            namespace: NS,
            name: 'Acme Inc',
            usageAttribution: { subjectKeys: ['s-1', 's-2'] },
            createdAt: T0,
            updatedAt: T0,
          }),
        ]);
      spec
        .given([])
        .when(create({ usageAttribution: { subjectKeys: [] } }))
        .then([created({ ...acmeCustomer, usageAttribution: { subjectKeys: [] } })]);
    });

    it('accepts keys and subject keys of exactly 256 characters', () => {
      const long = 'k'.repeat(256);
      spec
        .given([])
        .when(create({ key: long, usageAttribution: { subjectKeys: [long] } }))
        .then([created({ ...acmeCustomer, key: long, usageAttribution: { subjectKeys: [long] } })]);
    });

    it('refuses a second create on the same stream', () => {
      spec.given([created()]).when(create()).thenThrows('CUSTOMERS.ALREADY_EXISTS');
    });

    it('refuses a missing or blank name', () => {
      expect(problemCodes([], create({ name: '' }))).toEqual(['body.name CUSTOMERS.NAME_REQUIRED']);
      expect(problemCodes([], create({ name: '   ' }))).toEqual(['body.name CUSTOMERS.NAME_REQUIRED']);
      expect(problemCodes([], create({ name: undefined as unknown as string }))).toEqual([
        'body.name CUSTOMERS.NAME_REQUIRED',
      ]);
    });

    it('refuses a name over 256 characters, counting code points', () => {
      expect(problemCodes([], create({ name: 'n'.repeat(257) }))).toEqual([
        'body.name CUSTOMERS.NAME_TOO_LONG',
      ]);
      spec
        .given([])
        .when(create({ name: '😀'.repeat(256) }))
        .then([created({ ...acmeCustomer, name: '😀'.repeat(256) })]);
    });

    it('refuses a description over 1024 characters', () => {
      expect(problemCodes([], create({ description: 'd'.repeat(1025) }))).toEqual([
        'body.description CUSTOMERS.DESCRIPTION_TOO_LONG',
      ]);
    });

    it('refuses an empty key or one over 256 characters', () => {
      expect(problemCodes([], create({ key: '' }))).toEqual(['body.key CUSTOMERS.INVALID_KEY']);
      expect(problemCodes([], create({ key: 'k'.repeat(257) }))).toEqual(['body.key CUSTOMERS.INVALID_KEY']);
    });

    it('refuses empty, overlong and duplicate subject keys, naming each', () => {
      expect(
        problemCodes([], create({ usageAttribution: { subjectKeys: ['a', '', 's'.repeat(257), 'a', 'b'] } })),
      ).toEqual([
        'body.usageAttribution.subjectKeys[1] CUSTOMERS.INVALID_SUBJECT_KEY',
        'body.usageAttribution.subjectKeys[2] CUSTOMERS.INVALID_SUBJECT_KEY',
        'body.usageAttribution.subjectKeys[3] CUSTOMERS.DUPLICATE_SUBJECT_KEY',
      ]);
    });

    it('refuses a customer with neither a key nor a subject key', () => {
      expect(problemCodes([], create({ key: undefined, usageAttribution: { subjectKeys: [] } }))).toEqual([
        'body.usageAttribution.subjectKeys CUSTOMERS.USAGE_ATTRIBUTION_REQUIRED',
      ]);
    });

    it.each(['usd', 'US', 'USDT', 'XYZ', 'XDR'])('refuses currency %p', (currency) => {
      expect(problemCodes([], create({ currency }))).toEqual(['body.currency CUSTOMERS.INVALID_CURRENCY']);
    });

    it.each(['EUR', 'JPY', 'HUF'])('accepts currency %p', (currency) => {
      spec
        .given([])
        .when(create({ currency }))
        .then([created({ ...acmeCustomer, currency })]);
    });

    it.each([
      ['no domain', 'acme'],
      ['no dot in the domain', 'a@b'],
      ['a space', 'a b@acme.com'],
      ['an empty domain label', 'a@acme..com'],
      ['no local part', '@acme.com'],
      ['over 254 characters', `${'a'.repeat(250)}@x.io`],
    ])('refuses an email with %s', (_why, primaryEmail) => {
      expect(problemCodes([], create({ primaryEmail }))).toEqual([
        'body.primaryEmail CUSTOMERS.INVALID_EMAIL',
      ]);
    });

    it('refuses a country that is not ISO 3166-1 alpha-2 and non-string address fields', () => {
      expect(
        problemCodes([], create({ billingAddress: { country: 'usa', city: 7 as unknown as string } })),
      ).toEqual([
        'body.billingAddress.city CUSTOMERS.INVALID_ADDRESS',
        'body.billingAddress.country CUSTOMERS.INVALID_COUNTRY',
      ]);
    });

    it('refuses metadata with non-string values', () => {
      expect(problemCodes([], create({ metadata: { tier: 3 as unknown as string } }))).toEqual([
        'body.metadata CUSTOMERS.INVALID_METADATA',
      ]);
    });

    it('names every problem at once', () => {
      expect(problemCodes([], create({ name: '', currency: 'usd', primaryEmail: 'nope' }))).toEqual([
        'body.name CUSTOMERS.NAME_REQUIRED',
        'body.currency CUSTOMERS.INVALID_CURRENCY',
        'body.primaryEmail CUSTOMERS.INVALID_EMAIL',
      ]);
    });
  });

  describe('UpdateCustomer', () => {
    const replacement: CustomerFields = {
      name: 'Acme Corporation',
      key: 'acme-corp',
      usageAttribution: { subjectKeys: ['acme-corp', 'acme-eu'] },
      currency: 'EUR',
    };

    it('replaces the customer, keeping createdAt and stamping updatedAt', () => {
      spec
        .given([created()])
        .when(update(replacement))
        .then([
          {
            type: 'CustomerUpdated',
            data: { id: ID, namespace: NS, ...replacement, createdAt: T0, updatedAt: T1 },
          },
        ]);
    });

    it('removes optional fields the replacement leaves out', () => {
      const rich = created({ ...acmeCustomer, description: 'old', currency: 'USD', metadata: { a: '1' } });
      const [event] = customerDecider.decide(update(acme), fold(customerDecider, [rich]));
      expect(event.data).toStrictEqual({ id: ID, namespace: NS, ...acme, createdAt: T0, updatedAt: T1 });
    });

    it('is a no-op when nothing changes, whatever the metadata key order', () => {
      const withMetadata = created({ ...acmeCustomer, metadata: { a: '1', b: '2' } });
      spec
        .given([withMetadata])
        .when(update({ ...acme, metadata: { b: '2', a: '1' } }))
        .thenNothing();
    });

    it('folds earlier updates: replacing with the current fields is a no-op', () => {
      const updated: CustomerUpdated = {
        type: 'CustomerUpdated',
        data: { id: ID, namespace: NS, ...replacement, createdAt: T0, updatedAt: T1 },
      };
      spec.given([created(), updated]).when(update(replacement)).thenNothing();
    });

    it('refuses an unknown customer', () => {
      spec.given([]).when(update(replacement)).thenThrows('CUSTOMERS.NOT_FOUND');
    });

    it('refuses a deleted customer', () => {
      spec.given([created(), deleted]).when(update(replacement)).thenThrows('CUSTOMERS.NOT_FOUND');
    });

    it("refuses another namespace's customer", () => {
      spec
        .given([created()])
        .when(update(replacement, { namespace: 'other' }))
        .thenThrows('CUSTOMERS.NOT_FOUND');
    });

    it('validates the replacement like a create', () => {
      expect(problemCodes([created()], update({ ...replacement, name: '', primaryEmail: 'x' }))).toEqual([
        'body.name CUSTOMERS.NAME_REQUIRED',
        'body.primaryEmail CUSTOMERS.INVALID_EMAIL',
      ]);
      expect(
        problemCodes([created()], update({ name: 'Acme', usageAttribution: { subjectKeys: [] } })),
      ).toEqual(['body.usageAttribution.subjectKeys CUSTOMERS.USAGE_ATTRIBUTION_REQUIRED']);
    });
  });

  describe('DeleteCustomer', () => {
    it('deletes, carrying the customer as it was', () => {
      spec.given([created()]).when(remove()).then([deleted]);
    });

    it('refuses while the customer has a subscription that has not ended', () => {
      spec.given([created()]).when(remove(true)).thenThrows('CUSTOMERS.HAS_ACTIVE_SUBSCRIPTION');
    });

    it('is a no-op on a deleted customer', () => {
      spec.given([created(), deleted]).when(remove()).thenNothing();
    });

    it('refuses an unknown customer', () => {
      spec.given([]).when(remove()).thenThrows('CUSTOMERS.NOT_FOUND');
    });

    it("refuses another namespace's customer", () => {
      spec.given([created()]).when(remove(false, 'other')).thenThrows('CUSTOMERS.NOT_FOUND');
    });
  });

  describe('key claims', () => {
    const stateOf = (...events: CustomerEvent[]) => fold(customerDecider, events);

    it('claims the key and every subject key, once each', () => {
      const state = stateOf(
        created({ ...acmeCustomer, usageAttribution: { subjectKeys: ['acme-inc', 'acme-eu'] } }),
      );
      expect([...claimedKeysOf(state)].sort()).toEqual(['acme-eu', 'acme-inc']);
    });

    it('claims nothing before creation or after deletion', () => {
      expect(claimedKeysOf(stateOf()).size).toBe(0);
      expect(claimedKeysOf(stateOf(created(), deleted)).size).toBe(0);
    });

    it('claims everything on create', () => {
      expect(keyChanges(stateOf(), stateOf(created()))).toEqual({ claim: ['acme-inc'], release: [] });
    });

    it('claims what an update adds and releases what it drops', () => {
      const after = stateOf(created(), {
        type: 'CustomerUpdated',
        data: {
          ...acmeCustomer,
          key: 'acme-corp',
          usageAttribution: { subjectKeys: ['acme-inc', 'acme-eu'] },
        },
      });
      expect(keyChanges(stateOf(created()), after)).toEqual({ claim: ['acme-corp', 'acme-eu'], release: [] });
      const back = stateOf(
        created({ ...acmeCustomer, key: 'acme-corp', usageAttribution: { subjectKeys: ['b', 'a'] } }),
      );
      expect(keyChanges(back, stateOf(created()))).toEqual({
        claim: ['acme-inc'],
        release: ['a', 'acme-corp', 'b'],
      });
    });

    it('releases everything on delete', () => {
      expect(keyChanges(stateOf(created()), stateOf(created(), deleted))).toEqual({
        claim: [],
        release: ['acme-inc'],
      });
    });

    it('names the taken code and field of each claimed string', () => {
      const fields: CustomerFields = {
        ...acme,
        key: 'acme',
        usageAttribution: { subjectKeys: ['s-1', 'acme'] },
      };
      expect(keyClaimErrorFor(fields, 'acme')).toEqual({
        takenCode: 'CUSTOMERS.KEY_TAKEN',
        field: 'body.key',
      });
      expect(keyClaimErrorFor(fields, 's-1')).toEqual({
        takenCode: 'CUSTOMERS.SUBJECT_KEY_TAKEN',
        field: 'body.usageAttribution.subjectKeys[0]',
      });
    });
  });

  it('keeps the state as it was on an event type it does not know', () => {
    for (const history of [[], [created()], [created(), deleted]]) {
      spec.given(history).keepsStateOnUnknownEvents();
    }
  });
});
