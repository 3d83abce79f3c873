import type { ClientBase, Connection, Submittable } from 'pg';

/** Where the rows of a `COPY … TO STDOUT` go: `write` answers false when it wants no more for now. */
export interface CopySink {
  write(chunk: Buffer): boolean;
  /** Calls `resume` once the sink takes data again. */
  onDrain(resume: () => void): void;
}

/**
 * `COPY … TO STDOUT` through `pg`'s submittable interface, as `copy-from.ts` does the other way. Rows
 * are gathered into chunks of about `chunkBytes`; while the sink is full, the socket is paused, so
 * PostgreSQL waits for a slow sink (a disk, a pipe nobody reads yet) instead of the rows piling up here.
 */
class CopyTo implements Submittable {
  private block: Buffer;
  private used = 0;
  private rows = 0;
  private connection?: Connection;
  readonly done: Promise<number>;
  private settle!: { resolve: (rows: number) => void; reject: (error: Error) => void };

  constructor(
    private readonly sql: string,
    private readonly sink: CopySink,
    private readonly chunkBytes: number,
  ) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    this.block = Buffer.allocUnsafe(chunkBytes);
  }

  submit(connection: Connection): void {
    this.connection = connection;
    connection.query(this.sql);
  }

  /** A row; its bytes are a view of the client's read buffer, reused for what comes next, so copied. */
  handleCopyData(message: { chunk: Buffer }): void {
    const row = message.chunk;
    if (this.used + row.length > this.block.length) {
      this.flush();
      if (row.length > this.block.length) this.block = Buffer.allocUnsafe(row.length);
    }
    row.copy(this.block, this.used);
    this.used += row.length;
  }

  handleCommandComplete(message: { text?: string }): void {
    this.flush();
    this.rows = Number(/(\d+)$/.exec(message.text ?? '')?.[1] ?? 0);
  }

  handleError(error: Error): void {
    this.settle.reject(error);
  }

  handleReadyForQuery(): void {
    this.settle.resolve(this.rows);
  }

  private flush(): void {
    if (this.used === 0) return;
    const chunk = this.block.subarray(0, this.used);
    // The sink may keep the chunk until it is written out: the next rows go to a new block.
    this.block = Buffer.allocUnsafe(this.chunkBytes);
    this.used = 0;
    if (!this.sink.write(chunk) && this.connection) {
      const socket = this.connection.stream;
      socket.pause();
      this.sink.onDrain(() => socket.resume());
    }
  }

  // The client calls these for other protocol messages; COPY TO sends none of them.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
}

/** Runs one COPY … TO STDOUT into `sink`; resolves to the number of rows copied once all were written. */
export function copyTo(
  client: ClientBase,
  sql: string,
  sink: CopySink,
  chunkBytes = 64 * 1024,
): Promise<number> {
  const copy = new CopyTo(sql, sink, chunkBytes);
  client.query(copy);
  return copy.done;
}
