/**
 * After an import has replaced an old DIP on the DIP sheet with its rows: which of the old DIP's cells lie outside the
 * table, so the write clears them (writeRows.ts). A person may have pasted an old DIP over the DIP table, longer and
 * wider than it; without this the rest of the old DIP (its title lines, its own header, rows past the new ones)
 * would stay under and beside the table, looking like part of the DIP while sync never reads it. Pure rectangle
 * arithmetic: only what the import took as the old DIP is ever cleared, never what a person keeps around it.
 */
import type { Area } from './address.js';

/**
 * The parts of `used` outside `keep`, as at most four rectangles: the full-width bands above and below `keep`, and
 * beside it the parts of the rows it spans. Pure.
 *
 * @example outsideArea({ row: 0, col: 0, rows: 5, cols: 10 }, { row: 0, col: 0, rows: 2, cols: 8 })
 *   // [{ row: 2, col: 0, rows: 3, cols: 10 }, { row: 0, col: 8, rows: 2, cols: 2 }]
 */
export function outsideArea(used: Area, keep: Area): Area[] {
  const top = Math.max(used.row, keep.row);
  const bottom = Math.min(used.row + used.rows, keep.row + keep.rows);
  const left = Math.max(used.col, keep.col);
  const right = Math.min(used.col + used.cols, keep.col + keep.cols);
  if (top >= bottom || left >= right) return [used];
  const parts: Area[] = [
    { row: used.row, col: used.col, rows: top - used.row, cols: used.cols },
    { row: bottom, col: used.col, rows: used.row + used.rows - bottom, cols: used.cols },
    { row: top, col: used.col, rows: bottom - top, cols: left - used.col },
    { row: top, col: right, rows: bottom - top, cols: used.col + used.cols - right },
  ];
  return parts.filter((a) => a.rows > 0 && a.cols > 0);
}

/** Where a write's table stands, in the sheet's positions once any rows were inserted under it (makeRoom). */
export interface WrittenPlace {
  /** The table's place: its header row and every body row its place spans (rows released afterwards included). */
  place: Area;
  /** The first row under the table before the write, and how many entire rows were inserted there (0: none). */
  under: number;
  inserted: number;
}

/**
 * The cells of `replacing` (an old DIP the write replaces, as it stood before the write) that lie outside the
 * table's place, where they stand after the rows were inserted: rows from `under` down moved by `inserted`, the rows
 * above did not. Clearing these, queued after the insertion and before the release of the table's spare rows,
 * takes the old DIP and nothing else: what lay under its last row or right of its columns is not in `replacing`.
 * Pure.
 *
 * @example replacedParts({ row: 0, col: 0, rows: 8, cols: 10 }, { place: { row: 0, col: 0, rows: 4, cols: 16 }, under: 2, inserted: 2 })
 *   // [{ row: 4, col: 0, rows: 6, cols: 10 }]: rows 3–8 of the old DIP, moved down two rows, under the table
 */
export function replacedParts(replacing: Area, { place, under, inserted }: WrittenPlace): Area[] {
  const bottom = replacing.row + replacing.rows;
  const above: Area = { ...replacing, rows: Math.min(bottom, under) - replacing.row };
  const moved: Area = { ...replacing, row: Math.max(replacing.row, under) + inserted, rows: bottom - Math.max(replacing.row, under) };
  return [above, moved].filter((a) => a.rows > 0 && a.cols > 0).flatMap((a) => outsideArea(a, place));
}
