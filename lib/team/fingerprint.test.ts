import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprint } from './fingerprint';

/** The original definition: FNV-1a (two offsets) over the whole canonical text. */
function referenceFingerprint(value: unknown): string {
  const text = canonicalJson(value);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

describe('fingerprint', () => {
  it('equals the hash of the canonical JSON text (streamed hashing changes nothing)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(fingerprint(value)).toBe(referenceFingerprint(value));
      }),
      { numRuns: 500 },
    );
  });

  it('ignores key order and undefined fields, like canonicalJson', () => {
    fc.assert(
      fc.property(fc.object(), (value) => {
        expect(fingerprint(value)).toBe(referenceFingerprint(value));
      }),
      { numRuns: 300 },
    );
    expect(fingerprint({ b: 1, a: [1, 'x', null], c: undefined })).toBe(fingerprint({ a: [1, 'x', null], b: 1 }));
    expect(fingerprint({ b: 1, a: 2 })).toBe(referenceFingerprint({ a: 2, b: 1 }));
  });
});
