import { describe, expect, it } from 'vitest';
import { chunkBySize, jsonBytes, rowWriteBytes, utf8Length } from './payload.js';

describe('payload sizes', () => {
  it('counts UTF-8 bytes like an encoder', () => {
    for (const s of ['', 'Judul', 'Rp 1.000 — “kutipan”', 'emoji 📄 ok', 'ä中']) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });

  it('sizes JSON', () => {
    expect(jsonBytes([['a', 'b']])).toBe('[["a","b"]]'.length);
  });

  it('charges a row for its values and their text prefixes', () => {
    const row = ['a', 'bb'];
    expect(rowWriteBytes(row)).toBeGreaterThanOrEqual(jsonBytes([["'a", "'bb"]]));
  });
});

describe('chunkBySize', () => {
  it('packs greedily within the budget', () => {
    expect(chunkBySize([1, 2, 3, 4], (n) => n, 5)).toEqual([
      { start: 0, end: 2, bytes: 3 },
      { start: 2, end: 3, bytes: 3 },
      { start: 3, end: 4, bytes: 4 },
    ]);
  });

  it('gives an oversized item a chunk of its own and loses nothing', () => {
    const sizes = [2, 9, 2, 2, 2, 7, 1];
    const chunks = chunkBySize(sizes, (n) => n, 5);
    expect(chunks.map((c) => sizes.slice(c.start, c.end))).toEqual([[2], [9], [2, 2], [2], [7], [1]]);
    expect(chunks.every((c, i) => i === 0 || c.start === chunks[i - 1]?.end)).toBe(true);
    for (const c of chunks) expect(c.bytes <= 5 || c.end - c.start === 1).toBe(true);
  });

  it('returns no chunk for no items', () => {
    expect(chunkBySize([], () => 1, 10)).toEqual([]);
  });
});
