/**
 * The state behind the mock Excel (mockExcel.ts): sheets of cells, tables, fills, notes, validation rules and the
 * selection. Plain data, so tests can set a workbook up and assert on what the adapter left in it.
 */
import { a1 } from '../address.js';
import { moveKeys, movedRect } from './rowShift.js';

export type Cell = string | number | boolean;

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface TableModel extends Rect {
  name: string;
  sheet: SheetModel;
}

export interface ValidationModel extends Rect {
  rule: unknown;
  errorAlert?: unknown;
}

/** A chart as worksheet.charts.add made it (reportSheet.ts). */
export interface ChartModel {
  type: string;
  source: Rect;
  seriesBy: string | undefined;
  name: string;
  title: string;
  /** setPosition's cells, as given. */
  position: [string, string | undefined] | null;
}

const key = (r: number, c: number) => `${r}:${c}`;

/**
 * What Excel stores when an API write (or a person) gives it this value: text is parsed as if typed unless it
 * starts with the apostrophe prefix (which is not kept) or the cell is formatted as Text ("@").
 */
export function typedIn(value: unknown, format = 'General'): Cell {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = value === null || value === undefined ? '' : String(value);
  if (text.startsWith("'")) return text.slice(1);
  if (format === '@') return text;
  if (/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(text)) return Number(text);
  if (/^(true|false)$/i.test(text)) return text.toUpperCase() === 'TRUE';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Date.parse(text) / 86_400_000 + 25_569; // a date serial
  if (/^[=+-]./.test(text)) return '#NAME?'; // taken for a formula that does not compute
  return text;
}
export const inside = (rect: Rect, r: number, c: number) =>
  r >= rect.row && r < rect.row + rect.rows && c >= rect.col && c < rect.col + rect.cols;
export const overlaps = (a: Rect, b: Rect) =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

function deleteInside(map: Map<string, unknown>, rect: Rect): void {
  for (const k of [...map.keys()]) {
    const [r, c] = k.split(':').map(Number) as [number, number];
    if (inside(rect, r, c)) map.delete(k);
  }
}

export class SheetModel {
  values: Cell[][] = [];
  numberFormats: string[][] = [];
  /** What Excel would display for a non-text cell (a date's "12/01/2023"); default String(value). */
  displayText = new Map<string, string>();
  fills = new Map<string, string>();
  notes = new Map<string, string>();
  comments = new Map<string, string>();
  columnWidths = new Map<number, number>();
  hiddenColumns = new Set<number>();
  wrapped: Rect[] = [];
  aligned: Rect[] = [];
  validations: ValidationModel[] = [];
  frozenRows = 0;
  bold: Rect[] = [];
  charts: ChartModel[] = [];

  constructor(public name: string) {}

  get(r: number, c: number): Cell {
    return this.values[r]?.[c] ?? '';
  }

  text(r: number, c: number): string {
    const v = this.get(r, c);
    return typeof v === 'string' ? v : (this.displayText.get(key(r, c)) ?? String(v));
  }

  format(r: number, c: number): string {
    return this.numberFormats[r]?.[c] ?? 'General';
  }

  /** Writes values as Office.js does: each one parsed as typed (see typedIn). */
  typeIn(row: number, col: number, grid: readonly (readonly unknown[])[]): void {
    this.put(row, col, grid.map((line, i) => line.map((v, j) => typedIn(v, this.format(row + i, col + j)))));
  }

  /** Stores a block of cells at (row, col) as they are (test setup). */
  put(row: number, col: number, grid: readonly (readonly Cell[])[]): void {
    grid.forEach((line, i) => {
      const target = (this.values[row + i] ??= []);
      line.forEach((v, j) => {
        target[col + j] = v;
      });
    });
  }

  putFormats(row: number, col: number, grid: readonly (readonly string[])[]): void {
    grid.forEach((line, i) => {
      const target = (this.numberFormats[row + i] ??= []);
      line.forEach((v, j) => {
        target[col + j] = v;
      });
    });
  }

  read<T>(rect: Rect, cell: (r: number, c: number) => T): T[][] {
    return Array.from({ length: rect.rows }, (_, i) => Array.from({ length: rect.cols }, (_, j) => cell(rect.row + i, rect.col + j)));
  }

  grid(rect: Rect): Cell[][] {
    return this.read(rect, (r, c) => this.get(r, c));
  }

  /** The smallest rectangle holding every non-empty value (of `within`, else of the sheet), or null for none. */
  usedRange(within?: Rect): Rect | null {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    this.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === '' || v === undefined) return;
        if (within && !inside(within, r, c)) return;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }),
    );
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  clear(rect: Rect, what: 'All' | 'Contents' | 'Formats'): void {
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        const line = this.values[r];
        const formats = this.numberFormats[r];
        if (what !== 'Formats' && line) line[c] = '';
        if (what !== 'Contents' && formats) formats[c] = 'General';
      }
    }
    if (what !== 'Contents') deleteInside(this.fills, rect);
  }

  clearFill(rect: Rect): void {
    deleteInside(this.fills, rect);
  }

  fillAt(r: number, c: number): string | undefined {
    return this.fills.get(key(r, c));
  }

  setFill(rect: Rect, color: string): void {
    for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) this.fills.set(key(r, c), color);
  }

  /**
   * Inserts `count` entire rows at `at` (count > 0) or deletes them from `at` (count < 0), as Excel does: every
   * cell below moves with its value, number format, fill, note and comment; ranges of formats and validations move,
   * grow or shrink with their rows (tables: WorkbookModel.shiftRows).
   */
  shiftRows(at: number, count: number): void {
    for (const grid of [this.values, this.numberFormats] as unknown[][][]) {
      if (grid.length <= at) continue;
      if (count > 0) grid.splice(at, 0, ...Array.from({ length: count }, () => []));
      else grid.splice(at, -count);
    }
    for (const map of [this.displayText, this.fills, this.notes, this.comments]) moveKeys(map, at, count);
    const move = <T extends Rect>(rects: T[]) => rects.map((r) => movedRect(r, at, count)).filter((r): r is T => r !== null);
    this.wrapped = move(this.wrapped);
    this.aligned = move(this.aligned);
    this.bold = move(this.bold);
    this.validations = move(this.validations);
    for (const chart of this.charts) chart.source = movedRect(chart.source, at, count) ?? chart.source;
  }
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  /** The selection as Excel reports it: "DIP!A3:P5, DIP!A8:P8". */
  selection = '';
  activeSheet: string | null = null;

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): SheetModel {
    if (this.sheet(name)) throw new Error(`sheet ${name} exists`);
    const sheet = new SheetModel(name);
    this.sheets.push(sheet);
    return sheet;
  }

  table(name: string): TableModel | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  tablesOn(sheet: SheetModel): TableModel[] {
    return this.tables.filter((t) => t.sheet === sheet);
  }

  /** Like Excel's tables.add with headers: blank header cells become "Column1", "Column2"… */
  addTable(sheet: SheetModel, rect: Rect): TableModel {
    if (this.tables.some((t) => t.sheet === sheet && overlaps(t, rect))) throw new Error('tables cannot overlap');
    let n = this.tables.length + 1;
    while (this.table(`Table${n}`)) n++;
    const table: TableModel = { ...rect, name: `Table${n}`, sheet };
    this.tables.push(table);
    this.nameBlankHeaders(table);
    return table;
  }

  nameBlankHeaders(table: TableModel): void {
    for (let c = 0; c < table.cols; c++) {
      if (table.sheet.get(table.row, table.col + c) === '') table.sheet.put(table.row, table.col + c, [[`Column${c + 1}`]]);
    }
  }

  /** Header row and body as a grid, for assertions. */
  tableGrid(name: string): Cell[][] {
    const t = this.table(name);
    if (!t) throw new Error(`no table ${name}`);
    return t.sheet.grid(t);
  }

  /**
   * Entire rows inserted (count > 0) or deleted (count < 0) on a sheet, with its tables: a table below moves, one
   * the insertion passes through grows (one right above it does not: Excel adds rows to a table only inside it),
   * one whose rows are all deleted goes. A message when Excel would refuse or the model does not know the outcome
   * (deleting a table's header row and not its body, or every body row and not the header): nothing is changed.
   */
  shiftRows(sheet: SheetModel, at: number, count: number): string | null {
    const tables = this.tablesOn(sheet);
    if (count < 0) {
      for (const t of tables) {
        const moved = movedRect(t, at, count);
        const header = t.row >= at && t.row < at - count;
        if (moved && (header || moved.rows < 2)) return `deletes the header row or every body row of ${t.name}`;
      }
    }
    sheet.shiftRows(at, count);
    for (const t of tables) {
      const moved = movedRect(t, at, count);
      if (moved) Object.assign(t, moved);
      else this.tables.splice(this.tables.indexOf(t), 1);
    }
    return null;
  }

  select(sheet: string, rect: Rect): void {
    this.selection = `${sheet}!${a1(rect.row, rect.col, rect.rows, rect.cols)}`;
    this.activeSheet = sheet;
  }
}
