import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { logSink } from '../../test/support/log-sink';
import { databaseUrl } from '../../test/support/test-database';
import { startTally } from '../bootstrap';
import { loadConfig } from '../config/config';
import { createDataSource } from './data-source';
import { DatabaseLocale, localeWarnings, readDatabaseLocale } from './database-locale';

const serverUrl = () => process.env.TALLY_TEST_SERVER_URL!;

async function asAdmin(sql: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A database made with the given options, for the length of `work`. */
async function withDatabase<T>(options: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `tally_locale_${randomBytes(6).toString('hex')}`;
  await asAdmin(`CREATE DATABASE ${name} TEMPLATE template0 ${options}`);
  try {
    return await work(databaseUrl(serverUrl(), name));
  } finally {
    await asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function localeOf(url: string): Promise<DatabaseLocale> {
  const dataSource = createDataSource({ url, poolSize: 1 });
  await dataSource.initialize();
  try {
    return await readDatabaseLocale(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

const locale = (fields: Partial<DatabaseLocale>): DatabaseLocale => ({
  database: 'tally',
  encoding: 'UTF8',
  provider: 'builtin',
  collation: 'C.UTF-8',
  ...fields,
});

describe('the database locale Tally warns of', () => {
  it('is nothing for UTF-8 in code-point or byte order', () => {
    expect(localeWarnings(locale({}))).toEqual([]);
    for (const collation of ['C', 'POSIX', 'C.UTF-8', 'C.utf8']) {
      expect(localeWarnings(locale({ provider: 'libc', collation }))).toEqual([]);
    }
    expect(localeWarnings(locale({ provider: 'icu', collation: 'en-US' }))).toEqual([]);
  });

  it("is a libc language's collation, named with the way out", () => {
    const [warning, ...more] = localeWarnings(locale({ provider: 'libc', collation: 'en_US.UTF-8' }));
    expect(more).toEqual([]);
    expect(warning).toContain('database tally collates text by libc locale en_US.UTF-8');
    expect(warning).toContain(`LOCALE_PROVIDER builtin BUILTIN_LOCALE 'C.UTF-8'`);
  });

  it('is an encoding other than UTF-8', () => {
    const [warning, ...more] = localeWarnings(
      locale({ encoding: 'SQL_ASCII', provider: 'libc', collation: 'C' }),
    );
    expect(more).toEqual([]);
    expect(warning).toContain('database tally is encoded SQL_ASCII, not UTF8');
  });
});

describe('the database locale as PostgreSQL reports it', () => {
  it('reads the encoding, the provider and the collation of each kind of database', async () => {
    const cases: [string, Omit<DatabaseLocale, 'database'>][] = [
      [
        `ENCODING 'UTF8' LOCALE 'C' LOCALE_PROVIDER builtin BUILTIN_LOCALE 'C.UTF-8'`,
        { encoding: 'UTF8', provider: 'builtin', collation: 'C.UTF-8' },
      ],
      [
        `ENCODING 'SQL_ASCII' LOCALE 'C' LOCALE_PROVIDER libc`,
        { encoding: 'SQL_ASCII', provider: 'libc', collation: 'C' },
      ],
      [
        `ENCODING 'UTF8' LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`,
        { encoding: 'UTF8', provider: 'icu', collation: 'en-US' },
      ],
    ];
    for (const [options, expected] of cases) {
      const read = await withDatabase(options, localeOf);
      expect(read).toEqual({ database: expect.stringMatching(/^tally_locale_/), ...expected });
    }
  });

  it('is logged as a warning when Tally starts on such a database', async () => {
    const sink = logSink();
    const dataDir = mkdtempSync(join(tmpdir(), 'tally-locale-'));
    try {
      await withDatabase(`ENCODING 'SQL_ASCII' LOCALE 'C' LOCALE_PROVIDER libc`, async (url) => {
        const tally = await startTally(
          {
            ...loadConfig({}),
            databaseUrl: url,
            adminToken: `tally_test_${randomBytes(16).toString('hex')}`,
            host: '127.0.0.1',
            port: 0,
            logLevel: 'warn',
            dataDir,
            runProjections: false,
          },
          { logDestination: sink.destination },
        );
        await tally.close();
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const warnings = sink.lines.map((line) => JSON.parse(line)).filter((entry) => entry.level === 40);
    expect(warnings.map((entry) => entry.msg)).toEqual([
      expect.stringMatching(/^database tally_locale_\w+ is encoded SQL_ASCII, not UTF8/),
    ]);
  });
});
