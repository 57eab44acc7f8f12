/**
 * The header row of the DIP table: finding our columns in it and repairing it. Pure: no Office.js.
 * Columns are found by header text, not by position, so a sheet whose columns a person moved still reads,
 * marks and classifies the right cells.
 */
import { DIP_HEADERS } from '../../../shared/columns.js';

const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();
const DIP_NORM = DIP_HEADERS.map(norm);

/** For each DIP column (DIP_COLUMNS order), its position in `headers`, or -1 when absent. */
export function columnPositions(headers: readonly string[]): number[] {
  const normalised = headers.map(norm);
  return DIP_NORM.map((h) => normalised.indexOf(h));
}

/**
 * The header row after a repair, for `ensureDipSheet`. A blank cell gets the DIP header of its position unless
 * that header already stands elsewhere (a moved column is left where the person put it); whitespace or case drift
 * is corrected; extra columns past the DIP ones keep their header. With `keepUnknown` (a table just built over a
 * person's own data, whose headers may be another DIP layout that the importer understands) only blanks are filled;
 * without it an unknown header in a DIP position counts as one of ours that was renamed, and is restored.
 *
 * @example restoreHeaders(['ID', 'kategori ', 'Judul'], false)  // → ['ID', 'Kategori', 'Judul Informasi', …]
 */
export function restoreHeaders(current: readonly string[], keepUnknown: boolean): string[] {
  const width = Math.max(current.length, DIP_HEADERS.length);
  const cells = Array.from({ length: width }, (_, i) => current[i] ?? '');
  const present = new Set(cells.map(norm));
  return cells.map((h, i) => {
    const want = DIP_HEADERS[i];
    if (want === undefined || h === want) return h;
    if (norm(h) === norm(want)) return want;
    if (DIP_NORM.includes(norm(h))) return h;
    if (keepUnknown && norm(h) !== '') return h;
    return present.has(norm(want)) ? h : want;
  });
}

/**
 * The header row before a write, which lays rows out in DIP order: exactly DIP_HEADERS, then the extra columns'
 * headers — renamed if one repeats a DIP header (Excel refuses duplicate table headers).
 */
export function strictHeaders(current: readonly string[]): string[] {
  const extras = current.slice(DIP_HEADERS.length).map((h) => (DIP_NORM.includes(norm(h)) ? `${h} (lama)` : h));
  return [...DIP_HEADERS, ...extras];
}

/** DIP headers that are nowhere in the row. */
export function missingHeaders(headers: readonly string[]): string[] {
  const positions = columnPositions(headers);
  return DIP_HEADERS.filter((_, i) => positions[i] === -1);
}

export const sameRow = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);
