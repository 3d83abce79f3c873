import type { TableProgress } from './make-backup';

/** One line of progress: rewritten in place on a terminal, printed about once a second otherwise. */
export interface ProgressLine {
  show(text: string): void;
  /** The final state of a step, always printed, on a line of its own. */
  done(text: string): void;
}

export function progressLine(stream: NodeJS.WriteStream): ProgressLine {
  let shownAt = 0;
  return {
    show(text) {
      const now = Date.now();
      if (now - shownAt < (stream.isTTY ? 100 : 1000)) return;
      shownAt = now;
      stream.write(stream.isTTY ? `\r${text}\x1b[K` : `${text}\n`);
    },
    done(text) {
      stream.write(stream.isTTY ? `\r${text}\x1b[K\n` : `${text}\n`);
    },
  };
}

const count = (n: number | bigint) => n.toLocaleString('en-US');

/** Rows of each table copied: done/total, rate and time left, then how long the table took. */
export function rowsProgress(line: ProgressLine): TableProgress {
  const started = new Map<string, number>();
  return (table, rows, total) => {
    if (!started.has(table)) started.set(table, Date.now());
    const seconds = Math.max(0.001, (Date.now() - started.get(table)!) / 1000);
    if (rows >= total) {
      line.done(`${table}: ${count(rows)} rows in ${seconds.toFixed(1)} s`);
      return;
    }
    const rate = Math.round(rows / seconds);
    const eta = rate > 0 ? `, ${count(rate)} rows/s, ${Math.ceil((total - rows) / rate)} s left` : '';
    line.show(`${table}: ${count(rows)}/${count(total)} rows${eta}`);
  };
}

/** The restore's first step: empty transactions run until the new database's ids pass the backup's. */
export function transactionsProgress(line: ProgressLine): (done: bigint, total: bigint) => void {
  const started = Date.now();
  return (done, total) => {
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    if (done >= total) {
      line.done(`transaction ids: advanced by ${count(total)} in ${seconds.toFixed(1)} s`);
      return;
    }
    line.show(`transaction ids: ${count(done)}/${count(total)} advanced`);
  };
}
