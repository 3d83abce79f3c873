import type { ClientBase } from 'pg';
import { copyFrom } from '../copy-from';
import { BackupHeader, BackupReader, BackupRefused, SOURCE_TABLES } from './backup-file';
import { columnList, COPY_SESSION_SETTINGS, linesIn, TableProgress } from './make-backup';

/**
 * How far a restore advances a new cluster's transaction ids at most: further would take more than
 * an hour (BENCHMARKS.md), and a file-level copy of the server's data is the way (README, Operations).
 */
const MOST_TRANSACTIONS_TO_ADVANCE = 1_000_000_000n;
const TRANSACTIONS_PER_STATEMENT = 100_000n;

/** Refuses a database that already holds Tally's data: a restore adds to nothing. */
export async function checkEmpty(client: ClientBase): Promise<void> {
  for (const table of SOURCE_TABLES) {
    const { rows } = await client.query<{ present: string | null }>(
      `SELECT to_regclass($1)::text AS present`,
      [table],
    );
    if (!rows[0].present) continue;
    const { rows: any } = await client.query<{ some: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${table}) AS some`,
    );
    if (any[0].some) {
      throw new BackupRefused(
        `the database already holds Tally data (${table} has rows): restore into an empty one`,
      );
    }
  }
}

/**
 * Restores the backup's tables into the migrated, empty database `client` is connected to, in one
 * transaction: all of it, or nothing. Read models are not in a backup; the caller rebuilds them.
 */
export async function restoreBackup(
  client: ClientBase,
  reader: BackupReader,
  header: BackupHeader,
  progress: {
    readonly transactions: (done: bigint, total: bigint) => void;
    readonly rows: TableProgress;
  },
): Promise<void> {
  const { rows: applied } = await client.query<{ name: string }>(`SELECT name FROM migrations ORDER BY id`);
  if (applied.map((m) => m.name).join() !== header.migrations.join()) {
    throw new BackupRefused(
      `the database's schema (${applied.length} migrations) is not the backup's (${header.migrations.length}): restore into an empty database`,
    );
  }
  await checkEmpty(client);
  if (header.lastTransactionId !== null) {
    await advanceTransactions(client, BigInt(header.lastTransactionId), progress.transactions);
  }
  await client.query(COPY_SESSION_SETTINGS);
  await client.query('BEGIN');
  try {
    for (const table of header.tables) {
      const { rows: columns } = await client.query<{ name: string }>(
        `SELECT attname AS name FROM pg_attribute
         WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
        [table.name],
      );
      const known = new Set(columns.map((c) => c.name));
      const unknown = table.columns.filter((c) => !known.has(c));
      if (unknown.length > 0) {
        throw new BackupRefused(
          `the backup's ${table.name} has columns this schema lacks: ${unknown.join(', ')}`,
        );
      }
      let read = 0;
      progress.rows(table.name, 0, table.rows);
      const rows = async function* () {
        for await (const chunk of reader.rows()) {
          read += linesIn(chunk);
          progress.rows(table.name, read, table.rows);
          yield chunk;
        }
      };
      const copied = await copyFrom(
        client,
        `COPY ${table.name} (${columnList(table.columns)}) FROM STDIN`,
        rows(),
      );
      if (copied !== table.rows) {
        throw new BackupRefused(
          `the backup is damaged: ${table.name} holds ${copied} rows, its header says ${table.rows}`,
        );
      }
    }
    await reader.end();
    await setSequences(client, header);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Runs empty transactions until the next transaction id is past `last`. The log is read in
 * (transaction id, position) order, and only below the oldest transaction still running: restored
 * events keep the ids they had, so a fresh cluster, whose counter starts near zero, would otherwise
 * hide them from its readers and put its own new events before them. Each of these transactions
 * takes an id and writes nothing, so its commit waits for no disk.
 */
async function advanceTransactions(
  client: ClientBase,
  last: bigint,
  progress: (done: bigint, total: bigint) => void,
): Promise<void> {
  const next = async () =>
    BigInt(
      (await client.query<{ next: string }>(`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS next`))
        .rows[0].next,
    );
  const start = await next();
  const total = last + 1n - start;
  if (total <= 0n) return;
  if (total > MOST_TRANSACTIONS_TO_ADVANCE) {
    throw new BackupRefused(
      `the backed-up database had run ${last} transactions; a new one would have to run ${total} more ` +
        `before its log could go on, which takes hours: restore a file-level copy of its data instead (README, Operations)`,
    );
  }
  for (let done = 0n; done < total;) {
    const step = total - done < TRANSACTIONS_PER_STATEMENT ? total - done : TRANSACTIONS_PER_STATEMENT;
    progress(done, total);
    await client.query(
      `DO $$BEGIN FOR i IN 1..${step} LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END$$`,
    );
    done = (await next()) - start;
  }
  progress(total, total);
}

/** Identity sequences continue after the restored rows. */
async function setSequences(client: ClientBase, header: BackupHeader): Promise<void> {
  for (const table of header.tables) {
    const { rows } = await client.query<{ column: string; sequence: string }>(
      `SELECT attname AS column, pg_get_serial_sequence($1, attname) AS sequence FROM pg_attribute
       WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped
         AND pg_get_serial_sequence($1, attname) IS NOT NULL`,
      [table.name],
    );
    for (const { column, sequence } of rows) {
      await client.query(
        `SELECT setval($1, coalesce((SELECT max(${columnList([column])}) FROM ${table.name}), 1),
           (SELECT max(${columnList([column])}) FROM ${table.name}) IS NOT NULL)`,
        [sequence],
      );
    }
  }
}
