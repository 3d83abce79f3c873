import { createTestDatabase, TestDatabase } from '../../test/support/test-database';
import { poolOf } from './data-source';
import { NotificationListener } from './notifications';

describe('NotificationListener', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('hears notifications, says when its connection is lost, and listens again', async () => {
    const heard: string[] = [];
    const config = { ...poolOf(db.dataSource).options, application_name: 'tally-listener-spec' };
    const listener = new NotificationListener(config, 'tally_spec', {
      notified: (payload) => heard.push(`notified ${payload}`),
      lost: () => heard.push('lost'),
    });
    const until = async (what: string) => {
      for (let waited = 0; !heard.includes(what) && waited < 10_000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const listening = () =>
      db.dataSource.query(
        `SELECT pid FROM pg_stat_activity WHERE application_name = 'tally-listener-spec' AND query = 'LISTEN tally_spec'`,
      );
    try {
      await listener.start();
      await db.dataSource.query(`SELECT pg_notify('tally_spec', 'one'), pg_notify('elsewhere', 'not this')`);
      await until('notified one');

      const [{ pid }] = await listening();
      await db.dataSource.query(`SELECT pg_terminate_backend($1)`, [pid]);
      await until('lost');
      for (let waited = 0; (await listening()).length === 0 && waited < 10_000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      await db.dataSource.query(`SELECT pg_notify('tally_spec', 'two')`);
      await until('notified two');
    } finally {
      await listener.stop();
    }
    expect(heard).toEqual(['notified one', 'lost', 'notified two']);
    // Stopped for good: its connection closes and is not opened again.
    for (let waited = 0; (await listening()).length > 0 && waited < 10_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await listening()).toEqual([]);
  });
});
