import type { TestApp } from './test-app';

/** The four events of `../shared/seed/meter-and-bill-active-users.md` (beside the repository), ids as the tutorial gives them. */
const TUTORIAL_EVENTS = [
  { id: '57B5F342-B8D5-49AE-9D6C-350C1D92155C', user: 'alice' },
  { id: 'F388B902-7A82-4C40-BC89-448CFA5DDC1B', user: 'bob' },
  { id: '46C16EE0-6174-4336-A539-AEC3AD1E0485', user: 'carol' },
  { id: '2843D4B1-C8F8-408E-9F28-6D4EB44E5A8B', user: 'alice' },
];

/** The tutorial's request bodies, step by step, as its curl commands send them. */
export const TUTORIAL = {
  meter: {
    slug: 'active_users_total',
    name: 'Active users total',
    description: 'Active Users',
    eventType: 'user_activity',
    aggregation: 'UNIQUE_COUNT' as const,
    valueProperty: '$.user_id',
  },
  feature: { key: 'active_users', name: 'active-users', meterSlug: 'active_users_total' },
  plan: {
    key: 'per_seat',
    name: 'Per-Seat',
    currency: 'USD',
    billingCadence: 'P1M',
    phases: [
      {
        key: 'default',
        name: 'Default',
        duration: null,
        rateCards: [
          {
            type: 'usage_based' as const,
            key: 'active_users',
            name: 'active-users',
            featureKey: 'active_users',
            billingCadence: 'P1M',
            price: { type: 'unit' as const, amount: '1' },
            entitlementTemplate: { type: 'boolean' as const },
          },
        ],
      },
    ],
  },
  customer: { name: 'Acme Inc', key: 'acme-inc', usageAttribution: { subjectKeys: ['acme-inc'] } },
  subscription: { customerKey: 'acme-inc', plan: { key: 'per_seat' }, timing: 'immediate' as const },
  /** The four events: three users, alice twice. */
  events: TUTORIAL_EVENTS,
};

export async function createTutorialCatalog(app: TestApp): Promise<void> {
  const created = async (path: string, body: unknown) => {
    const answer = await app.request('POST', path, { body });
    if (answer.status !== 201) throw new Error(`POST ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  await created('/api/v1/meters', TUTORIAL.meter);
  await created('/api/v1/features', TUTORIAL.feature);
  const plan = await created('/api/v1/plans', TUTORIAL.plan);
  const published = await app.request('POST', `/api/v1/plans/${plan.id}/publish`);
  if (published.status >= 300) throw new Error(`publish → ${published.status}: ${published.text}`);
  await created('/api/v1/customers', TUTORIAL.customer);
}

export async function sendTutorialEvents(app: TestApp, time: string): Promise<number[]> {
  const statuses: number[] = [];
  for (const { id, user } of TUTORIAL_EVENTS) {
    const answer = await app.request('POST', '/v3/openmeter/events', {
      headers: { 'content-type': 'application/cloudevents+json' },
      rawBody: JSON.stringify({
        specversion: '1.0',
        type: 'user_activity',
        id,
        source: 'acme-platform',
        time,
        datacontenttype: 'application/json',
        subject: 'acme-inc',
        data: { user_id: user },
      }),
    });
    statuses.push(answer.status);
  }
  return statuses;
}
