/**
 * The sheet as rows: read through the adapter, interpreted by shared/ (parseDipGrid), written back as a grid
 * (toDipGrid). The panes never interpret cells themselves.
 *
 * Two row numberings meet here: shared/'s issues index the parsed `rows` (blank rows skipped), while the adapter
 * counts data rows under the header (blank rows included). `sourceRows` translates; everything the panes hand to
 * the adapter or show a person is in the adapter's numbering.
 */
import { canonicalRow, stableStringify } from '../../../../shared/canonical.js';
import { parseDipGrid, toDipGrid } from '../../../../shared/grid.js';
import type { Lang, ValidationIssue } from '../../../../shared/issues.js';
import type { DipRow } from '../../../../shared/row.js';
import { validateRows } from '../../../../shared/validate.js';
import type { ProgressFn, SheetAdapter } from '../adapter.js';
import { dedupeIds } from './changes.js';

export interface SheetSnapshot {
  /** The rows as shared/ reads them; a repeated ID keeps only its first occurrence (copies are new rows). */
  rows: DipRow[];
  /** For each row, its data-row index in the sheet (0 = first row under the header). */
  sheetRows: number[];
  /** The grid as read, for re-parsing in another language. */
  grid: string[][];
}

export async function readSheet(adapter: SheetAdapter, onProgress?: ProgressFn, signal?: AbortSignal): Promise<SheetSnapshot> {
  const grid = await adapter.readDipSheet(onProgress, signal);
  const parsed = parseDipGrid(grid);
  // The adapter's grid starts with its header row, so grid row r is data row r - 1.
  return { rows: dedupeIds(parsed.rows), sheetRows: parsed.sourceRows.map((r) => r - 1), grid };
}

/** The parsed row under a sheet data row, or -1 for a blank row or a row outside the table. */
export function rowAtSheetRow(snapshot: SheetSnapshot, sheetRow: number): number {
  return snapshot.sheetRows.indexOf(sheetRow);
}

/**
 * Every issue of the sheet — reading the cells, then the content rules — in the pane's language, with `rowIndex`
 * in the adapter's numbering (issues about the whole sheet keep -1). Owning units are matched against `knownUnits`
 * when given (the server's list, logic/units.ts).
 */
export function sheetIssues(snapshot: SheetSnapshot, lang: Lang, knownUnits?: readonly string[]): ValidationIssue[] {
  const toSheet = (i: number) => (i < 0 ? i : (snapshot.sheetRows[i] ?? i));
  const parsed = parseDipGrid(snapshot.grid, { lang });
  const found = [...parsed.issues, ...validateRows(snapshot.rows, { lang, knownUnits, rowNumber: (i) => toSheet(i) + 2 })];
  return found.map((issue) => ({ ...issue, rowIndex: toSheet(issue.rowIndex) }));
}

export function writeSheet(adapter: SheetAdapter, rows: readonly DipRow[], onProgress?: ProgressFn, signal?: AbortSignal): Promise<void> {
  return adapter.writeDipRows(toDipGrid(rows), onProgress, signal);
}

/** Same content, row for row (order matters: it is the sheet). */
export function sameSheet(a: readonly DipRow[], b: readonly DipRow[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((r, i) => stableStringify(canonicalRow(r)) === stableStringify(canonicalRow(b[i] as DipRow)));
}

/** Optional adapter capability: write the cells of one data row (0 = first under the header), DIP column order. */
interface SingleRowWriter {
  writeDipRow(sheetRow: number, cells: string[]): Promise<void>;
}

/**
 * Replaces the row at `index` of `snapshot.rows`. Uses the adapter's single-row write when it has one; otherwise
 * rewrites the whole table with that row swapped (correct, only slower on large sheets, and blank rows close up).
 */
export async function writeRow(adapter: SheetAdapter, snapshot: SheetSnapshot, index: number, row: DipRow, onProgress?: ProgressFn): Promise<void> {
  const single = (adapter as Partial<SingleRowWriter>).writeDipRow;
  const sheetRow = snapshot.sheetRows[index];
  if (typeof single === 'function' && sheetRow !== undefined) {
    await single.call(adapter, sheetRow, toDipGrid([row])[1] ?? []);
    return;
  }
  const next = snapshot.rows.slice();
  next[index] = row;
  await writeSheet(adapter, next, onProgress);
}
