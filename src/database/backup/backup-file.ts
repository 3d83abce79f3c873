import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * A Tally backup file, gzip-compressed: one line of JSON (the header), then each table's rows in
 * PostgreSQL's COPY text format, cut into frames — a line with the frame's length in bytes, then
 * that many bytes — and ended by a frame of length 0; last, the line `end`. Frames, rather than
 * COPY's own `\.` terminator, let a reader hand the rows to PostgreSQL without looking inside them.
 */
export const BACKUP_FORMAT = 'tally-backup';
export const BACKUP_FORMAT_VERSION = 1;
const TRAILER = 'end';
const MAX_LINE_BYTES = 1024 * 1024;

/**
 * What a backup holds: what the log cannot give back. The log itself; API tokens (digests only,
 * not in the log); reconciliation's intake counters (kept beside the log by the statement that
 * stores usage, never projected). Every other table is a projection's read model, rebuilt from the
 * log on restore, or bookkeeping the restore makes anew (checkpoints, migrations).
 * `test/ops/backup-restore.spec.ts` checks every table of the schema is one or the other.
 */
export const SOURCE_TABLES = ['tally_events', 'tally_api_tokens', 'reconciliation_intake'] as const;

export interface BackupTable {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: number;
}

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_FORMAT_VERSION;
  readonly createdAt: string;
  /** The migrations applied to the database backed up, in order: its schema version. */
  readonly migrations: readonly string[];
  /**
   * The highest transaction id among the log's events (xid8, as text), or null for an empty log.
   * The log's order is (transaction id, position), so a restored database must give its next
   * events higher transaction ids than these.
   */
  readonly lastTransactionId: string | null;
  readonly tables: readonly BackupTable[];
}

/** A backup that cannot be restored here, and why, in words for the operator. */
export class BackupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefused';
  }
}

/** Writes a backup's parts in order to `out` (the gzip stream), waiting whenever it is full. */
export class BackupWriter {
  constructor(private readonly out: Writable) {}

  header(header: BackupHeader): Promise<void> {
    return this.write(Buffer.from(`${JSON.stringify(header)}\n`));
  }

  /** One frame of a table's rows; answers false when the output wants no more for now. */
  frame(rows: Buffer): boolean {
    this.out.write(`${rows.length}\n`);
    return this.out.write(rows);
  }

  onDrain(resume: () => void): void {
    this.out.once('drain', resume);
  }

  endTable(): Promise<void> {
    return this.write(Buffer.from('0\n'));
  }

  async end(): Promise<void> {
    await this.write(Buffer.from(`${TRAILER}\n`));
    const finished = once(this.out, 'finish');
    this.out.end();
    await finished;
  }

  private async write(data: Buffer): Promise<void> {
    if (!this.out.write(data)) await once(this.out, 'drain');
  }
}

/** Reads a backup's parts in order from the decompressed bytes. */
export class BackupReader {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  async header(): Promise<BackupHeader> {
    let header: unknown;
    try {
      header = JSON.parse(await this.line());
    } catch (error) {
      if (error instanceof BackupRefused) throw error;
      throw new BackupRefused('this is not a Tally backup: its first line is not its header');
    }
    return checkedHeader(header);
  }

  /** The next table's rows, as they come. */
  async *rows(): AsyncGenerator<Buffer, void, undefined> {
    for (;;) {
      const line = await this.line();
      const length = Number(line);
      if (!/^\d+$/.test(line) || !Number.isSafeInteger(length)) {
        throw new BackupRefused(
          `the backup is damaged: a frame length was expected, not "${line.slice(0, 40)}"`,
        );
      }
      if (length === 0) return;
      if (!(await this.fill(length))) throw truncated();
      yield this.take(length);
    }
  }

  async end(): Promise<void> {
    if ((await this.line()) !== TRAILER)
      throw new BackupRefused('the backup is damaged: it does not end as one should');
  }

  private async line(): Promise<string> {
    for (;;) {
      const at = this.buffer.indexOf(10);
      if (at >= 0) {
        const line = this.take(at + 1);
        return line.toString('utf8', 0, at);
      }
      if (this.buffer.length > MAX_LINE_BYTES)
        throw new BackupRefused('the backup is damaged: a line is too long');
      if (!(await this.fill(this.buffer.length + 1))) throw truncated();
    }
  }

  private async fill(bytes: number): Promise<boolean> {
    const parts: Buffer[] = [this.buffer];
    let have = this.buffer.length;
    while (have < bytes) {
      let next: IteratorResult<Buffer>;
      try {
        next = await this.source.next();
      } catch (error) {
        // gzip's own checks: a damaged or cut file
        throw new BackupRefused(
          `the backup cannot be read: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (next.done) break;
      parts.push(next.value);
      have += next.value.length;
    }
    if (parts.length > 1) this.buffer = Buffer.concat(parts, have);
    return have >= bytes;
  }

  private take(bytes: number): Buffer {
    const taken = this.buffer.subarray(0, bytes);
    this.buffer = this.buffer.subarray(bytes);
    return taken;
  }
}

function truncated(): BackupRefused {
  return new BackupRefused('the backup is incomplete: the file ends early (was it copied whole?)');
}

function checkedHeader(value: unknown): BackupHeader {
  const header = value as Partial<BackupHeader> | null;
  if (!header || typeof header !== 'object' || header.format !== BACKUP_FORMAT) {
    throw new BackupRefused('this is not a Tally backup: its header does not say so');
  }
  if (header.version !== BACKUP_FORMAT_VERSION) {
    throw new BackupRefused(
      `this backup is in format version ${String(header.version)}; this Tally reads version ${BACKUP_FORMAT_VERSION}`,
    );
  }
  const tables = Array.isArray(header.tables) ? header.tables : [];
  const names = tables.map((t) => t?.name);
  if (
    !Array.isArray(header.migrations) ||
    (header.lastTransactionId !== null && !/^\d+$/.test(String(header.lastTransactionId))) ||
    names.join() !== SOURCE_TABLES.join() ||
    !tables.every((t) => Array.isArray(t.columns) && Number.isSafeInteger(t.rows) && t.rows >= 0)
  ) {
    throw new BackupRefused('the backup is damaged: its header is not what this Tally writes');
  }
  return header as BackupHeader;
}

/**
 * Refuses a backup of another schema version than this Tally's: its rows fit the tables of that
 * version only. Upgrading is for the Tally that made it, after the restore.
 */
export function checkSchema(header: BackupHeader, migrations: readonly string[]): void {
  const same =
    header.migrations.length === migrations.length && header.migrations.every((m, i) => m === migrations[i]);
  if (same) return;
  const describe = (list: readonly string[]) =>
    `${list.length} migrations, the last ${list[list.length - 1] ?? 'none'}`;
  throw new BackupRefused(
    `this backup is of another schema version (${describe(header.migrations)}) than this Tally's ` +
      `(${describe(migrations)}): restore it with the Tally version that made it, then start the ` +
      'newer version on the restored data to upgrade it',
  );
}
