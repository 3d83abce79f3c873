import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { SystemRole1732400930000 } from '../../src/database/migrations/1732400930000-system-role';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The installation's operator is the first admin token: generated at first start (as here) or given
 * as `ADMIN_TOKEN` (every other spec). An installation from before the role keeps its operator.
 */
describe('the system role', () => {
  let app: TestApp;
  let first: string;

  beforeAll(async () => {
    app = await startTestApp({ config: { adminToken: undefined } });
    first = readFileSync(join(app.tally.config.dataDir, 'admin-token'), 'utf8').trim();
  });
  afterAll(() => app.close());

  it('is held by the admin token Tally generates at first start', async () => {
    expect((await app.request('GET', '/api/v1/admin/projections', { token: first })).status).toBe(200);
    const tokens = (await app.request('GET', '/api/v1/tokens', { token: first })).body;
    expect(tokens.map((t: { name: string; role: string }) => [t.name, t.role])).toEqual([
      ['admin (generated)', 'system'],
    ]);
  });

  it('goes, on upgrade, to the first admin token an older installation made', async () => {
    const db = app.db.dataSource;
    const insert = (role: string, createdBy: string | null) =>
      db
        .query(
          `INSERT INTO tally_api_tokens (id, namespace, name, role, secret_digest, created_by)
           VALUES ($1, 'default', $2, $3, $4, $5) RETURNING id`,
          [ulid(), `${role} by ${createdBy}`, role, Buffer.from(ulid()), createdBy],
        )
        .then(([row]: { id: string }[]) => row.id);
    const bootstrap = await insert('admin', 'bootstrap');
    const later = await insert('admin', null);
    const runner = db.createQueryRunner();
    try {
      await new SystemRole1732400930000().up(runner);
    } finally {
      await runner.release();
    }
    const roles = await db.query(`SELECT id, role FROM tally_api_tokens WHERE id = ANY($1) ORDER BY id`, [
      [bootstrap, later],
    ]);
    expect(roles).toEqual([
      { id: bootstrap, role: 'system' },
      { id: later, role: 'admin' },
    ]);
  });
});
