/**
 * The DIP sheet's structure: finding the "TabelDIP" table, creating it, repairing it, and laying out its formats.
 * Every function here queues work on a context it is given; the callers (one Excel.run per user action) sync.
 */
import { CATEGORY_LABELS, DIP_COLUMNS, DIP_HEADERS, FORMAT_LABELS, columnIndex } from '../../../shared/columns.js';
import { HEADER_SEARCH_ROWS, findHeaderRow, parseDipGrid } from '../../../shared/grid.js';
import { columnPositions, missingHeaders, repairHeaders, strictHeaders } from './headerRow.js';
import type { Area } from './address.js';
import { NOTHING_AROUND, aroundOf, queueBodyRows, type Around } from './rowsBelow.js';
import type { AdapterOptions } from './runner.js';
import { ensureRoomToWiden, queueExtent } from './widenRoom.js';

export const SHEET_NAME = 'DIP';
export const TABLE_NAME = 'TabelDIP';
const WIDTH = DIP_HEADERS.length;

// Office.js sets column widths in points; a character of the default 11-point font is about 5.7 points wide
// (Excel's default 8.43-character column is 48 points), and 6 leaves the cell padding some room.
const POINTS_PER_CHAR = 6;
// Columns at least this wide hold prose (titles, summaries, consequences): they wrap instead of overflowing.
const WRAP_MIN_WIDTH = 30;

/** Where the table stands, read in one sync. Indexes are 0-based sheet positions. */
export interface TableLayout {
  sheet: Excel.Worksheet;
  table: Excel.Table;
  sheetName: string;
  headerRow: number;
  firstColumn: number;
  columnCount: number;
  /** Data rows under the header (Excel keeps one empty row in an otherwise empty table). */
  bodyRows: number;
  headers: string[];
}

export type EnsureFix =
  | 'sheet_created'
  | 'table_created'
  | 'table_renamed'
  | 'sheet_renamed'
  | 'columns_added'
  | 'headers_restored'
  /** Adopting an old DIP: the closing block under its list (a signature block) was left under the table. */
  | 'closing_block_left_out';

export interface EnsureResult {
  status: 'created' | 'repaired' | 'ok';
  fixes: EnsureFix[];
  /** DIP headers still absent after the repair (their place holds another DIP column a person moved there). */
  missingHeaders: string[];
}

const cellText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** Queues the loads that describe a table; call the returned function after the next sync. */
export function inspectTable(table: Excel.Table): () => TableLayout {
  const sheet = table.worksheet;
  sheet.load('name');
  const range = table.getRange();
  range.load('rowIndex,columnIndex,rowCount,columnCount');
  const header = table.getHeaderRowRange();
  header.load('values');
  return () => ({
    sheet,
    table,
    sheetName: sheet.name,
    headerRow: range.rowIndex,
    firstColumn: range.columnIndex,
    columnCount: range.columnCount,
    bodyRows: range.rowCount - 1,
    headers: (header.values[0] ?? []).map(cellText),
  });
}

/** The DIP table's layout in one sync; dip_sheet_missing (via syncOrMissing) when there is none. */
export function queueLayout(context: Excel.RequestContext): () => TableLayout {
  return inspectTable(context.workbook.tables.getItem(TABLE_NAME));
}

/** Queues a new table over the given cells; Excel names blank header cells "Column1"… until repairTable writes ours. */
function createTable(sheet: Excel.Worksheet, at: { row: number; col: number; rows: number; cols: number }, headers: string[]): TableLayout {
  const table = sheet.tables.add(sheet.getRangeByIndexes(at.row, at.col, at.rows, at.cols), true);
  table.name = TABLE_NAME;
  return { sheet, table, sheetName: SHEET_NAME, headerRow: at.row, firstColumn: at.col, columnCount: at.cols, bodyRows: at.rows - 1, headers };
}

/**
 * How the header row is repaired: `strict` before a write (rows are laid out in DIP order), `restore` for our own
 * table, `adopt` for a table just built over a person's data (see repairHeaders).
 */
export type HeaderMode = 'strict' | 'restore' | 'adopt';

/**
 * Queues the header cells that change, as few ranges as there are runs of them. Cells left as they are are not
 * written: a blank one in a new table keeps Excel's "ColumnN" name rather than getting an empty string.
 */
function writeHeaderCells(layout: TableLayout, before: readonly string[], after: readonly string[]): void {
  for (let i = 0; i < after.length; ) {
    if (after[i] === (before[i] ?? '')) {
      i++;
      continue;
    }
    const start = i;
    while (i < after.length && after[i] !== (before[i] ?? '')) i++;
    layout.sheet.getRangeByIndexes(layout.headerRow, layout.firstColumn + start, 1, i - start).values = [after.slice(start, i)];
  }
}

const currentHeaders = (layout: TableLayout): string[] => Array.from({ length: layout.columnCount }, (_, i) => layout.headers[i] ?? '');

/** The header row the repair gives the table: as long as the table, or longer by the DIP columns it lacks. */
function plannedHeaders(layout: TableLayout, mode: HeaderMode): string[] {
  const current = currentHeaders(layout);
  return mode === 'strict' ? strictHeaders(current) : repairHeaders(current, mode);
}

/**
 * Puts the headers right (`headers`, from plannedHeaders) and widens the table to hold the DIP columns it lacks
 * (added at its right end, over cells ensureRoomToWiden found empty); queues the fixes, returns the new layout.
 */
function repairTable(layout: TableLayout, headers: readonly string[], fixes: EnsureFix[]): TableLayout {
  const { sheet, headerRow, firstColumn } = layout;
  const current = currentHeaders(layout);
  const columnCount = Math.max(headers.length, layout.columnCount);
  if (columnCount > layout.columnCount) {
    layout.table.resize(sheet.getRangeByIndexes(headerRow, firstColumn, layout.bodyRows + 1, columnCount));
    fixes.push('columns_added');
  }
  // The widened cells hold Excel's "ColumnN" placeholders, read here as blank: their new names differ, so they are written.
  writeHeaderCells(layout, current, headers);
  if (headers.some((h, i) => h !== (current[i] ?? '')) && !fixes.includes('table_created')) fixes.push('headers_restored');
  return { ...layout, columnCount, headers: [...headers] };
}

/** A table just made where nothing stands right of it (see ensureTable), repaired: nothing to look at first. */
const repairNew = (layout: TableLayout, mode: HeaderMode, fixes: EnsureFix[]): TableLayout => repairTable(layout, plannedHeaders(layout, mode), fixes);

/** The table as ensureTable left it (repairs queued), the fixes, and what lies around its rows (rowsBelow.ts). */
export interface Ensured {
  layout: TableLayout;
  fixes: EnsureFix[];
  around: Around;
}

/** How many of the last lines of an old DIP are read for a closing block under its list (a signature block is ~10). */
const CLOSING_SEARCH_ROWS = 60;

/**
 * The sheet row just past an old DIP's list, for adopting it: above a closing block under it (a signature block, a
 * "Keterangan" note: shared/grid.ts finds it as an import does) and the blank lines between them; the end of the
 * values without one. `top` holds the lines from `from`, `tail` those from `tailFrom` to the end of the values.
 */
function listBottom(from: number, top: readonly (readonly unknown[])[], tailFrom: number, tail: readonly (readonly unknown[])[]): number {
  const grid = [...top, ...tail];
  const sheetRow = (i: number) => (i < top.length ? from + i : tailFrom + i - top.length);
  let r = parseDipGrid(grid).closingRow;
  if (r < 0) return tail.length > 0 ? tailFrom + tail.length : from + top.length;
  // Up past the blank lines above the block — never across the lines not read between `top` and `tail` (the list's).
  const gap = tail.length > 0 && tailFrom > from + top.length;
  while (r > 0 && !(gap && r === top.length) && (grid[r - 1] ?? []).every((v) => cellText(v).trim() === '')) r--;
  return sheetRow(r);
}

/**
 * Finds, creates or repairs the DIP table in at most four syncs, whatever the workbook holds. The fixes are queued,
 * not synced, so a caller sends them with its own next batch. Widening an existing table never takes over what a
 * person keeps right of it: when those cells hold something, columns_blocked is thrown before anything is queued
 * (ensureRoomToWiden: no sync in the usual case, one when the sheet's values reach those cells). What lies under
 * and beside the table's rows (for a write that changes their number) is read in the sync that reads the table.
 * - a "TabelDIP" table anywhere: repaired in place (its sheet renamed "DIP" if no other sheet has that name);
 * - a "DIP" sheet with another table on it: that table is adopted (renamed) — a person renamed ours;
 * - a "DIP" sheet with data and no table: a table is built over the data from its header row down to the list's
 *   end (title lines above the header and a closing block under the list are left alone: listBottom; a write
 *   starts at the top instead), as wide as the data, its own headers kept
 *   and the DIP columns it lacks added on the right (repairHeaders); a write `replacing` an old DIP (an import)
 *   takes that DIP's rows and columns only (at least ours), leaving what lies under or right of it around the table;
 * - nothing: a "DIP" sheet with an empty table.
 */
export async function ensureTable(context: Excel.RequestContext, mode: HeaderMode, replacing?: Area): Promise<Ensured> {
  const { workbook } = context;
  const named = workbook.worksheets.getItemOrNullObject(SHEET_NAME);
  const existing = workbook.tables.getItemOrNullObject(TABLE_NAME);
  await context.sync();
  const fixes: EnsureFix[] = [];

  let table: Excel.Table | null = existing.isNullObject ? null : existing;
  let adopted = false;
  if (!table && named.isNullObject) {
    fixes.push('sheet_created', 'table_created');
    const sheet = workbook.worksheets.add(SHEET_NAME);
    return { layout: repairNew(createTable(sheet, { row: 0, col: 0, rows: 2, cols: WIDTH }, []), mode, fixes), fixes, around: NOTHING_AROUND };
  }
  if (!table) {
    named.tables.load('items/name');
    const used = named.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    const other = named.tables.items[0];
    if (other) {
      // Adopt rather than stack a second table on the sheet; renamed below, once it is known that it can be repaired.
      adopted = true;
      table = other;
    } else {
      fixes.push('table_created');
      // The tables made here stand where no value does: on an empty sheet, or over the sheet's values with the
      // DIP columns they lack added past them. Nothing of the person's is in the way of the widening.
      if (used.isNullObject) {
        return { layout: repairNew(createTable(named, { row: 0, col: 0, rows: 2, cols: WIDTH }, []), mode, fixes), fixes, around: NOTHING_AROUND };
      }
      const top = named.getRangeByIndexes(used.rowIndex, used.columnIndex, Math.min(used.rowCount, HEADER_SEARCH_ROWS), used.columnCount);
      top.load('values');
      const end = used.rowIndex + used.rowCount;
      const right = used.columnIndex + used.columnCount;
      // Adopting, the last lines are read too (a closing block under the list is found there: listBottom), and
      // before the table's extent is planned.
      const tailStart = Math.max(used.rowIndex + HEADER_SEARCH_ROWS, end - CLOSING_SEARCH_ROWS);
      const tail = mode !== 'strict' && tailStart < end ? named.getRangeByIndexes(tailStart, used.columnIndex, end - tailStart, used.columnCount) : null;
      tail?.load('values');
      if (mode !== 'strict') await context.sync();
      // A write replacing an old DIP (an import read from this sheet) takes its rows and columns only (at least ours):
      // what lies under its last row or right of its columns (a signature block, a note) is the person's, and stays
      // around the table, moved as any write moves what lies around it (rowsBelow.ts). Values beside the rows it
      // takes are read with the top rows, so a shorter write knows it cannot delete those rows whole.
      const replaced = mode === 'strict' ? replacing : undefined;
      const bottom =
        mode !== 'strict' ? listBottom(used.rowIndex, top.values, tailStart, tail?.values ?? []) : replaced ? Math.min(end, replaced.row + replaced.rows) : end;
      if (mode !== 'strict' && bottom < end) fixes.push('closing_block_left_out');
      const cols =
        mode !== 'strict' ? used.columnCount : Math.max(WIDTH, replaced ? Math.min(used.columnCount, replaced.col + replaced.cols - used.columnIndex) : used.columnCount);
      const beside =
        used.columnIndex + cols < right && bottom - used.rowIndex > 1
          ? named.getRangeByIndexes(used.rowIndex + 1, used.columnIndex + cols, bottom - used.rowIndex - 1, right - used.columnIndex - cols).getUsedRangeOrNullObject(true)
          : null;
      beside?.load('rowIndex');
      await context.sync();
      // An old DIP has title lines above its header ("DAFTAR INFORMASI PUBLIK", the body's name, a blank line): the
      // table starts at the header shared/ finds under them, and the title lines stay above it as they are. Not
      // before a write (strict): that replaces the whole sheet's content in our layout, from the top.
      const skip = mode === 'strict' ? 0 : Math.max(0, findHeaderRow(top.values));
      // Adopting, the table covers the person's columns only; the DIP columns missing from them are added past the
      // used range, where the cells are empty. A write lays out DIP_COLUMNS from the first column anyway.
      const at = { row: used.rowIndex + skip, col: used.columnIndex, rows: Math.max(2, bottom - used.rowIndex - skip), cols };
      const headers = (top.values[skip] ?? []).map(cellText);
      const around: Around = { below: end > at.row + at.rows, besideBody: beside !== null && !beside.isNullObject };
      return { layout: repairNew(createTable(named, at, headers), mode === 'strict' ? 'strict' : 'adopt', fixes), fixes, around };
    }
  }

  const read = inspectTable(table);
  const extent = queueExtent(table.worksheet);
  const bodyRows = queueBodyRows(table);
  await context.sync();
  const layout = read();
  const headers = plannedHeaders(layout, mode);
  await ensureRoomToWiden(context, layout, headers.slice(layout.columnCount), extent());
  if (adopted) {
    table.name = TABLE_NAME;
    fixes.push('table_renamed');
  }
  if (layout.sheetName !== SHEET_NAME && named.isNullObject) {
    layout.sheet.name = SHEET_NAME;
    layout.sheetName = SHEET_NAME;
    fixes.push('sheet_renamed');
  }
  const repaired = repairTable(layout, headers, fixes);
  return { layout: repaired, fixes, around: aroundOf(repaired, extent(), bodyRows()) };
}

export function ensureResult(layout: TableLayout, fixes: EnsureFix[]): EnsureResult {
  const status = fixes.includes('sheet_created') ? 'created' : fixes.length > 0 ? 'repaired' : 'ok';
  return { status, fixes, missingHeaders: missingHeaders(layout.headers) };
}

function listValidation(range: Excel.Range, labels: readonly string[], title: string): void {
  range.dataValidation.clear();
  range.dataValidation.rule = { list: { inCellDropDown: true, source: labels.join(',') } };
  // "Warning", not "Stop": real DIPs arrive with variants ("Serta-merta", "Hard & Soft File") that the importer
  // normalises and flags; refusing them at the cell would only push people to paste around the list.
  range.dataValidation.errorAlert = {
    showAlert: true,
    style: 'Warning',
    title,
    message: `Pilih salah satu: ${labels.join(', ')}.`,
  };
}

/**
 * Column widths, the hidden ID column, the frozen header, drop-down lists for Kategori and Bentuk, wrapped prose
 * columns — all over a bounded number of rows. Idempotent, so a repair simply applies it again. The lists, wrap and
 * alignment reach past the table (rows typed under it get them) unless something lies `below` it: a signature block
 * must not get drop-down lists or wrapped lines. Rows added inside a table take its columns' formats anyway.
 */
export function applyFormats(layout: TableLayout, bodyRows: number, options: AdapterOptions, below = false): void {
  const { sheet, headerRow, firstColumn } = layout;
  const rows = below ? Math.max(bodyRows, 1) : Math.max(options.formatRows, bodyRows + options.formatMargin);
  const positions = columnPositions(layout.headers);
  const column = (i: number) => (positions[i] ?? -1) >= 0 ? firstColumn + (positions[i] ?? 0) : -1;

  DIP_COLUMNS.forEach((spec, i) => {
    const c = column(i);
    if (c < 0) return;
    const top = sheet.getRangeByIndexes(headerRow, c, 1, 1);
    top.format.columnWidth = spec.width * POINTS_PER_CHAR;
    if (spec.hidden) top.columnHidden = true;
    if (spec.width >= WRAP_MIN_WIDTH) sheet.getRangeByIndexes(headerRow + 1, c, rows, 1).format.wrapText = true;
  });
  sheet.getRangeByIndexes(headerRow + 1, firstColumn, rows, layout.columnCount).format.verticalAlignment = 'Top';

  const category = column(columnIndex('category'));
  if (category >= 0) listValidation(sheet.getRangeByIndexes(headerRow + 1, category, rows, 1), Object.values(CATEGORY_LABELS), 'Kategori');
  const formats = column(columnIndex('formats'));
  if (formats >= 0) listValidation(sheet.getRangeByIndexes(headerRow + 1, formats, rows, 1), Object.values(FORMAT_LABELS), 'Bentuk Informasi');

  sheet.freezePanes.freezeRows(headerRow + 1);
}
