/**
 * GET /riwayat: every published version, newest first, with its SK and what changed since the version published
 * before it (counts always; the rows behind them in a <details>, which opens without JavaScript).
 */
import type { HistoryEntry, ReadableDiff } from '../public.history.js';
import { decreeLines, fmtDateTime, fmtInt } from './format.js';
import { h, type Html } from './html.js';
import { layout } from './layout.js';

const more = (shown: number, total: number) => (total > shown ? h`<li class="more">dan ${fmtInt(total - shown)} lainnya</li>` : '');

function diffDetails(d: ReadableDiff): Html {
  const { added, changed, removed } = d.counts;
  if (added + changed + removed === 0) return h`<p>Tidak ada perubahan isi yang tampil untuk publik.</p>`;
  const parts: Html[] = [];
  if (added > 0) {
    parts.push(h`<h4>Ditambahkan (${fmtInt(added)})</h4><ul>${d.added.map((r) => h`<li>${r.title} <span class="tag">${r.category}</span></li>`)}${more(d.added.length, added)}</ul>`);
  }
  if (changed > 0) {
    parts.push(h`<h4>Diubah (${fmtInt(changed)})</h4><ul>${d.changed.map(
      (c) => h`<li>${c.title}<ul>${c.fields.map((f) => h`<li><span class="field-name">${f.label}</span>: <del>${f.from || '(kosong)'}</del> <span aria-hidden="true">→</span><span class="sr-only">menjadi</span> <ins>${f.to || '(kosong)'}</ins></li>`)}</ul></li>`,
    )}${more(d.changed.length, changed)}</ul>`);
  }
  if (removed > 0) {
    parts.push(h`<h4>Dihapus (${fmtInt(removed)})</h4><ul>${d.removed.map((r) => h`<li>${r.title} <span class="tag">${r.category}</span></li>`)}${more(d.removed.length, removed)}</ul>`);
  }
  return h`<details><summary>Lihat rincian perubahan</summary>${parts}</details>`;
}

function entry(e: HistoryEntry, current: boolean): Html {
  const { added, changed, removed } = e.diff.counts;
  const since = e.previous === null ? 'Versi terbit pertama' : `Dibanding versi ${e.previous}`;
  return h`<article class="version" aria-labelledby="versi-${e.version}">
<h2 id="versi-${e.version}">Versi ${e.version}${current ? ' (berlaku)' : ''}</h2>
<dl>
${decreeLines(e).map(([k, v]) => h`<div><dt>${k}</dt><dd>${v}</dd></div>`)}
<div><dt>Dibuat</dt><dd>${fmtDateTime(e.createdAt)}</dd></div>
<div><dt>Jumlah baris</dt><dd>${fmtInt(e.rowCount)}</dd></div>
<div><dt>Sidik isi (SHA-256)</dt><dd><code class="hash">${e.contentHash}</code></dd></div>
</dl>
<h3>Perubahan</h3>
<p data-diff-counts="${added},${changed},${removed}">${since}: ${fmtInt(added)} ditambahkan, ${fmtInt(changed)} diubah, ${fmtInt(removed)} dihapus.</p>
${diffDetails(e.diff)}
<p><a href="/dip${current ? '' : `?versi=${e.version}`}">Lihat daftar versi ${e.version}</a></p>
</article>`;
}

export function riwayatPage(entries: readonly HistoryEntry[], currentVersion: number | null, cssHref: string): Html {
  const main =
    entries.length === 0
      ? h`<h1>Riwayat versi DIP</h1><div class="notice"><p><strong>Belum ada Daftar Informasi Publik yang diterbitkan.</strong></p></div>`
      : h`<h1>Riwayat versi DIP</h1><p>Setiap versi Daftar Informasi Publik yang pernah diterbitkan, dengan Surat Keputusan penetapannya dan perubahannya dibanding versi terbit sebelumnya.</p>${entries.map((e) => entry(e, e.version === currentVersion))}`;
  return layout({ title: 'Riwayat versi Daftar Informasi Publik', current: 'riwayat', cssHref, main });
}
