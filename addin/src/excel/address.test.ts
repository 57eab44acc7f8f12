import { describe, expect, it } from 'vitest';
import { a1, columnLetters, columnNumber, parseAddress, parseArea } from './address.js';

describe('A1 addresses', () => {
  it('converts column letters both ways', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    for (const n of [0, 25, 26, 700, 702, 16383]) expect(columnNumber(columnLetters(n))).toBe(n);
  });

  it('names a cell and a block', () => {
    expect(a1(0, 0)).toBe('A1');
    expect(a1(1, 0, 3, 16)).toBe('A2:P4');
  });

  it('reads single cells, blocks, whole rows and whole columns', () => {
    expect(parseArea('B7')).toEqual({ sheet: null, row: 6, col: 1, rows: 1, cols: 1 });
    expect(parseArea('DIP!$A$2:$C$4')).toEqual({ sheet: 'DIP', row: 1, col: 0, rows: 3, cols: 3 });
    expect(parseArea('DIP!3:5')).toEqual({ sheet: 'DIP', row: 2, col: 0, rows: 3, cols: Infinity });
    expect(parseArea('DIP!B:D')).toEqual({ sheet: 'DIP', row: 0, col: 1, rows: Infinity, cols: 3 });
    expect(parseArea('C4:A2')).toEqual({ sheet: null, row: 1, col: 0, rows: 3, cols: 3 });
  });

  it('reads multi-area selections and quoted sheet names', () => {
    expect(parseAddress("DIP!A2:P4, DIP!A7:P7,'It''s, mine'!B2")).toEqual([
      { sheet: 'DIP', row: 1, col: 0, rows: 3, cols: 16 },
      { sheet: 'DIP', row: 6, col: 0, rows: 1, cols: 16 },
      { sheet: "It's, mine", row: 1, col: 1, rows: 1, cols: 1 },
    ]);
  });

  it('skips what is not a reference', () => {
    expect(parseAddress('DIP!#REF!, DIP!A1:B, hello')).toEqual([]);
    expect(parseAddress('')).toEqual([]);
  });
});
