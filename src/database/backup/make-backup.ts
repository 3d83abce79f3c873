import type { ClientBase } from 'pg';
import { copyTo } from '../copy-to';
import {
  BackupHeader,
  BackupRefused,
  BackupTable,
  BackupWriter,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  SOURCE_TABLES,
} from './backup-file';

/** Rows of one table written so far, for a progress line. */
export type TableProgress = (table: string, rows: number, total: number) => void;

/**
 * Settings under which COPY's text is the same on both sides whatever the server's defaults: ISO
 * times in UTC, bytea in hex, UTF-8.
 */
export const COPY_SESSION_SETTINGS = `SET DateStyle = 'ISO'; SET TimeZone = 'UTC'; SET bytea_output = 'hex'; SET client_encoding = 'UTF8'`;

/**
 * Writes a backup of the database `client` is connected to: every source table (see SOURCE_TABLES)
 * as of one snapshot. The transaction is REPEATABLE READ, so every COPY sees the same moment, and
 * READ ONLY: it never takes a transaction id, and the log's readers, which wait for every transaction
 * holding one, never wait for it. Its locks (ACCESS SHARE) stop no write, and no replay's swap of the
 * read models' tables, which it does not read. Nothing is buffered beyond the output's own limits:
 * while the output is full, PostgreSQL waits.
 */
export async function makeBackup(
  client: ClientBase,
  writer: BackupWriter,
  progress: TableProgress,
  now: Date,
): Promise<BackupHeader> {
  await client.query(COPY_SESSION_SETTINGS);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
  try {
    const { rows: schema } = await client.query<{ migrations: string | null }>(
      `SELECT to_regclass('migrations')::text AS migrations`,
    );
    if (!schema[0].migrations) throw new BackupRefused('this database holds no Tally schema to back up');
    const { rows: migrations } = await client.query<{ name: string }>(
      `SELECT name FROM migrations ORDER BY id`,
    );
    const { rows: last } = await client.query<{ last: string | null }>(
      `SELECT max(transaction_id)::text AS last FROM tally_events`,
    );
    const tables: BackupTable[] = [];
    for (const name of SOURCE_TABLES) {
      const { rows: columns } = await client.query<{ name: string }>(
        `SELECT attname AS name FROM pg_attribute
         WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
        [name],
      );
      const { rows: count } = await client.query<{ rows: string }>(`SELECT count(*) AS rows FROM ${name}`);
      tables.push({ name, columns: columns.map((c) => c.name), rows: Number(count[0].rows) });
    }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      createdAt: now.toISOString(),
      migrations: migrations.map((m) => m.name),
      lastTransactionId: last[0].last,
      tables,
    };
    await writer.header(header);
    for (const table of tables) {
      // The log in its own order: a restore then writes it back as it will be read.
      const source =
        table.name === 'tally_events'
          ? `(SELECT ${columnList(table.columns)} FROM tally_events ORDER BY transaction_id, global_position)`
          : `${table.name} (${columnList(table.columns)})`;
      let written = 0;
      progress(table.name, 0, table.rows);
      const copied = await copyTo(client, `COPY ${source} TO STDOUT`, {
        write(chunk) {
          written += linesIn(chunk);
          progress(table.name, written, table.rows);
          return writer.frame(chunk);
        },
        onDrain: (resume) => writer.onDrain(resume),
      });
      if (copied !== table.rows) {
        throw new Error(`${table.name}: ${copied} rows copied where the snapshot counted ${table.rows}`);
      }
      await writer.endTable();
    }
    await client.query('COMMIT');
    await writer.end();
    return header;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Column names, quoted; they come from the catalog, and are checked to be plain names anyway. */
export function columnList(columns: readonly string[]): string {
  return columns
    .map((column) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(column)) throw new BackupRefused(`unexpected column name "${column}"`);
      return `"${column}"`;
    })
    .join(', ');
}

/** Rows in a chunk of COPY text: one a line, a value's own newlines being escaped. */
export function linesIn(chunk: Buffer): number {
  let lines = 0;
  for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
  return lines;
}
