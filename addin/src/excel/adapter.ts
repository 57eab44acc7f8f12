/**
 * The workbook as the task pane sees it: intent-named actions, each one Excel.run, plain data in and out. The UI
 * takes a SheetAdapter as a prop, so tests (and the e2e workbook stand-in) can hand it another implementation.
 */
import type { Area } from './address.js';
import type { EnsureResult } from './layout.js';
import { applyFormats, ensureResult, ensureTable } from './layout.js';
import { clearIssueMarks, markIssues, type CellIssue, type MarkResult } from './marks.js';
import { listSheets, readSheetGrid, type SheetList } from './readGrid.js';
import { readDipSheet } from './readSheet.js';
import { DEFAULT_OPTIONS, officeRunner, type AdapterOptions, type ExcelRunner, type ProgressFn } from './runner.js';
import { getSelectedRowIndexes, selectCell, setCategoryForRows } from './selection.js';
import { writeDipRow, writeIdColumn } from './rowWrites.js';
import { writeDipRows } from './writeRows.js';

export type { Area, CellIssue, EnsureResult, MarkResult, ProgressFn, SheetList };
export { AdapterError, type AdapterErrorCode } from './runner.js';
/** The sheet the DIP table lives on ("DIP"), and where the importer looks for an old DIP. */
export { SHEET_NAME as DIP_SHEET_NAME } from './layout.js';

export interface SheetAdapter {
  /** Creates the "DIP" sheet and its table, or repairs them (headers, columns, lists, hidden ID, frozen header). */
  ensureDipSheet(): Promise<EnsureResult>;
  /** The table as text: the header row first, then one array per data row. */
  readDipSheet(onProgress?: ProgressFn, signal?: AbortSignal): Promise<string[][]>;
  /**
   * Any sheet as text, table or not, from A1 to the end of its used range (grid row i = sheet row i + 1), changing
   * nothing; null when there is no sheet of that name. For reading a DIP kept in another layout.
   */
  readSheetGrid(sheetName: string, onProgress?: ProgressFn, signal?: AbortSignal): Promise<string[][] | null>;
  /** The workbook's sheet names in tab order and the active sheet's, for choosing the sheet to import from. */
  listSheets(): Promise<SheetList>;
  /**
   * Replaces the table body with `grid` (DIP_HEADERS first), creating or repairing the sheet first. `replacing`: an
   * old DIP on the DIP sheet that these rows replace (the cells an import took, as they stand before the write):
   * with no table, the table is made over its rows only, and what of it lies outside the table afterwards is
   * cleared; what lies under it or right of it is kept, moved as any write moves it (rowsBelow.ts).
   */
  writeDipRows(grid: readonly (readonly string[])[], onProgress?: ProgressFn, signal?: AbortSignal, replacing?: Area): Promise<void>;
  /** Replaces the validation marks (fill + note) with these. */
  markIssues(issues: readonly CellIssue[]): Promise<MarkResult>;
  clearIssueMarks(): Promise<void>;
  /** Selects a cell; rowIndex 0 is the first data row, columnIndex indexes DIP_COLUMNS. */
  selectCell(rowIndex: number, columnIndex: number): Promise<void>;
  /** Data-row indexes of the current selection (several areas allowed), sorted. */
  getSelectedRowIndexes(): Promise<number[]>;
  /** Writes one Kategori label into these data rows, in one sync. */
  setCategoryForRows(rowIndexes: readonly number[], label: string): Promise<void>;
  /** Writes one data row's cells (DIP column order, as toDipGrid lays them out), each by its header, in one sync. */
  writeDipRow(rowIndex: number, cells: readonly string[]): Promise<void>;
  /**
   * Writes `ids[i]` into the hidden ID cell of data row i (null leaves that cell alone) and nothing else: after a
   * push, the rest of the sheet stays exactly as the person typed it. Chunked by payload.
   */
  writeIdColumn(ids: readonly (string | null)[], onProgress?: ProgressFn): Promise<void>;
}

/** The Office.js implementation; `runner` is Excel itself unless a test passes office-addin-mock's. */
export function createExcelAdapter(runner: ExcelRunner = officeRunner, overrides: Partial<AdapterOptions> = {}): SheetAdapter {
  const options: AdapterOptions = { ...DEFAULT_OPTIONS, ...overrides };
  return {
    ensureDipSheet: () =>
      runner.run(async (context) => {
        const { layout, fixes, around } = await ensureTable(context, 'restore');
        applyFormats(layout, layout.bodyRows, options, around.below);
        await context.sync();
        return ensureResult(layout, fixes);
      }),
    readDipSheet: (onProgress, signal) => runner.run((context) => readDipSheet(context, options, onProgress, signal)),
    readSheetGrid: (sheetName, onProgress, signal) => runner.run((context) => readSheetGrid(context, options, sheetName, onProgress, signal)),
    listSheets: () => runner.run((context) => listSheets(context)),
    writeDipRows: (grid, onProgress, signal, replacing) => runner.run((context) => writeDipRows(context, options, grid, onProgress, signal, replacing)),
    markIssues: (issues) => runner.run((context) => markIssues(context, runner, options, issues)),
    clearIssueMarks: () => runner.run((context) => clearIssueMarks(context, runner)),
    selectCell: (rowIndex, columnIndex) => runner.run((context) => selectCell(context, rowIndex, columnIndex)),
    getSelectedRowIndexes: () => runner.run((context) => getSelectedRowIndexes(context)),
    setCategoryForRows: (rowIndexes, label) => runner.run((context) => setCategoryForRows(context, options, rowIndexes, label)),
    writeDipRow: (rowIndex, cells) => runner.run((context) => writeDipRow(context, rowIndex, cells)),
    writeIdColumn: (ids, onProgress) => runner.run((context) => writeIdColumn(context, options, ids, onProgress)),
  };
}
