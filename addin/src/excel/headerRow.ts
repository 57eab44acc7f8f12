/**
 * The header row of the DIP table: finding our columns in it and repairing it. Pure: no Office.js.
 * Columns are found by what their header means, as shared/'s parseDipGrid reads them (headerKey: "Jenis Informasi"
 * is Kategori, "Ringkasan Isi" is the summary, "No." is a row number to skip), not by position and not by our exact
 * text: a sheet whose columns a person moved, or an old DIP in another layout, marks, formats and repairs the same
 * cells the reading takes its values from.
 */
import { DIP_COLUMNS, DIP_HEADERS, type ColumnKey } from '../../../shared/columns.js';
import { headerKey, type HeaderKey } from '../../../shared/headers.js';

const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();
const DIP_NORM = DIP_HEADERS.map(norm);

const meanings = (headers: readonly string[]): (HeaderKey | null)[] => headers.map((h) => headerKey(h));

/** Where a DIP column's values are read from: its own column, or for time and place a combined one ("Waktu dan Tempat"). */
function positionOf(keys: readonly (HeaderKey | null)[], key: ColumnKey): number {
  const at = keys.indexOf(key);
  return at < 0 && (key === 'createdWhen' || key === 'createdWhere') ? keys.indexOf('createdWhenWhere') : at;
}

/**
 * For each DIP column (DIP_COLUMNS order), its position in `headers`, or -1 when absent: the first column whose
 * header means it, as parseDipGrid takes the first of duplicates.
 *
 * @example columnPositions(['No.', 'Jenis Informasi'])[1] // 1 (Kategori)
 */
export function columnPositions(headers: readonly string[]): number[] {
  const keys = meanings(headers);
  return DIP_COLUMNS.map((c) => positionOf(keys, c.key));
}

/** One of our headers give or take spacing and case is that header: "  kategori " → "Kategori". */
const withoutDrift = (h: string): string => {
  const i = DIP_NORM.indexOf(norm(h));
  return i >= 0 ? (DIP_HEADERS[i] ?? h) : h;
};

/**
 * Whether the header row is in our layout as far as it names columns: every DIP column it has is spelled as we
 * spell it and none is combined. Only then does a column's position say what it holds, so a blank (or, for our own
 * table, unknown) header may be given the DIP header of its position. An old DIP ("No.", "Jenis Informasi",
 * "Ringkasan Isi") says nothing by position: its unnamed columns stay unnamed.
 */
function inOurLayout(cells: readonly string[], keys: readonly (HeaderKey | null)[]): boolean {
  if (keys.includes('createdWhenWhere')) return false;
  return DIP_COLUMNS.every((c) => {
    const at = keys.indexOf(c.key);
    return at < 0 || cells[at] === c.header.id;
  });
}

/**
 * The header row after a repair, for `ensureDipSheet`; longer than `current` when DIP columns are missing (they are
 * added at the end, and only over empty cells: ensureTable refuses with columns_blocked otherwise, see widenRoom.ts).
 * Never renamed: a header that means something (one of ours moved elsewhere, another layout's "Jenis Informasi", "No."), which keeps
 * the person's column as reading sees it; so the row numbers under "No." never become ids. Spacing and case drift
 * of our own headers is corrected. A blank header gets the DIP header of its position when the row is in our layout
 * (inOurLayout) and that column is nowhere else; with `restore` (our own table) so does an unknown header there, a
 * column of ours that a person renamed. With `adopt` (a table just built over a person's data) an unknown header is
 * kept. A fixed point: repairing the result again changes nothing, so the button can be clicked any number of times.
 *
 * @example repairHeaders(['ID', 'kategori ', 'Judulnya'], 'restore') // → ['ID', 'Kategori', 'Judul Informasi', …13 more]
 * @example repairHeaders(['No.', 'Jenis Informasi', 'Judul Informasi'], 'restore') // → ['No.', 'Jenis Informasi', 'Judul Informasi', 'ID', …]
 */
export function repairHeaders(current: readonly string[], mode: 'restore' | 'adopt'): string[] {
  const cells = current.map(withoutDrift);
  const keys = meanings(cells);
  if (inOurLayout(cells, keys)) {
    cells.forEach((h, i) => {
      const want = DIP_COLUMNS[i];
      const free = norm(h) === '' || (mode === 'restore' && keys[i] === null);
      if (!want || !free || positionOf(keys, want.key) >= 0) return;
      cells[i] = want.header.id;
      keys[i] = want.key;
    });
  }
  const missing = DIP_COLUMNS.filter((c) => positionOf(keys, c.key) < 0);
  return [...cells, ...missing.map((c) => c.header.id)];
}

/**
 * The header row before a write, which lays rows out in DIP order: exactly DIP_HEADERS, then the extra columns'
 * headers — renamed if one repeats a DIP header (Excel refuses duplicate table headers).
 */
export function strictHeaders(current: readonly string[]): string[] {
  const extras = current.slice(DIP_HEADERS.length).map((h) => (DIP_NORM.includes(norm(h)) ? `${h} (lama)` : h));
  return [...DIP_HEADERS, ...extras];
}

/** DIP headers whose column is nowhere in the row (by meaning, as columnPositions finds them). */
export function missingHeaders(headers: readonly string[]): string[] {
  const positions = columnPositions(headers);
  return DIP_HEADERS.filter((_, i) => positions[i] === -1);
}

export const sameRow = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);
