import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { poolOf } from './data-source';
import { preparedRows } from './prepared-query';

describe('preparedRows', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`CREATE TABLE prepared_things (id int PRIMARY KEY, label text)`);
    await db.dataSource.query(`INSERT INTO prepared_things VALUES (1, 'one'), (2, 'two')`);
  });
  afterAll(() => db.drop());

  it('answers as a plain query does, statement after statement on the same connections', async () => {
    const text = `SELECT id, label FROM prepared_things WHERE id = $1`;
    for (let i = 0; i < 12; i++) {
      const id = (i % 2) + 1;
      expect(await preparedRows(db.dataSource, text, [id])).toEqual(await db.dataSource.query(text, [id]));
    }
  });

  it('never lets one name stand for two texts', async () => {
    // Without a name per text, pg refuses the second text under the first one's name.
    expect(await preparedRows(db.dataSource, `SELECT label FROM prepared_things WHERE id = $1`, [1])).toEqual(
      [{ label: 'one' }],
    );
    expect(
      await preparedRows(
        db.dataSource,
        `SELECT label || '!' AS label FROM prepared_things WHERE id = $1`,
        [1],
      ),
    ).toEqual([{ label: 'one!' }]);
  });

  it('reads the table a rebuild swapped in, not the retired one', async () => {
    const text = `SELECT label FROM prepared_things ORDER BY id`;
    // Every connection of the pool prepares it first.
    const pool = poolOf(db.dataSource);
    await Promise.all(Array.from({ length: 8 }, () => preparedRows(db.dataSource, text, [])));
    expect(pool.totalCount).toBeGreaterThan(1);
    // As the projection runner swaps a rebuilt table in.
    await db.dataSource.query(`CREATE TABLE prepared_things__shadow (id int PRIMARY KEY, label text)`);
    await db.dataSource.query(`INSERT INTO prepared_things__shadow VALUES (1, 'uno')`);
    await db.dataSource.transaction(async (manager) => {
      await manager.query(`ALTER TABLE prepared_things RENAME TO prepared_things__retired`);
      await manager.query(`ALTER TABLE prepared_things__shadow RENAME TO prepared_things`);
    });
    const answers = await Promise.all(Array.from({ length: 8 }, () => preparedRows(db.dataSource, text, [])));
    expect(answers).toEqual(answers.map(() => [{ label: 'uno' }]));
  });
});
