/**
 * Reading any sheet as it stands, with no table needed: the importer reads a DIP kept in another layout (title
 * lines, the body's name, a blank line, then the header) and finding the header is shared/'s job (parseDipGrid).
 * Reading changes nothing in the workbook: a preview must not touch what a person has not yet agreed to replace.
 */
import { readBlockAsText } from './readText.js';
import type { AdapterOptions, ProgressFn } from './runner.js';

export interface SheetList {
  /** Every worksheet's name, in tab order. */
  names: string[];
  /** The sheet the person is looking at. */
  active: string;
}

/**
 * The workbook's sheet names and the active one, in one sync, so the importer can offer the sheet to read from
 * when there is no "DIP" sheet (or the old DIP sits on another).
 */
export async function listSheets(context: Excel.RequestContext): Promise<SheetList> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const active = sheets.getActiveWorksheet();
  active.load('name');
  await context.sync();
  return { names: sheets.items.map((s) => s.name), active: active.name };
}

/**
 * The sheet's cells as text, from A1 to the bottom-right corner of its used range (values only: formatted blank
 * cells do not count), so grid row i is sheet row i + 1 and column j is column j + 1 as Excel numbers them. Read
 * in chunks sized by what the previous chunk weighed, like the DIP table. `null` when there is no such sheet,
 * `[]` when it is empty.
 */
export async function readSheetGrid(
  context: Excel.RequestContext,
  options: AdapterOptions,
  sheetName: string,
  onProgress?: ProgressFn,
  signal?: AbortSignal,
): Promise<string[][] | null> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
  await context.sync();
  if (sheet.isNullObject) return null;
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  if (used.isNullObject) return [];

  // From A1, not from the used range's corner: grid row i is sheet row i + 1 whatever lies above or left of the values.
  const block = { row: 0, col: 0, rows: used.rowIndex + used.rowCount, cols: used.columnIndex + used.columnCount };
  return readBlockAsText(context, options, sheet, block, onProgress, signal);
}
