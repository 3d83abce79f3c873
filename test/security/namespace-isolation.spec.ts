import type { Role } from '../../src/auth/request-context';
import { TokenService } from '../../src/auth/tokens/token.service';
import { USAGE_PROJECTION } from '../../src/metering/usage/usage.projection';
import { fastifyRoutes, fill, isDocsRoute, Route } from '../support/routes';
import { startTestApp, TestApp } from '../support/test-app';
import { createTutorialCatalog, sendTutorialEvents } from '../support/tutorial';

const B = 'tenant_b';

/**
 * Tenant A (namespace `default`) has one of everything: a meter, a feature, a published plan and a
 * draft, a customer with a subscription, usage, an invoice preview, tokens and audit history. Tenant
 * B's tokens — of every role — are then pointed at all of it, through every route the router has:
 * B reads nothing of A's, writes nothing (not one event is appended), and what B ingests lands in B.
 */
describe('namespace isolation', () => {
  let app: TestApp;
  /** B's tokens: B's admin is a namespace admin, as every admin but the first. */
  let b: Record<Exclude<Role, 'system'>, string>;
  /** A's portal token, for A's own reads through the portal. */
  let aPortal: string;
  /** What A's resources are called, by route parameter. */
  let a: Record<string, string>;
  /** Strings that only ever appear in A's data. */
  let markers: string[];

  const eventCount = async () =>
    Number((await app.db.dataSource.query(`SELECT count(*) AS n FROM tally_events`))[0].n);

  beforeAll(async () => {
    app = await startTestApp({ config: { rateLimitAnonPerIp: 0 } });
    await createTutorialCatalog(app);
    const subscription = await app.request('POST', '/api/v1/subscriptions', {
      body: { customerKey: 'acme-inc', plan: { key: 'per_seat' }, timing: 'immediate' },
    });
    expect(subscription.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await sendTutorialEvents(app, new Date().toISOString())).toEqual([202, 202, 202, 202]);
    const draft = await app.request('POST', '/api/v1/plans/per_seat/next');
    expect(draft.status).toBe(201);
    const addonBody = {
      key: 'a_addon',
      name: 'A add-on',
      currency: 'USD',
      instanceType: 'multiple',
      rateCards: [
        {
          type: 'flat_fee',
          key: 'a_seats',
          name: 'A seats',
          billingCadence: 'P1M',
          price: { type: 'flat', amount: '10', paymentTerm: 'in_advance' },
        },
      ],
    };
    const addon = await app.request('POST', '/api/v1/addons', { body: addonBody });
    expect((await app.request('POST', `/api/v1/addons/${addon.body.id}/publish`)).status).toBe(200);
    const addonDraft = await app.request('POST', '/api/v1/addons', { body: addonBody });
    expect(addonDraft.status).toBe(201);
    // A draft plan offering the add-on (the plan add-on routes name the draft and the add-on).
    const offering = await app.request('POST', `/api/v1/plans/${draft.body.id}/addons`, {
      body: { addonId: addon.body.id, fromPlanPhase: 'default' },
    });
    expect(offering.status).toBe(201);
    // A custom plan's subscription takes any add-on of its currency: A's subscription add-on.
    expect(
      (await app.request('POST', '/api/v1/customers', { body: { name: 'A extra', key: 'a-extra' } })).status,
    ).toBe(201);
    const withAddon = await app.request('POST', '/api/v1/subscriptions', {
      body: {
        customerKey: 'a-extra',
        customPlan: {
          name: 'A custom',
          currency: 'USD',
          billingCadence: 'P1M',
          phases: [{ key: 'default', name: 'Default', duration: null, rateCards: [] }],
        },
        timing: 'immediate',
      },
    });
    expect(withAddon.status).toBe(201);
    const subscriptionAddon = await app.request('POST', `/api/v1/subscriptions/${withAddon.body.id}/addons`, {
      body: { name: 'A extra seats', addon: { id: addon.body.id }, quantity: 2, timing: 'immediate' },
    });
    expect(subscriptionAddon.status).toBe(201);
    const profile = await app.request('POST', '/api/v1/billing/profiles', {
      body: { name: 'Tenant A entity', supplier: { name: 'Acme Supplier' }, default: false },
    });
    expect(profile.status).toBe(201);
    const override = await app.request('PUT', '/api/v1/billing/customers/acme-inc', {
      body: { billingProfileId: profile.body.id },
    });
    expect(override.status).toBe(200);
    const reader = await app.request('POST', '/api/v1/tokens', {
      body: { name: 'tenant a reader', role: 'read' },
    });
    // A metered entitlement with a grant, so every entitlement route has something of A's to name.
    await app.request('POST', '/api/v1/meters', {
      body: { slug: 'a_tokens', eventType: 'a_tokens', aggregation: 'SUM', valueProperty: '$.tokens' },
    });
    await app.request('POST', '/api/v1/features', {
      body: { key: 'a_tokens', name: 'A tokens', meterSlug: 'a_tokens' },
    });
    const entitlement = await app.request('POST', '/api/v2/customers/acme-inc/entitlements', {
      body: { type: 'metered', featureKey: 'a_tokens', usagePeriod: { interval: 'MONTH' } },
    });
    expect(entitlement.status).toBe(201);
    const grant = await app.request('POST', '/api/v2/customers/acme-inc/entitlements/a_tokens/grants', {
      body: { amount: 100, effectiveAt: entitlement.body.measureUsageFrom },
    });
    expect(grant.status).toBe(201);
    const [subject] = (
      await app.request('POST', '/api/v1/subjects', {
        body: [{ key: 'acme-inc', displayName: 'Acme Inc', metadata: { tenant: 'a' } }],
      })
    ).body;
    aPortal = (await app.request('POST', '/api/v1/portal/tokens', { body: { subject: 'acme-inc' } })).body
      .token;
    const preview = await app.request('GET', '/api/v1/billing/customers/acme-inc/invoices/preview');
    expect(preview.status).toBe(200);
    const meter = await app.request('GET', '/api/v1/meters/active_users_total');
    const [feature] = (await app.request('GET', '/api/v1/features')).body;
    const plan = await app.request('GET', '/api/v1/plans/per_seat');
    const customer = await app.request('GET', '/api/v1/customers/acme-inc');
    a = {
      meterId: meter.body.id,
      meterSlug: 'active_users_total',
      featureId: feature.id,
      featureKey: 'active_users',
      planId: plan.body.id,
      planKey: 'per_seat',
      draftPlanId: draft.body.id,
      addonId: addon.body.id,
      addonKey: 'a_addon',
      draftAddonId: addonDraft.body.id,
      customerId: customer.body.id,
      customerKey: 'acme-inc',
      subscriptionId: subscription.body.id,
      addonSubscriptionId: withAddon.body.id,
      subscriptionAddonId: subscriptionAddon.body.id,
      invoiceId: preview.body.id,
      lineId: preview.body.lines[0].id,
      tokenId: reader.body.id,
      profileId: profile.body.id,
      tokenSecret: reader.body.secret,
      entitlementId: entitlement.body.id,
      grantId: grant.body.id,
      subjectId: subject.id,
      subjectKey: 'acme-inc',
    };
    markers = [
      ...Object.entries(a)
        .filter(([name]) => /Id$|Secret$/.test(name))
        .map(([, value]) => value),
      '57B5F342-B8D5-49AE-9D6C-350C1D92155C', // a usage event id
      'tenant a reader',
      'acme-inc',
      'Acme Inc',
      'Tenant A entity',
      'A add-on',
    ];
    const tokens = app.tally.resolve(TokenService);
    const token = async (role: Role) =>
      (await tokens.create({ namespace: B, name: `tenant b ${role}`, role })).secret;
    b = {
      admin: await token('admin'),
      read: await token('read'),
      ingest: await token('ingest'),
      portal: (
        await tokens.createPortal({
          namespace: B,
          subject: 'b-subject',
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          createdBy: (await tokens.list(B))[0].id,
        })
      ).secret,
    };
  });
  afterAll(() => app.close());

  /** A's own value for a route parameter, chosen by what the route's path is about. */
  function valuesFor(method: string, path: string, param: string): string[] {
    const about = path.split('/')[3];
    switch (param) {
      case 'meterIdOrSlug':
        return [a.meterId, a.meterSlug];
      case 'featureId':
        return [a.featureId];
      case 'featureKey':
        return [a.featureKey];
      case 'planId':
        // Only the draft offers an add-on.
        if (path.includes('/addons')) return [a.draftPlanId];
        // Reads and `next` take an id or a key; the other plan commands an id only.
        if (method === 'GET' || path.endsWith('/next')) return [a.planId, a.planKey];
        return method === 'POST' && path.endsWith('/archive') ? [a.planId] : [a.draftPlanId, a.planId];
      case 'addonId':
        // Reads take an id or a key; the commands an id only.
        if (method === 'GET') return [a.addonId, a.addonKey];
        return method === 'POST' && path.endsWith('/archive') ? [a.addonId] : [a.draftAddonId, a.addonId];
      case 'planAddonId':
        return method === 'GET' ? [a.addonId, a.addonKey] : [a.addonId];
      case 'customerIdOrKey':
        return [a.customerId, a.customerKey];
      case 'subscriptionId':
        return path.includes('/addons') ? [a.addonSubscriptionId] : [a.subscriptionId];
      case 'subscriptionAddonId':
        return [a.subscriptionAddonId];
      case 'invoiceId':
        return [a.invoiceId];
      case 'lineId':
        return [a.lineId];
      case 'tokenId':
        return [a.tokenId];
      case 'entitlementIdOrFeatureKey':
        return [a.entitlementId, 'a_tokens'];
      case 'entitlementId':
        return [a.entitlementId];
      case 'grantId':
        return [a.grantId];
      case 'subjectIdOrKey':
        // The entitlement routes name a subject by its key only (README, Entitlements).
        return path.includes('/entitlements') ? [a.subjectKey] : [a.subjectId, a.subjectKey];
      case 'groupByKey':
        return ['subject'];
      case 'meterSlug':
        return [a.meterSlug];
      case 'id':
        if (path.startsWith('/api/v1/billing/profiles')) return [a.profileId];
        break;
      case 'name':
        return [USAGE_PROJECTION];
      case 'idOrKey': {
        const byEntity: Record<string, string[]> = {
          meters: [a.meterId, a.meterSlug],
          features: [a.featureId],
          plans: [a.planId, a.planKey],
          customers: [a.customerId, a.customerKey],
          subscriptions: [a.subscriptionId],
        };
        return byEntity[about];
      }
    }
    throw new Error(`no value of A for :${param} in ${path}`);
  }

  /** Every way of filling a route's parameters with A's values (one parameter varied at a time). */
  function pathsFor(route: Route): string[] {
    const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    if (params.length === 0) return [route.path];
    const first = (param: string) => valuesFor(route.method, route.path, param)[0];
    const paths = new Set<string>();
    for (const varied of params) {
      for (const value of valuesFor(route.method, route.path, varied)) {
        paths.add(fill(route.path, (param) => (param === varied ? value : first(param))));
      }
    }
    return [...paths];
  }

  const guarded = (route: Route) => !['/healthz', '/readyz'].includes(route.path) && !isDocsRoute(route.path);

  /** Reads that need a query to answer at all: one covering everything A has. */
  const hour = 3_600_000;
  const now = Math.floor(Date.now() / hour) * hour;
  const REQUIRED_QUERY: Record<string, string> = {
    '/api/v1/admin/reconciliation': `from=${new Date(now - 48 * hour).toISOString()}&to=${new Date(now + 2 * hour).toISOString()}`,
  };

  it("lets B's tokens read nothing of A's, through any read route", async () => {
    const reads = fastifyRoutes(app.tally).filter((r) => r.method === 'GET' && guarded(r));
    const leaks: string[] = [];
    let checked = 0;
    for (const route of reads) {
      for (const bare of pathsFor(route)) {
        // An entitlement's history needs its window size.
        const query =
          REQUIRED_QUERY[route.path] ?? (route.path.endsWith('/history') ? 'windowSize=DAY' : undefined);
        const path = query ? `${bare}?${query}` : bare;
        // A itself gets an answer there: the path names something real.
        const portal = path.startsWith('/api/v1/portal/meters/');
        const own = await app.request('GET', path, portal ? { token: aPortal } : {});
        if (own.status !== 200) leaks.push(`A's own GET ${path} answered ${own.status}`);
        for (const role of portal ? (['portal'] as const) : (['admin', 'read'] as const)) {
          const answer = await app.request('GET', path, { token: b[role] });
          checked += 1;
          // A 404 may echo what was asked for; anything else of A's is a leak.
          const leaked = markers.filter(
            (marker) => answer.text.includes(marker) && !path.includes(encodeURIComponent(marker)),
          );
          if (![200, 403, 404].includes(answer.status))
            leaks.push(`GET ${path} as B ${role}: ${answer.status}`);
          if (leaked.length > 0) leaks.push(`GET ${path} as B ${role} shows ${leaked.join(', ')}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });

  /** Bodies that are valid, so that only the namespace can stop them. */
  const BODIES: Record<string, unknown> = {
    'PUT /api/v1/meters/:meterIdOrSlug': { name: 'hijacked', description: 'B was here' },
    'PUT /api/v1/plans/:planId': {
      name: 'Hijacked',
      billingCadence: 'P1M',
      phases: [{ key: 'default', name: 'Default', duration: null, rateCards: [] }],
    },
    'PUT /api/v1/plans/:planId/addons/:planAddonId': { fromPlanPhase: 'default', maxQuantity: 2 },
    'POST /api/v1/plans/:planId/addons': { addonId: '01M98DWTKTM6DYZC8PCJZPG14Y', fromPlanPhase: 'default' },
    'PUT /api/v1/addons/:addonId': { name: 'Hijacked', instanceType: 'single', rateCards: [] },
    'PUT /api/v1/customers/:customerIdOrKey': {
      name: 'Hijacked',
      usageAttribution: { subjectKeys: ['acme-inc'] },
    },
    'POST /api/v1/subscriptions/:subscriptionId/cancel': { timing: 'immediate' },
    'POST /api/v1/subscriptions/:subscriptionId/change': { plan: { key: 'per_seat' }, timing: 'immediate' },
    'POST /api/v1/subscriptions/:subscriptionId/migrate': { timing: 'immediate' },
    'POST /api/v1/subscriptions/:subscriptionId/addons': {
      name: 'Hijacked',
      addon: { id: '01M98DWTKTM6DYZC8PCJZPG14Y' },
      quantity: 1,
      timing: 'immediate',
    },
    'PATCH /api/v1/subscriptions/:subscriptionId/addons/:subscriptionAddonId': { quantity: 5 },
    'PATCH /api/v1/subscriptions/:subscriptionId': {
      customizations: [{ op: 'remove_item', phaseKey: 'default', itemKey: 'active_users' }],
    },
    'POST /api/v1/subscriptions': { customerKey: 'acme-inc', plan: { key: 'per_seat' }, timing: 'immediate' },
    'POST /api/v1/features': { key: 'b_feature', name: 'b', meterSlug: 'active_users_total' },
    'POST /api/v2/customers/:customerIdOrKey/entitlements': { type: 'boolean', featureKey: 'a_tokens' },
    'POST /api/v1/subjects/:subjectIdOrKey/entitlements': { type: 'boolean', featureKey: 'a_tokens' },
    'PUT /api/v2/customers/:customerIdOrKey/entitlements/:entitlementIdOrFeatureKey/override': {
      type: 'boolean',
      featureKey: 'a_tokens',
    },
    'PUT /api/v1/subjects/:subjectIdOrKey/entitlements/:entitlementIdOrFeatureKey/override': {
      type: 'boolean',
      featureKey: 'a_tokens',
    },
    'POST /api/v2/customers/:customerIdOrKey/entitlements/:entitlementIdOrFeatureKey/grants': {
      amount: 1,
      effectiveAt: new Date().toISOString(),
    },
    'POST /api/v1/subjects/:subjectIdOrKey/entitlements/:entitlementIdOrFeatureKey/grants': {
      amount: 1,
      effectiveAt: new Date().toISOString(),
      expiration: { duration: 'DAY', count: 1 },
    },
    'POST /api/v2/customers/:customerIdOrKey/entitlements/:entitlementIdOrFeatureKey/reset': {},
    'POST /api/v1/subjects/:subjectIdOrKey/entitlements/:entitlementId/reset': {},
    // A's own event, by its identity: B holds no such event.
    'POST /api/v1/events/void': {
      events: [{ source: 'acme-platform', id: '57B5F342-B8D5-49AE-9D6C-350C1D92155C' }],
      reason: 'B was here',
    },
    'POST /api/v1/meters/:meterIdOrSlug/query': {},
    'PUT /api/v1/billing/profiles/:id': { name: 'Hijacked', supplier: {}, default: true, workflow: {} },
    'PUT /api/v1/billing/customers/:customerIdOrKey': { workflow: { invoicing: { dueAfter: 'P1D' } } },
    'POST /api/v1/billing/customers/:customerIdOrKey/invoices/pending-lines': {
      currency: 'USD',
      lines: [
        {
          name: 'x',
          period: { from: '2027-01-01T00:00:00Z', to: '2027-02-01T00:00:00Z' },
          invoiceAt: '2027-02-01T00:00:00Z',
          rateCard: { price: { type: 'flat', amount: '1' } },
        },
      ],
    },
    // A's customer, by its key: B holds no such customer.
    'POST /api/v1/billing/invoices/invoice': { customerId: 'acme-inc' },
    'PUT /api/v1/billing/invoices/:invoiceId': {
      supplier: { name: 'B was here' },
      customer: {},
      lines: [],
      workflow: { workflow: {} },
    },
    'POST /api/v1/billing/invoices/:invoiceId/void': {
      action: { percentage: 100, action: { type: 'pending' } },
      reason: 'B was here',
    },
    'POST /api/v1/billing/customers/:customerIdOrKey/invoices/simulate': {
      currency: 'USD',
      lines: [
        {
          name: 'x',
          period: { from: '2027-01-01T00:00:00Z', to: '2027-02-01T00:00:00Z' },
          invoiceAt: '2027-02-01T00:00:00Z',
          quantity: '1',
          rateCard: { price: { type: 'unit', amount: '1' } },
        },
      ],
    },
  };

  it("lets B's admin change nothing of A's, through any write route", async () => {
    const writes = fastifyRoutes(app.tally).filter(
      (r) =>
        r.method !== 'GET' &&
        r.method !== 'HEAD' &&
        guarded(r) &&
        // Creates and ingestion write into B itself: checked below.
        ![
          'POST /api/v1/meters',
          'POST /api/v1/plans',
          'POST /api/v1/addons',
          'POST /api/v1/customers',
          'POST /api/v1/tokens',
          'POST /api/v1/subjects',
          'POST /api/v1/portal/tokens',
          // Acts on B's own portal tokens only: checked below.
          'POST /api/v1/portal/tokens/invalidate',
          'POST /api/v1/billing/profiles',
        ].includes(`${r.method} ${r.path}`) &&
        !['/api/v1/events', '/v3/openmeter/events'].includes(r.path) &&
        // Projections are the installation's, shared by every namespace: checked below.
        !r.path.startsWith('/api/v1/admin/') &&
        // The console's sign-in and sign-out act on the caller's own session, no namespace's data.
        !r.path.startsWith('/api/v1/console/'),
    );
    const before = await eventCount();
    const snapshot = await readAllOfA();
    const failures: string[] = [];
    let attempts = 0;
    for (const route of writes) {
      for (const path of pathsFor(route)) {
        const body = BODIES[`${route.method} ${route.path}`];
        const answer = await app.request(route.method, path, { token: b.admin, ...(body ? { body } : {}) });
        attempts += 1;
        const expected = route.path === '/api/v1/features' ? 400 : 404;
        if (answer.status !== expected)
          failures.push(`${route.method} ${path} as B: ${answer.status} ${answer.text.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(attempts).toBeGreaterThan(20);
    expect(await eventCount()).toBe(before);
    expect(await readAllOfA()).toEqual(snapshot);
    // A's token, which B tried to revoke, still works.
    expect((await app.request('GET', '/api/v1/meters', { token: a.tokenSecret })).status).toBe(200);
  });

  it("keeps every namespace's admin out of the installation's projections: 403, no rebuild", async () => {
    const checkpoints = () =>
      app.db.dataSource.query(`SELECT name, state FROM tally_projection_checkpoints ORDER BY name`);
    const before = await checkpoints();
    const operations = fastifyRoutes(app.tally).filter((r) => r.path.startsWith('/api/v1/admin/projections'));
    expect(operations.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /api/v1/admin/projections',
      'HEAD /api/v1/admin/projections',
      'POST /api/v1/admin/projections/:name/rebuild',
    ]);
    const answers: string[] = [];
    for (const route of operations) {
      for (const path of pathsFor(route)) {
        for (const role of ['admin', 'read', 'ingest'] as const) {
          const answer = await app.request(route.method, path, { token: b[role] });
          answers.push(`${route.method} ${path} as B ${role}: ${answer.status}`);
        }
      }
    }
    expect(answers.filter((line) => !line.endsWith(': 403'))).toEqual([]);
    expect(await checkpoints()).toEqual(before);
    // A's system token (the first admin token) is the installation's operator.
    expect((await app.request('GET', '/api/v1/admin/projections')).status).toBe(200);
  });

  it("keeps B's creates and usage in B, even under A's keys, subjects and event ids", async () => {
    const snapshot = await readAllOfA();
    const asB = (path: string, body: unknown) => app.request('POST', path, { token: b.admin, body });
    expect(
      (
        await asB('/api/v1/meters', {
          slug: 'active_users_total',
          eventType: 'user_activity',
          aggregation: 'COUNT',
        })
      ).status,
    ).toBe(201);
    expect(
      (await asB('/api/v1/features', { key: 'active_users', name: 'b', meterSlug: 'active_users_total' }))
        .status,
    ).toBe(201);
    expect(
      (
        await asB('/api/v1/customers', {
          name: 'B Acme',
          key: 'acme-inc',
          usageAttribution: { subjectKeys: ['acme-inc'] },
        })
      ).status,
    ).toBe(201);
    expect((await asB('/api/v1/tokens', { name: 'b extra', role: 'read' })).status).toBe(201);
    expect((await asB('/api/v1/subjects', [{ key: 'acme-inc', displayName: 'Mallory' }])).status).toBe(200);
    const bPortal = await asB('/api/v1/portal/tokens', { subject: 'acme-inc' });
    expect(bPortal.status).toBe(200);
    // B's own meter of that slug, B's usage of that subject: none yet, whatever A has.
    const bPortalRead = await app.request('GET', '/api/v1/portal/meters/active_users_total/query', {
      token: bPortal.body.token,
    });
    expect([bPortalRead.status, bPortalRead.body.data]).toEqual([200, []]);
    // B invalidating "its" subject's portal tokens touches none of A's.
    expect((await asB('/api/v1/portal/tokens/invalidate', { subject: 'acme-inc' })).status).toBe(204);
    expect(
      (await app.request('GET', '/api/v1/portal/meters/active_users_total/query', { token: aPortal })).status,
    ).toBe(200);
    const event = {
      specversion: '1.0',
      id: '57B5F342-B8D5-49AE-9D6C-350C1D92155C',
      source: 'acme-platform',
      type: 'user_activity',
      subject: 'acme-inc',
      data: { user_id: 'mallory' },
    };
    for (const path of ['/api/v1/events', '/v3/openmeter/events']) {
      const answer = await app.request('POST', path, {
        token: b.ingest,
        body: [event, { ...event, id: `b-${path}` }],
      });
      expect(answer.status).toBeLessThan(300);
    }
    // The same (source, id) as A's event is a different event in B: stored, not deduplicated against A.
    const bQuery = await app.request('GET', '/api/v1/meters/active_users_total/query', { token: b.read });
    expect(bQuery.body.data.map((row: { value: number }) => row.value)).toEqual([3]);
    expect(await readAllOfA()).toEqual(snapshot);
  });

  /** A's view of everything it owns, through A's admin token. */
  async function readAllOfA(): Promise<Record<string, unknown>> {
    const paths = [
      '/api/v1/meters',
      '/api/v1/features',
      '/api/v1/plans?includeDeleted=true',
      `/api/v1/plans/${a.draftPlanId}`,
      '/api/v1/addons?includeDeleted=true',
      `/api/v1/addons/${a.draftAddonId}`,
      `/api/v1/plans/${a.draftPlanId}/addons?includeDeleted=true`,
      '/api/v1/customers?includeDeleted=true',
      `/api/v1/subscriptions/${a.subscriptionId}`,
      `/api/v1/subscriptions/${a.addonSubscriptionId}/addons`,
      '/api/v1/meters/active_users_total/query',
      '/api/v1/events',
      '/api/v1/tokens',
      '/api/v1/subjects',
      '/api/v1/portal/tokens',
      '/api/v1/billing/profiles?includeArchived=true',
      '/api/v1/billing/customers?expand=customer',
      `/api/v1/billing/customers/acme-inc/invoices/preview`,
      `/api/v1/customers/acme-inc/entitlements/active_users/value`,
      '/api/v2/customers/acme-inc/entitlements?includeDeleted=true',
      '/api/v2/customers/acme-inc/entitlements/a_tokens/grants?includeDeleted=true',
    ];
    const views: Record<string, unknown> = {};
    for (const path of paths) {
      const answer = await app.request('GET', path);
      expect([path, answer.status]).toEqual([path, 200]);
      // An add-on's quantity is resolved at the moment read (`quantityAt`): the rest must not move.
      views[path] = path.endsWith('/addons')
        ? answer.body.map(({ quantityAt: _at, ...addon }: { quantityAt: string }) => addon)
        : answer.body;
    }
    return views;
  }
});
