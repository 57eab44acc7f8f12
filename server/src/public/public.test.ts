import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DipRow } from '../../../shared/row.js';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { DEFAULT_DECISION, publishRows, type Pushed } from './testing.js';
import { dikIdsOn, kategoriCount, pagerHrefs, referenceFilter, rowIdsOn, totalShown, type RefQuery } from './testing.html.js';

const N = 5_000;

const contains = (page: string, s: string) => page.includes(s);
// Boolean checks with the needle as the message: a failure names what is missing without printing a 1 MB page.
const expectIn = (page: string, s: string) => expect(contains(page, s), `missing: ${s}`).toBe(true);
const expectNotIn = (page: string, s: string) => expect(contains(page, s), `unexpected: ${s}`).toBe(false);

describe.each(testBackends)('public DIP site on $name', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
  });
  afterAll(async () => {
    await s.database.dispose();
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await s.request(path, { headers });
    return { res, text: await res.text() };
  };

  it('shows an empty state, and no downloads, before anything is published', async () => {
    const { res, text } = await get('/dip');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expectIn(text, 'Belum ada Daftar Informasi Publik yang diterbitkan');
    expectIn(text, '<html lang="id">');
    expect(rowIdsOn(text)).toEqual([]);
    for (const f of ['json', 'csv', 'xlsx']) expect((await get(`/dip.${f}`)).res.status).toBe(404);
    expectIn((await get('/riwayat')).text, 'Belum ada Daftar Informasi Publik yang diterbitkan');
  });

  describe(`a published ${N.toLocaleString('en')}-row DIP`, () => {
    let rows: (DipRow & { id: string })[];
    let pushed: Pushed;
    beforeAll(async () => {
      const input = sampleRows(N);
      pushed = await publishRows(s, input);
      rows = input.map((r, i) => ({ ...r, id: pushed.ids[i]! }));
    });

    const query = (q: RefQuery & { halaman?: number }) => {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(q)) p.set(k, String(v));
      return `/dip?${p.toString()}`;
    };

    it('renders the first page: counts per kategori, 50 rows, version and content hash', async () => {
      const { res, text } = await get('/dip');
      expect(res.status).toBe(200);
      const want = referenceFilter(rows, {});
      for (const k of ['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan']) expect(kategoriCount(text, k)).toBe(want.counts[k]);
      expect(want.counts.berkala).toBe(N / 4);
      expect(totalShown(text)).toBe(N);
      expect(rowIdsOn(text)).toEqual(want.ids.slice(0, 50));
      expectIn(text, pushed.contentHash);
      expectIn(text, `<dt>Versi</dt><dd>${pushed.version}</dd>`);
      // The SK recorded by the approval workflow, written out in Indonesian.
      expectIn(text, `<dt>Nomor SK penetapan</dt><dd>${DEFAULT_DECISION.decreeNumber}</dd>`);
      expectIn(text, '<dt>Tanggal SK</dt><dd>12 Maret 2026</dd>');
      expect(/<dt>Tanggal persetujuan<\/dt><dd>\d{1,2} [A-Z][a-z]+ \d{4}<\/dd>/.test(text), 'approval date').toBe(true);
      // Every Perki column is a header of the table.
      for (const h of ['Judul Informasi', 'Ringkasan Isi Informasi', 'Pejabat/Unit yang Menguasai Informasi', 'Penanggung Jawab Pembuatan/Penerbitan', 'Waktu Pembuatan', 'Tempat Pembuatan', 'Bentuk Informasi', 'Jangka Waktu Penyimpanan / Retensi', 'Tautan / Jenis Media']) {
        expectIn(text, `>${h}</th>`);
      }
      expect((await get('/')).text === text, '/ and /dip differ').toBe(true);
    });

    it('pages through the groups and ends with the DIK', async () => {
      const want = referenceFilter(rows, {});
      const p25 = (await get(query({ halaman: 25 }))).text;
      expect(rowIdsOn(p25)).toEqual(want.ids.slice(24 * 50, 25 * 50));
      expectIn(p25, '>1250</td>');
      const p26 = (await get(query({ halaman: 26 }))).text;
      expectIn(p26, 'Informasi Serta Merta</h2>');
      expectNotIn(p26, '(lanjutan)');
      const last = (await get(query({ halaman: 100 }))).text;
      expect(rowIdsOn(last)).toEqual([]);
      expect(dikIdsOn(last)).toEqual(want.dikIds.slice(-50));
      expectIn(last, 'Daftar Informasi yang Dikecualikan (DIK) (lanjutan)</h2>');
      // A page past the end shows the last one rather than nothing.
      expect(dikIdsOn((await get(query({ halaman: 9999 }))).text)).toEqual(want.dikIds.slice(-50));
    });

    it('searches title, summary and unit case-insensitively, the DIK by title only', async () => {
      for (const q of ['LAPORAN keuangan', 'bidang INFORMASI', 'nomor 4999', 'lampiran']) {
        const want = referenceFilter(rows, { q });
        const { text } = await get(query({ q }));
        for (const k of Object.keys(want.counts)) expect(kategoriCount(text, k), `${q} ${k}`).toBe(want.counts[k]);
        expect(totalShown(text) ?? 0).toBe(want.ids.length);
        expect([...rowIdsOn(text), ...dikIdsOn(text)]).toEqual(want.ids.slice(0, 50));
      }
      // Every summary says "lampiran": public rows match, excluded rows must not (their summary is not public).
      const lampiran = referenceFilter(rows, { q: 'lampiran' });
      expect(lampiran.publicIds).toHaveLength(N * 0.75);
      expect(lampiran.counts.dikecualikan).toBe(0);
      // "nomor 4999" is an excluded row's title: found, in the DIK.
      expect(referenceFilter(rows, { q: 'nomor 4999' }).dikIds).toEqual([rows[4999]!.id]);
    });

    it('filters by kategori, unit and year, and page links keep the filters', async () => {
      const q = { kategori: 'berkala', unit: 'Bidang Informasi', tahun: 2019 };
      const want = referenceFilter(rows, q);
      expect(want.ids.length).toBeGreaterThan(50);
      const { text } = await get(query(q));
      expect(totalShown(text)).toBe(want.ids.length);
      expect(rowIdsOn(text)).toEqual(want.ids.slice(0, 50));
      expect(kategoriCount(text, 'berkala')).toBe(want.counts.berkala);
      expect(contains(text, 'tidak ditampilkan saat disaring menurut unit atau tahun')).toBe(false);
      const unitOnly = (await get(query({ unit: 'Sekretariat' }))).text;
      expect(contains(unitOnly, 'tidak ditampilkan saat disaring menurut unit atau tahun')).toBe(true);
      expect(dikIdsOn(unitOnly)).toEqual([]);
      expect(kategoriCount(unitOnly, 'dikecualikan')).toBe(0);
      const hrefs = pagerHrefs(text);
      expect(hrefs.length).toBeGreaterThan(0);
      for (const h of hrefs) expect(h).toMatch(/^\/dip\?q?.*kategori=berkala&unit=Bidang\+Informasi&tahun=2019(&halaman=\d+)?$/);
      const page2 = (await get(hrefs.find((h) => h.endsWith('halaman=2'))!)).text;
      expect(rowIdsOn(page2)).toEqual(want.ids.slice(50, 100));
      // The choices come from the published rows.
      for (const u of ['Bagian Umum', 'Bidang Keuangan', 'Bidang Perencanaan', 'Sekretariat', 'Bidang Informasi']) expectIn(text, `<option value="${u}"`);
      for (let y = 2015; y <= 2024; y++) expectIn(text, `<option value="${y}"`);
      expectIn(text, '<option value="2019" selected>');
    });

    it('shows every match on one page for printing (semua=1), filters kept', async () => {
      const q = { kategori: 'berkala', unit: 'Bidang Informasi' };
      const want = referenceFilter(rows, q);
      const paged = (await get(query(q))).text;
      const link = /href="([^"]*semua=1[^"]*)"/.exec(paged)![1]!.replace(/&amp;/g, '&');
      expect(link).toBe('/dip?kategori=berkala&unit=Bidang+Informasi&semua=1');
      const all = (await get(link)).text;
      expect(rowIdsOn(all)).toEqual(want.ids);
      expect(want.ids.length).toBeGreaterThan(50);
      expect(pagerHrefs(all)).toEqual([]);
      const everything = (await get('/dip?semua=1')).text;
      expect(rowIdsOn(everything).length + dikIdsOn(everything).length).toBe(N);
      // With a search, one page only up to ALL_WITH_SEARCH_MAX matches (each new word would be a full render).
      const many = (await get('/dip?q=lampiran&semua=1')).text;
      expect(totalShown(many)).toBe(N * 0.75);
      expect(rowIdsOn(many)).toHaveLength(50);
      expect(/semua=1/.test(many)).toBe(false);
      const few = referenceFilter(rows, { q: 'nomor 49' });
      expect(few.ids.length).toBeGreaterThan(50);
      expect(rowIdsOn((await get('/dip?q=nomor+49&semua=1')).text).length + dikIdsOn((await get('/dip?q=nomor+49&semua=1')).text).length).toBe(few.ids.length);
    });

    it('ignores unreadable parameters instead of failing', async () => {
      const { res, text } = await get('/dip?kategori=rahasia&tahun=abc&halaman=-3&q=' + 'x'.repeat(5000));
      expect(res.status).toBe(200);
      expectIn(text, 'Tidak ada informasi yang cocok');
    });

    it('answers If-None-Match with 304; the ETag follows version, hash and query', async () => {
      const a = await get('/dip');
      const etag = a.res.headers.get('etag')!;
      expect(etag).toMatch(new RegExp(`^"dip-v${pushed.version}-${pushed.contentHash.slice(0, 16)}-[0-9a-f]{12}"$`));
      expect(a.res.headers.get('cache-control')).toBe('public, max-age=60');
      const again = await get('/dip', { 'If-None-Match': etag });
      expect(again.res.status).toBe(304);
      expect(again.text).toBe('');
      expect((await get('/dip', { 'If-None-Match': `W/${etag}` })).res.status).toBe(304);
      expect((await get('/dip', { 'If-None-Match': '"other"' })).res.status).toBe(200);
      const filtered = (await get('/dip?kategori=berkala')).res.headers.get('etag');
      expect(filtered).not.toBe(etag);
      // Equal queries written differently are one resource.
      expect((await get('/dip?halaman=1&q=')).res.headers.get('etag')).toBe(etag);

      for (const f of ['json', 'csv', 'xlsx']) {
        const r = await s.request(`/dip.${f}`);
        const tag = r.headers.get('etag')!;
        expectIn(tag, `"${f}-v${pushed.version}-`);
        expect((await s.request(`/dip.${f}`, { headers: { 'If-None-Match': tag } })).status).toBe(304);
      }
    });

    it('gzips for clients that take it, under its own ETag', async () => {
      const plain = await s.request('/dip.json');
      const zipped = await s.request('/dip.json', { headers: { 'Accept-Encoding': 'gzip, br' } });
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
      const body = Buffer.from(await zipped.arrayBuffer());
      const plainBody = Buffer.from(await plain.arrayBuffer());
      expect(body.length).toBeLessThan(plainBody.length / 3);
      expect(gunzipSync(body).equals(plainBody)).toBe(true);
      expect(zipped.headers.get('etag')).toBe(plain.headers.get('etag')!.replace(/"$/, '-gz"'));
      expect((await s.request('/dip.json', { headers: { 'If-None-Match': zipped.headers.get('etag')! } })).status).toBe(304);
      expect((await s.request('/dip.json', { headers: { 'Accept-Encoding': 'gzip;q=0' } })).headers.get('content-encoding')).toBeNull();
    });

    it('sends a strict CSP and forbids framing on public routes, but not on the task pane', async () => {
      for (const path of ['/', '/dip', '/riwayat', '/dip.csv', '/dip.json', '/dip.xlsx', '/static/publik.css']) {
        const r = await s.request(path);
        const csp = r.headers.get('content-security-policy') ?? '';
        expect(csp, path).toContain("default-src 'none'");
        expect(csp, path).toContain("frame-ancestors 'none'");
        expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval|script-src/);
        expect(r.headers.get('x-frame-options'), path).toBe('DENY');
        expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
        expect(r.headers.get('cache-control'), path).toMatch(/^public, max-age=\d+/);
      }
      expect((await s.request('/dip.json')).headers.get('access-control-allow-origin')).toBe('*');
      for (const path of ['/taskpane.html', '/healthz', '/api/register']) {
        const r = await s.request(path);
        expect(r.headers.get('x-frame-options'), path).toBeNull();
        expect(r.headers.get('content-security-policy') ?? '', path).not.toContain('frame-ancestors');
      }
    });

    it('serves its stylesheet under a content-hashed address with a long lifetime', async () => {
      const { text } = await get('/dip');
      const href = /<link rel="stylesheet" href="([^"]+)">/.exec(text)![1]!;
      expect(href).toMatch(/^\/static\/publik\.css\?v=[0-9a-f]{16}$/);
      const css = await s.request(href);
      expect(css.status).toBe(200);
      expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
      expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const body = await css.text();
      expectIn(body, '@media print');
      expectIn(body, 'size: A4 landscape');
      expect(body).toMatch(/thead \{ display: table-header-group; \}/);
    });
  });
});
