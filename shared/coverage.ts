/**
 * Coverage check for the six-monthly monev: does the DIP hold the information a public body must publish
 * periodically (UU 14/2008 Pasal 9 ayat (2), Perki 1/2021 Pasal 11 ayat (1))? The checklist itself is data (the
 * server keeps it in a table an admin edits); this module only matches a checklist against rows, so the same
 * matching runs on the server and, if wanted, in the task pane.
 */
import type { Category, DipRow } from './row.js';
import { foldForMatch } from './text.js';

/** One obligation of the checklist. */
export interface CoverageItem {
  /** Stable key (`profil`, `laporan_keuangan`). */
  key: string;
  title: string;
  titleEn: string;
  /** The legal basis, as people cite it ("Perki 1/2021 Pasal 11 ayat (1) huruf a"). */
  basis: string;
  /**
   * Phrases that mark a row as covering this item, matched on whole words of the row's title and summary, case and
   * punctuation ignored. A word ending in `*` matches any word that starts with it ("keuang*" → "keuangan").
   */
  keywords: readonly string[];
  /** The kategori the item belongs in; null when any published kategori will do. */
  expectedCategory: Category | null;
}

/**
 * - present: at least one row matches and is in the expected kategori;
 * - other_category: rows match, but none is in the expected kategori (the item is there, misclassified);
 * - missing: no row matches.
 */
export type CoverageStatus = 'present' | 'other_category' | 'missing';

export interface CoverageRowRef {
  id: string;
  title: string;
  category: Category | null;
  owningUnit: string;
  /** The keyword that matched first: tells a person why the row is listed. */
  keyword: string;
}

export interface CoverageItemResult {
  key: string;
  status: CoverageStatus;
  rows: CoverageRowRef[];
}

const KEYWORD_WORD = /^[\p{L}\p{N}]+\*?$/u;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A keyword as a matcher over folded text (lower case, single spaces): its words in order, each a whole word or,
 * with a trailing `*`, a word prefix. Null for a keyword with no letters or digits.
 *
 * @example keywordMatcher('laporan keuang*')!('ringkasan laporan keuangan 2024') // true
 */
export function keywordMatcher(keyword: string): ((folded: string) => boolean) | null {
  const words = keyword
    .split(/\s+/)
    .map((w) => (w.endsWith('*') ? `${foldForMatch(w)}*` : foldForMatch(w)))
    .flatMap((w) => w.split(' '))
    .filter((w) => w !== '' && w !== '*');
  if (words.length === 0 || !words.every((w) => KEYWORD_WORD.test(w))) return null;
  const body = words.map((w) => (w.endsWith('*') ? `${escapeRegExp(w.slice(0, -1))}[\\p{L}\\p{N}]*` : escapeRegExp(w))).join(' ');
  const re = new RegExp(`(?:^| )${body}(?= |$)`, 'u');
  return (folded) => re.test(folded);
}

/** The text of a row the checklist is matched against. */
const searchableText = (row: Pick<DipRow, 'title' | 'summary'>): string => foldForMatch(`${row.title} ${row.summary}`);

/**
 * Matches every checklist item against the rows. Excluded rows (dikecualikan) never cover an item: what must be
 * published cannot be satisfied by information that is withheld. Rows are listed in their order in `rows`.
 *
 * @example checkCoverage([{ key: 'keuangan', keywords: ['laporan keuang*'], expectedCategory: 'berkala', … }], rows)
 *   // [{ key: 'keuangan', status: 'present', rows: [{ id, title: 'Laporan Keuangan 2024', keyword: 'laporan keuang*', … }] }]
 */
export function checkCoverage(
  items: readonly CoverageItem[],
  rows: readonly (Pick<DipRow, 'title' | 'summary' | 'category' | 'owningUnit'> & { id: string })[],
): CoverageItemResult[] {
  const candidates = rows.filter((r) => r.category !== 'dikecualikan').map((r) => ({ row: r, text: searchableText(r) }));
  return items.map((item) => {
    const matchers = item.keywords.flatMap((k) => {
      const m = keywordMatcher(k);
      return m ? [{ keyword: k, test: m }] : [];
    });
    const hits: CoverageRowRef[] = [];
    for (const { row, text } of candidates) {
      const hit = matchers.find((m) => m.test(text));
      if (hit) hits.push({ id: row.id, title: row.title, category: row.category, owningUnit: row.owningUnit, keyword: hit.keyword });
    }
    const inPlace = hits.some((h) => item.expectedCategory === null || h.category === item.expectedCategory);
    const status: CoverageStatus = hits.length === 0 ? 'missing' : inPlace ? 'present' : 'other_category';
    return { key: item.key, status, rows: hits };
  });
}
