import { randomInt } from 'node:crypto';
import { sleep, startTallyProcess, TallyProcess } from '../support/processes';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const ADMIN = 'tally_kills_admin_token_0123456789';
const KILLS = 8;
const CLIENTS = 32;

/**
 * `npm run test:faults`: the crash test of `test/ingestion/crash.spec.ts`, over and over. Tally is
 * killed with SIGKILL eight times at random moments while 32 clients ingest — single events and
 * batches, with duplicates inside batches, the same events sent by two clients at once, and every
 * unacknowledged request retried after each restart. At the end every event is stored once and
 * counted once: none lost, none doubled.
 */
describe('ingestion under repeated kill -9', () => {
  let db: TestDatabase;
  let tally: TallyProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await tally?.kill();
    await db?.drop();
  });

  const post = (events: object[]) =>
    fetch(`${tally!.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify(events.length === 1 ? events[0] : events),
      signal: AbortSignal.timeout(30_000),
    });
  const event = (id: string) => ({
    specversion: '1.0',
    id,
    source: 'kills',
    type: 'kill_call',
    subject: `s${id.length % 7}`,
  });

  it('loses nothing and counts nothing twice across eight crashes', async () => {
    tally = await startTallyProcess({ databaseUrl: db.url, adminToken: ADMIN });
    const meter = await fetch(`${tally.url}/api/v1/meters`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'kill_calls', eventType: 'kill_call', aggregation: 'COUNT' }),
    });
    expect(meter.status).toBe(201);

    const acknowledged = new Set<string>();
    const attempted = new Set<string>();
    let unacknowledged: string[] = [];
    let sent = 0;
    let duplicatesSent = 0;
    for (let kill = 0; kill <= KILLS; kill++) {
      // After a restart, clients first retry what they never got an answer for.
      const retries = unacknowledged;
      unacknowledged = [];
      for (let at = 0; at < retries.length; at += 500) {
        const ids = retries.slice(at, at + 500);
        const answer = await post(ids.map(event));
        expect(answer.status).toBe(204);
        ids.forEach((id) => acknowledged.add(id));
      }
      if (kill === KILLS) break;

      let killed = false;
      const client = async (worker: number) => {
        for (let n = 0; !killed; n++) {
          // Batches of 20 holding two duplicates; single events, every other one the neighbour's
          // latest, sent at the same moment as the neighbour sends it.
          const batch = n % 4 === 0;
          const ids = batch
            ? Array.from({ length: 20 }, (_, k) => `k${kill}-w${worker}-${n}-${k}`)
            : [n % 2 === 0 ? `k${kill}-w${worker}-${n}-0` : `k${kill}-w${(worker + 1) % CLIENTS}-${n - 1}-0`];
          if (batch) ids.push(ids[0], ids[1]);
          duplicatesSent += batch ? 2 : n % 2;
          ids.forEach((id) => attempted.add(id));
          sent += ids.length;
          try {
            const answer = await post(ids.map(event));
            if (answer.status === 204) ids.forEach((id) => acknowledged.add(id));
            else unacknowledged.push(...ids);
          } catch {
            unacknowledged.push(...ids);
          }
        }
      };
      const clients = Array.from({ length: CLIENTS }, (_, worker) => client(worker));
      await sleep(randomInt(500, 2_500));
      await tally.kill('SIGKILL');
      killed = true;
      await Promise.all(clients);
      tally = await startTallyProcess({ databaseUrl: db.url, adminToken: ADMIN });
    }

    const [{ events, distinct }] = await db.dataSource.query(
      `SELECT count(*)::int AS events, count(DISTINCT data->'event'->>'id')::int AS distinct FROM tally_events WHERE type = 'UsageRecorded'`,
    );
    expect(distinct).toBe(attempted.size);
    expect(events).toBe(distinct);
    expect(acknowledged.size).toBe(attempted.size);
    const query = await fetch(`${tally.url}/api/v1/meters/kill_calls/query`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(((await query.json()) as { data: { value: number }[] }).data[0].value).toBe(attempted.size);
    console.log(
      `repeated kills: ${KILLS} SIGKILLs survived, ${sent} events sent (${duplicatesSent} deliberate duplicates), ` +
        `${attempted.size} distinct, ${events} stored, lost 0, doubled 0`,
    );
  }, 600_000);
});
