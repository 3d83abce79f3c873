/** How the database Tally runs on stores and orders text. */
export interface DatabaseLocale {
  readonly database: string;
  readonly encoding: string;
  /** `builtin`, `libc` or `icu` (servers before PostgreSQL 15 have only libc). */
  readonly provider: string;
  /** The collation's locale under that provider. */
  readonly collation: string;
}

/** Where collating by libc costs no more than comparing bytes. */
const BYTE_ORDER_LIBC = new Set(['C', 'POSIX', 'C.UTF-8', 'C.utf8']);

const REMEDY =
  `create Tally's database with TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C', adding ` +
  `LOCALE_PROVIDER builtin BUILTIN_LOCALE 'C.UTF-8' on PostgreSQL 17 or later`;

/**
 * What an operator should hear about the database's locale: nothing for UTF-8 in code-point order
 * (what the embedded server is given). A libc collation of a language compares every text key Tally
 * writes by that language's rules, at a cost measured in BENCHMARKS.md ("The database's collation";
 * ICU's costs little more than code-point order, so it is not warned of); another encoding than
 * UTF-8 stores text unchecked (SQL_ASCII) or refuses characters that Tally accepted.
 */
export function localeWarnings(locale: DatabaseLocale): string[] {
  const warnings: string[] = [];
  if (locale.encoding !== 'UTF8') {
    warnings.push(
      `database ${locale.database} is encoded ${locale.encoding}, not UTF8: text Tally accepts as UTF-8 may be ` +
        `refused by it or stored unchecked; ${REMEDY}`,
    );
  }
  if (locale.provider === 'libc' && !BYTE_ORDER_LIBC.has(locale.collation)) {
    warnings.push(
      `database ${locale.database} collates text by ${locale.provider} locale ${locale.collation}: every text ` +
        `key Tally writes costs PostgreSQL more than in code-point order (up to 2× its time per event, ` +
        `measured under en_US.UTF-8); ${REMEDY}`,
    );
  }
  return warnings;
}

/** Whatever runs SQL and answers rows: a TypeORM data source, or a wrapped pg client. */
export interface RowQuery {
  query<Rows>(sql: string): Promise<Rows>;
}

/** Reads the current database's encoding and default collation; catalog columns vary by version. */
export async function readDatabaseLocale(db: RowQuery): Promise<DatabaseLocale> {
  const [row] = await db.query<
    { database: string; encoding: string; provider: string | null; collate: string; locale: string | null }[]
  >(
    `SELECT d.datname AS database, pg_encoding_to_char(d.encoding) AS encoding,
            to_jsonb(d) ->> 'datlocprovider' AS provider, d.datcollate AS collate,
            coalesce(to_jsonb(d) ->> 'datlocale', to_jsonb(d) ->> 'daticulocale') AS locale
     FROM pg_database d WHERE d.datname = current_database()`,
  );
  const provider = row.provider === null ? 'libc' : (PROVIDERS[row.provider] ?? row.provider);
  return {
    database: row.database,
    encoding: row.encoding,
    provider,
    collation: provider === 'libc' ? row.collate : (row.locale ?? row.collate),
  };
}

const PROVIDERS: Record<string, string> = { b: 'builtin', c: 'libc', i: 'icu' };
