/**
 * What a citizen may see of a published version: the one gate between stored rows and every public output
 * (pages, riwayat diffs, CSV, XLSX, JSON). An excluded row (DIK) leaves here with its title, legal basis,
 * consequence and period only — its summary, unit, link, notes and public-interest weighing never do.
 */
import { formatExemptionBasis } from '../../../shared/basis.js';
import { CATEGORY_LABELS, DIP_COLUMNS, FORMAT_LABELS, type ColumnKey } from '../../../shared/columns.js';
import type { Article17Letter, Category, Format, StoredDipRow } from '../../../shared/row.js';

export type PublicCategory = Exclude<Category, 'dikecualikan'>;
/** Display order of the groups on the page (UU 14/2008 Pasal 9, 10, 11). */
export const PUBLIC_CATEGORIES: readonly PublicCategory[] = ['berkala', 'serta_merta', 'setiap_saat'];

export interface PublicEntry {
  id: string;
  category: PublicCategory;
  title: string;
  summary: string;
  owningUnit: string;
  responsible: string;
  createdWhen: string;
  createdWhere: string;
  formats: Format[];
  retention: string;
  link: string | null;
}

export interface DikEntry {
  id: string;
  title: string;
  basis: { article17: Article17Letter | null; clause: string | null; otherLaw: string | null };
  /** The basis as one line ("Pasal 17 huruf h; UU 43/2009"). */
  basisText: string;
  consequence: string;
  period: string;
}

export interface PublicProjection {
  entries: PublicEntry[];
  dik: DikEntry[];
  /** Rows without a kategori: never shown (an unclassified row may be one that must be excluded). */
  unclassified: number;
}

function toDik(r: StoredDipRow): DikEntry {
  const e = r.exemption ?? null;
  const basis = { article17: e?.article17 ?? null, clause: e?.clause ?? null, otherLaw: e?.otherLaw ?? null };
  return {
    id: r.id,
    title: r.title,
    basis,
    basisText: e ? formatExemptionBasis({ article17: basis.article17, ...(e.clause ? { clause: e.clause } : {}), ...(e.otherLaw ? { otherLaw: e.otherLaw } : {}) }) : '',
    consequence: e?.consequence ?? '',
    period: e?.period ?? '',
  };
}

/**
 * Splits stored rows into public entries (grouped by kategori, stored order kept within a group) and DIK entries.
 *
 * @example projectPublic(rows).dik[0] // { id, title, basis, basisText, consequence, period } — nothing more
 */
export function projectPublic(rows: readonly StoredDipRow[]): PublicProjection {
  const groups = new Map<PublicCategory, PublicEntry[]>(PUBLIC_CATEGORIES.map((c) => [c, []]));
  const dik: DikEntry[] = [];
  let unclassified = 0;
  for (const r of rows) {
    if (r.category === 'dikecualikan') {
      dik.push(toDik(r));
      continue;
    }
    const group = r.category === null ? undefined : groups.get(r.category);
    if (!group) {
      unclassified++;
      continue;
    }
    group.push({
      id: r.id,
      category: r.category as PublicCategory,
      title: r.title,
      summary: r.summary,
      owningUnit: r.owningUnit,
      responsible: r.responsible,
      createdWhen: r.createdWhen,
      createdWhere: r.createdWhere,
      formats: [...r.formats],
      retention: r.retention,
      link: r.link ?? null,
    });
  }
  return { entries: PUBLIC_CATEGORIES.flatMap((c) => groups.get(c)!), dik, unclassified };
}

export const categoryLabel = (c: Category): string => CATEGORY_LABELS[c];

/** "Hardcopy", "Softcopy" or "Hardcopy & Softcopy", as the sheet writes it. */
export function formatsLabel(formats: readonly Format[]): string {
  if (formats.includes('hardcopy') && formats.includes('softcopy')) return FORMAT_LABELS.both;
  return formats.map((f) => FORMAT_LABELS[f]).join(', ');
}

/** Only http(s) links become anchors: anything else (javascript:, data:) is shown as text. */
export const isWebLink = (s: string | null): s is string => s !== null && /^https?:\/\/[^\s]+$/i.test(s);

/** Four-digit years named in "Waktu Pembuatan" ("2023", "Januari 2024", "2019–2021" → both ends). */
export function yearsOf(createdWhen: string): number[] {
  const out = new Set<number>();
  for (const m of createdWhen.matchAll(/(?<![0-9])(19[0-9]{2}|20[0-9]{2}|2100)(?![0-9])/g)) out.add(Number(m[1]));
  return [...out];
}

/** The columns of a public row and of a DIK row, in the order every output shows them. */
export const PUBLIC_COLUMN_KEYS = ['category', 'title', 'summary', 'owningUnit', 'responsible', 'createdWhen', 'createdWhere', 'formats', 'retention', 'link'] as const satisfies readonly ColumnKey[];
export const DIK_COLUMN_KEYS = ['category', 'title', 'exemption.basis', 'exemption.consequence', 'exemption.period'] as const satisfies readonly ColumnKey[];
export type PublicColumnKey = (typeof PUBLIC_COLUMN_KEYS)[number] | (typeof DIK_COLUMN_KEYS)[number];

/** The sheet header of a column (Indonesian: the same words as the workbook the PPID keeps). */
export function columnHeader(key: ColumnKey): string {
  return DIP_COLUMNS.find((c) => c.key === key)?.header.id ?? key;
}

const isDik = (e: PublicEntry | DikEntry): e is DikEntry => 'basisText' in e;

/** The cells of one entry as text, keyed by column: a DIK entry has its five columns and no others. */
export function cellsOf(e: PublicEntry | DikEntry): Partial<Record<PublicColumnKey, string>> {
  if (isDik(e)) {
    return { category: categoryLabel('dikecualikan'), title: e.title, 'exemption.basis': e.basisText, 'exemption.consequence': e.consequence, 'exemption.period': e.period };
  }
  return {
    category: categoryLabel(e.category),
    title: e.title,
    summary: e.summary,
    owningUnit: e.owningUnit,
    responsible: e.responsible,
    createdWhen: e.createdWhen,
    createdWhere: e.createdWhere,
    formats: formatsLabel(e.formats),
    retention: e.retention,
    link: e.link ?? '',
  };
}

/**
 * An entry as header → text, the form the riwayat diff compares: a change to a field that is not public
 * (an excluded row's summary) is invisible there because the field is not in the record.
 */
export function displayRecord(e: PublicEntry | DikEntry): Record<string, string> {
  const cells = cellsOf(e);
  const keys: readonly PublicColumnKey[] = isDik(e) ? DIK_COLUMN_KEYS : PUBLIC_COLUMN_KEYS;
  return Object.fromEntries(keys.map((k) => [columnHeader(k), cells[k] ?? '']));
}
