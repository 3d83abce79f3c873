import { isCurrencyCode } from '../../shared/currencies';
import { Decider, Message, evolveByType, unreachable } from '../../shared/decider';
import { FieldProblem, conflict, invalid, notFound } from '../../shared/errors';

/**
 * The Customer aggregate, shaped after OpenMeter's `CustomerCreate`, `CustomerReplaceUpdate` and
 * `Customer` schemas. A customer owns usage through its `key` and `usageAttribution.subjectKeys`; an
 * event's `subject` belongs to the one customer whose key or subject keys hold it.
 *
 * That uniqueness spans customers, so it cannot live in this aggregate: the handler claims every
 * string of `claimedKeysOf` in the shared key space `CUSTOMER_SUBJECT_KEY_KIND` through the key-claim
 * decider (`src/shared/key-claim.decider.ts`) before appending, and `keyChanges` says which claim
 * streams a create, update or delete must claim and release.
 */

export const CustomerErrors = {
  /** 400: the command's fields break a rule; each broken rule is one `FieldProblem` with its own code. */
  invalid: 'CUSTOMERS.INVALID',
  nameRequired: 'CUSTOMERS.NAME_REQUIRED',
  nameTooLong: 'CUSTOMERS.NAME_TOO_LONG',
  descriptionTooLong: 'CUSTOMERS.DESCRIPTION_TOO_LONG',
  invalidKey: 'CUSTOMERS.INVALID_KEY',
  invalidSubjectKey: 'CUSTOMERS.INVALID_SUBJECT_KEY',
  duplicateSubjectKey: 'CUSTOMERS.DUPLICATE_SUBJECT_KEY',
  usageAttributionRequired: 'CUSTOMERS.USAGE_ATTRIBUTION_REQUIRED',
  invalidCurrency: 'CUSTOMERS.INVALID_CURRENCY',
  invalidEmail: 'CUSTOMERS.INVALID_EMAIL',
  invalidAddress: 'CUSTOMERS.INVALID_ADDRESS',
  invalidCountry: 'CUSTOMERS.INVALID_COUNTRY',
  invalidMetadata: 'CUSTOMERS.INVALID_METADATA',
  /** 409: a create on a stream that already holds a customer (an id reused by mistake). */
  alreadyExists: 'CUSTOMERS.ALREADY_EXISTS',
  /** 404: no such customer, or it was deleted, or it lives in another namespace. */
  notFound: 'CUSTOMERS.NOT_FOUND',
  /** 409: delete refused while the customer has a subscription that has not ended. */
  hasActiveSubscription: 'CUSTOMERS.HAS_ACTIVE_SUBSCRIPTION',
  /** 409, thrown by the key-claim decider: the customer key is another customer's key or subject key. */
  keyTaken: 'CUSTOMERS.KEY_TAKEN',
  /** 409, thrown by the key-claim decider: a subject key is another customer's key or subject key. */
  subjectKeyTaken: 'CUSTOMERS.SUBJECT_KEY_TAKEN',
} as const;

/** The key-claim `kind` of the one key space shared by customer keys and subject keys. */
export const CUSTOMER_SUBJECT_KEY_KIND = 'customer_subject';

export const MAX_NAME_LENGTH = 256;
export const MAX_DESCRIPTION_LENGTH = 1024;
export const MAX_KEY_LENGTH = 256;
export const MAX_EMAIL_LENGTH = 254;

/** OpenMeter's `Address`; `country` is ISO 3166-1 alpha-2. */
export interface Address {
  readonly country?: string;
  readonly postalCode?: string;
  readonly state?: string;
  readonly city?: string;
  readonly line1?: string;
  readonly line2?: string;
  readonly phoneNumber?: string;
}

export interface CustomerUsageAttribution {
  readonly subjectKeys: readonly string[];
}

/** String values only, as OpenMeter's `Metadata`. */
export type Metadata = Readonly<Record<string, string>>;

/**
 * What a client sets on create and on replace (`PUT`). Replace semantics: an optional field missing
 * from an update is removed from the customer. The handler turns `usageAttribution` left out of the
 * request into `{ subjectKeys: [] }` and `metadata: null` into no metadata.
 */
export interface CustomerFields {
  readonly key?: string;
  readonly name: string;
  readonly description?: string;
  readonly usageAttribution: CustomerUsageAttribution;
  readonly currency?: string;
  readonly primaryEmail?: string;
  readonly billingAddress?: Address;
  readonly metadata?: Metadata;
}

/** The full customer as the read model shows it (OpenMeter's `Customer` without expanded fields). */
export interface Customer extends CustomerFields {
  readonly id: string;
  readonly namespace: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DeletedCustomer extends Customer {
  readonly deletedAt: string;
}

export type CreateCustomer = Message<
  'CreateCustomer',
  CustomerFields & { id: string; namespace: string; now: string }
>;

export type UpdateCustomer = Message<
  'UpdateCustomer',
  CustomerFields & { id: string; namespace: string; now: string }
>;

export type DeleteCustomer = Message<
  'DeleteCustomer',
  {
    id: string;
    namespace: string;
    now: string;
    /**
     * Resolved by the handler: whether any subscription of this customer has not ended at `now`
     * (status `active`, `canceled` or `scheduled` per `subscriptionStatusAt`).
     */
    hasActiveSubscription: boolean;
  }
>;

export type CustomerCommand = CreateCustomer | UpdateCustomer | DeleteCustomer;

/** Carries the whole customer, so a projection needs nothing else. */
export type CustomerCreated = Message<'CustomerCreated', Customer>;
/** Carries the whole customer after the replace; optional fields absent here were removed. */
export type CustomerUpdated = Message<'CustomerUpdated', Customer>;
/** Carries the customer as it was when deleted, so projections can drop its subject mappings. */
export type CustomerDeleted = Message<'CustomerDeleted', DeletedCustomer>;

export type CustomerEvent = CustomerCreated | CustomerUpdated | CustomerDeleted;

export type CustomerState =
  | { readonly status: 'empty' }
  | { readonly status: 'active'; readonly customer: Customer }
  | { readonly status: 'deleted'; readonly customer: DeletedCustomer };

const ADDRESS_FIELDS = ['country', 'postalCode', 'state', 'city', 'line1', 'line2', 'phoneNumber'] as const;
const EMAIL = /^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]+$/;

/** JSON Schema's `maxLength` counts code points, not UTF-16 units. */
const lengthOf = (text: string) => [...text].length;

function nameProblems(name: unknown): FieldProblem[] {
  if (typeof name !== 'string' || name.trim() === '') {
    return [{ field: 'body.name', message: 'is required', code: CustomerErrors.nameRequired }];
  }
  if (lengthOf(name) > MAX_NAME_LENGTH) {
    return [
      {
        field: 'body.name',
        message: `must be at most ${MAX_NAME_LENGTH} characters`,
        code: CustomerErrors.nameTooLong,
      },
    ];
  }
  return [];
}

function descriptionProblems(description: unknown): FieldProblem[] {
  if (description === undefined) return [];
  if (typeof description === 'string' && lengthOf(description) <= MAX_DESCRIPTION_LENGTH) return [];
  return [
    {
      field: 'body.description',
      message: `must be a string of at most ${MAX_DESCRIPTION_LENGTH} characters`,
      code: CustomerErrors.descriptionTooLong,
    },
  ];
}

const isKey = (key: unknown): key is string =>
  typeof key === 'string' && key.length > 0 && lengthOf(key) <= MAX_KEY_LENGTH;

function keyProblems(key: unknown): FieldProblem[] {
  if (key === undefined || isKey(key)) return [];
  return [
    {
      field: 'body.key',
      message: `must be 1 to ${MAX_KEY_LENGTH} characters`,
      code: CustomerErrors.invalidKey,
    },
  ];
}

function subjectKeyProblems(fields: CustomerFields): FieldProblem[] {
  const subjectKeys: unknown = fields.usageAttribution?.subjectKeys;
  if (!Array.isArray(subjectKeys)) {
    return [
      {
        field: 'body.usageAttribution.subjectKeys',
        message: 'must be an array of strings',
        code: CustomerErrors.invalidSubjectKey,
      },
    ];
  }
  const seen = new Set<string>();
  return subjectKeys.flatMap((subjectKey: unknown, index): FieldProblem[] => {
    const field = `body.usageAttribution.subjectKeys[${index}]`;
    if (!isKey(subjectKey)) {
      return [
        {
          field,
          message: `must be 1 to ${MAX_KEY_LENGTH} characters`,
          code: CustomerErrors.invalidSubjectKey,
        },
      ];
    }
    if (seen.has(subjectKey)) {
      return [
        { field, message: `"${subjectKey}" is listed twice`, code: CustomerErrors.duplicateSubjectKey },
      ];
    }
    seen.add(subjectKey);
    return [];
  });
}

/** OpenMeter: "Either key or usageAttribution.subjectKeys must be provided" — else no usage is ever its. */
function attributionProblems(fields: CustomerFields): FieldProblem[] {
  const subjectKeys: unknown = fields.usageAttribution?.subjectKeys;
  const hasSubjectKeys = Array.isArray(subjectKeys) && subjectKeys.length > 0;
  if (fields.key !== undefined || hasSubjectKeys) return [];
  return [
    {
      field: 'body.usageAttribution.subjectKeys',
      message: 'either key or at least one subject key is required',
      code: CustomerErrors.usageAttributionRequired,
    },
  ];
}

function currencyProblems(currency: unknown): FieldProblem[] {
  if (currency === undefined) return [];
  if (isCurrencyCode(currency)) return [];
  return [
    {
      field: 'body.currency',
      message: 'must be an ISO 4217 currency code with a minor unit, such as USD',
      code: CustomerErrors.invalidCurrency,
    },
  ];
}

function emailProblems(email: unknown): FieldProblem[] {
  if (email === undefined) return [];
  if (typeof email === 'string' && email.length <= MAX_EMAIL_LENGTH && EMAIL.test(email)) return [];
  return [
    { field: 'body.primaryEmail', message: 'must be an email address', code: CustomerErrors.invalidEmail },
  ];
}

function addressProblems(address: Address | undefined): FieldProblem[] {
  if (address === undefined) return [];
  const problems: FieldProblem[] = ADDRESS_FIELDS.filter(
    (field) => address[field] !== undefined && typeof address[field] !== 'string',
  ).map((field) => ({
    field: `body.billingAddress.${field}`,
    message: 'must be a string',
    code: CustomerErrors.invalidAddress,
  }));
  if (typeof address.country === 'string' && !/^[A-Z]{2}$/.test(address.country)) {
    problems.push({
      field: 'body.billingAddress.country',
      message: 'must be an ISO 3166-1 alpha-2 code such as US',
      code: CustomerErrors.invalidCountry,
    });
  }
  return problems;
}

function metadataProblems(metadata: unknown): FieldProblem[] {
  if (metadata === undefined) return [];
  const isRecord = typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata);
  if (isRecord && Object.values(metadata).every((value) => typeof value === 'string')) return [];
  return [
    {
      field: 'body.metadata',
      message: 'must map keys to string values',
      code: CustomerErrors.invalidMetadata,
    },
  ];
}

/** Every broken rule at once, so the client sees all of them in one answer. */
export function customerProblems(fields: CustomerFields): FieldProblem[] {
  return [
    ...nameProblems(fields.name),
    ...descriptionProblems(fields.description),
    ...keyProblems(fields.key),
    ...subjectKeyProblems(fields),
    ...attributionProblems(fields),
    ...currencyProblems(fields.currency),
    ...emailProblems(fields.primaryEmail),
    ...addressProblems(fields.billingAddress),
    ...metadataProblems(fields.metadata),
  ];
}

function assertValid(fields: CustomerFields): void {
  const problems = customerProblems(fields);
  if (problems.length > 0) {
    throw invalid(
      CustomerErrors.invalid,
      `Invalid customer: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      problems,
    );
  }
}

/**
 * The fields as stored: only what the command set, in one fixed key order and with metadata keys
 * sorted, so equal customers serialize to equal bytes (replay) and a repeated update is detectable.
 */
function fieldsOf(input: CustomerFields): CustomerFields {
  const address = input.billingAddress;
  return {
    ...(input.key !== undefined && { key: input.key }),
    name: input.name,
    ...(input.description !== undefined && { description: input.description }),
    usageAttribution: { subjectKeys: [...input.usageAttribution.subjectKeys] },
    ...(input.currency !== undefined && { currency: input.currency }),
    ...(input.primaryEmail !== undefined && { primaryEmail: input.primaryEmail }),
    ...(address !== undefined && {
      billingAddress: Object.fromEntries(
        ADDRESS_FIELDS.filter((field) => address[field] !== undefined).map((field) => [
          field,
          address[field],
        ]),
      ) as Address,
    }),
    ...(input.metadata !== undefined && {
      metadata: Object.fromEntries(
        Object.entries(input.metadata).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      ),
    }),
  };
}

function sameFields(a: CustomerFields, b: CustomerFields): boolean {
  return JSON.stringify(fieldsOf(a)) === JSON.stringify(fieldsOf(b));
}

/** The live customer of this namespace, or 404: another namespace's customer is not there for you. */
function requireActive(state: CustomerState, id: string, namespace: string): Customer {
  if (state.status !== 'active' || state.customer.namespace !== namespace) {
    throw notFound(CustomerErrors.notFound, `Customer ${id} not found`);
  }
  return state.customer;
}

function create(command: CreateCustomer, state: CustomerState): CustomerEvent[] {
  const { id, namespace, now } = command.data;
  if (state.status !== 'empty') throw conflict(CustomerErrors.alreadyExists, `Customer ${id} already exists`);
  assertValid(command.data);
  return [
    {
      type: 'CustomerCreated',
      data: { id, namespace, ...fieldsOf(command.data), createdAt: now, updatedAt: now },
    },
  ];
}

/** Replace semantics (`CustomerReplaceUpdate`); replacing with what is already there is a no-op. */
function update(command: UpdateCustomer, state: CustomerState): CustomerEvent[] {
  const { id, namespace, now } = command.data;
  const current = requireActive(state, id, namespace);
  assertValid(command.data);
  if (sameFields(current, command.data)) return [];
  return [
    {
      type: 'CustomerUpdated',
      data: { id, namespace, ...fieldsOf(command.data), createdAt: current.createdAt, updatedAt: now },
    },
  ];
}

/**
 * Refused while a subscription has not ended: deleting would orphan its billing. Deleting a deleted
 * customer is a no-op, so a retried DELETE answers 204 again.
 */
function remove(command: DeleteCustomer, state: CustomerState): CustomerEvent[] {
  const { id, namespace, now, hasActiveSubscription } = command.data;
  if (state.status === 'deleted' && state.customer.namespace === namespace) return [];
  const current = requireActive(state, id, namespace);
  if (hasActiveSubscription) {
    throw conflict(
      CustomerErrors.hasActiveSubscription,
      `Customer ${id} has a subscription that has not ended; cancel it before deleting the customer`,
    );
  }
  return [{ type: 'CustomerDeleted', data: { ...current, updatedAt: now, deletedAt: now } }];
}

export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState> = {
  initialState: () => ({ status: 'empty' }),
  evolve: evolveByType<CustomerEvent, CustomerState>({
    CustomerCreated: (_state, event) => ({ status: 'active', customer: event.data }),
    CustomerUpdated: (_state, event) => ({ status: 'active', customer: event.data }),
    CustomerDeleted: (_state, event) => ({ status: 'deleted', customer: event.data }),
  }),
  decide: (command, state) => {
    switch (command.type) {
      case 'CreateCustomer':
        return create(command, state);
      case 'UpdateCustomer':
        return update(command, state);
      case 'DeleteCustomer':
        return remove(command, state);
      default:
        return unreachable(command);
    }
  },
};

/**
 * The strings this customer holds in the key space `CUSTOMER_SUBJECT_KEY_KIND`: its key and every
 * subject key. One space for both, because an event's `subject` is matched against either: a subject
 * key may not equal another customer's key. A customer's own key may also be one of its subject keys
 * (the seed's `acme-inc`); the set holds it once. Empty unless the customer is live.
 */
export function claimedKeysOf(state: CustomerState): ReadonlySet<string> {
  if (state.status !== 'active') return new Set();
  const { key, usageAttribution } = state.customer;
  return new Set([...(key !== undefined ? [key] : []), ...usageAttribution.subjectKeys]);
}

/**
 * Which claim streams the handler appends to, given the state before and after the decision:
 * claim the new strings first (a conflict aborts the command before the customer's own events are
 * written), release the old ones after. Both lists are sorted, so concurrent handlers touch streams
 * in one order.
 */
export function keyChanges(
  before: CustomerState,
  after: CustomerState,
): { readonly claim: readonly string[]; readonly release: readonly string[] } {
  const was = claimedKeysOf(before);
  const is = claimedKeysOf(after);
  return {
    claim: [...is].filter((key) => !was.has(key)).sort(),
    release: [...was].filter((key) => !is.has(key)).sort(),
  };
}

/**
 * The code and request field for the `ClaimKey` of one claimed string, so a conflict names the field
 * the client sent it in: `CUSTOMERS.KEY_TAKEN` on `body.key`, else `CUSTOMERS.SUBJECT_KEY_TAKEN` on
 * its subject-key index.
 */
export function keyClaimErrorFor(
  fields: CustomerFields,
  claimedKey: string,
): { takenCode: string; field: string } {
  if (fields.key === claimedKey) return { takenCode: CustomerErrors.keyTaken, field: 'body.key' };
  const index = fields.usageAttribution.subjectKeys.indexOf(claimedKey);
  return {
    takenCode: CustomerErrors.subjectKeyTaken,
    field: index < 0 ? 'body.usageAttribution.subjectKeys' : `body.usageAttribution.subjectKeys[${index}]`,
  };
}
