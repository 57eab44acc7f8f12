/**
 * The DIP sheet as a grid of cells, both ways: `toDipGrid` writes rows in our layout, `parseDipGrid` reads our
 * layout or another one (a DIP published elsewhere) back into rows, normalising every value and saying what it
 * could not understand. The Excel adapter only moves grids; interpreting cells happens here.
 */
import { CATEGORY_LABELS, DIP_COLUMNS, DIP_HEADERS, FORMAT_LABELS, type ColumnKey } from './columns.js';
import { columnLabel, columnLetter, headerKey, isFieldColumn, type HeaderKey } from './headers.js';
import type { Lang, ValidationIssue } from './issues.js';
import { issueMessage, quoteValue, type IssueCode, type MessageParams } from './messages.js';
import { formatExemptionBasis, normalizeCategory, normalizeRow, normalizeText, unwrapCell, type RawDipRecord } from './normalize.js';
import type { Category, DipRow } from './row.js';
import { foldForMatch } from './text.js';

type FieldColumn = ColumnKey | 'createdWhenWhere';

export interface ParseOptions {
  /** Language of the issue messages (default Indonesian). */
  lang?: Lang;
}

export interface ParsedGrid {
  rows: DipRow[];
  /** What could not be read; `rowIndex` indexes `rows` (-1: about the sheet as a whole, e.g. a column). */
  issues: ValidationIssue[];
  /** 0-based grid row of the header, or -1 when none was found. */
  headerRow: number;
  /** For each returned row, its 0-based row in the grid (blank, section and closing-block rows are skipped, so they differ). */
  sourceRows: number[];
  /** Where each recognised column is in the grid (0-based), for marking cells of an imported layout. */
  columns: Partial<Record<FieldColumn, number>>;
  /** 0-based grid row where a closing block under the list begins (left out of `rows`), or -1 when there is none. */
  closingRow: number;
}

/** How far down findHeaderRow looks: a caller reading only the top of a sheet to find the header reads this many rows. */
export const HEADER_SEARCH_ROWS = 10;
const MIN_HEADER_MATCHES = 3;
/** Columns a DIP row cannot do without: missing ones are reported once for the whole sheet. */
const REQUIRED_COLUMNS: readonly ColumnKey[] = [
  'category', 'title', 'summary', 'owningUnit', 'responsible', 'createdWhen', 'createdWhere', 'formats', 'retention',
];
/** A row under the header that only numbers the columns: "1 2 3 …" or "(1) (2) (3) …". */
const COLUMN_NUMBER = /^\(?\d{1,2}\)?\.?$/;
/** A list marker standing alone in a cell: "A.", "II.", "3)". */
const ENUMERATOR = /^(?:[a-z]|[ivxlc]+|\d{1,3})[.)]?$/i;
/** At most this many cells filled on a line of a closing block (two signatures side by side, a "NIP." split off). */
const CLOSING_MAX_CELLS = 3;
/**
 * How a closing block under an Indonesian DIP opens (matched on foldForMatch text): "Ditetapkan di Jambi", "pada
 * tanggal …", "Mengetahui,", "Keterangan:" — or a written date (WRITTEN_DATE). Only these may start a block that
 * follows the list without a blank line: "Kepala Bagian Umum" straight under the last row is more likely a row
 * someone began to fill.
 */
const CLOSING_OPENER =
  /^(?:ditetapkan|disahkan|mengesahkan|mengetahui|menyetujui|diperiksa|dibuat oleh|pada tanggal|keterangan|catatan)\b/;
/** The rest of a signature block: "a.n. / Plt. / Pj.", "KEPALA DINAS …", "PPID Utama", "ttd", "NIP 19…", "Pembina Tk. I". */
const CLOSING_LINE =
  /^(?:tanggal|ttd|t t d|nip|nrp|a n|atas nama|plt|plh|pj|kepala|sekretaris|ketua|direktur|wali ?kota|bupati|gubernur|camat|lurah|ppid|atasan ppid|pembina|penata|pangkat)\b/;
/**
 * A place and a written date, as a signature block is dated: "Jambi, 2 Januari 2025". A bare date is not one: it
 * may be a row's Waktu Pembuatan.
 */
const WRITTEN_DATE = /^\p{L}[\p{L} ]* \d{1,2} (?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember) \d{4}$/u;

// Exports put an apostrophe before text a spreadsheet would run as a formula (server/src/export/escape.ts), and
// exceljs reads that apostrophe back as part of the text: reading drops it again. Excel itself never shows it in
// `values` (it is a prefix, not content), so the task pane's reads are unaffected.
const ESCAPED_FORMULA = /^'[=+\-@\t\r\n]/;

const cellString = (v: unknown): string => normalizeText(v);

/** A grid line as an array (a JSON body may hold anything where a line should be). */
const lineAt = (grid: readonly (readonly unknown[])[], r: number): readonly unknown[] => {
  const line = grid[r];
  return Array.isArray(line) ? line : [];
};

function headerKeys(row: readonly unknown[]): (HeaderKey | null)[] {
  return Array.from(row, (c) => headerKey(cellString(c)));
}

function countFields(keys: readonly (HeaderKey | null)[]): number {
  return new Set(keys.filter(isFieldColumn)).size;
}

/** A second header row under the first (merged "Uji Konsekuensi" over four sub-headers): every cell is a header. */
function isSubHeader(row: readonly unknown[]): boolean {
  const filled = Array.from(row, cellString).filter((s) => s !== '');
  return filled.length >= 2 && filled.every((s) => isFieldColumn(headerKey(s)));
}

/** Every filled cell names a column (or is "No." / a group label): a header row, not a title or data row. */
function isCleanHeader(row: readonly unknown[]): boolean {
  return Array.from(row, cellString).every((s) => s === '' || headerKey(s) !== null);
}

/**
 * The 0-based row of the column headers within the first 10 rows of a grid, or -1: the first row naming at least
 * three DIP columns. Title lines above it ("DAFTAR INFORMASI PUBLIK", the body's name, a blank line) name none and
 * are passed over. One exception: when that first row also holds text that names no column, and a later row names
 * only columns, at least as many, the later row is the header. That is an old DIP pasted over the top of the
 * add-in's own header row, whose headers are left standing beside the pasted title line. A sub-header directly
 * under the header (the four columns under a merged "Uji Konsekuensi") belongs to the header and is never one.
 *
 * @example findHeaderRow([['DAFTAR INFORMASI PUBLIK'], ['PPID Kota Jambi'], [], ['No', 'Judul Informasi', 'Ringkasan Isi', 'Pejabat']]) // 3
 */
export function findHeaderRow(grid: readonly (readonly unknown[])[]): number {
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  let found = -1;
  let foundFields = 0;
  for (let r = 0; r < limit; r++) {
    const line = lineAt(grid, r);
    const fields = countFields(headerKeys(line));
    if (fields < MIN_HEADER_MATCHES) continue;
    if (found < 0) {
      found = r;
      foundFields = fields;
      if (isCleanHeader(line)) break;
      continue;
    }
    if (r === found + 1 && isSubHeader(line)) continue;
    if (fields >= foundFields && isCleanHeader(line)) return r;
  }
  return found;
}

/** "A. INFORMASI BERKALA" alone on a line: the kategori of the rows under it, or null when the line is no section row. */
function sectionOf(texts: readonly string[], keys: readonly (HeaderKey | null)[]): Category | null {
  // A lone kategori in the Kategori column is not one: that is a row someone has started to fill.
  const words = texts.flatMap((s, c) => (s !== '' && !ENUMERATOR.test(s) ? [c] : []));
  if (words.length !== 1 || keys[words[0]!] === 'category') return null;
  const cat = normalizeCategory(texts[words[0]!]);
  return cat.recognised ? cat.value : null;
}

const opensClosing = (s: string): boolean => {
  const f = foldForMatch(s);
  return CLOSING_OPENER.test(f) || WRITTEN_DATE.test(f);
};
const isClosingPhrase = (s: string): boolean => opensClosing(s) || CLOSING_LINE.test(foldForMatch(s));

/**
 * Where the closing block under the list begins (0-based grid row), or -1 when there is none. Read upwards from the
 * bottom: every non-blank line under the last DIP row (one with a title or summary) or section row must look like a
 * closing line — no title, no summary, no ID, no recognised kategori, at most CLOSING_MAX_CELLS cells — one of them
 * must read like one (CLOSING_OPENER, CLOSING_LINE, a written date), and the block must stand apart from the list:
 * a blank line above it, or its first line opening a block (CLOSING_OPENER, a written date). Anything else under
 * the list stays data, as it always was.
 */
function closingBlockStart(
  grid: readonly (readonly unknown[])[],
  first: number,
  keys: readonly (HeaderKey | null)[],
  columns: ParsedGrid['columns'],
): number {
  const at = (texts: readonly string[], c: number | undefined) => (c === undefined ? '' : (texts[c] ?? ''));
  let start = -1;
  let phrase = false;
  let blankAbove = false;
  for (let r = grid.length - 1; r >= first; r--) {
    const texts = Array.from(lineAt(grid, r), cellString);
    const cells = texts.filter((s) => s !== '');
    if (cells.length === 0) {
      if (start >= 0) blankAbove = true;
      continue;
    }
    if (at(texts, columns.title) !== '' || at(texts, columns.summary) !== '' || sectionOf(texts, keys) !== null) break;
    // An ID means a row of the register: cutting it would drop that row from the version.
    if (cells.length > CLOSING_MAX_CELLS || at(texts, columns.id) !== '' || normalizeCategory(at(texts, columns.category)).value !== null) return -1;
    start = r;
    blankAbove = false;
    if (cells.some(isClosingPhrase)) phrase = true;
  }
  if (start < 0 || !phrase) return -1;
  return blankAbove || Array.from(lineAt(grid, start), cellString).some(opensClosing) ? start : -1;
}

function isColumnNumberRow(row: readonly unknown[]): boolean {
  const filled = Array.from(row, cellString).filter((s) => s !== '');
  return filled.length >= MIN_HEADER_MATCHES && filled.every((s) => COLUMN_NUMBER.test(s));
}

/** The cell's value as a normaliser wants it: exceljs hyperlinks give their target, escaped text loses its quote. */
function rawCell(key: FieldColumn, v: unknown): unknown {
  if (key === 'link' && v !== null && typeof v === 'object' && typeof (v as { hyperlink?: unknown }).hyperlink === 'string') {
    return (v as { hyperlink: string }).hyperlink;
  }
  const p = unwrapCell(v);
  return typeof p === 'string' && ESCAPED_FORMULA.test(p) ? p.slice(1) : p;
}

/**
 * Reads a DIP from a grid of cells (string, number, boolean, Date, null, exceljs cell objects). Finds the header in
 * the first 10 rows (findHeaderRow), maps columns by header (ours and common aliases), skips blank rows, takes "A. Informasi
 * Berkala" section rows as the kategori of the rows under them, leaves out a closing block under the list (a signature
 * block, a "Keterangan:" note: closingBlockStart) with one warning that says so, and normalises every value. A row that cannot be
 * fully understood is still returned, with an issue for each thing that was not. Content rules are
 * `validateRows`'s job; run it on `rows` as well.
 *
 * @example parseDipGrid(toDipGrid(rows)).rows // equal to rows.map(canonicalRow) for rows with normalised values
 */
export function parseDipGrid(grid: readonly (readonly unknown[])[], opts: ParseOptions = {}): ParsedGrid {
  const lang = opts.lang ?? 'id';
  const out: ParsedGrid = { rows: [], issues: [], headerRow: -1, sourceRows: [], columns: {}, closingRow: -1 };
  const sheetIssue = (severity: ValidationIssue['severity'], code: IssueCode, params: MessageParams = {}) =>
    out.issues.push({ rowId: null, rowIndex: -1, field: null, severity, code, message: issueMessage(code, lang, params) });

  out.headerRow = findHeaderRow(grid);
  if (out.headerRow < 0) {
    sheetIssue('error', 'header_not_found');
    return out;
  }

  const keys = headerKeys(lineAt(grid, out.headerRow));
  let first = out.headerRow + 1;
  const hasSubHeader = isSubHeader(lineAt(grid, first));
  if (hasSubHeader) {
    // A sub-header names the columns under a group or combined header; elsewhere the top header stands.
    headerKeys(lineAt(grid, first)).forEach((k, c) => {
      const top = keys[c];
      if (isFieldColumn(k) && (top == null || top === 'group' || top === 'createdWhenWhere')) keys[c] = k;
    });
    first++;
  }
  if (isColumnNumberRow(lineAt(grid, first))) first++;

  const headerText = (c: number) =>
    cellString(lineAt(grid, out.headerRow)[c]) || (hasSubHeader ? cellString(lineAt(grid, out.headerRow + 1)[c]) : '');
  const used: [FieldColumn, number][] = [];
  keys.forEach((k, c) => {
    if (k === null && headerText(c) !== '') sheetIssue('warning', 'unknown_column', { header: headerText(c) });
    if (!isFieldColumn(k)) return;
    if (out.columns[k] !== undefined) {
      sheetIssue('warning', 'duplicate_column', { header: headerText(c) });
      return;
    }
    out.columns[k] = c;
    used.push([k, c]);
  });

  // A signature block or note under the list, in the list's own columns, would otherwise come in as rows of junk
  // ("Judul wajib diisi" on "Ditetapkan di Jambi"): it is left out, and said so, never dropped silently.
  const closing = closingBlockStart(grid, first, keys, out.columns);
  out.closingRow = closing;
  const end = closing < 0 ? grid.length : closing;
  if (closing >= 0) {
    const lines = grid.slice(closing).map((line) => (Array.isArray(line) ? Array.from(line, cellString).filter((s) => s !== '') : []));
    const firstText = lines.find((cells) => cells.length > 0)?.join(' ') ?? '';
    sheetIssue('warning', 'closing_block_skipped', { count: lines.filter((cells) => cells.length > 0).length, first: quoteValue(firstText) });
  }

  let section: Category | null = null;
  let sectionUsed = false;
  const unnamedWithData = new Set<number>();
  for (let r = first; r < end; r++) {
    const cells = lineAt(grid, r);
    const texts = Array.from(cells, cellString);
    // "A. INFORMASI BERKALA" alone on a row (often merged across the table) heads the rows under it.
    const sectionCategory = sectionOf(texts, keys);
    if (sectionCategory !== null) {
      section = sectionCategory;
      continue;
    }
    const raw: RawDipRecord = {};
    let filled = false;
    for (const [k, c] of used) {
      raw[k] = rawCell(k, cells[c]);
      if (texts[c]) filled = true;
    }
    texts.forEach((s, c) => {
      if (s && keys[c] == null && headerText(c) === '') unnamedWithData.add(c);
    });
    if (!filled) continue;
    if (section !== null && cellString(raw.category) === '') {
      raw.category = section;
      sectionUsed = true;
    }

    const { row, problems } = normalizeRow(raw);
    const rowIndex = out.rows.length;
    for (const p of problems) {
      const params = p.column ? { label: columnLabel(p.column, lang), ...p.params } : p.params;
      out.issues.push({
        rowId: row.id ?? null,
        rowIndex,
        field: p.field,
        severity: p.severity,
        code: p.code,
        message: issueMessage(p.code, lang, params),
      });
    }
    out.rows.push(row);
    out.sourceRows.push(r);
  }

  for (const c of unnamedWithData) sheetIssue('warning', 'unknown_column', { header: `${lang === 'id' ? 'kolom' : 'column'} ${columnLetter(c)}` });
  const hasWhenWhere = out.columns.createdWhenWhere !== undefined;
  for (const key of REQUIRED_COLUMNS) {
    if (out.columns[key] !== undefined) continue;
    if (hasWhenWhere && (key === 'createdWhen' || key === 'createdWhere')) continue;
    if (key === 'category' && sectionUsed) continue;
    sheetIssue('warning', 'missing_column', { header: columnLabel(key, lang) });
  }
  return out;
}

function formatsLabel(formats: DipRow['formats']): string {
  const hard = formats.includes('hardcopy');
  const soft = formats.includes('softcopy');
  return hard && soft ? FORMAT_LABELS.both : hard ? FORMAT_LABELS.hardcopy : soft ? FORMAT_LABELS.softcopy : '';
}

function cellsOf(row: DipRow): Record<ColumnKey, string> {
  const e = row.exemption;
  return {
    id: row.id ?? '',
    category: row.category ? CATEGORY_LABELS[row.category] : '',
    title: row.title,
    summary: row.summary,
    owningUnit: row.owningUnit,
    responsible: row.responsible,
    createdWhen: row.createdWhen,
    createdWhere: row.createdWhere,
    formats: formatsLabel(row.formats),
    retention: row.retention,
    link: row.link ?? '',
    'exemption.basis': e ? formatExemptionBasis(e) : '',
    'exemption.consequence': e?.consequence ?? '',
    'exemption.publicInterest': e?.publicInterest ?? '',
    'exemption.period': e?.period ?? '',
    notes: row.notes ?? '',
  };
}

/**
 * The sheet for a list of rows: the header (DIP_HEADERS), then one line per row in DIP_COLUMNS order, with the
 * sheet labels of kategori and bentuk, the basis as one text, and '' for what is absent. Values are plain text:
 * each writer makes them safe for its medium (the Excel adapter writes every value as text; exports escape
 * formula-like text).
 *
 * @example toDipGrid([row])[1][1] // 'Berkala'
 */
export function toDipGrid(rows: readonly DipRow[]): string[][] {
  const out: string[][] = [[...DIP_HEADERS]];
  for (const row of rows) {
    const cells = cellsOf(row);
    out.push(DIP_COLUMNS.map((c) => cells[c.key]));
  }
  return out;
}
