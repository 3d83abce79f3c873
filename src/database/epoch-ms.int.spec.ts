import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { poolOf } from './data-source';
import { epochMsOf, timestampFromEpochMs } from './epoch-ms';

describe('timestampFromEpochMs', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('gives PostgreSQL the very instant JavaScript means, to the millisecond', async () => {
    const times = [
      '1970-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00.001Z',
      '1969-12-31T23:59:58.001Z',
      '2026-11-25T09:41:07.123Z',
      '2026-11-25T09:41:07.001Z',
      '2024-02-29T23:59:59.999Z',
      '9999-12-31T23:59:59.999Z',
      '0001-01-01T00:00:00.001Z',
      '2255-06-05T23:47:34.741Z',
    ];
    const { rows } = await poolOf(db.dataSource).query<{ given: Date; same: boolean; iso: string }>(
      `SELECT ${timestampFromEpochMs('ms')} AS given, ${timestampFromEpochMs('ms')} = iso::timestamptz AS same, iso
       FROM unnest($1::bigint[], $2::text[]) AS t(ms, iso)`,
      [times.map((time) => epochMsOf(time)), times],
    );
    expect(rows.map((row) => row.same)).toEqual(times.map(() => true));
    expect(rows.map((row) => row.given.toISOString())).toEqual(times);
  });

  it('keeps a missing time missing', async () => {
    const { rows } = await poolOf(db.dataSource).query<{ given: Date | null }>(
      `SELECT ${timestampFromEpochMs('ms')} AS given FROM unnest($1::bigint[]) AS t(ms)`,
      [[null]],
    );
    expect(rows).toEqual([{ given: null }]);
  });

  it('reads an ISO timestamp and a Date alike', () => {
    expect(epochMsOf('2026-11-25T09:41:07.123Z')).toBe(epochMsOf(new Date('2026-11-25T09:41:07.123Z')));
  });
});
