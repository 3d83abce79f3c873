import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { InvoiceIssuer } from '../../src/billing/issue-invoices/invoice-issuer.service';
import { InvoiceSnapshotService } from '../../src/billing/recompute/invoice-snapshot.service';
import { startTally, Tally } from '../../src/bootstrap';
import { SOURCE_TABLES } from '../../src/database/backup/backup-file';
import { ManualClock } from '../../src/shared/clock';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * `npm run backup` and `npm run restore` as an operator runs them: a backup of a running Tally (meters,
 * a customer, a subscription, usage, an issued invoice), restored into an empty database and into an
 * empty DATA_DIR, answers every read as the original does, down to the audit log's positions, and
 * replays to the same invoice digest. A backup held open mid-way by its reader stops no write or read
 * of the live service, and holds exactly what was there when it started.
 */
interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(
  script: 'backup' | 'restore' | 'replay',
  args: string[],
  env: Record<string, string | undefined>,
) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete childEnv[name];
  const child = spawn(process.execPath, [join(process.env.TALLY_TEST_BUILD!, `${script}.js`), ...args], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  return {
    child,
    out,
    done: new Promise<Run>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.on('close', (code) =>
        resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }),
      );
    }),
  };
}

const digestIn = (text: string, pattern: RegExp) => pattern.exec(text)?.[1];

describe('backup and restore', () => {
  jest.setTimeout(180_000);
  const clock = new ManualClock(new Date('2027-01-31T10:00:00Z'));
  const dir = mkdtempSync(join(tmpdir(), 'tally-backup-'));
  const file = join(dir, 'tally.backup.gz');
  let original: TestApp;
  let target: TestDatabase | undefined;
  let restored: Tally | undefined;
  let readToken: string;
  /** The original's invoice digest after `npm run replay -- --all`. */
  let replayedDigest: string | undefined;

  const post = async (path: string, body?: unknown) => {
    const answer = await original.request('POST', path, body === undefined ? {} : { body });
    if (answer.status >= 300) throw new Error(`POST ${path} → ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const usage = (id: string, user: string, time: string, tokens = 1) => ({
    specversion: '1.0',
    id,
    source: 'app',
    type: 'user_activity',
    subject: 'acme-inc',
    time,
    data: { user_id: user, tokens, model: tokens % 2 ? 'small' : 'large' },
  });

  beforeAll(async () => {
    original = await startTestApp({ clock, config: { readYourWritesTimeoutMs: 5_000 } });
    await post('/api/v1/meters', {
      slug: 'active_users_total',
      name: 'Active users',
      eventType: 'user_activity',
      aggregation: 'UNIQUE_COUNT',
      valueProperty: '$.user_id',
    });
    await post('/api/v1/meters', {
      slug: 'tokens',
      name: 'Tokens',
      eventType: 'user_activity',
      aggregation: 'SUM',
      valueProperty: '$.tokens',
      groupBy: { model: '$.model' },
    });
    await post('/api/v1/features', {
      key: 'active_users',
      name: 'active-users',
      meterSlug: 'active_users_total',
    });
    const plan = await post('/api/v1/plans', {
      key: 'per_seat',
      name: 'Per-Seat',
      currency: 'USD',
      billingCadence: 'P1M',
      phases: [
        {
          key: 'default',
          name: 'Default',
          duration: null,
          rateCards: [
            {
              type: 'flat_fee',
              key: 'platform',
              name: 'Platform fee',
              billingCadence: 'P1M',
              price: { type: 'flat', amount: '10', paymentTerm: 'in_advance' },
            },
            {
              type: 'usage_based',
              key: 'active_users',
              name: 'active-users',
              featureKey: 'active_users',
              billingCadence: 'P1M',
              price: { type: 'unit', amount: '1.5' },
            },
          ],
        },
      ],
    });
    await post(`/api/v1/plans/${plan.id}/publish`);
    await post('/api/v1/customers', {
      name: 'Acme Inc',
      key: 'acme-inc',
      usageAttribution: { subjectKeys: ['acme-inc'] },
    });
    await post('/api/v1/subscriptions', {
      customerKey: 'acme-inc',
      plan: { key: 'per_seat' },
      timing: 'immediate',
    });
    readToken = await original.token('read', 'dashboards');

    clock.set(new Date('2027-02-10T11:00:00Z'));
    await post('/api/v1/events', [
      usage('jan-1', 'alice', '2027-01-31T11:00:00Z'),
      usage('feb-1', 'bob', '2027-02-10T11:00:00Z', 2),
      usage('feb-1', 'bob', '2027-02-10T11:00:00Z', 2), // a repeat: counted once, in the intake counters too
    ]);
    clock.set(new Date('2027-02-28T11:00:01Z'));
    expect(await original.tally.app!.get(InvoiceIssuer).issueDue()).toBe(1);

    // March: enough usage, with data that compresses little, that a backup's output outgrows the
    // pipes and buffers between it and a reader that stops reading (about 1 MB of gzip).
    clock.set(new Date('2027-03-10T12:00:00Z'));
    await post(
      '/api/v1/events',
      Array.from({ length: 3_000 }, (_, i) => ({
        ...usage(
          `mar-${i}`,
          `user-${i % 700}`,
          new Date(Date.parse('2027-03-01T00:00:00Z') + i * 60_000).toISOString(),
          i % 7,
        ),
        data: {
          user_id: `user-${i % 700}`,
          tokens: i % 7,
          model: i % 2 ? 'small' : 'large',
          trace: randomBytes(256).toString('base64'),
        },
      })),
    );
  });

  afterAll(async () => {
    await restored?.close();
    await target?.drop();
    await original?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up every table a projection cannot give back, and only those', async () => {
    const rows: { name: string }[] = await original.tally.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    const bookkeeping = ['migrations', 'tally_projection_checkpoints'];
    // Console sessions are sign-ins, not billing data: a restore signs everyone out.
    const ephemeral = ['tally_console_sessions'];
    const derived = original.tally.projections.tables;
    const tables = rows.map((r) => r.name);
    const kept = tables.filter(
      (t) => !derived.includes(t) && !bookkeeping.includes(t) && !ephemeral.includes(t),
    );
    expect(kept.sort()).toEqual([...SOURCE_TABLES].sort());
  });

  it('backs up the running service to a file, with a progress line', async () => {
    const [{ events }] = await original.tally.dataSource.query(
      `SELECT count(*)::int AS events FROM tally_events`,
    );
    const backup = await run('backup', [file], { DATABASE_URL: original.db.url }).done;
    expect(backup).toMatchObject({ code: 0 });
    const count = (events as number).toLocaleString('en-US');
    expect(backup.stderr).toContain(`tally_events: ${count} rows in `);
    expect(backup.stderr).toMatch(
      new RegExp(`backed up ${count} events, 2 API tokens and \\d+ intake counters`),
    );
  });

  it('refuses a target that holds data, a backup of another schema, and a damaged file, changing nothing', async () => {
    const onOriginal = await run('restore', [file], { DATABASE_URL: original.db.url }).done;
    expect(onOriginal.code).toBe(1);
    expect(onOriginal.stderr).toContain('already holds Tally data');

    const text = gunzipSync(readFileSync(file));
    const headerEnd = text.indexOf(10);
    const header = JSON.parse(text.subarray(0, headerEnd).toString());
    const older = join(dir, 'older.backup.gz');
    writeFileSync(
      older,
      gzipSync(
        Buffer.concat([
          Buffer.from(JSON.stringify({ ...header, migrations: header.migrations.slice(0, -1) })),
          text.subarray(headerEnd),
        ]),
      ),
    );
    const cut = join(dir, 'cut.backup.gz');
    writeFileSync(cut, readFileSync(file).subarray(0, Math.floor(readFileSync(file).length / 2)));

    target = await createTestDatabase();
    const otherSchema = await run('restore', [older], { DATABASE_URL: target.url }).done;
    expect(otherSchema.code).toBe(1);
    const applied = header.migrations.length;
    expect(otherSchema.stderr).toMatch(
      new RegExp(
        `another schema version \\(${applied - 1} migrations.*\\) than this Tally's \\(${applied} migrations`,
      ),
    );
    const damaged = await run('restore', [cut], { DATABASE_URL: target.url }).done;
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/backup cannot be read|incomplete/);
    const [{ count }] = await target.dataSource.query(`SELECT count(*)::int AS count FROM tally_events`);
    expect(count).toBe(0);
  });

  it('restores into an empty database: every answer as the original gives it, the same digest on replay', async () => {
    const restore = await run('restore', [file], { DATABASE_URL: target!.url }).done;
    expect(restore).toMatchObject({ code: 0 });
    expect(restore.stdout).toMatch(/tally_events: [\d,]+ rows in/);
    expect(restore.stdout).toMatch(/usage@v3: rebuilt in/);

    restored = await startTally(
      { ...original.tally.config, databaseUrl: target!.url, port: 0, adminToken: undefined },
      { clock },
    );
    const get = async (base: string, path: string, token = original.adminToken) => {
      const answer = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
      return `${answer.status} ${await answer.text()}`;
    };
    const invoices = JSON.parse((await get(original.url, '/api/v1/billing/invoices?expand=lines')).slice(4));
    const issued = invoices.items.find((i: { status: string }) => i.status === 'issued');
    expect(issued).toMatchObject({ number: 'INV-000001' });
    const paths = [
      '/api/v1/billing/customers/acme-inc/invoices/preview',
      '/api/v1/billing/invoices?expand=lines',
      `/api/v1/billing/invoices/${issued.id}`,
      '/api/v1/meters/active_users_total/query?from=2027-01-01T00:00:00Z&to=2027-04-01T00:00:00Z&windowSize=DAY',
      '/api/v1/meters/tokens/query?from=2027-01-01T00:00:00Z&to=2027-04-01T00:00:00Z&groupBy=model&subject=acme-inc',
      '/api/v1/audit/events?limit=1000',
      '/api/v1/customers/acme-inc/history',
      '/api/v1/admin/reconciliation?from=2027-01-01T00:00:00Z&to=2027-04-01T00:00:00Z',
      '/api/v1/tokens',
    ];
    for (const path of paths) {
      const before = await get(original.url, path);
      expect(before).toMatch(/^200 /);
      expect({ path, answer: await get(restored.url!, path) }).toEqual({ path, answer: before });
    }
    // The tokens are the same: a secret issued before the backup works after the restore.
    expect(await get(restored.url!, '/api/v1/meters', readToken)).toMatch(/^200 /);
    const [before, after] = await Promise.all(
      [original.tally, restored].map((tally) => tally.resolve(InvoiceSnapshotService).snapshot()),
    );
    expect(after.digest).toBe(before.digest);

    // `npm run replay -- --all` on each gives the same digest (its "now" is the system clock's).
    const [replayedOriginal, replayedRestored] = await Promise.all(
      [original.db.url, target!.url].map((url) => run('replay', ['--all'], { DATABASE_URL: url }).done),
    );
    const replayDigest = /digest before \w+, after (\w+)/;
    expect(replayedOriginal.code).toBe(0);
    replayedDigest = digestIn(replayedOriginal.stdout, replayDigest);
    expect(replayedDigest).toBeDefined();
    expect(digestIn(replayedRestored.stdout, replayDigest)).toBe(replayedDigest);
  });

  it('restores into an empty DATA_DIR on the embedded default, refusing one that holds a database', async () => {
    const dataDir = join(dir, 'data');
    const env = { DATABASE_URL: undefined, DATA_DIR: dataDir };
    const restore = await run('restore', [file], env).done;
    expect(restore).toMatchObject({ code: 0 });
    // The restore ends with a replay of the restored log; its digest is the original's.
    expect(replayedDigest).toBeDefined();
    expect(digestIn(restore.stdout, /; digest (\w+)/)).toBe(replayedDigest);
    // A new cluster's transaction ids start near zero, below the backup's: they were moved past them.
    expect(restore.stdout).toMatch(/transaction ids: advanced by [\d,]+ in/);

    const again = await run('restore', [file], env).done;
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds a database: restore into an empty DATA_DIR');
  });

  it('holds one snapshot while its reader stalls, and the live service goes on reading and writing', async () => {
    const [{ count: before }] = await original.tally.dataSource.query(
      `SELECT count(*)::int AS count FROM tally_events`,
    );
    const backup = run('backup', ['-'], { DATABASE_URL: original.db.url });
    // Output has begun: the snapshot is taken. Then nobody reads, so the backup waits mid-way.
    await new Promise((resolve) => backup.child.stdout.once('data', resolve));
    backup.child.stdout.pause();

    try {
      await post('/api/v1/events', [usage('during-backup', 'zed', '2027-03-10T11:00:00Z')]);
      const query = await original.request(
        'GET',
        '/api/v1/meters/active_users_total/query?from=2027-03-10T00:00:00Z&to=2027-03-11T00:00:00Z&subject=acme-inc',
      );
      expect(query.status).toBe(200);
      expect(query.body.data).toEqual([expect.objectContaining({ value: 1 })]); // zed: read-your-writes
      await post('/api/v1/customers', {
        name: 'Late',
        key: 'late',
        usageAttribution: { subjectKeys: ['late'] },
      });
      expect((await original.request('GET', '/readyz', { token: null })).status).toBe(200);
      expect(backup.child.exitCode).toBeNull(); // it was still waiting on its reader all along
    } catch (error) {
      backup.child.kill();
      throw error;
    }
    backup.child.stdout.resume();
    const done = await backup.done;
    expect(done.code).toBe(0);
    const text = gunzipSync(Buffer.concat(backup.out));
    const header = JSON.parse(text.subarray(0, text.indexOf(10)).toString());
    expect(header.tables[0]).toMatchObject({ name: 'tally_events', rows: before });
    expect(text.includes('during-backup')).toBe(false);
    expect(text.includes('"key":"late"')).toBe(false);
  });
});
