import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { LOG_START, matchesFilter, type RecordedEvent } from '../../src/event-store/event-store.port';
import type { Projection } from '../../src/projections/projection';
import { transactionOf } from '../../src/projections/projection-runner';
import { ManualClock } from '../../src/shared/clock';
import { writeEveryKindOfEvent } from '../support/every-event';
import { comparedRows } from '../support/read-models';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Emmett's rule, for every projection Tally registers: an event delivered twice changes nothing.
 * Each projection applies the whole history once into tables of its own; then again as a second
 * batch; then with every event delivered twice in a row within one batch. All three must hold the
 * same rows.
 */
describe('every projection, delivered twice', () => {
  const clock = new ManualClock(new Date('2027-01-31T10:00:00Z'));
  let app: TestApp;
  let history: readonly RecordedEvent[];

  beforeAll(async () => {
    app = await startTestApp({ clock });
    await writeEveryKindOfEvent(app, clock);
    await app.tally.projections.drain();
    history = await readWholeLog(app);
  });
  afterAll(() => app.close());

  it('registers no projection the history gives nothing to apply', () => {
    const idle = app.tally.projections.registered
      .filter((projection) => !history.some((event) => matchesFilter(handlesOf(projection), event.type)))
      .map((projection) => projection.name);
    expect(idle).toEqual([]);
  });

  it('gives every projection each event type it names', () => {
    const written = new Set(history.map((event) => event.type));
    const missing = app.tally.projections.registered.flatMap((projection) =>
      'except' in projection.handles
        ? []
        : (projection.handles as readonly string[])
            .filter((type) => !written.has(type))
            .map((type) => `${projection.name}: ${type}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(['once, then the same batch again', 'each event twice in a row'])(
    'leaves every read model as one delivery does: %s',
    async (how) => {
      const differ: string[] = [];
      for (const projection of app.tally.projections.registered) {
        const events = history.filter((event) => matchesFilter(handlesOf(projection), event.type));
        const once = await applied(app.db.dataSource, projection, [events], 'once');
        const twice = await applied(
          app.db.dataSource,
          projection,
          how.startsWith('once') ? [events, events] : [events.flatMap((event) => [event, event])],
          'twice',
        ).catch((error: Error) => ({ failed: error.message }));
        if (JSON.stringify(once) !== JSON.stringify(twice))
          differ.push(`${projection.name}: ${JSON.stringify(twice)}`);
      }
      expect(differ).toEqual([]);
    },
  );
});

function handlesOf(projection: Projection) {
  return 'except' in projection.handles
    ? projection.handles
    : { only: projection.handles as readonly string[] };
}

async function readWholeLog(app: TestApp): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (let after = LOG_START; ;) {
    const page = await app.tally.eventStore.readAll(after, 1000);
    if (page.length === 0) return events;
    events.push(...page);
    after = page[page.length - 1].position;
  }
}

/** The projection's tables after applying `batches` (each in a transaction of its own) to empty copies. */
async function applied(
  db: DataSource,
  projection: Projection,
  batches: readonly (readonly RecordedEvent[])[],
  suffix: string,
): Promise<Record<string, string>> {
  const copy = (table: string) => `${table}__${suffix}`;
  for (const table of projection.tables) {
    await db.query(`DROP TABLE IF EXISTS ${copy(table)}`);
    await db.query(`CREATE TABLE ${copy(table)} (LIKE ${table} INCLUDING ALL)`);
  }
  for (const batch of batches) {
    const runner = db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await projection.apply(batch, transactionOf(runner, copy));
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      for (const table of projection.tables) await db.query(`DROP TABLE ${copy(table)}`);
      throw error;
    } finally {
      await runner.release();
    }
  }
  const digests: Record<string, string> = {};
  for (const table of projection.tables) {
    const [{ text }] = await db.query(
      `SELECT coalesce(jsonb_agg(r ORDER BY r::text), '[]')::text AS text
       FROM (SELECT to_jsonb(t) AS r FROM (${comparedRows(table, copy)}) t) s`,
    );
    digests[table] = createHash('sha256').update(text).digest('hex');
    await db.query(`DROP TABLE ${copy(table)}`);
  }
  return digests;
}
