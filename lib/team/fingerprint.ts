/**
 * A stable fingerprint of a JSON value: FNV-1a over its canonical text (object keys sorted), run
 * twice with different offsets for 64 bits. Not a security hash: it only tells a re-sent bundle
 * from a different one with the same export time, and breaks such ties in a fixed way.
 *
 * The hash is fed piece by piece while walking the value, instead of first building the whole
 * canonical text: a 2k-assessment bundle is ~1 MB of text, and building it with nested
 * `map`/`join` dominated a team import (test/bench/team.ts). FNV-1a over the concatenation equals
 * FNV-1a fed the pieces in order, so the result is exactly `hash(canonicalJson(value))`
 * (lib/team/fingerprint.test.ts checks it as a property).
 */
export function fingerprint(value: unknown): string {
  const state = { a: 0x811c9dc5, b: 0x01000193 ^ 0x5bd1e995 };
  feedCanonical(state, value);
  return state.a.toString(16).padStart(8, '0') + state.b.toString(16).padStart(8, '0');
}

interface HashState {
  a: number;
  b: number;
}

function feed(state: HashState, text: string): void {
  let { a, b } = state;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x01000193) >>> 0;
  }
  state.a = a;
  state.b = b;
}

/** Feeds exactly the characters of `canonicalJson(value)`, in order. */
function feedCanonical(state: HashState, value: unknown): void {
  if (Array.isArray(value)) {
    feed(state, '[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) feed(state, ',');
      feedCanonical(state, value[i]);
    }
    feed(state, ']');
    return;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // Same order as canonicalJson's comparator: UTF-16 code units, which is also sort()'s default.
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    feed(state, '{');
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      feed(state, i > 0 ? ',' : '');
      feed(state, JSON.stringify(key));
      feed(state, ':');
      feedCanonical(state, record[key]);
    }
    feed(state, '}');
    return;
  }
  feed(state, JSON.stringify(value) ?? 'null');
}

/** JSON with object keys in sorted order, so equal data gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
