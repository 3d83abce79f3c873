import fc from 'fast-check';
import { fastifyRoutes, fill, isDocsRoute, Route } from '../support/routes';
import { startTestApp, TestApp } from '../support/test-app';
import {
  bodies,
  expectHealthy,
  expectNothingWritten,
  fuzzStats,
  hostileString,
  Json,
  pathParam,
  probe,
  runs,
  toMembers,
} from './hostile';

const INGESTION = ['/api/v1/events', '/v3/openmeter/events'];
const CASES_PER_ROUTE = 330;

const key = fc.nat({ max: 1e9 });

const planContent = (key: number) => ({
  name: `Fuzz ${key}`,
  description: 'fuzzed',
  billingCadence: 'P1M',
  phases: [
    {
      key: 'default',
      name: 'Default',
      duration: null,
      rateCards: [
        {
          type: 'usage_based',
          key: 'fuzz_feature',
          name: 'fuzz',
          featureKey: 'fuzz_feature',
          billingCadence: 'P1M',
          price: {
            type: 'tiered',
            mode: 'graduated',
            tiers: [
              { upToAmount: '10', flatPrice: null, unitPrice: { type: 'unit', amount: '0.5' } },
              { flatPrice: { type: 'flat', amount: '1' }, unitPrice: { type: 'unit', amount: '0.25' } },
            ],
          },
          discounts: { percentage: { percentage: 10 } },
          entitlementTemplate: { type: 'boolean' },
        },
        {
          type: 'flat_fee',
          key: 'base',
          name: 'Base',
          billingCadence: 'P1M',
          price: { type: 'flat', amount: '9.99', paymentTerm: 'in_advance' },
        },
      ],
    },
  ],
});

const addonContent = (key: number) => ({
  name: `Fuzz add-on ${key}`,
  description: 'fuzzed',
  instanceType: key % 2 === 0 ? 'multiple' : 'single',
  rateCards: planContent(key).phases[0].rateCards,
});

/** A valid body per write route: the fuzz starts from it and mutates. A new route without one fails the spec. */
const VALID: Record<string, fc.Arbitrary<unknown> | undefined> = {
  'POST /api/v1/tokens': fc.record({
    name: fc.string({ minLength: 1, maxLength: 20 }),
    role: fc.constantFrom('admin', 'ingest', 'read'),
  }),
  'DELETE /api/v1/tokens/:tokenId': undefined,
  'POST /api/v1/console/sessions': fc.record({ token: fc.string({ minLength: 1, maxLength: 60 }) }),
  'DELETE /api/v1/console/session': undefined,
  'POST /api/v1/admin/projections/:name/rebuild': undefined,
  'POST /api/v1/meters': key.map((k) => ({
    slug: `m_${k}`,
    name: 'Fuzzed',
    description: 'fuzz',
    eventType: 'fuzz_call',
    aggregation: 'SUM',
    valueProperty: '$.tokens',
    groupBy: { model: '$.model', region: "$['region']" },
    eventFrom: '2024-01-01T00:00:00Z',
    metadata: { team: 'fuzz' },
  })),
  'PUT /api/v1/meters/:meterIdOrSlug': fc.constant({
    name: 'Renamed',
    description: 'd',
    groupBy: { model: '$.model' },
    metadata: { a: 'b' },
  }),
  'DELETE /api/v1/meters/:meterIdOrSlug': undefined,
  'POST /api/v1/features': key.map((k) => ({
    key: `f_${k}`,
    name: 'f',
    meterSlug: 'fuzz_meter',
    meterGroupByFilters: { model: 'gpt' },
    metadata: {},
  })),
  'DELETE /api/v1/features/:featureId': undefined,
  'POST /api/v1/plans': key.map((k) => ({ key: `p_${k}`, currency: 'USD', ...planContent(k) })),
  'PUT /api/v1/plans/:planId': key.map(planContent),
  'DELETE /api/v1/plans/:planId': undefined,
  'POST /api/v1/plans/:planId/publish': undefined,
  'POST /api/v1/plans/:planId/archive': undefined,
  'POST /api/v1/plans/:planId/next': undefined,
  'POST /api/v1/addons': key.map((k) => ({ key: `a_${k}`, currency: 'USD', ...addonContent(k) })),
  'PUT /api/v1/addons/:addonId': key.map(addonContent),
  'DELETE /api/v1/addons/:addonId': undefined,
  'POST /api/v1/addons/:addonId/publish': undefined,
  'POST /api/v1/addons/:addonId/archive': undefined,
  'POST /api/v1/plans/:planId/addons': fc.record({
    addonId: fc.constant('01M98DWTKTM6DYZC8PCJZPG14Y'),
    fromPlanPhase: fc.constantFrom('default', 'other'),
    maxQuantity: fc.constantFrom(1, 5),
    metadata: fc.constant({ a: 'b' }),
  }),
  'PUT /api/v1/plans/:planId/addons/:planAddonId': fc.record({
    fromPlanPhase: fc.constantFrom('default', 'other'),
    maxQuantity: fc.constantFrom(1, 5),
  }),
  'DELETE /api/v1/plans/:planId/addons/:planAddonId': undefined,
  'POST /api/v1/customers': key.map((k) => ({
    name: `Customer ${k}`,
    key: `c-${k}`,
    description: 'd',
    usageAttribution: { subjectKeys: [`s-${k}`, `t-${k}`] },
    primaryEmail: 'a@b.example',
    currency: 'EUR',
    billingAddress: { country: 'DE', city: 'Berlin', line1: 'x' },
    metadata: { tier: 'gold' },
  })),
  'PUT /api/v1/customers/:customerIdOrKey': key.map((k) => ({
    name: `Renamed ${k}`,
    usageAttribution: { subjectKeys: ['fuzz-customer', `u-${k}`] },
  })),
  'DELETE /api/v1/customers/:customerIdOrKey': undefined,
  'POST /api/v1/subscriptions': fc.record({
    customerKey: fc.constantFrom('fuzz-customer', 'other-customer'),
    plan: fc.constantFrom({ key: 'fuzz_plan' }, { key: 'fuzz_plan', version: 1 }),
    timing: fc.constantFrom('immediate', '2024-01-01T00:00:00Z', '2030-01-01T00:00:00Z'),
    billingAnchor: fc.constantFrom('2024-01-31T00:00:00Z', '2024-02-29T12:00:00+05:30'),
    name: fc.constant('sub'),
  }),
  'POST /api/v1/billing/profiles': fc.record({
    name: fc.constantFrom('EU', 'US'),
    supplier: fc.constant({ name: 'Tally', taxId: { code: 'DE1' }, addresses: [{ country: 'DE' }] }),
    default: fc.boolean(),
    workflow: fc.constant({
      collection: { alignment: { type: 'subscription' }, interval: 'PT2H' },
      invoicing: { autoAdvance: true, draftPeriod: 'P1D', dueAfter: 'P14D', progressiveBilling: false },
      payment: { collectionMethod: 'send_invoice' },
      tax: { enabled: false, enforced: false },
    }),
    apps: fc.constant({
      tax: '01G65Z755AFWAKHE12NY0CQ9FH',
      invoicing: '01G65Z755AFWAKHE12NY0CQ9FH',
      payment: '01G65Z755AFWAKHE12NY0CQ9FH',
    }),
  }),
  'PUT /api/v1/billing/profiles/:id': fc.record({
    name: fc.constant('Renamed'),
    supplier: fc.constant({ name: 'Tally' }),
    default: fc.boolean(),
    workflow: fc.constant({ invoicing: { dueAfter: 'P7D' }, collection: { interval: 'P1D' } }),
  }),
  'DELETE /api/v1/billing/profiles/:id': undefined,
  'PUT /api/v1/billing/customers/:customerIdOrKey': fc.record({
    workflow: fc.constant({ collection: { interval: 'P1D' }, invoicing: { dueAfter: 'P7D' } }),
  }),
  'DELETE /api/v1/billing/customers/:customerIdOrKey': undefined,
  'POST /api/v1/billing/customers/:customerIdOrKey/invoices/simulate': fc.record({
    currency: fc.constantFrom('USD', 'JPY'),
    lines: fc.constant([
      {
        name: 'Calls',
        period: { from: '2027-01-01T00:00:00Z', to: '2027-02-01T00:00:00Z' },
        invoiceAt: '2027-02-01T00:00:00Z',
        quantity: '7',
        rateCard: { featureKey: 'fuzz_feature', price: { type: 'unit', amount: '0.5' } },
      },
      {
        name: 'Fee',
        period: { from: '2027-01-01T00:00:00Z', to: '2027-02-01T00:00:00Z' },
        invoiceAt: '2027-01-01T00:00:00Z',
        quantity: '1',
        price: { type: 'flat', amount: '10', paymentTerm: 'in_advance' },
      },
    ]),
  }),
  'POST /api/v1/billing/customers/:customerIdOrKey/invoices/pending-lines': fc.record({
    currency: fc.constantFrom('USD', 'JPY', 'EUR'),
    lines: fc.constantFrom(
      [
        {
          name: 'Setup',
          period: { from: '2027-01-01T00:00:00Z', to: '2027-02-01T00:00:00Z' },
          invoiceAt: '2027-01-15T00:00:00Z',
          rateCard: { price: { type: 'flat', amount: '10.5', paymentTerm: 'in_advance' } },
        },
      ],
      [
        {
          name: 'Calls',
          period: { from: '2024-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' },
          invoiceAt: '2030-01-01T00:00:00Z',
          rateCard: { featureKey: 'fuzz_feature', price: { type: 'unit', amount: '0.5' } },
        },
      ],
    ),
  }),
  'POST /api/v1/billing/invoices/invoice': fc.record({
    customerId: fc.constantFrom('fuzz-customer', 'other-customer', '01G65Z755AFWAKHE12NY0CQ9FH'),
    asOf: fc.constantFrom('2024-01-01T00:00:00Z', '2030-01-01T00:00:00Z', undefined),
    progressiveBillingOverride: fc.boolean(),
  }),
  'POST /api/v1/billing/invoices/:invoiceId/advance': undefined,
  'DELETE /api/v1/billing/invoices/:invoiceId': undefined,
  'PUT /api/v1/billing/invoices/:invoiceId': fc.record({
    description: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
    metadata: fc.constantFrom(undefined, null, { po: 'PO-1' }),
    supplier: fc.constantFrom({}, { name: 'Fuzz AG', addresses: [{ country: 'DE' }] }),
    customer: fc.constantFrom({}, { name: 'Fuzzed' }, { key: 'fuzz-customer' }, { key: 'someone' }),
    lines: fc.constantFrom(
      [],
      [{ id: 'x', name: 'x' }],
      [{ rateCard: 'x', price: null, period: 'x', invoiceAt: 7, metadata: [1] }],
      [{ name: 'Added', rateCard: { featureKey: 'nope', price: { type: 'unit', amount: '1' } } }],
      [
        {
          name: 'Added',
          period: { from: '2024-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' },
          invoiceAt: '2030-01-01T00:00:00Z',
          rateCard: { price: { type: 'flat', amount: '1', paymentTerm: 'in_advance' } },
        },
      ],
    ),
    workflow: fc.constantFrom(
      { workflow: {} },
      { workflow: { invoicing: { autoAdvance: false, dueAfter: 'P1D' } } },
      { workflow: { invoicing: { draftPeriod: 'P1D' }, payment: { collectionMethod: 'send_invoice' } } },
      { workflow: { invoicing: { dueAfter: 'soon' } } },
    ),
  }),
  'POST /api/v1/billing/invoices/:invoiceId/approve': undefined,
  'POST /api/v1/billing/invoices/:invoiceId/retry': undefined,
  'POST /api/v1/billing/invoices/:invoiceId/snapshot-quantities': undefined,
  'POST /api/v1/billing/invoices/:invoiceId/taxes/recalculate': undefined,
  'POST /api/v1/billing/invoices/:invoiceId/void': fc.record({
    action: fc.record({
      percentage: fc.constant(100),
      action: fc.constantFrom(
        { type: 'discard' },
        { type: 'pending', nextInvoiceAt: '2027-01-01T00:00:00Z' },
      ),
    }),
    reason: fc.string({ minLength: 1, maxLength: 20 }),
  }),
  'POST /api/v1/subscriptions/:subscriptionId/cancel': fc.record({
    timing: fc.constantFrom(
      'immediate',
      'next_billing_cycle',
      '2024-01-01T00:00:00Z',
      '2030-01-01T00:00:00Z',
    ),
  }),
  'POST /api/v1/subscriptions/:subscriptionId/restore': undefined,
  'POST /api/v1/subscriptions/:subscriptionId/unschedule-cancelation': undefined,
  'DELETE /api/v1/subscriptions/:subscriptionId': undefined,
  'POST /api/v1/subscriptions/:subscriptionId/change': fc.record({
    plan: fc.constantFrom({ key: 'fuzz_plan' }, { key: 'fuzz_plan', version: 1 }),
    timing: fc.constantFrom(
      'immediate',
      'next_billing_cycle',
      '2024-01-01T00:00:00Z',
      '2030-01-01T00:00:00Z',
    ),
    billingAnchor: fc.constantFrom('2024-01-31T00:00:00Z', '2024-02-29T12:00:00+05:30'),
  }),
  'PATCH /api/v1/subscriptions/:subscriptionId': fc.record({
    timing: fc.constantFrom(
      'immediate',
      'next_billing_cycle',
      '2024-01-01T00:00:00Z',
      '2030-01-01T00:00:00Z',
    ),
    customizations: fc.array(
      fc.constantFrom<object>(
        {
          op: 'add_item',
          phaseKey: 'default',
          rateCard: {
            type: 'flat_fee',
            key: 'fuzz_fee',
            name: 'Fee',
            billingCadence: 'P1M',
            price: { type: 'flat', amount: '1', paymentTerm: 'in_advance' },
          },
        },
        { op: 'remove_item', phaseKey: 'default', itemKey: 'fuzz_fee' },
        { op: 'add_phase', phase: { key: 'later', name: 'Later', startAfter: 'P1M', duration: 'P1M' } },
        { op: 'remove_phase', phaseKey: 'later', shift: 'next' },
        { op: 'stretch_phase', phaseKey: 'default', extendBy: 'P1M' },
        { op: 'unschedule_edit' },
      ),
      { maxLength: 4 },
    ),
  }),
  'POST /api/v1/subscriptions/:subscriptionId/addons': fc.record({
    name: fc.string({ minLength: 1, maxLength: 20 }),
    addon: fc.constantFrom({ id: '01M98DWTKTM6DYZC8PCJZPG14Y' }),
    quantity: fc.integer({ min: 0, max: 7 }),
    timing: fc.constantFrom(
      'immediate',
      'next_billing_cycle',
      '2024-01-01T00:00:00Z',
      '2030-01-01T00:00:00Z',
    ),
  }),
  'PATCH /api/v1/subscriptions/:subscriptionId/addons/:subscriptionAddonId': fc.record({
    name: fc.string({ minLength: 1, maxLength: 20 }),
    quantity: fc.integer({ min: 0, max: 7 }),
    timing: fc.constantFrom(
      'immediate',
      'next_billing_cycle',
      '2024-01-01T00:00:00Z',
      '2030-01-01T00:00:00Z',
    ),
  }),
  'POST /api/v1/subscriptions/:subscriptionId/migrate': fc.record({
    timing: fc.constantFrom('immediate', 'next_billing_cycle', '2030-01-01T00:00:00Z'),
    targetVersion: fc.constantFrom(1, 2),
  }),
  'POST /api/v2/customers/:customerIdOrKey/entitlements': fc.constant(entitlementBody('v2')),
  'POST /api/v1/subjects/:subjectIdOrKey/entitlements': fc.constant(entitlementBody('v1')),
  'PUT /api/v2/customers/:customerIdOrKey/entitlements/:entitlementIdOrFeatureKey/override': fc.constant(
    entitlementBody('v2'),
  ),
  'PUT /api/v1/subjects/:subjectIdOrKey/entitlements/:entitlementIdOrFeatureKey/override': fc.constant(
    entitlementBody('v1'),
  ),
  'DELETE /api/v2/customers/:customerIdOrKey/entitlements/:entitlementIdOrFeatureKey': undefined,
  'DELETE /api/v1/subjects/:subjectIdOrKey/entitlements/:entitlementIdOrFeatureKey': undefined,
  'POST /api/v2/customers/:customerIdOrKey/entitlements/:entitlementIdOrFeatureKey/grants':
    fc.constant(grantBody()),
  'POST /api/v1/subjects/:subjectIdOrKey/entitlements/:entitlementIdOrFeatureKey/grants':
    fc.constant(grantBody()),
  'POST /api/v2/customers/:customerIdOrKey/entitlements/:entitlementIdOrFeatureKey/reset': fc.record({
    retainAnchor: fc.boolean(),
    preserveOverage: fc.boolean(),
  }),
  'POST /api/v1/subjects/:subjectIdOrKey/entitlements/:entitlementIdOrFeatureKey/reset': fc.record({
    retainAnchor: fc.boolean(),
  }),
  'DELETE /api/v1/grants/:grantId': undefined,
  'POST /api/v1/events/void': fc.record({
    events: fc.constantFrom([{ source: 'fuzz', id: 'fuzz-event' }], [{ source: 'fuzz', id: 'unknown' }]),
    reason: fc.string({ minLength: 1, maxLength: 20 }),
  }),
  'POST /api/v1/meters/:meterIdOrSlug/query': fc.record({
    from: fc.constantFrom('2024-01-01T00:00:00Z', '2024-01-01T00:00:00+05:30'),
    to: fc.constant('2024-02-01T00:00:00Z'),
    windowSize: fc.constantFrom('HOUR', 'DAY', 'MONTH'),
    windowTimeZone: fc.constantFrom('UTC', 'Europe/Berlin'),
    subject: fc.constant(['fuzz-subject']),
    groupBy: fc.constant(['model', 'subject']),
    advancedMeterGroupByFilters: fc.constant({
      model: { $or: [{ $eq: 'gpt' }, { $like: 'claude%' }], $ne: 'x' },
    }),
  }),
  'POST /api/v1/subjects': key.map((k) => [
    { key: `s-${k}`, displayName: 'Fuzz', metadata: { a: 'b' } },
    { key: 'fuzz-subject', displayName: null, stripeCustomerId: 'cus_x' },
  ]),
  'DELETE /api/v1/subjects/:subjectIdOrKey': undefined,
  'POST /api/v1/portal/tokens': fc.record({
    subject: fc.constantFrom('fuzz-subject', 'other'),
    allowedMeterSlugs: fc.constant(['fuzz_meter']),
    expiresAt: fc.constant('2099-01-01T00:00:00Z'),
  }),
  'POST /api/v1/portal/tokens/invalidate': fc.record({ subject: fc.constant('other') }),
};

function entitlementBody(version: 'v1' | 'v2') {
  return {
    type: 'metered',
    featureKey: 'fuzz_tokens',
    usagePeriod: { interval: 'MONTH', anchor: '2024-01-31T00:00:00Z' },
    measureUsageFrom: 'CURRENT_PERIOD_START',
    isSoftLimit: false,
    preserveOverageAtReset: true,
    metadata: { team: 'fuzz' },
    ...(version === 'v2'
      ? { issue: { amount: 10, priority: 2 }, grants: [grantBody()] }
      : { issueAfterReset: 10, issueAfterResetPriority: 2 }),
  };
}

function grantBody() {
  return {
    amount: 100,
    priority: 3,
    effectiveAt: new Date().toISOString(),
    expiration: { duration: 'MONTH', count: 2 },
    minRolloverAmount: 0,
    maxRolloverAmount: 50,
    recurrence: { interval: 'WEEK' },
    metadata: { source: 'fuzz' },
    annotations: { origin: 'fuzz' },
  };
}

/**
 * Every write route the router has (ingestion has its own spec), fuzzed from a valid body: mutated
 * members, hostile values (huge and broken strings, prototype keys, extreme numbers, deep nesting),
 * arbitrary JSON, non-JSON bodies, cut-off bodies, hostile path parameters and If-Match headers.
 * Never a 5xx, never a hang, nothing written when refused; healthy afterwards.
 */
describe('fuzzing every write route', () => {
  let app: TestApp;
  let real: Record<string, string[]>;
  const stats = fuzzStats();

  beforeAll(async () => {
    // A write answers once its read model has it: on a busy machine that may take a while, and a
    // 503 "read model behind" there would be load, not a fault the fuzz is after.
    app = await startTestApp({ config: { readYourWritesTimeoutMs: 30_000 } });
    const created = async (path: string, body: unknown) => {
      const answer = await app.request('POST', path, { body });
      if (answer.status !== 201) throw new Error(`POST ${path} → ${answer.status}: ${answer.text}`);
      return answer.body;
    };
    const meter = await created('/api/v1/meters', {
      slug: 'fuzz_meter',
      eventType: 'fuzz_call',
      aggregation: 'SUM',
      valueProperty: '$.tokens',
      groupBy: { model: '$.model' },
    });
    const feature = await created('/api/v1/features', {
      key: 'fuzz_feature',
      name: 'fuzz',
      meterSlug: 'fuzz_meter',
    });
    const plan = await created('/api/v1/plans', { key: 'fuzz_plan', currency: 'USD', ...planContent(0) });
    expect((await app.request('POST', `/api/v1/plans/${plan.id}/publish`)).status).toBe(200);
    const draft = await created('/api/v1/plans', { key: 'fuzz_draft', currency: 'USD', ...planContent(1) });
    const addon = await created('/api/v1/addons', { key: 'fuzz_addon', currency: 'USD', ...addonContent(0) });
    expect((await app.request('POST', `/api/v1/addons/${addon.id}/publish`)).status).toBe(200);
    const addonDraft = await created('/api/v1/addons', {
      key: 'fuzz_addon_draft',
      currency: 'USD',
      ...addonContent(1),
    });
    const customer = await created('/api/v1/customers', {
      name: 'Fuzz',
      key: 'fuzz-customer',
      usageAttribution: { subjectKeys: ['fuzz-subject'] },
    });
    await created('/api/v1/customers', { name: 'Other', key: 'other-customer' });
    const subscription = await created('/api/v1/subscriptions', {
      customerKey: 'fuzz-customer',
      plan: { key: 'fuzz_plan' },
      timing: 'immediate',
    });
    // A custom plan takes any add-on of its currency: one to update.
    const custom = await created('/api/v1/subscriptions', {
      customerKey: 'other-customer',
      customPlan: { currency: 'USD', ...planContent(2) },
      timing: 'immediate',
    });
    const subscriptionAddon = await created(`/api/v1/subscriptions/${custom.id}/addons`, {
      name: 'Fuzz',
      addon: { id: addon.id },
      quantity: 1,
      timing: 'immediate',
    });
    const token = await created('/api/v1/tokens', { name: 'fuzz', role: 'read' });
    await created('/api/v1/features', { key: 'fuzz_tokens', name: 'fuzz tokens', meterSlug: 'fuzz_meter' });
    const entitlement = await created('/api/v2/customers/fuzz-customer/entitlements', entitlementBody('v2'));
    const grant = await created(
      '/api/v2/customers/fuzz-customer/entitlements/fuzz_tokens/grants',
      grantBody(),
    );
    // An event for the void route to find.
    const stored = await app.request('POST', '/api/v1/events', {
      body: {
        specversion: '1.0',
        id: 'fuzz-event',
        source: 'fuzz',
        type: 'fuzz_call',
        subject: 'fuzz-customer',
      },
    });
    expect(stored.status).toBe(204);
    const [subject] = (await app.request('POST', '/api/v1/subjects', { body: [{ key: 'fuzz-subject' }] }))
      .body;
    const profile = await created('/api/v1/billing/profiles', { name: 'Fuzz', supplier: {}, default: false });
    const preview = await app.request('GET', '/api/v1/billing/customers/fuzz-customer/invoices/preview');
    real = {
      meterIdOrSlug: [meter.id, 'fuzz_meter'],
      featureId: [feature.id],
      planId: [plan.id, draft.id, 'fuzz_plan'],
      addonId: [addon.id, addonDraft.id, 'fuzz_addon'],
      planAddonId: [addon.id, addonDraft.id, 'fuzz_addon'],
      customerIdOrKey: [customer.id, 'fuzz-customer'],
      subscriptionId: [subscription.id, custom.id],
      subscriptionAddonId: [subscriptionAddon.id],
      tokenId: [token.id],
      entitlementIdOrFeatureKey: [entitlement.id, 'fuzz_tokens'],
      entitlementId: [entitlement.id],
      grantId: [grant.id],
      subjectIdOrKey: [subject.id, 'fuzz-subject', 'fuzz-customer'],
      id: [profile.id],
      invoiceId: [preview.body.id],
      // A real name would replay the log hundreds of times over; rebuilds have specs of their own.
      name: ['unknown_projection'],
    };
  }, 60_000);
  afterAll(async () => {
    console.log(
      `write-route fuzz: ${stats.cases} cases, answers by status ${JSON.stringify(stats.byStatus)}`,
    );
    await app?.close();
  });

  const writeRoutes = (): Route[] =>
    fastifyRoutes(app.tally).filter(
      (r) => !['GET', 'HEAD'].includes(r.method) && !isDocsRoute(r.path) && !INGESTION.includes(r.path),
    );

  it('has a starting point for every write route', () => {
    expect(
      writeRoutes()
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(Object.keys(VALID).sort());
  });

  it('never answers 5xx or hangs, refuses without writing, and stays healthy', async () => {
    for (const route of writeRoutes()) {
      const valid = VALID[`${route.method} ${route.path}`];
      const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const request = fc.record({
        values: fc.tuple(...params.map((param) => pathParam(real[param] ?? ['x'])), fc.constant('')),
        body: bodies((valid ?? fc.constant({})).map(toMembers) as fc.Arbitrary<Json>),
        withBody: fc.boolean(),
        ifMatch: fc.option(
          fc.oneof(
            fc.constantFrom('"1"', 'W/"1"', '*', '"99999999999999999999"', '"-1"', '""'),
            hostileString.map((s) => s.slice(0, 100)),
          ),
          { freq: 5 },
        ),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ values, body, withBody, ifMatch }) => {
          const path = fill(route.path, (param) => values[params.indexOf(param)]);
          const headers: Record<string, string> = {};
          if (ifMatch !== null && /^[\x20-\x7e]*$/.test(ifMatch)) headers['if-match'] = ifMatch;
          await probe(app, stats, {
            method: route.method,
            path,
            body: valid || withBody ? body : undefined,
            headers,
          });
        }),
        { numRuns: runs(CASES_PER_ROUTE) },
      );
      await expectNothingWritten(app, stats);
    }
    await expectHealthy(app);
    expect(stats.cases).toBeGreaterThanOrEqual(runs(CASES_PER_ROUTE) * Object.keys(VALID).length);
  }, 600_000);

  // Found by the fuzz: class-transformer reads the `type` of each rate card to choose its class, and
  // a `null` one threw (a 500) — in a plan's phase and in an add-on alike.
  it('refuses a null rate card, naming it', async () => {
    const before = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_events`);
    const plan = JSON.parse(JSON.stringify({ key: 'nulls', currency: 'USD', ...planContent(0) }));
    plan.phases[0].rateCards = [null, ...plan.phases[0].rateCards];
    const addon = { key: 'nulls', currency: 'USD', ...addonContent(0) };
    for (const [path, body, field] of [
      ['/api/v1/plans', plan, 'phases[0].rateCards[0]'],
      ['/api/v1/addons', { ...addon, rateCards: [null, ...addon.rateCards] }, 'rateCards[0]'],
    ]) {
      const answer = await app.request('POST', path, { body });
      expect([path, answer.status]).toEqual([path, 400]);
      expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_events`)).toEqual(before);
  });

  // Found by the fuzz: class-validator walks an array nested where objects are expected and finds
  // nothing wrong in it, so `[[]]` reached the handler as a phase (a 500).
  it('refuses arrays where a plan expects objects', async () => {
    const before = await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_events`);
    const plan = () => JSON.parse(JSON.stringify({ key: 'nested', currency: 'USD', ...planContent(0) }));
    const phases = plan();
    phases.phases = [[]];
    const rateCards = plan();
    rateCards.phases[0].rateCards = [[[]]];
    const tiers = plan();
    tiers.phases[0].rateCards[0].price.tiers = [[]];
    for (const [field, body] of [
      ['phases', phases],
      ['phases[0].rateCards', rateCards],
      ['phases[0].rateCards[0].price.tiers', tiers],
    ]) {
      const answer = await app.request('POST', '/api/v1/plans', { body });
      expect([field, answer.status]).toEqual([field, 400]);
      expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await app.db.dataSource.query(`SELECT count(*)::int AS n FROM tally_events`)).toEqual(before);
  });
});
