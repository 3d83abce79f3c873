import { ExpectedVersion } from '../../src/event-store/event-store.port';
import { StreamCategory, keyClaimStream, streamName } from '../../src/event-store/stream-names';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';

const metadata = { namespace: 'default', correlationId: 'crash-simulation' };

/**
 * A crash between a key claim and its owner's own append — or between the owner giving the key up
 * and the release — leaves a claim nobody holds. Within the grace its owner may still be mid-command,
 * so the key stays taken; past it, the next create repairs the claim and gets the key.
 */
describe('claims left behind by a crash', () => {
  const clock = new ManualClock(new Date('2024-05-01T10:00:00.000Z'));
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ clock });
  });
  afterAll(() => app.close());

  it('frees a slug claimed by a meter that was never written, once the grace has passed', async () => {
    await app.tally.eventStore.append(
      keyClaimStream('default', 'meter_slug', 'orphaned'),
      [
        {
          type: 'KeyClaimed',
          data: {
            namespace: 'default',
            kind: 'meter_slug',
            key: 'orphaned',
            ownerId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
            claimedAt: clock.now().toISOString(),
          },
          metadata,
        },
      ],
      ExpectedVersion.noStream,
    );
    const body = { slug: 'orphaned', eventType: 'e', aggregation: 'COUNT' };
    clock.advance(30_000);
    expect((await app.request('POST', '/api/v1/meters', { body })).status).toBe(409);
    clock.advance(31_000);
    const created = await app.request('POST', '/api/v1/meters', { body });
    expect(created.status).toBe(201);
    expect((await app.request('GET', '/api/v1/meters/orphaned')).body.id).toBe(created.body.id);
  });

  it('frees the key of a feature archived without its release; a live holder keeps it whatever its age', async () => {
    const sso = (await app.request('POST', '/api/v1/features', { body: { key: 'sso', name: 'SSO' } })).body;
    const legacy = (
      await app.request('POST', '/api/v1/features', { body: { key: 'legacy', name: 'Legacy' } })
    ).body;
    await app.tally.eventStore.append(
      streamName(StreamCategory.feature, legacy.id),
      [
        {
          type: 'FeatureArchived',
          data: { id: legacy.id, namespace: 'default', key: 'legacy', at: clock.now().toISOString() },
          metadata,
        },
      ],
      ExpectedVersion.exact(1),
    );
    clock.advance(120_000);
    expect(
      (await app.request('POST', '/api/v1/features', { body: { key: 'sso', name: 'SSO again' } })).status,
    ).toBe(409);
    expect((await app.request('GET', `/api/v1/features/${sso.id}`)).body.archivedAt).toBeUndefined();
    const reused = await app.request('POST', '/api/v1/features', {
      body: { key: 'legacy', name: 'Legacy again' },
    });
    expect(reused.status).toBe(201);
  });

  it('lets a meter go once a feature linked to it was never written, after the grace; archived ones at once', async () => {
    const meter = (
      await app.request('POST', '/api/v1/meters', {
        body: { slug: 'linked', eventType: 'linked', aggregation: 'COUNT' },
      })
    ).body;
    const feature = await app.request('POST', '/api/v1/features', {
      body: { key: 'on_linked', name: 'On linked', meterSlug: 'linked' },
    });
    expect(feature.status).toBe(201);
    expect((await app.request('DELETE', '/api/v1/meters/linked')).status).toBe(409);
    expect((await app.request('DELETE', `/api/v1/features/${feature.body.id}`)).status).toBe(204);
    // A create that linked its feature to the meter and crashed before writing the feature.
    await app.tally.eventStore.append(
      streamName(StreamCategory.meter, meter.id),
      [
        {
          type: 'MeterFeatureLinked',
          data: {
            id: meter.id,
            namespace: 'default',
            featureId: '01HZZZZZZZZZZZZZZZZZZZZZZY',
            featureKey: 'ghost',
            at: clock.now().toISOString(),
          },
          metadata,
        },
      ],
      ExpectedVersion.exact(2), // created, the archived feature's link
    );
    const refused = await app.request('DELETE', '/api/v1/meters/linked');
    expect([refused.status, refused.body.code, refused.body.detail]).toEqual([
      409,
      'CATALOG.METER_IN_USE',
      expect.stringContaining('ghost'),
    ]);
    clock.advance(61_000);
    expect((await app.request('DELETE', '/api/v1/meters/linked')).status).toBe(204);
  });

  it('frees a subject key a deleted customer kept for want of its release', async () => {
    const acme = (await app.request('POST', '/api/v1/customers', { body: { name: 'Acme', key: 'acme' } }))
      .body;
    await app.tally.eventStore.append(
      streamName(StreamCategory.customer, acme.id),
      [
        {
          type: 'CustomerDeleted',
          data: { ...acme, namespace: 'default', deletedAt: clock.now().toISOString() },
          metadata,
        },
      ],
      ExpectedVersion.exact(1),
    );
    expect(
      (await app.request('POST', '/api/v1/customers', { body: { name: 'New Acme', key: 'acme' } })).status,
    ).toBe(409);
    clock.advance(61_000);
    expect(
      (await app.request('POST', '/api/v1/customers', { body: { name: 'New Acme', key: 'acme' } })).status,
    ).toBe(201);
  });
});
