import { createMeter } from './meters';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A query started after a write was acknowledged reflects it, also while projections are busy
 * applying other batches (their transactions are open when the write commits).
 */
describe('read-your-writes under concurrent ingestion', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('sees each meter and each event acknowledged just before the query', async () => {
    let running = true;
    let sent = 0;
    const background = (async () => {
      while (running) {
        sent += 1;
        const body = [
          {
            specversion: '1.0',
            id: `bg-${sent}`,
            source: 'load',
            type: 'background',
            subject: 'load',
            data: {},
          },
        ];
        await app.request('POST', '/api/v1/events', { body });
      }
    })();
    const stale: string[] = [];
    try {
      for (let round = 0; round < 60; round++) {
        await createMeter(app, { slug: `ryw_${round}`, eventType: `ryw_${round}`, aggregation: 'COUNT' });
        const event = {
          specversion: '1.0',
          id: `ryw-${round}`,
          source: 'spec',
          type: `ryw_${round}`,
          subject: 'me',
          data: {},
        };
        expect((await app.request('POST', '/api/v1/events', { body: event })).status).toBe(204);
        const answer = await app.request('GET', `/api/v1/meters/ryw_${round}/query`);
        if (answer.status !== 200 || answer.body.data[0]?.value !== 1)
          stale.push(`round ${round}: ${answer.status} ${answer.text}`);
      }
    } finally {
      running = false;
      await background;
    }
    expect(stale).toEqual([]);
  }, 60_000);
});
