/**
 * A batch's statements, each started as soon as the one before it is done, without waiting here: so
 * PostgreSQL runs one while the next is folded. `settled` waits for them all and fails with the first
 * failure, which rolls the whole batch back.
 */
export class StatementPipeline {
  private last: Promise<unknown> = Promise.resolve();
  private readonly sent: Promise<unknown>[] = [];

  /** Starts `statement` once the ones sent before it have succeeded (never after a failure). */
  async send<T>(statement: () => Promise<T>): Promise<{ readonly result: Promise<T> }> {
    const result = this.last.then(statement);
    result.catch(() => undefined); // its failure is reported by `settled`
    this.last = result;
    this.sent.push(result);
    // TypeORM hands a statement to the connection a few promise turns after the call: let it go now,
    // before the next stretch of work here.
    await new Promise((resolve) => setImmediate(resolve));
    return { result };
  }

  settled(): Promise<unknown> {
    return Promise.all(this.sent);
  }
}
