/**
 * Importing a DIP kept in another layout: the grid read from the sheet is parsed by shared/ (header found in the
 * top rows, columns mapped by alias, values normalised) and checked by the content rules; what could not be
 * understood is reported row by row, in the source sheet's own row numbers, before anything is written.
 */
import type { ColumnKey } from '../../../../shared/columns.js';
import { parseDipGrid } from '../../../../shared/grid.js';
import type { Lang, Severity, ValidationIssue } from '../../../../shared/issues.js';
import type { DipRow } from '../../../../shared/row.js';
import { validateRows } from '../../../../shared/validate.js';
import type { CellIssue } from '../adapter.js';
import { toCellIssues } from './issues.js';

export interface ImportProblemRow {
  /** 1-based row of the source sheet (as Excel numbers it, when the grid starts at row 1). */
  sheetRow: number;
  severity: Severity;
  messages: string[];
}

export interface ImportPreview {
  headerFound: boolean;
  rows: DipRow[];
  /** Findings about the sheet as a whole (a missing column, no header). */
  sheetIssues: string[];
  /** Rows with findings, in sheet order; errors make a row's severity an error. */
  problems: ImportProblemRow[];
  /** Recognised columns, in sheet order. */
  columns: (ColumnKey | 'createdWhenWhere')[];
  /** The findings again, indexed by imported row, for marking the written DIP sheet. */
  issues: ValidationIssue[];
  /**
   * The cells the import took as the old DIP, from the grid's first cell: its rows down to the last one read as a
   * row (title lines, header, column numbers, section rows, data rows), its columns up to the header's last one.
   * Replacing the DIP in place replaces these and nothing else: what lies under the last row (a signature block, a
   * note) or right of the header's columns (cells the old table did not use) is the person's. Null without a header.
   */
  taken: TakenBlock | null;
  /** Whether the sheet holds a value outside `taken` (a signature block, a note): what an in-place import must keep. */
  beyondTaken: boolean;
}

/** A block of a grid from its first cell: `rows` lines down, `cols` cells across. */
export interface TakenBlock {
  rows: number;
  cols: number;
}

const filled = (v: unknown): boolean => v !== null && v !== undefined && String(v).trim() !== '';

/** See ImportPreview.taken. Columns named only by a sub-header (under a merged group header) count through `columns`. */
function takenBlock(grid: readonly (readonly unknown[])[], headerRow: number, sourceRows: readonly number[], columns: readonly number[]): TakenBlock | null {
  if (headerRow < 0) return null;
  const header = grid[headerRow] ?? [];
  let right = Math.max(-1, ...columns);
  header.forEach((v, c) => {
    if (filled(v)) right = Math.max(right, c);
  });
  // sourceRows ascend: the last is the lowest row read (no spread over what may be thousands of rows).
  return { rows: Math.max(headerRow, sourceRows[sourceRows.length - 1] ?? -1) + 1, cols: right + 1 };
}

/**
 * @param grid the sheet's cells as text, its first line being the sheet's first row (`firstSheetRow`, 1-based)
 * @param knownUnits the server's unit codes and names, so an owning unit outside them is flagged. Leave it out when
 *   the list is not known: validateRows reads `[]` as "no unit exists" and would flag every row's unit.
 */
export function previewImport(grid: readonly (readonly string[])[], lang: Lang, knownUnits?: readonly string[], firstSheetRow = 1): ImportPreview {
  const parsed = parseDipGrid(grid, { lang });
  const columns = (Object.entries(parsed.columns) as [ColumnKey | 'createdWhenWhere', number][]).sort((a, b) => a[1] - b[1]).map(([k]) => k);
  const sheetRowOf = (i: number) => (parsed.sourceRows[i] ?? i) + firstSheetRow;
  const issues = [...parsed.issues, ...validateRows(parsed.rows, { lang, knownUnits, rowNumber: sheetRowOf })];
  const taken = takenBlock(grid, parsed.headerRow, parsed.sourceRows, Object.values(parsed.columns));
  const byRow = new Map<number, ImportProblemRow>();
  for (const issue of issues) {
    if (issue.rowIndex < 0) continue;
    const sheetRow = sheetRowOf(issue.rowIndex);
    const p = byRow.get(sheetRow) ?? { sheetRow, severity: 'warning' as Severity, messages: [] };
    if (!p.messages.includes(issue.message)) p.messages.push(issue.message);
    if (issue.severity === 'error') p.severity = 'error';
    byRow.set(sheetRow, p);
  }
  return {
    headerFound: parsed.headerRow >= 0,
    rows: parsed.rows,
    sheetIssues: [...new Set(issues.filter((i) => i.rowIndex < 0).map((i) => i.message))],
    problems: [...byRow.values()].sort((a, b) => a.sheetRow - b.sheetRow),
    columns,
    issues,
    taken,
    beyondTaken: taken !== null && grid.some((line, r) => line.some((v, c) => filled(v) && (r >= taken.rows || c >= taken.cols))),
  };
}

/** Marks for the DIP sheet once the imported rows are written there (row i of the import is data row i). */
export function importMarks(preview: Pick<ImportPreview, 'issues'>): CellIssue[] {
  return toCellIssues(preview.issues.filter((i) => i.rowIndex >= 0));
}
