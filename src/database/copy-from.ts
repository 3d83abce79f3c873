import type { ClientBase, Connection, Submittable } from 'pg';

/** The COPY sub-protocol messages `pg` implements but does not type. */
interface CopyConnection extends Connection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/**
 * `COPY … FROM STDIN` through `pg`'s submittable interface (what `pg-copy-streams` does), so it needs
 * no extra package. The chunks are taken from their iterable once PostgreSQL asks for the data, each
 * written to the socket as it comes: a lazy iterable (`copyChunks` of lazily made rows) is encoded
 * while PostgreSQL already parses the chunks before it. An async iterable (a restore reading its file)
 * is sent as it comes too, waiting while the socket is full, so a large input is never all in memory.
 */
class CopyFrom implements Submittable {
  private rows = 0;
  readonly done: Promise<number>;
  private settle!: { resolve: (rows: number) => void; reject: (error: Error) => void };

  constructor(
    private readonly sql: string,
    private readonly chunks: Iterable<Buffer> | AsyncIterable<Buffer>,
  ) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  submit(connection: Connection): void {
    connection.query(this.sql);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    if (Symbol.asyncIterator in this.chunks) {
      void this.sendAsync(connection, this.chunks);
      return;
    }
    try {
      for (const chunk of this.chunks) connection.sendCopyFromChunk(chunk);
    } catch (error) {
      this.fail(connection, error);
      return;
    }
    connection.endCopyFrom();
  }

  private async sendAsync(connection: CopyConnection, chunks: AsyncIterable<Buffer>): Promise<void> {
    try {
      for await (const chunk of chunks) {
        connection.sendCopyFromChunk(chunk);
        if (connection.stream.writableNeedDrain) {
          await new Promise((resolve) => connection.stream.once('drain', resolve));
        }
      }
    } catch (error) {
      this.fail(connection, error);
      return;
    }
    connection.endCopyFrom();
  }

  /** PostgreSQL then fails the COPY with this message, which settles it through handleError. */
  private fail(connection: CopyConnection, error: unknown): void {
    connection.sendCopyFail(
      `the data could not be made: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  handleCommandComplete(message: { text?: string }): void {
    this.rows = Number(/(\d+)$/.exec(message.text ?? '')?.[1] ?? 0);
  }

  // pg lets go of a query at its error: the ReadyForQuery after it reaches no query, so settle now.
  handleError(error: Error): void {
    this.settle.reject(error);
  }

  handleReadyForQuery(): void {
    this.settle.resolve(this.rows);
  }

  // The client calls these for other protocol messages; COPY FROM sends none of them.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
}

/** Runs one COPY FROM STDIN with `chunks` as its data; resolves to the number of rows copied. */
export function copyFrom(
  client: ClientBase,
  sql: string,
  chunks: Iterable<Buffer> | AsyncIterable<Buffer>,
): Promise<number> {
  const copy = new CopyFrom(sql, chunks);
  client.query(copy);
  return copy.done;
}

/** One value in COPY's text format (`\N` for SQL null). */
export function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** Rows of COPY text, cut into protocol-sized chunks, each made when it is asked for. */
export function* copyChunks(
  rows: Iterable<readonly (string | null)[]>,
  chunkBytes = 64 * 1024,
): Generator<Buffer, void, undefined> {
  let pending: string[] = [];
  let size = 0;
  for (const row of rows) {
    const line = row.map(copyText).join('\t') + '\n';
    pending.push(line);
    size += line.length;
    if (size >= chunkBytes) {
      yield Buffer.from(pending.join(''));
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield Buffer.from(pending.join(''));
}
