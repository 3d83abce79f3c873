import { startTestApp, TestApp } from '../support/test-app';

/** The four `curl` commands of the Konnect tutorial (seed/meter-and-bill-active-users.md), with only the host changed. */
describe('the tutorial: active users metered with UNIQUE_COUNT', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers 202 to each event and counts three unique users for acme-inc', async () => {
    // The seed scenario's meter, through the catalog (API.md, step 1).
    const meter = await app.request('POST', '/api/v1/meters', {
      body: {
        slug: 'active_users_total',
        name: 'Active users total',
        description: 'Active Users',
        eventType: 'user_activity',
        aggregation: 'UNIQUE_COUNT',
        valueProperty: '$.user_id',
      },
    });
    expect(meter.status).toBe(201);
    const eventTime = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const sent = [
      ['57B5F342-B8D5-49AE-9D6C-350C1D92155C', 'alice'],
      ['F388B902-7A82-4C40-BC89-448CFA5DDC1B', 'bob'],
      ['46C16EE0-6174-4336-A539-AEC3AD1E0485', 'carol'],
      ['2843D4B1-C8F8-408E-9F28-6D4EB44E5A8B', 'alice'],
    ];
    for (const [id, user] of sent) {
      // curl's --json sends its own Content-Type too; the tutorial's -H wins, as it does here.
      const answer = await app.request('POST', '/v3/openmeter/events', {
        headers: { 'content-type': 'application/cloudevents+json' },
        rawBody: `{
           "specversion": "1.0",
           "type": "user_activity",
           "id": "${id}",
           "source": "acme-platform",
           "time": "${eventTime}",
           "datacontenttype": "application/json",
           "subject": "acme-inc",
           "data": {
             "user_id": "${user}"
           }
         }`,
      });
      expect(answer.status).toBe(202);
      expect(answer.text).toBe('');
    }

    const answer = await app.request('GET', '/api/v1/meters/active_users_total/query?subject=acme-inc');
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual([
      expect.objectContaining({ value: 3, subject: 'acme-inc', groupBy: {} }),
    ]);
  });
});
