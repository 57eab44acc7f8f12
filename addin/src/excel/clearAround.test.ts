/** The rectangle arithmetic that decides what of a replaced old DIP the write clears (pure). */
import { describe, expect, it } from 'vitest';
import { outsideArea, replacedParts } from './clearAround.js';

describe('outsideArea', () => {
  it('cuts what lies outside the kept area into bands above and below and pieces beside it', () => {
    expect(outsideArea({ row: 0, col: 0, rows: 5, cols: 10 }, { row: 0, col: 0, rows: 2, cols: 8 })).toEqual([
      { row: 2, col: 0, rows: 3, cols: 10 },
      { row: 0, col: 8, rows: 2, cols: 2 },
    ]);
    expect(outsideArea({ row: 0, col: 0, rows: 10, cols: 10 }, { row: 3, col: 2, rows: 4, cols: 5 })).toEqual([
      { row: 0, col: 0, rows: 3, cols: 10 },
      { row: 7, col: 0, rows: 3, cols: 10 },
      { row: 3, col: 0, rows: 4, cols: 2 },
      { row: 3, col: 7, rows: 4, cols: 3 },
    ]);
  });

  it('leaves nothing when the kept area covers it all, and everything when they do not meet', () => {
    expect(outsideArea({ row: 0, col: 0, rows: 3, cols: 16 }, { row: 0, col: 0, rows: 3, cols: 16 })).toEqual([]);
    expect(outsideArea({ row: 1, col: 1, rows: 2, cols: 2 }, { row: 0, col: 0, rows: 10, cols: 16 })).toEqual([]);
    expect(outsideArea({ row: 20, col: 0, rows: 2, cols: 2 }, { row: 0, col: 0, rows: 10, cols: 16 })).toEqual([{ row: 20, col: 0, rows: 2, cols: 2 }]);
  });
});

describe('replacedParts', () => {
  const old = { row: 0, col: 0, rows: 8, cols: 10 }; // title lines, header, column numbers, three rows: A1:J8

  it('follows the rows of the old DIP that were under the table down by the rows inserted there', () => {
    // The add-in's empty table on rows 1–2 with the old DIP pasted over it; three rows written: two inserted under it.
    expect(replacedParts(old, { place: { row: 0, col: 0, rows: 4, cols: 16 }, under: 2, inserted: 2 })).toEqual([{ row: 4, col: 0, rows: 6, cols: 10 }]);
    // Nothing inserted (the table held enough rows, or nothing lay under it): the rows stay where they were.
    expect(replacedParts(old, { place: { row: 0, col: 0, rows: 2, cols: 16 }, under: 2, inserted: 0 })).toEqual([{ row: 2, col: 0, rows: 6, cols: 10 }]);
  });

  it('keeps the title lines above a table made at the header where they are, and the part right of a narrower table', () => {
    // Table at the old header (row 4), its four body rows covering the rest; the old DIP wider than the table.
    const wide = { row: 0, col: 0, rows: 8, cols: 18 };
    expect(replacedParts(wide, { place: { row: 3, col: 0, rows: 5, cols: 16 }, under: 8, inserted: 0 })).toEqual([
      { row: 0, col: 0, rows: 3, cols: 18 },
      { row: 3, col: 16, rows: 5, cols: 2 },
    ]);
  });

  it('leaves nothing when the table covers the old DIP, and never reaches under its last row or right of its columns', () => {
    expect(replacedParts(old, { place: { row: 0, col: 0, rows: 8, cols: 16 }, under: 8, inserted: 0 })).toEqual([]);
    // One body row before, six after: five inserted under it.
    const parts = replacedParts(old, { place: { row: 0, col: 0, rows: 7, cols: 16 }, under: 2, inserted: 5 });
    expect(parts).toEqual([{ row: 7, col: 0, rows: 6, cols: 10 }]);
    expect(Math.max(...parts.map((p) => p.row + p.rows))).toBe(old.rows + 5);
  });
});
