import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWellFormedText, plainText } from './plain-text.js';

describe('plainText', () => {
  it('refuses a lone surrogate and keeps every well-formed string, emoji included', () => {
    expect(plainText().safeParse('Rapat 🙂 selesai').success).toBe(true);
    for (const broken of ['\ud83d', 'a\ude42b', '\ude42\ud83d', `${'x'.repeat(50)}\udbff`]) {
      const r = plainText().safeParse(broken);
      expect(r.success, JSON.stringify(broken)).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/karakter rusak/);
    }
  });

  it('agrees with UTF-8: a string is refused exactly when encoding it would change it', () => {
    const roundTrips = (s: string) => new TextDecoder().decode(new TextEncoder().encode(s)) === s;
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }), (s) => isWellFormedText(s) === roundTrips(s)));
  });
});
