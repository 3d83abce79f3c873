import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { copyChunks, copyFrom } from './copy-from';
import { poolOf } from './data-source';

describe('copyFrom', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`CREATE TABLE copied (n int PRIMARY KEY, label text)`);
  });
  afterAll(() => db.drop());

  it('copies rows made one by one as PostgreSQL takes them, over many chunks', async () => {
    let made = 0;
    function* rows() {
      for (let n = 0; n < 5_000; n++) {
        made += 1;
        yield [String(n), n % 7 === 0 ? null : `row\t${n}\\`];
      }
    }
    const client = await poolOf(db.dataSource).connect();
    try {
      const copying = copyFrom(client, 'COPY copied (n, label) FROM STDIN', copyChunks(rows(), 1024));
      expect(made).toBe(0); // nothing is made before PostgreSQL asks for the data
      expect(await copying).toBe(5_000);
    } finally {
      client.release();
    }
    const [summary] = await db.dataSource.query(
      `SELECT count(*)::int AS n, count(label)::int AS labelled, max(label) FILTER (WHERE n = 1) AS one FROM copied`,
    );
    expect(summary).toEqual({ n: 5_000, labelled: 5_000 - Math.ceil(5_000 / 7), one: 'row\t1\\' });
  });

  it('fails the COPY, storing nothing, when its rows cannot be made, and the connection goes on', async () => {
    await db.dataSource.query(`TRUNCATE copied`);
    function* rows() {
      for (let n = 0; n < 3_000; n++) {
        if (n === 2_000) throw new Error('row 2000 is broken');
        yield [String(n), 'x'];
      }
    }
    const client = await poolOf(db.dataSource).connect();
    try {
      await expect(
        copyFrom(client, 'COPY copied (n, label) FROM STDIN', copyChunks(rows(), 1024)),
      ).rejects.toThrow(/row 2000 is broken/);
      expect((await client.query(`SELECT count(*)::int AS n FROM copied`)).rows).toEqual([{ n: 0 }]);
    } finally {
      client.release();
    }
  });
});
