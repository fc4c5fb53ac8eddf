import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint, hashText } from './fingerprint';

describe('fingerprint', () => {
  it('is 16 hex digits and depends only on the JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const print = fingerprint(value);
        expect(print).toMatch(/^[0-9a-f]{16}$/);
        expect(fingerprint(JSON.parse(JSON.stringify(value)) as unknown)).toBe(print);
        expect(print).toBe(hashText(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('tells different texts apart (no collision among many near-identical ones)', () => {
    const texts = new Set<string>();
    const prints = new Set<string>();
    // Neighbours that a weak hash confuses: one character changed, swapped, appended, odd lengths.
    for (let i = 0; i < 5000; i++) {
      for (const text of [`{"n":${i}}`, `{"n":${i} }`, `${i}`, `${i}\u0000`, `[${i},${i + 1}]`, `[${i + 1},${i}]`]) {
        texts.add(text);
        prints.add(hashText(text));
      }
    }
    expect(prints.size).toBe(texts.size);
  });

  it('ignores undefined fields, as JSON does', () => {
    expect(fingerprint({ a: [1, 'x', null], b: 1, c: undefined })).toBe(fingerprint({ a: [1, 'x', null], b: 1 }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
  });
});
