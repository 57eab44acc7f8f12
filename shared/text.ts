/**
 * Cell values to clean text: the first step of every normaliser. Cells come from Office.js (string, number,
 * boolean), from exceljs (also Date, rich text, hyperlinks, formula results) or from a JSON body.
 */

export const MONTHS_ID = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;

/** "1 Januari 2024". */
export function formatIndonesianDate(year: number, month0: number, day: number): string {
  return `${day} ${MONTHS_ID[month0]} ${year}`;
}

/**
 * The calendar day of a JS Date. exceljs hands dates over at UTC midnight, while a Date built in the browser from
 * local parts sits at local midnight: whichever of the two is midnight is the day the person meant.
 */
function dateParts(d: Date): [number, number, number] {
  const localMidnight = d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0;
  const utcMidnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  if (localMidnight && !utcMidnight) return [d.getFullYear(), d.getMonth(), d.getDate()];
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
}

export function formatDate(d: Date): string {
  return formatIndonesianDate(...dateParts(d));
}

/** A normalised value and whether the input was understood (unrecognised input is kept, never dropped). */
export interface Normalised<T> {
  value: T;
  recognised: boolean;
}

export type CellPrimitive = string | number | boolean | Date | null;

/**
 * The plain value of a cell. exceljs wraps some values in objects (`{ richText }`, `{ text, hyperlink }`,
 * `{ formula, result }`, `{ error }`); anything else that is not a primitive reads as empty.
 */
export function unwrapCell(v: unknown): CellPrimitive {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    return o.richText.map((r) => (r && typeof (r as { text?: unknown }).text === 'string' ? (r as { text: string }).text : '')).join('');
  }
  if ('result' in o) return unwrapCell(o.result);
  if (typeof o.text === 'string' || (o.text && typeof o.text === 'object')) return unwrapCell(o.text);
  if (typeof o.hyperlink === 'string') return o.hyperlink;
  return null;
}

/** The text a person sees in a cell: numbers as written, dates in Indonesian ("1 Januari 2024"). */
export function cellText(v: unknown): string {
  const p = unwrapCell(v);
  if (p === null) return '';
  if (typeof p === 'string') return p;
  if (typeof p === 'number') return Number.isFinite(p) ? String(p) : '';
  if (typeof p === 'boolean') return p ? 'TRUE' : 'FALSE';
  return Number.isNaN(p.getTime()) ? '' : formatDate(p);
}

// Invisible characters pasted from web pages and PDFs; no-break and other fixed-width spaces.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const LINE_BREAK = /\r\n?|[\u2028\u2029\v\f\u0085]/g;
const ANY_SPACE_RUN = /\s+/g;
const INLINE_SPACE_RUN = /[^\S\n]+/g;
const BLANK_LINE_RUN = /\n{3,}/g;
/** Anything normalizeText would change: invisible or odd characters, any whitespace but a single inner space. */
const NEEDS_WORK = /[\u200B-\u200D\u2060\uFEFF\u00AD\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]|[^\S ]| {2}|^ | $/;

/**
 * Trims, removes invisible characters, turns NBSP and friends into spaces and collapses runs of spaces.
 * Single-line (the default) also folds line breaks into a space; `multiline` keeps them, trims each line and
 * keeps at most one blank line between paragraphs, which is what a readable summary needs.
 *
 * @example normalizeText('  Laporan\u00A0 Keuangan ') // 'Laporan Keuangan'
 * @example normalizeText('a  \r\n\r\n\r\n b', { multiline: true }) // 'a\n\nb'
 */
export function normalizeText(v: unknown, opts: { multiline?: boolean } = {}): string {
  const raw = cellText(v);
  // Most cells are clean already: one test instead of four replacements keeps a 10,000-row sheet fast.
  if (!NEEDS_WORK.test(raw)) return raw;
  const s = raw.replace(INVISIBLE, '').replace(ODD_SPACE, ' ');
  if (!opts.multiline) return s.replace(ANY_SPACE_RUN, ' ').trim();
  return s
    .replace(LINE_BREAK, '\n')
    .split('\n')
    .map((line) => line.replace(INLINE_SPACE_RUN, ' ').trim())
    .join('\n')
    .replace(BLANK_LINE_RUN, '\n\n')
    .trim();
}

const PLACEHOLDER = /^[-–—._]+$/;

/** Cells that only say "nothing here": "-", "–", "...". */
export function isPlaceholder(s: string): boolean {
  return PLACEHOLDER.test(s);
}

/** Lower case, punctuation to spaces, single spaces: the form keyword rules match against. */
const NON_WORD = /[^\p{L}\p{N}]+/gu;
export function foldForMatch(s: string): string {
  return s.toLowerCase().replace(NON_WORD, ' ').trim();
}

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`: for catching typos cheaply. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Memoises a normaliser of strings. A DIP repeats the same few spellings thousands of times, so caching keeps a
 * 10,000-row import fast; the cache is dropped when it grows past `limit` so hostile input cannot grow it forever.
 */
export function memoize<T>(fn: (s: string) => T, limit = 2_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const out = fn(s);
    if (cache.size >= limit) cache.clear();
    cache.set(s, out);
    return out;
  };
}
