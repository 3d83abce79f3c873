import { startTestApp, TestApp } from '../support/test-app';

const PAIRS = 30;

/**
 * A meter's delete and a feature's create on it, sent at the same moment, many times over. The
 * decision is one append on the meter's stream, so exactly one of the two wins each time and the
 * other is refused: the catalog never ends with a live feature on a deleted meter.
 */
describe('a meter delete racing a feature create on it', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it(`lets exactly one of the two win, ${PAIRS} times, and leaves no live feature on a deleted meter`, async () => {
    const outcomes: string[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      const slug = `raced_${pair}`;
      const meter = await app.request('POST', '/api/v1/meters', {
        body: { slug, eventType: 'raced', aggregation: 'COUNT' },
      });
      expect(meter.status).toBe(201);
      const [deleted, created] = await Promise.all([
        app.request('DELETE', `/api/v1/meters/${slug}`),
        app.request('POST', '/api/v1/features', { body: { key: `on_${slug}`, name: slug, meterSlug: slug } }),
      ]);
      outcomes.push(
        `${deleted.status} ${deleted.body?.code ?? ''} / ${created.status} ${created.body?.code ?? ''}`,
      );
    }
    const tally = new Map<string, number>();
    for (const outcome of outcomes) tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
    console.log(`delete / create outcomes over ${PAIRS} races: ${JSON.stringify([...tally])}`);

    // One winner each time; the delete refused as "in use", the create as "deleted" (or, when the
    // delete was through before the create looked, as a feature on no meter).
    const allowed = new Set([
      '204  / 409 CATALOG.METER_DELETED',
      '204  / 400 CATALOG.FEATURE_INVALID',
      '409 CATALOG.METER_IN_USE / 201 ',
    ]);
    expect(outcomes.filter((outcome) => !allowed.has(outcome))).toEqual([]);

    const liveMeters = new Set(
      (await app.request('GET', '/api/v1/meters')).body.map((meter: { slug: string }) => meter.slug),
    );
    const orphans = (await app.request('GET', '/api/v1/features')).body.filter(
      (feature: { meterSlug?: string }) => feature.meterSlug && !liveMeters.has(feature.meterSlug),
    );
    expect(orphans.map((feature: { key: string }) => feature.key)).toEqual([]);
  });
});
