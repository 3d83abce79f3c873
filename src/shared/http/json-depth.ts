/**
 * Far deeper than any real request or event. Past some thousands of levels the recursive code behind
 * the edge — class-transformer on DTOs, JSON.stringify, PostgreSQL's jsonb parser — overflows its
 * stack, so deep nesting is refused as bad input before anything parses it (a fuzzed
 * `{"a":{"a":…}}` body was a 500 on every route).
 */
export const MAX_JSON_DEPTH = 64;

/** Whether arrays and objects in a JSON text nest deeper than `limit`; strings are skipped whole. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (char === 0x22) {
      // Jump to the closing quote: one not preceded by an odd run of backslashes.
      for (;;) {
        at = text.indexOf('"', at + 1);
        if (at < 0) return false;
        let backslashes = 0;
        while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
      }
    } else if (char === 0x5b || char === 0x7b) {
      if (++depth > limit) return true;
    } else if (char === 0x5d || char === 0x7d) {
      depth--;
    }
  }
  return false;
}
