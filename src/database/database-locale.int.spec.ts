import { logSink } from '../../test/support/log-sink';
import { startTestApp } from '../../test/support/test-app';
import { createTestDatabase } from '../../test/support/test-database';
import { DatabaseLocale, localeWarnings, readDatabaseLocale } from './database-locale';

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
  const SQL_ASCII = `TEMPLATE template0 ENCODING 'SQL_ASCII' LOCALE 'C' LOCALE_PROVIDER libc`;

  it('reads the encoding, the provider and the collation of each kind of database', async () => {
    const cases: [string, Omit<DatabaseLocale, 'database'>][] = [
      [
        `TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' LOCALE_PROVIDER builtin BUILTIN_LOCALE 'C.UTF-8'`,
        { encoding: 'UTF8', provider: 'builtin', collation: 'C.UTF-8' },
      ],
      [SQL_ASCII, { encoding: 'SQL_ASCII', provider: 'libc', collation: 'C' }],
      [
        `TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`,
        { encoding: 'UTF8', provider: 'icu', collation: 'en-US' },
      ],
    ];
    for (const [options, expected] of cases) {
      const db = await createTestDatabase(undefined, options);
      try {
        const read = await readDatabaseLocale(db.dataSource);
        expect(read).toEqual({ database: expect.stringMatching(/^tally_test_/), ...expected });
      } finally {
        await db.drop();
      }
    }
  });

  it('is logged as a warning when Tally starts on such a database', async () => {
    const sink = logSink();
    const app = await startTestApp({ databaseOptions: SQL_ASCII, logDestination: sink.destination });
    await app.close();
    const warnings = sink.lines.map((line) => JSON.parse(line)).filter((entry) => entry.level === 40);
    expect(warnings.map((entry) => entry.msg)).toEqual([
      expect.stringMatching(/^database tally_test_\w+ is encoded SQL_ASCII, not UTF8/),
    ]);
  });
});
