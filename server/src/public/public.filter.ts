/**
 * Search, filters and pages of the public list: pure functions over a loaded published version.
 * Query parameters are Indonesian (`q`, `kategori`, `unit`, `tahun`, `halaman`, `versi`); a value that cannot be
 * read is ignored rather than refused, because a citizen following an old link should still get a page.
 */
import { CATEGORIES, type Category } from '../../../shared/row.js';
import type { DikEntry, PublicEntry } from './public.model.js';

export const PAGE_SIZE = 50;
/**
 * `semua=1` with a search shows everything only up to this many matches. Without a search the one-page views are
 * few (kategori × unit × year) and cached; with one, every new word would be a fresh render of the whole list.
 */
export const ALL_WITH_SEARCH_MAX = 500;
const MAX_QUERY = 200;

export interface DipQuery {
  q: string;
  kategori: Category | null;
  unit: string | null;
  tahun: number | null;
  halaman: number;
  /** An archived published version; null = the current one. */
  versi: number | null;
  /** Every match on one page (`semua=1`): the view to print the whole list from (see ALL_WITH_SEARCH_MAX). */
  semua: boolean;
}

export interface IndexedEntry extends PublicEntry {
  /** Lower-cased title, summary and unit: what the search looks in. */
  haystack: string;
  /** Folded unit name, for the unit filter. */
  unitKey: string;
  years: number[];
}
export interface IndexedDik extends DikEntry {
  /** Lower-cased title only: searching an excluded row's other fields would leak them through hits. */
  haystack: string;
}

/** Lower case without diacritics, whitespace collapsed: "Bidang  KEUANGAN" and "bidang keuangan" match. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('id').replace(/\s+/g, ' ').trim();
}

const positiveInt = (v: string | undefined, max: number): number | null => (v !== undefined && /^[1-9][0-9]{0,8}$/.test(v) && Number(v) <= max ? Number(v) : null);

export function parseDipQuery(get: (name: string) => string | undefined): DipQuery {
  const text = (name: string) => (get(name) ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
  const kategori = get('kategori');
  const tahun = positiveInt(get('tahun'), 2100);
  return {
    q: text('q'),
    kategori: (CATEGORIES as readonly string[]).includes(kategori ?? '') ? (kategori as Category) : null,
    unit: text('unit') || null,
    tahun: tahun !== null && tahun >= 1900 ? tahun : null,
    halaman: positiveInt(get('halaman'), 1_000_000) ?? 1,
    versi: positiveInt(get('versi'), 999_999_999),
    semua: get('semua') === '1',
  };
}

/**
 * The query string for a link to this query (page 1 and empty values left out), in a fixed order so that equal
 * queries give equal links and equal ETags.
 */
export function queryString(q: DipQuery, over: Partial<DipQuery> = {}): string {
  const m = { ...q, ...over };
  const p = new URLSearchParams();
  if (m.versi !== null) p.set('versi', String(m.versi));
  if (m.q) p.set('q', m.q);
  if (m.kategori) p.set('kategori', m.kategori);
  if (m.unit) p.set('unit', m.unit);
  if (m.tahun !== null) p.set('tahun', String(m.tahun));
  if (m.semua) p.set('semua', '1');
  else if (m.halaman > 1) p.set('halaman', String(m.halaman));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export type ListItem = { kind: 'entry'; entry: IndexedEntry; no: number } | { kind: 'dik'; entry: IndexedDik; no: number };

export interface FilterResult {
  /** Matches per kategori under the search, unit and year (not the kategori filter itself: those are its choices). */
  counts: Record<Category, number>;
  /** Matches under every filter. */
  total: number;
  page: number;
  pages: number;
  /** 0-based index of the first item of the page in the whole result. */
  offset: number;
  items: ListItem[];
  /** The DIK is left out because a unit or year filter is set (an excluded row shows neither). */
  dikHiddenByFilter: boolean;
}

/** Whether `semua=1` may put this many matches on one page. */
export const allOnOnePage = (q: DipQuery, total: number) => q.semua && (q.q === '' || total <= ALL_WITH_SEARCH_MAX);

const matchesAll = (haystack: string, terms: readonly string[]) => terms.every((t) => haystack.includes(t));

export function filterDip(list: { entries: readonly IndexedEntry[]; dik: readonly IndexedDik[] }, q: DipQuery): FilterResult {
  const terms = fold(q.q).split(' ').filter(Boolean);
  const unit = q.unit === null ? null : fold(q.unit);
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;

  const entries: IndexedEntry[] = [];
  for (const e of list.entries) {
    if (unit !== null && e.unitKey !== unit) continue;
    if (q.tahun !== null && !e.years.includes(q.tahun)) continue;
    if (!matchesAll(e.haystack, terms)) continue;
    counts[e.category]++;
    if (q.kategori === null || q.kategori === e.category) entries.push(e);
  }
  const dikHiddenByFilter = unit !== null || q.tahun !== null;
  const dik = dikHiddenByFilter ? [] : list.dik.filter((d) => matchesAll(d.haystack, terms));
  counts.dikecualikan = dik.length;
  const dikShown = q.kategori === null || q.kategori === 'dikecualikan' ? dik : [];

  const total = entries.length + dikShown.length;
  const size = allOnOnePage(q, total) ? Math.max(1, total) : PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(q.semua ? 1 : q.halaman, pages);
  const offset = (page - 1) * size;
  const items: ListItem[] = [];
  // Numbers run within each kategori, as in the printed DIP tables.
  const firstOf = new Map<string, number>();
  entries.forEach((e, i) => firstOf.has(e.category) || firstOf.set(e.category, i));
  for (let i = offset; i < Math.min(offset + size, total); i++) {
    if (i < entries.length) {
      const e = entries[i]!;
      items.push({ kind: 'entry', entry: e, no: i - firstOf.get(e.category)! + 1 });
    } else {
      items.push({ kind: 'dik', entry: dikShown[i - entries.length]!, no: i - entries.length + 1 });
    }
  }
  return { counts, total, page, pages, offset, items, dikHiddenByFilter };
}
