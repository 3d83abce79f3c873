import { CorrectionSweep } from '../../src/billing/corrections/correction-sweep.service';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import type { ManualClock } from '../../src/shared/clock';
import type { TestApp } from './test-app';

/**
 * A history that gives every projection events to apply: every kind of catalog, customer and
 * subscription command, usage (repeats included), issued invoices, a draft needing approval, edited,
 * deleted, drafted anew, edited (header and lines) and approved with a one-off charge (pending line),
 * its void and its re-bill, then a late event and a void in an issued period and the correction that bills them, and a period
 * snapshotted while still collecting. Specs that hold every projection to a rule
 * replay it; a new projection's events belong here too.
 */
export async function writeEveryKindOfEvent(app: TestApp, clock: ManualClock): Promise<void> {
  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await app.request(method, path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  clock.set(new Date('2027-01-31T10:00:00Z'));
  await call('POST', '/api/v1/meters', {
    slug: 'active_users',
    name: 'Active users',
    eventType: 'user_activity',
    aggregation: 'UNIQUE_COUNT',
    valueProperty: '$.user_id',
    groupBy: { region: '$.region' },
  });
  await call('POST', '/api/v1/meters', {
    slug: 'tokens',
    name: 'Tokens',
    eventType: 'ai',
    aggregation: 'SUM',
    valueProperty: '$.tokens',
  });
  await call('PUT', '/api/v1/meters/tokens', { name: 'Tokens used', groupBy: { model: '$.model' } });
  await call('POST', '/api/v1/meters', {
    slug: 'gone',
    name: 'Gone',
    eventType: 'gone',
    aggregation: 'COUNT',
  });
  await call('DELETE', '/api/v1/meters/gone');
  await call('POST', '/api/v1/features', {
    key: 'active_users',
    name: 'Active users',
    meterSlug: 'active_users',
  });
  await call('POST', '/api/v1/features', { key: 'tokens', name: 'Tokens', meterSlug: 'tokens' });
  await call('POST', '/api/v1/features', {
    key: 'big_tokens',
    name: 'Big tokens',
    meterSlug: 'tokens',
    advancedMeterGroupByFilters: { model: { $in: ['big', 'bigger'] } },
    unitCost: { type: 'manual', amount: '0.001' },
  });
  const old = await call('POST', '/api/v1/features', { key: 'old', name: 'Old', meterSlug: 'tokens' });
  await call('DELETE', `/api/v1/features/${old.id}`);
  const rateCards = [
    {
      type: 'flat_fee',
      key: 'platform',
      name: 'Platform',
      billingCadence: 'P1M',
      price: { type: 'flat', amount: '10', paymentTerm: 'in_advance' },
    },
    {
      type: 'usage_based',
      key: 'active_users',
      name: 'Active users',
      featureKey: 'active_users',
      billingCadence: 'P1M',
      price: { type: 'unit', amount: '1.5' },
      entitlementTemplate: { type: 'boolean' },
    },
    {
      type: 'usage_based',
      key: 'tokens',
      name: 'Tokens',
      featureKey: 'tokens',
      billingCadence: 'P1M',
      price: {
        type: 'tiered',
        mode: 'graduated',
        tiers: [
          { upToAmount: '1000', flatPrice: null, unitPrice: { type: 'unit', amount: '0' } },
          { flatPrice: null, unitPrice: { type: 'unit', amount: '0.001' } },
        ],
      },
    },
  ];
  // Add-ons: a draft edited and published, a next version deleted (the first is archived at the end).
  const seats = {
    type: 'flat_fee',
    key: 'seats',
    name: 'Seats',
    billingCadence: 'P1M',
    price: { type: 'flat', amount: '10', paymentTerm: 'in_advance' },
  };
  const addon = await call('POST', '/api/v1/addons', {
    key: 'seats',
    name: 'Seats',
    currency: 'USD',
    instanceType: 'multiple',
    rateCards: [seats],
  });
  await call('PUT', `/api/v1/addons/${addon.id}`, {
    name: 'Extra seats',
    instanceType: 'multiple',
    // And a card with a template the plan lacks: provided while the add-on is held.
    rateCards: [
      seats,
      rateCards[1],
      {
        type: 'usage_based',
        key: 'big_tokens',
        name: 'Big tokens',
        featureKey: 'big_tokens',
        billingCadence: 'P1M',
        price: null,
        entitlementTemplate: { type: 'metered', issueAfterReset: 10 },
      },
    ],
  });
  await call('POST', `/api/v1/addons/${addon.id}/publish`);
  const nextAddon = await call('POST', '/api/v1/addons', {
    key: 'seats',
    name: 'Seats',
    currency: 'USD',
    instanceType: 'single',
    rateCards: [seats],
  });
  await call('DELETE', `/api/v1/addons/${nextAddon.id}`);
  const plan = await call('POST', '/api/v1/plans', {
    key: 'pro',
    name: 'Pro',
    currency: 'USD',
    billingCadence: 'P1M',
    alignment: { billablesMustAlign: true },
    settlementMode: 'credit_then_invoice',
    phases: [{ key: 'default', name: 'Default', duration: null, rateCards }],
  });
  await call('PUT', `/api/v1/plans/${plan.id}`, {
    name: 'Pro plan',
    billingCadence: 'P1M',
    phases: [{ key: 'default', name: 'Default', duration: null, rateCards }],
  });
  // The draft offers the add-on: assigned, its terms changed, taken back and assigned again.
  await call('POST', `/api/v1/plans/${plan.id}/addons`, { addonId: addon.id, fromPlanPhase: 'default' });
  await call('PUT', `/api/v1/plans/${plan.id}/addons/${addon.id}`, {
    fromPlanPhase: 'default',
    maxQuantity: 5,
  });
  await call('DELETE', `/api/v1/plans/${plan.id}/addons/${addon.id}`);
  await call('POST', `/api/v1/plans/${plan.id}/addons`, {
    addonId: addon.id,
    fromPlanPhase: 'default',
    maxQuantity: 3,
  });
  await call('POST', `/api/v1/plans/${plan.id}/publish`);
  const next = await call('POST', '/api/v1/plans/pro/next');
  await call('DELETE', `/api/v1/plans/${next.id}`);
  await call('POST', '/api/v1/customers', {
    name: 'Acme',
    key: 'acme',
    usageAttribution: { subjectKeys: ['acme'] },
  });
  await call('PUT', '/api/v1/customers/acme', {
    name: 'Acme Inc',
    key: 'acme',
    usageAttribution: { subjectKeys: ['acme', 'acme-eu'] },
  });
  await call('POST', '/api/v1/customers', {
    name: 'Gone',
    key: 'gone',
    usageAttribution: { subjectKeys: ['gone'] },
  });
  await call('DELETE', '/api/v1/customers/gone');
  await call('POST', '/api/v1/subjects', [
    { key: 'acme-eu', displayName: 'Acme EU', metadata: { region: 'eu' } },
    { key: 'nobody', displayName: 'Nobody' },
  ]);
  await call('POST', '/api/v1/subjects', [{ key: 'acme-eu', displayName: null }]);
  await call('DELETE', '/api/v1/subjects/nobody');
  await call('POST', '/api/v1/customers', {
    name: 'Brief',
    key: 'brief',
    usageAttribution: { subjectKeys: ['brief'] },
  });
  // Billing profiles: the default made on first use, another made default and back, one deleted.
  const [standard] = (await call('GET', '/api/v1/billing/profiles')).items;
  await call('POST', '/api/v1/billing/profiles', {
    name: 'EU',
    supplier: { name: 'Tally GmbH' },
    default: true,
    workflow: { invoicing: { dueAfter: 'P14D' } },
  });
  await call('PUT', `/api/v1/billing/profiles/${standard.id}`, {
    name: standard.name,
    supplier: { name: 'Tally Inc' },
    default: true,
    workflow: standard.workflow,
  });
  const spare = await call('POST', '/api/v1/billing/profiles', {
    name: 'Spare',
    supplier: {},
    default: false,
  });
  await call('DELETE', `/api/v1/billing/profiles/${spare.id}`);
  await call('PUT', '/api/v1/billing/customers/brief', { workflow: { invoicing: { dueAfter: 'P7D' } } });
  await call('DELETE', '/api/v1/billing/customers/brief');
  await call('PUT', '/api/v1/billing/customers/brief', { billingProfileId: standard.id });
  const acme = await call('POST', '/api/v1/subscriptions', {
    customerKey: 'acme',
    plan: { key: 'pro' },
    timing: 'immediate',
  });
  // Edits: an item added from the next period, then taken back (`unschedule_edit`).
  await call('PATCH', `/api/v1/subscriptions/${acme.id}`, {
    timing: 'next_billing_cycle',
    customizations: [{ op: 'add_item', phaseKey: 'default', rateCard: { ...rateCards[0], key: 'support' } }],
  });
  await call('PATCH', `/api/v1/subscriptions/${acme.id}`, { customizations: [{ op: 'unschedule_edit' }] });
  // Its add-on: taken once, renamed, then ended (quantity 0) from the next period, so it is held a while.
  const acmeSeats = await call('POST', `/api/v1/subscriptions/${acme.id}/addons`, {
    name: 'Seats',
    addon: { id: addon.id },
    quantity: 1,
    timing: 'immediate',
  });
  await call('PATCH', `/api/v1/subscriptions/${acme.id}/addons/${acmeSeats.id}`, { name: 'More seats' });
  await call('PATCH', `/api/v1/subscriptions/${acme.id}/addons/${acmeSeats.id}`, {
    quantity: 0,
    timing: 'next_billing_cycle',
  });
  const brief = await call('POST', '/api/v1/subscriptions', {
    customerKey: 'brief',
    customPlan: {
      name: 'Brief',
      currency: 'USD',
      billingCadence: 'P1M',
      phases: [{ key: 'default', name: 'Default', duration: null, rateCards }],
    },
    timing: 'immediate',
    costBasisMode: 'dynamic',
  });
  // A change links both ways (the predecessor's end names its successor); the successor is canceled.
  const changed = await call('POST', `/api/v1/subscriptions/${brief.id}/change`, {
    customPlan: {
      name: 'Briefer',
      currency: 'USD',
      billingCadence: 'P1M',
      phases: [{ key: 'default', name: 'Default', duration: null, rateCards }],
    },
    timing: 'immediate',
  });
  await call('POST', `/api/v1/subscriptions/${changed.next.id}/cancel`, { timing: 'immediate' });
  // A customer whose invoices need approval: its period is drafted, then approved.
  await call('POST', '/api/v1/customers', { name: 'Review', key: 'review' });
  await call('PUT', '/api/v1/billing/customers/review', { workflow: { invoicing: { autoAdvance: false } } });
  await call('POST', '/api/v1/subscriptions', {
    customerKey: 'review',
    plan: { key: 'pro' },
    timing: 'immediate',
  });
  // A one-off charge: billed by review's first invoice, released by its void, billed again by the re-bill.
  await call('POST', '/api/v1/billing/customers/review/invoices/pending-lines', {
    currency: 'USD',
    lines: [
      {
        name: 'Onboarding',
        period: { from: '2027-02-01T00:00:00Z', to: '2027-02-02T00:00:00Z' },
        invoiceAt: '2027-02-15T00:00:00Z',
        rateCard: { price: { type: 'flat', amount: '25', paymentTerm: 'in_advance' } },
      },
    ],
  });
  // A scheduled subscription canceled at an instant, restored, then deleted before it starts.
  await call('POST', '/api/v1/customers', { name: 'Later', key: 'later' });
  const later = await call('POST', '/api/v1/subscriptions', {
    customerKey: 'later',
    plan: { key: 'pro' },
    timing: '2027-06-01T00:00:00Z',
  });
  await call('POST', `/api/v1/subscriptions/${later.id}/cancel`, { timing: '2027-09-01T00:00:00Z' });
  await call('POST', `/api/v1/subscriptions/${later.id}/restore`);
  await call('DELETE', `/api/v1/subscriptions/${later.id}`);
  await call('POST', `/api/v1/plans/${plan.id}/archive`);
  await call('POST', `/api/v1/addons/${addon.id}/archive`);
  // Entitlements: created with grants, granted, voided, reset, overridden (one a subscription provides
  // too), deleted.
  await call('POST', '/api/v2/customers/acme/entitlements', {
    type: 'metered',
    featureKey: 'tokens',
    usagePeriod: { interval: 'MONTH', anchor: '2027-01-01T00:00:00Z' },
    issue: { amount: 1000 },
    grants: [{ amount: 500, effectiveAt: '2027-01-31T10:00:00Z', maxRolloverAmount: 100 }],
  });
  const grant = await call('POST', '/api/v2/customers/acme/entitlements/tokens/grants', {
    amount: 50,
    effectiveAt: '2027-01-31T10:00:00Z',
    expiration: { duration: 'DAY', count: 1 },
  });
  clock.set(new Date('2027-01-31T10:05:00Z'));
  await call('DELETE', `/api/v1/grants/${grant.id}`);
  await call('POST', '/api/v2/customers/acme/entitlements/tokens/reset', { retainAnchor: true });
  await call('PUT', '/api/v2/customers/acme/entitlements/tokens/override', {
    type: 'metered',
    featureKey: 'tokens',
    usagePeriod: { interval: 'DAY' },
    isSoftLimit: true,
  });
  await call('PUT', '/api/v2/customers/acme/entitlements/active_users/override', {
    type: 'static',
    featureKey: 'active_users',
    config: '{"seats":5}',
  });
  await call('POST', '/api/v1/subjects/brief/entitlements', { type: 'boolean', featureKey: 'active_users' });
  await call('DELETE', '/api/v2/customers/brief/entitlements/active_users');
  const events = [
    ['u1', 'acme', 'user_activity', { user_id: 'alice', region: 'eu' }],
    ['u2', 'acme-eu', 'user_activity', { user_id: 'bob', region: 'us' }],
    ['u3', 'acme', 'user_activity', { user_id: 'alice', region: 'eu' }],
    ['u4', 'nobody', 'user_activity', { user_id: 'carol' }],
    ['t1', 'acme', 'ai', { tokens: 1500, model: 'big' }],
    ['t2', 'acme', 'ai', { tokens: '2.5', model: 'small' }],
    ['t3', 'brief', 'ai', { tokens: 7 }],
  ] as const;
  const cloudEvents = events.map(([id, subject, type, data], n) => ({
    specversion: '1.0',
    id,
    source: 'app',
    type,
    subject,
    time: new Date(Date.parse('2027-02-01T00:00:00Z') + n * 60_000).toISOString(),
    data,
  }));
  await call('POST', '/api/v1/events', cloudEvents);
  await call('POST', '/api/v1/events', cloudEvents.slice(0, 2)); // repeats: acknowledged, stored once
  clock.set(new Date('2027-03-31T12:00:00Z'));
  await app.tally.app!.get(InvoiceIssuer).issueDue();
  const drafts = await call(
    'GET',
    '/api/v1/billing/invoices?customers=review&extendedStatuses=draft.manual_approval_needed',
  );
  // A draft's header edited (`updateInvoice`), sending its lines back as read: forgotten by its delete;
  // edited anew with its lines too (the first renamed, a flat line added), then approved.
  const editDraft = async (id: string, description: string, lines = false) => {
    const invoice = await call('GET', `/api/v1/billing/invoices/${id}`);
    await call('PUT', `/api/v1/billing/invoices/${id}`, {
      description,
      supplier: { name: 'Tally GmbH' },
      customer: { name: `${invoice.customer.name} (billing)` },
      lines: [
        ...invoice.lines.map((line: Record<string, unknown>, n: number) => ({
          id: line.id,
          name: lines && n === 0 ? `${String(line.name)}, as agreed` : line.name,
          period: line.period,
          invoiceAt: line.invoiceAt,
        })),
        ...(lines
          ? [
              {
                name: 'Extra support',
                period: invoice.period,
                invoiceAt: invoice.period.to,
                rateCard: { price: { type: 'flat', amount: '5', paymentTerm: 'in_arrears' } },
              },
            ]
          : []),
      ],
      workflow: { workflow: { invoicing: { dueAfter: 'P14D' } } },
    });
  };
  await editDraft(drafts.items[0].id, 'edited, then deleted');
  await call('DELETE', `/api/v1/billing/invoices/${drafts.items[0].id}`);
  await app.tally.app!.get(InvoiceIssuer).issueDue(); // drafted anew
  await editDraft(drafts.items[0].id, 'as agreed', true);
  await call('POST', `/api/v1/billing/invoices/${drafts.items[0].id}/approve`);
  await call('POST', `/api/v1/billing/invoices/${drafts.items[0].id}/void`, {
    action: { percentage: 100, action: { type: 'pending' } },
    reason: 'billed again',
  });
  await app.tally.app!.get(InvoiceIssuer).issueDue();
  // After the first period was issued: a late user and a void of billed tokens, then their correction.
  await call('POST', '/api/v1/events', {
    ...cloudEvents[0],
    id: 'late-1',
    time: '2027-02-02T00:00:00.000Z',
    data: { user_id: 'dave', region: 'us' },
  });
  await call('POST', '/api/v1/events/void', {
    events: [{ source: 'app', id: 't1' }],
    reason: 'test traffic',
  });
  clock.set(new Date('2027-03-31T14:00:00Z'));
  const corrected = await app.tally.app!.get(CorrectionSweep).correctDue();
  if (corrected !== 1) throw new Error(`the history should hold one correction, not ${corrected}`);
  // A period still collecting takes its quantities now (`snapshot-quantities`) and is issued at once.
  clock.set(new Date('2027-04-30T10:30:00Z'));
  const collecting = await call(
    'GET',
    '/api/v1/billing/invoices?customers=acme&extendedStatuses=draft.waiting_for_collection',
  );
  await call('POST', `/api/v1/billing/invoices/${collecting.items[0].id}/snapshot-quantities`);
}
