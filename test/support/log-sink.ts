import { Writable } from 'node:stream';

/** A log destination for a spec: every line Tally logs, in order, to look through afterwards. */
export function logSink(): { lines: string[]; destination: Writable } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, destination };
}
