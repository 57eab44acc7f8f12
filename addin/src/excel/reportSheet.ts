/**
 * Writes a report into a new sheet: a title block, tables of values (text stays text, numbers stay numbers, so
 * staff can keep calculating with them) and one native Excel chart over one of the tables. Values, not pictures.
 *
 * One Excel.run and two syncs whatever the report holds: one to find a free sheet name, one for everything else
 * (values first, then formats, then the chart). Every range is bounded by the report's own size, and a report too
 * large for one request is refused before anything is written.
 */
import { a1 } from './address.js';
import { jsonBytes } from './payload.js';
import { AdapterError, officeRunner, type ExcelRunner } from './runner.js';
import { asText } from './writeRows.js';

export type ReportSheetCell = string | number;

export interface ReportSheetTable {
  /** Heading written above the table. */
  caption: string;
  headers: readonly string[];
  rows: readonly (readonly ReportSheetCell[])[];
  /** Width in characters per column (the widest table of the sheet decides a column's width). */
  widths?: readonly number[];
  /** The last row is a total: bold, and left out of the chart. */
  hasTotal?: boolean;
}

export interface ReportSheetSpec {
  /** The sheet name wanted; when taken, "name (2)", "name (3)"… Cut to Excel's 31 characters, []:*?/\ removed. */
  name: string;
  title: string;
  /** Lines under the title: period, versions, when it was made. */
  notes: readonly string[];
  tables: readonly ReportSheetTable[];
  chart: {
    /** Index in `tables` of the table the chart shows. */
    table: number;
    title: string;
    type: 'ColumnClustered' | 'BarClustered';
    /** How many columns after the first (the categories) become series. */
    series: number;
  };
}

export interface ReportSheetResult {
  sheetName: string;
  /** A1 address of each table (header row included), in `tables` order. */
  tableAddresses: string[];
  chartName: string;
}

/** Candidate names looked up in the one sync that finds a free one. */
const NAME_CANDIDATES = 30;
/** Budget for the one request that writes the sheet (Excel on the web refuses 5 MB). */
const MAX_REQUEST_BYTES = 2_000_000;
const POINTS_PER_CHAR = 6;
const HEADER_FILL = '#DDEBF7';
const CHART_WIDTH_COLS = 8;
const CHART_HEIGHT_ROWS = 18;
export const CHART_NAME = 'GrafikLaporan';

/** A sheet name Excel accepts: no []:*?/\, no leading or trailing apostrophe, at most 31 characters. */
export function sheetNameOf(name: string, suffix = ''): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '') || 'Laporan';
  return `${clean.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
}

const cell = (v: ReportSheetCell): ReportSheetCell => (typeof v === 'number' ? v : asText(v));

interface Layout {
  grid: ReportSheetCell[][];
  width: number;
  /** Row index of each table's caption and header, and its row count (without header). */
  tables: { caption: number; header: number; rows: number; cols: number }[];
  bold: number[];
}

/** The whole sheet as one grid: title, notes, a blank row, then each table (caption, header, rows) and a blank row. */
function layout(spec: ReportSheetSpec): Layout {
  const width = Math.max(1, ...spec.tables.map((t) => t.headers.length));
  const grid: ReportSheetCell[][] = [];
  const pad = (cells: readonly ReportSheetCell[]) => [...cells.map(cell), ...Array.from({ length: width - cells.length }, () => '')];
  const bold: number[] = [0];
  grid.push(pad([spec.title]));
  for (const n of spec.notes) grid.push(pad([n]));
  grid.push(pad([]));
  const tables = spec.tables.map((t) => {
    const caption = grid.length;
    bold.push(caption);
    grid.push(pad([t.caption]));
    const header = grid.length;
    grid.push(pad(t.headers));
    for (const r of t.rows) grid.push(pad(r.slice(0, width)));
    if (t.hasTotal && t.rows.length > 0) bold.push(grid.length - 1);
    grid.push(pad([]));
    return { caption, header, rows: t.rows.length, cols: t.headers.length };
  });
  return { grid, width, tables, bold };
}

/** Writes `spec` into a new sheet (see the module comment); the sheet is activated. */
export async function writeReportSheet(context: Excel.RequestContext, spec: ReportSheetSpec): Promise<ReportSheetResult> {
  const chartTable = spec.tables[spec.chart.table];
  if (!chartTable || spec.chart.series < 1 || spec.chart.series >= chartTable.headers.length) {
    throw new RangeError('chart must name a table and at least one of its columns after the first');
  }
  const { grid, width, tables, bold } = layout(spec);
  if (jsonBytes(grid) > MAX_REQUEST_BYTES) throw new AdapterError('too_large', 'The report is too large for one sheet.');

  const { worksheets } = context.workbook;
  const candidates = Array.from({ length: NAME_CANDIDATES }, (_, i) => sheetNameOf(spec.name, i === 0 ? '' : ` (${i + 1})`));
  const found = candidates.map((n) => worksheets.getItemOrNullObject(n));
  await context.sync();
  const free = candidates.find((_, i) => found[i]!.isNullObject);
  if (free === undefined) throw new Error(`Every sheet name from "${candidates[0]}" to "${candidates[NAME_CANDIDATES - 1]}" is taken.`);

  const sheet = worksheets.add(free);
  sheet.getRangeByIndexes(0, 0, grid.length, width).values = grid;
  for (const r of bold) sheet.getRangeByIndexes(r, 0, 1, width).format.font.bold = true;
  for (const t of tables) sheet.getRangeByIndexes(t.header, 0, 1, t.cols).format.fill.color = HEADER_FILL;
  for (let c = 0; c < width; c++) {
    const chars = Math.max(10, ...spec.tables.map((t) => t.widths?.[c] ?? 0));
    sheet.getRangeByIndexes(0, c, grid.length, 1).format.columnWidth = chars * POINTS_PER_CHAR;
  }

  const at = tables[spec.chart.table]!;
  const chartRows = at.rows - (chartTable.hasTotal && at.rows > 0 ? 1 : 0);
  const chart = sheet.charts.add(spec.chart.type, sheet.getRangeByIndexes(at.header, 0, 1 + chartRows, 1 + spec.chart.series), 'Columns');
  chart.name = CHART_NAME;
  chart.title.text = spec.chart.title;
  // Beside the tables, level with the first one, so it never covers a value.
  const top = tables[0]?.caption ?? 0;
  chart.setPosition(a1(top, width + 1), a1(top + CHART_HEIGHT_ROWS - 1, width + CHART_WIDTH_COLS));
  sheet.activate();
  await context.sync();

  return { sheetName: free, tableAddresses: tables.map((t) => a1(t.header, 0, 1 + t.rows, t.cols)), chartName: CHART_NAME };
}

/** What the Laporan pane is given: the writer over Excel (or, in tests, over office-addin-mock's runner). */
export interface ReportWriter {
  writeReportSheet(spec: ReportSheetSpec): Promise<ReportSheetResult>;
}

export function createReportWriter(runner: ExcelRunner = officeRunner): ReportWriter {
  return { writeReportSheet: (spec) => runner.run((context) => writeReportSheet(context, spec)) };
}
