/**
 * Reading the public pages in tests: the figures and row ids the views mark with data attributes, and a reference
 * filter written independently of public.filter.ts (plain lower-casing, no index) to check it against.
 */
import type { DipRow } from '../../../shared/row.js';

/** The number shown for a kategori (the page writes 1.250 for 1250). */
export function kategoriCount(page: string, kategori: string): number {
  const m = new RegExp(`data-kategori-count="${kategori}">([0-9.]+)<`).exec(page);
  if (!m) throw new Error(`no count for ${kategori}`);
  return Number(m[1]!.replace(/\./g, ''));
}

export function totalShown(page: string): number | null {
  const m = /data-total>([0-9.]+)</.exec(page);
  return m ? Number(m[1]!.replace(/\./g, '')) : null;
}

export const rowIdsOn = (page: string) => [...page.matchAll(/data-row-id="([^"]+)"/g)].map((m) => m[1]!);
export const dikIdsOn = (page: string) => [...page.matchAll(/data-dik-id="([^"]+)"/g)].map((m) => m[1]!);

/** The hrefs of the page links (HTML entities undone). */
export function pagerHrefs(page: string): string[] {
  const nav = /<nav class="pager"[\s\S]*?<\/nav>/.exec(page)?.[0] ?? '';
  return [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

export interface RefQuery {
  q?: string;
  kategori?: string;
  unit?: string;
  tahun?: number;
}

/**
 * Which of `rows` (ids alongside) the public list should show for a query, in page order: public kategori in
 * order berkala, serta merta, setiap saat, then the DIK; with the counts per kategori before the kategori filter.
 */
export function referenceFilter(rows: readonly (DipRow & { id: string })[], q: RefQuery) {
  const terms = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const has = (text: string) => terms.every((t) => text.toLowerCase().includes(t));
  const order = ['berkala', 'serta_merta', 'setiap_saat'];
  const counts: Record<string, number> = { berkala: 0, serta_merta: 0, setiap_saat: 0, dikecualikan: 0 };
  const pub = rows
    .filter((r) => r.category !== null && order.includes(r.category))
    .filter((r) => (q.unit === undefined || r.owningUnit === q.unit) && (q.tahun === undefined || r.createdWhen.includes(String(q.tahun))))
    .filter((r) => has(`${r.title}\n${r.summary}\n${r.owningUnit}`))
    .sort((a, b) => order.indexOf(a.category!) - order.indexOf(b.category!));
  pub.forEach((r) => counts[r.category!]!++);
  const dik = q.unit !== undefined || q.tahun !== undefined ? [] : rows.filter((r) => r.category === 'dikecualikan' && has(r.title));
  counts.dikecualikan = dik.length;
  const shownPub = pub.filter((r) => q.kategori === undefined || r.category === q.kategori);
  const shownDik = q.kategori === undefined || q.kategori === 'dikecualikan' ? dik : [];
  return { counts, ids: [...shownPub, ...shownDik].map((r) => r.id), publicIds: shownPub.map((r) => r.id), dikIds: shownDik.map((r) => r.id) };
}
