import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonArrayBytes, Utf8Arena } from './utf8-arena.js';

describe('Utf8Arena', () => {
  it('gives the UTF-8 bytes of every string, and earlier views stay intact as later strings fill new chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', minLength: 200_000, maxLength: 400_000 })), { maxLength: 12 }), (texts) => {
        const arena = new Utf8Arena();
        const views = texts.map((t) => arena.encode(t));
        views.forEach((v, i) => expect(v.equals(Buffer.from(texts[i]!, 'utf8'))).toBe(true));
      }),
      { numRuns: 40 },
    );
  });

  it('joins JSON values into an array', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue().map((v) => JSON.stringify(v)), { maxLength: 6 }), (items) => {
        const arena = new Utf8Arena();
        const out = jsonArrayBytes(items.map((t) => arena.encode(t)));
        expect(out.toString('utf8')).toBe(`[${items.join(',')}]`);
        expect(JSON.parse(out.toString('utf8'))).toEqual(items.map((t) => JSON.parse(t) as unknown));
      }),
    );
  });
});
