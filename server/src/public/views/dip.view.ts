/**
 * GET / and /dip: the published DIP by kategori, its decree and content hash, search and filters (a plain GET
 * form: no JavaScript), the page of results, the DIK, and the downloads.
 */
import type { Category } from '../../../../shared/row.js';
import { ALL_WITH_SEARCH_MAX, allOnOnePage, PAGE_SIZE, queryString, type DipQuery, type FilterResult, type IndexedDik, type IndexedEntry } from '../public.filter.js';
import { categoryLabel, PUBLIC_CATEGORIES } from '../public.model.js';
import type { PublishedDip } from '../public.service.js';
import { decreeLines, fmtInt } from './format.js';
import { h, type Html } from './html.js';
import { layout } from './layout.js';
import { pager } from './pager.js';
import { dikTable, entriesTable } from './tables.js';

export interface DipPageProps {
  dip: PublishedDip | null;
  query: DipQuery;
  result: FilterResult | null;
  cssHref: string;
}

const GROUP_TITLES: Record<Category, { title: string; basis: string }> = {
  berkala: { title: 'Informasi Berkala', basis: 'Informasi yang wajib disediakan dan diumumkan secara berkala (Pasal 9 UU 14/2008).' },
  serta_merta: { title: 'Informasi Serta Merta', basis: 'Informasi yang wajib diumumkan secara serta merta (Pasal 10 UU 14/2008).' },
  setiap_saat: { title: 'Informasi Setiap Saat', basis: 'Informasi yang wajib tersedia setiap saat (Pasal 11 UU 14/2008).' },
  dikecualikan: { title: 'Daftar Informasi yang Dikecualikan (DIK)', basis: 'Informasi yang dikecualikan (Pasal 17 UU 14/2008). Yang diumumkan hanya judul informasi, dasar hukum pengecualian, konsekuensi, dan jangka waktu pengecualiannya.' },
};

function emptyState(): Html {
  return h`<h1>Daftar Informasi Publik</h1>
<div class="notice">
<p><strong>Belum ada Daftar Informasi Publik yang diterbitkan.</strong></p>
<p>Daftar ini tampil di sini setelah ditetapkan dengan Surat Keputusan (SK) oleh Atasan PPID dan diterbitkan oleh PPID.</p>
</div>`;
}

function decreeBlock(d: PublishedDip): Html {
  const lines: [string, Html | string][] = [
    ['Versi', String(d.version)],
    ...decreeLines(d),
    ['Jumlah informasi', `${fmtInt(d.entries.length)} informasi publik, ${fmtInt(d.dik.length)} informasi dikecualikan`],
    ['Sidik isi (SHA-256)', h`<code class="hash">${d.contentHash}</code>`],
  ];
  return h`<section class="decree" aria-labelledby="penetapan"><h2 id="penetapan">Penetapan</h2><dl>${lines.map(([k, v]) => h`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl></section>`;
}

function option(value: string, label: string, selected: boolean): Html {
  return h`<option value="${value}"${selected ? h` selected` : ''}>${label}</option>`;
}

function searchForm(d: PublishedDip, q: DipQuery): Html {
  const units = q.unit && !d.units.includes(q.unit) ? [q.unit, ...d.units] : d.units;
  return h`<form class="search" method="get" action="/dip" role="search" aria-labelledby="cari-judul">
<h2 id="cari-judul">Cari dan saring</h2>
${q.versi !== null ? h`<input type="hidden" name="versi" value="${q.versi}">` : ''}
<div class="field field-q"><label for="q">Kata kunci (judul, ringkasan, atau unit)</label><input type="search" id="q" name="q" value="${q.q}" maxlength="200" autocomplete="off"></div>
<div class="field"><label for="kategori">Kategori</label><select id="kategori" name="kategori">${option('', 'Semua kategori', q.kategori === null)}${[...PUBLIC_CATEGORIES, 'dikecualikan' as const].map((c) => option(c, categoryLabel(c), q.kategori === c))}</select></div>
<div class="field"><label for="unit">Unit</label><select id="unit" name="unit">${option('', 'Semua unit', q.unit === null)}${units.map((u) => option(u, u, q.unit === u))}</select></div>
<div class="field"><label for="tahun">Tahun pembuatan</label><select id="tahun" name="tahun">${option('', 'Semua tahun', q.tahun === null)}${d.years.map((y) => option(String(y), String(y), q.tahun === y))}</select></div>
<div class="actions"><button type="submit">Cari</button> <a href="/dip${queryString({ ...q, q: '', kategori: null, unit: null, tahun: null, halaman: 1, semua: false })}">Hapus pencarian</a></div>
</form>`;
}

function allLink(q: DipQuery, total: number): Html | string {
  if (total <= PAGE_SIZE) return '';
  if (allOnOnePage(q, total)) return h`<p><a href="/dip${queryString({ ...q, semua: false, halaman: 1 })}">Tampilkan ${PAGE_SIZE} hasil per halaman</a></p>`;
  if (q.q !== '' && total > ALL_WITH_SEARCH_MAX) return '';
  return h`<p><a href="/dip${queryString({ ...q, halaman: 1, semua: true })}">Tampilkan semua hasil di satu halaman (untuk dicetak)</a></p>`;
}

/**
 * Two CSV files, because Excel reads a double-clicked CSV with the list separator of the computer's regional
 * settings: ';' under Indonesian ones (every field of a comma file lands in column A), ',' under most others and
 * in scripts. Each link says in its own name which one it is, so it reads right out of context too.
 */
function downloads(q: DipQuery, total: number): Html {
  const versi = q.versi !== null ? `versi=${q.versi}` : '';
  const href = (file: string, ...params: string[]) => {
    const qs = [versi, ...params].filter(Boolean).join('&');
    return qs ? `${file}?${qs}` : file;
  };
  return h`<section class="downloads" aria-labelledby="unduh"><h2 id="unduh">Unduh daftar lengkap</h2>
<ul>
<li><a href="${href('/dip.xlsx')}" download>Excel (.xlsx)</a></li>
<li><a href="${href('/dip.csv', 'pemisah=titik-koma')}" download>CSV untuk Excel berbahasa Indonesia (titik koma)</a></li>
<li><a href="${href('/dip.csv')}" download>CSV (UTF-8), pemisah koma</a></li>
<li><a href="${href('/dip.json')}">JSON</a></li>
</ul>
<p class="hint">Semua isi masuk ke kolom A saat CSV dibuka di Excel? Pilih <strong>CSV untuk Excel berbahasa Indonesia</strong> (pemisah titik koma). CSV dengan pemisah koma untuk aplikasi dan skrip lain.</p>
<p class="hint" lang="en">Excel with Indonesian regional settings: take the semicolon CSV. Scripts and other software: the comma CSV.</p>
<p class="hint">Berkas unduhan memuat seluruh daftar versi ini, tanpa saringan.</p>
${allLink(q, total)}
</section>`;
}

function counts(q: DipQuery, r: FilterResult): Html {
  const cats: Category[] = [...PUBLIC_CATEGORIES, 'dikecualikan'];
  return h`<ul class="counts" aria-label="Jumlah hasil per kategori">${cats.map(
    (c) =>
      h`<li><a href="/dip${queryString(q, { kategori: c, halaman: 1 })}"${q.kategori === c ? h` aria-current="true"` : ''}>${categoryLabel(c)}</a>: <span data-kategori-count="${c}">${fmtInt(r.counts[c])}</span></li>`,
  )}</ul>`;
}

function groups(r: FilterResult): Html[] {
  const out: Html[] = [];
  let i = 0;
  while (i < r.items.length) {
    const first = r.items[i]!;
    const cat: Category = first.kind === 'dik' ? 'dikecualikan' : first.entry.category;
    const run: typeof r.items = [];
    while (i < r.items.length) {
      const it = r.items[i]!;
      if ((it.kind === 'dik' ? 'dikecualikan' : it.entry.category) !== cat) break;
      run.push(it);
      i++;
    }
    const g = GROUP_TITLES[cat];
    const title = first.no > 1 ? `${g.title} (lanjutan)` : g.title;
    const id = `tabel-${cat}`;
    const table =
      first.kind === 'dik'
        ? dikTable(id, `${g.title}: nomor ${run[0]!.no}–${run.at(-1)!.no}`, run as { entry: IndexedDik; no: number }[])
        : entriesTable(id, `${g.title}: nomor ${run[0]!.no}–${run.at(-1)!.no}`, run as { entry: IndexedEntry; no: number }[]);
    out.push(h`<section class="group group-${cat}" aria-labelledby="judul-${cat}"><h2 id="judul-${cat}">${title}</h2><p class="basis">${g.basis}</p>${table}</section>`);
  }
  return out;
}

function results(q: DipQuery, r: FilterResult): Html {
  const from = r.total === 0 ? 0 : r.offset + 1;
  const to = r.offset + r.items.length;
  const filtered = q.q !== '' || q.kategori !== null || q.unit !== null || q.tahun !== null;
  const summary =
    r.total === 0
      ? h`<p class="summary"><strong>Tidak ada informasi yang cocok dengan pencarian Anda.</strong> Coba kata kunci lain atau hapus saringan.</p>`
      : h`<p class="summary">Menampilkan <span data-range>${fmtInt(from)}–${fmtInt(to)}</span> dari <span data-total>${fmtInt(r.total)}</span> informasi${filtered ? ' yang cocok' : ''}.</p>`;
  const dikNote =
    r.dikHiddenByFilter && (q.kategori === null || q.kategori === 'dikecualikan')
      ? h`<p class="notice">Daftar informasi yang dikecualikan tidak memuat unit maupun waktu pembuatan, sehingga tidak ditampilkan saat disaring menurut unit atau tahun.</p>`
      : '';
  return h`<section class="results" aria-labelledby="hasil"><h2 id="hasil">Hasil</h2>${summary}${counts(q, r)}${dikNote}</section>
${groups(r)}
${pager('/dip', q, r.page, r.pages)}`;
}

export function dipPage(p: DipPageProps): Html {
  const title = p.dip ? `Daftar Informasi Publik — versi ${p.dip.version}` : 'Daftar Informasi Publik';
  if (!p.dip || !p.result) return layout({ title, current: 'dip', cssHref: p.cssHref, main: emptyState() });
  // A `semua=1` that was not honoured (too many matches for a search) must not ride along in the page links.
  const query = p.query.semua && !allOnOnePage(p.query, p.result.total) ? { ...p.query, semua: false } : p.query;
  const archive =
    query.versi !== null
      ? h`<p class="notice">Anda melihat <strong>arsip versi ${p.dip.version}</strong>. <a href="/dip">Lihat daftar yang berlaku saat ini</a>.</p>`
      : '';
  const main = h`<h1>Daftar Informasi Publik</h1>
${archive}
<div class="intro">${decreeBlock(p.dip)}${downloads(query, p.result.total)}</div>
${searchForm(p.dip, query)}
${results(query, p.result)}`;
  return layout({ title, current: 'dip', cssHref: p.cssHref, main });
}

/** A 404 page for an archive version that was never published (a citizen's link, not an API call). */
export function versionNotFoundPage(cssHref: string, versi: number): Html {
  return layout({
    title: 'Versi tidak ditemukan',
    current: null,
    cssHref,
    main: h`<h1>Versi tidak ditemukan</h1><p>Versi ${versi} tidak pernah diterbitkan. <a href="/dip">Lihat daftar yang berlaku</a> atau <a href="/riwayat">riwayat versi</a>.</p>`,
  });
}
