/**
 * A 64-bit fingerprint of a JSON value's text (`JSON.stringify`), as 16 hex digits. Not a security
 * hash: it only tells a re-sent bundle from a different one with the same export time, and breaks
 * such ties in a fixed way (lib/team/merge.ts).
 *
 * The text is the one `JSON.stringify` writes, so key order counts. Bundles are fingerprinted after
 * their schema parsed them, and zod builds every object in the schema's key order, so two files
 * with the same data in another key order mostly agree; where they do not (a `scores` record
 * written in another order) the merge still ends the same whatever the order of the files, which is
 * what it needs (lib/team/merge.test.ts).
 *
 * Why not a canonical (key-sorted) text: sorting and hashing a 2k-assessment bundle character by
 * character in JavaScript took ~10 ms of a 50-bundle team import's ~20 ms per bundle
 * (test/bench/team.ts); the engine's own `JSON.stringify` plus a hash over two UTF-16 units a step
 * is about three times faster.
 */
export function fingerprint(value: unknown): string {
  return hashText(JSON.stringify(value) ?? 'undefined');
}

/**
 * Two independent 32-bit multiplicative lanes over the text, two UTF-16 code units a step, each
 * finished with murmur3's avalanche so that neighbouring inputs spread over all bits.
 */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  const length = text.length;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    const word = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
    a = Math.imul(a ^ word, 0x01000193);
    b = Math.imul(b ^ word, 0x5bd1e995);
    b ^= b >>> 15;
  }
  if (i < length) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    b = Math.imul(b ^ text.charCodeAt(i), 0x5bd1e995);
  }
  // The length goes in last, so texts that differ only by a trailing NUL unit still differ.
  return hex(avalanche(a ^ length)) + hex(avalanche(b ^ Math.imul(length, 0x9e3779b1)));
}

function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex(h: number): string {
  return h.toString(16).padStart(8, '0');
}
