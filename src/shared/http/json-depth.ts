/**
 * Far deeper than any real request or event. Past some thousands of levels the recursive code behind
 * the edge — class-transformer on DTOs, JSON.stringify, PostgreSQL's jsonb parser — overflows its
 * stack, so deep nesting is refused as bad input before anything parses it (a fuzzed
 * `{"a":{"a":…}}` body was a 500 on every route).
 */
export const MAX_JSON_DEPTH = 64;

/**
 * A number of 16 or more digits may hold more than a double keeps (15 always survive); one with an
 * exponent may lie beyond a double's range. Any other number `JSON.parse` reads exactly.
 */
const MIN_DIGITS_A_DOUBLE_MAY_LOSE = 16;

export interface JsonTextScan {
  /** Arrays and objects nest deeper than the limit asked for. */
  readonly tooDeep: boolean;
  /** A number has an exponent or 16 digits or more, so `JSON.parse` may not keep its value exactly. */
  readonly mayAlterNumbers: boolean;
}

/**
 * One pass over a JSON text before it is parsed, on the ingestion hot path: how deep arrays and
 * objects nest, and whether a number might not survive `JSON.parse` (only such a text needs the exact
 * check, `inexactNumbers`). Strings are skipped whole, so digits inside them count for nothing.
 */
export function scanJsonText(text: string, depthLimit: number): JsonTextScan {
  let depth = 0;
  let mayAlterNumbers = false;
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (char === 0x22) {
      // Jump to the closing quote: one not preceded by an odd run of backslashes.
      for (;;) {
        at = text.indexOf('"', at + 1);
        if (at < 0) return { tooDeep: false, mayAlterNumbers };
        let backslashes = 0;
        while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
      }
    } else if (char === 0x5b || char === 0x7b) {
      if (++depth > depthLimit) return { tooDeep: true, mayAlterNumbers };
    } else if (char === 0x5d || char === 0x7d) {
      depth--;
    } else if (!mayAlterNumbers && char >= 0x30 && char <= 0x39) {
      // A number's digits, with its decimal point among them; its sign needs no look.
      let digits = 0;
      let next = char;
      while ((next >= 0x30 && next <= 0x39) || next === 0x2e) {
        if (next !== 0x2e) digits++;
        next = text.charCodeAt(++at);
      }
      mayAlterNumbers = digits >= MIN_DIGITS_A_DOUBLE_MAY_LOSE || next === 0x65 || next === 0x45;
      at--;
    }
  }
  return { tooDeep: false, mayAlterNumbers };
}
