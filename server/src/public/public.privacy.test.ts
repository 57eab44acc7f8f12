/**
 * What the public site lets out of an excluded row (its DIK fields, nothing more) in every output, formula
 * escaping in the downloads, the riwayat diffs, the archive, and that drafts never show.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DipRow, StoredDipRow } from '../../../shared/row.js';
import { sampleRows } from '../../../shared/testing/sample-rows.js';
import { readCsvFile } from '../export/testing.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { publishRows, pushRows, type Pushed } from './testing.js';
import { dikIdsOn, rowIdsOn, totalShown } from './testing.html.js';

const SECRET = 'RAHASIA';
const secretRow: DipRow = {
  category: 'dikecualikan',
  title: 'Dokumen Pengadaan yang Sedang Diselidiki',
  summary: `${SECRET}-RINGKASAN isi dokumen`,
  owningUnit: `${SECRET}-UNIT`,
  responsible: `${SECRET}-PJ`,
  createdWhen: '2023',
  createdWhere: `${SECRET}-TEMPAT`,
  formats: ['hardcopy'],
  retention: `${SECRET}-RETENSI`,
  link: `https://${SECRET.toLowerCase()}.example.go.id/berkas`,
  notes: `${SECRET}-CATATAN`,
  exemption: { article17: 'b', clause: '2', otherLaw: 'UU Nomor 43 Tahun 2009', consequence: 'Dapat menghambat proses penegakan hukum.', publicInterest: `${SECRET}-KEPENTINGAN`, period: '5 tahun' },
};
const FORMULA_TITLES = ['=HYPERLINK("http://evil.example","klik")', '+62 811 0000', '-5% anggaran', '@pejabat', '\tdiawali tab'];
const formulaRows: DipRow[] = FORMULA_TITLES.map((title, i) => ({ ...sampleRows(1, 900 + i * 4)[0]!, title, summary: `=1+${i}`, notes: 'CATATAN-INTERNAL' }));
const formulaDik: DipRow = { ...secretRow, title: '=DIK("x")', summary: `${SECRET}-2`, notes: null };
const SPECIALS = [secretRow, ...formulaRows, formulaDik];

const HEADERS = ['Kategori', 'Judul Informasi', 'Ringkasan Isi Informasi', 'Pejabat/Unit yang Menguasai Informasi', 'Penanggung Jawab Pembuatan/Penerbitan', 'Waktu Pembuatan', 'Tempat Pembuatan', 'Bentuk Informasi', 'Jangka Waktu Penyimpanan / Retensi', 'Tautan / Jenis Media', 'Dasar Hukum Pengecualian', 'Konsekuensi', 'Jangka Waktu Pengecualian', 'ID'];

describe.each(testBackends)('public site: DIK fields, exports, riwayat on $name', (backend) => {
  let s: TestServer;
  let v1: Pushed;
  let v2: Pushed;
  let v1Rows: StoredDipRow[];
  let v1Page: string;
  const secretId = () => v2.ids[v2.ids.length - SPECIALS.length]!;

  beforeAll(async () => {
    s = await startTestServer(backend);
    const base = sampleRows(40);
    v1 = await publishRows(s, base, { decreeNumber: 'SK-001/PPID/2026', decreeDate: '2026-01-05' });
    v1Rows = base.map((r, i) => ({ ...r, id: v1.ids[i]! }));
    v1Page = await (await s.request('/dip')).text();
    // Row 0 becomes excluded, row 1 is removed, row 3 (excluded) gets a new summary, row 4 a new title.
    const edited: DipRow[] = v1Rows.flatMap((r, i): DipRow[] => {
      if (i === 1) return [];
      if (i === 0) return [{ ...r, category: 'dikecualikan', exemption: { article17: 'h', consequence: 'Mengungkap data pribadi.', publicInterest: 'Perlindungan data.', period: '10 tahun' } }];
      if (i === 3) return [{ ...r, summary: `${SECRET}-RINGKASAN-BARU` }];
      if (i === 4) return [{ ...r, title: 'Judul yang diubah' }];
      return [r];
    });
    v2 = await publishRows(s, [...edited, ...SPECIALS], { decreeNumber: 'SK-002/PPID/2026', decreeDate: '2026-02-10' });
  });
  afterAll(async () => {
    await s.database.dispose();
  });

  const text = async (path: string) => (await s.request(path)).text();

  it('shows an excluded row with title, legal basis, consequence and period only', async () => {
    const page = await text('/dip?kategori=dikecualikan');
    expect(dikIdsOn(page)).toContain(secretId());
    const row = new RegExp(`<tr data-dik-id="${secretId()}">([\\s\\S]*?)</tr>`).exec(page)![1]!;
    const cells = [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]);
    expect(cells).toEqual([expect.stringMatching(/^\d+$/), secretRow.title, 'Pasal 17 huruf b angka 2; UU Nomor 43 Tahun 2009', secretRow.exemption!.consequence, '5 tahun']);
    for (const path of ['/dip', '/dip?kategori=dikecualikan', '/dip?q=pengadaan', '/riwayat', '/dip.json', '/dip.csv']) {
      expect((await text(path)).includes(SECRET), path).toBe(false);
    }
    // A search for words of an excluded row's hidden fields finds nothing; its title does find it.
    // (The search box echoes the words typed, so these pages are checked for hits, not for the word.)
    expect(totalShown(await text(`/dip?q=${SECRET}`))).toBeNull();
    expect(totalShown(await text(`/dip?q=${SECRET}-RINGKASAN`))).toBeNull();
    expect(dikIdsOn(await text('/dip?q=pengadaan+diselidiki'))).toEqual([secretId()]);
    // Internal notes are not a Perki column: never public, even on a public row.
    expect((await text('/dip')).includes('CATATAN-INTERNAL')).toBe(false);
  });

  it('/dip.json carries the DIK fields only, with the legal basis split and as a line', async () => {
    const res = await s.request('/dip.json');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as { version: number; contentHash: string; decree: { number: string; date: string }; dip: Record<string, unknown>[]; dik: Record<string, unknown>[] };
    expect(body.version).toBe(v2.version);
    expect(body.contentHash).toBe(v2.contentHash);
    expect(body.decree).toMatchObject({ number: 'SK-002/PPID/2026', date: '2026-02-10' });
    const dik = body.dik.find((d) => d.id === secretId())!;
    expect(dik).toEqual({
      id: secretId(),
      title: secretRow.title,
      legalBasis: { article17: 'b', clause: '2', otherLaw: 'UU Nomor 43 Tahun 2009', text: 'Pasal 17 huruf b angka 2; UU Nomor 43 Tahun 2009' },
      consequence: secretRow.exemption!.consequence,
      period: '5 tahun',
    });
    for (const d of body.dik) expect(Object.keys(d).sort()).toEqual(['consequence', 'id', 'legalBasis', 'period', 'title']);
    for (const d of body.dip) expect(Object.keys(d).sort()).toEqual(['category', 'createdWhen', 'createdWhere', 'formats', 'id', 'link', 'owningUnit', 'responsible', 'retention', 'summary', 'title']);
    expect(body.dip.length + body.dik.length).toBe(40 - 1 + SPECIALS.length);
  });

  it('/dip.csv: BOM, one table, excluded rows fill only their DIK columns, formulas escaped', async () => {
    const res = await s.request('/dip.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="dip-versi-${v2.version}.csv"`);
    const buf = Buffer.from(await res.arrayBuffer());
    // The strict reader: BOM, clean UTF-8, well-formed RFC 4180 records, or it throws.
    const [header, ...rows] = readCsvFile(buf, ',');
    expect(header).toEqual(HEADERS);
    expect(rows).toHaveLength(40 - 1 + SPECIALS.length);
    const secret = rows.find((r) => r.at(-1) === secretId())!;
    expect(secret).toEqual(['Dikecualikan', secretRow.title, '', '', '', '', '', '', '', '', 'Pasal 17 huruf b angka 2; UU Nomor 43 Tahun 2009', secretRow.exemption!.consequence, '5 tahun', secretId()]);
    const titles = rows.map((r) => r[1]);
    for (const t of [...FORMULA_TITLES, formulaDik.title]) expect(titles).toContain(`'${t}`);
    for (const r of rows) for (const cell of r) expect(cell, cell).not.toMatch(/^[=+\-@\t\r\n]/);
  });

  it('/dip.xlsx: DIP, DIK and Keterangan sheets, 0 formula cells, nothing hidden leaks', async () => {
    const res = await s.request('/dip.xlsx');
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['DIP', 'DIK', 'Keterangan']);
    let formulas = 0;
    const all: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas++;
      all.push(String(cell.value));
    })));
    expect(formulas).toBe(0);
    expect(all.some((v) => v.includes(SECRET) || v.includes('CATATAN-INTERNAL'))).toBe(false);
    expect(all.filter((v) => /^[=+\-@\t\r\n]/.test(v))).toEqual([]);
    const dik = wb.getWorksheet('DIK')!;
    expect((dik.getRow(1).values as unknown[]).slice(1)).toEqual(['Kategori', 'Judul Informasi', 'Dasar Hukum Pengecualian', 'Konsekuensi', 'Jangka Waktu Pengecualian', 'ID']);
    expect(dik.getColumn(2).values).toContain(`'${formulaDik.title}`);
    expect(wb.getWorksheet('DIP')!.getColumn(2).values).toContain(`'${FORMULA_TITLES[0]}`);
    expect(all).toContain('SK-002/PPID/2026');
    expect(all).toContain(v2.contentHash);
  });

  it('/riwayat lists both versions with their SK and a diff of what the public saw', async () => {
    const page = await text('/riwayat');
    const counts = [...page.matchAll(/data-diff-counts="(\d+),(\d+),(\d+)"/g)].map((m) => m.slice(1).map(Number));
    // Newest first. v2 against v1: the specials added; row 0 (now excluded) and row 4 (title) changed; row 1
    // removed; row 3's summary changed too, but an excluded row's summary is not public, so it is not a change.
    expect(counts).toEqual([[SPECIALS.length, 2, 1], [40, 0, 0]]);
    for (const s of ['SK-001/PPID/2026', 'SK-002/PPID/2026', '5 Januari 2026', '10 Februari 2026', v1.contentHash, v2.contentHash, 'Judul yang diubah']) {
      expect(page.includes(s), s).toBe(true);
    }
    expect(page.includes(`>Versi ${v2.version} (berlaku)</h2>`)).toBe(true);
    expect(page.includes(`href="/dip?versi=${v1.version}"`)).toBe(true);
    // Row 0 became excluded: its kategori change shows, its old summary is not shown again.
    expect(page.includes('<del>Berkala</del>')).toBe(true);
    expect(page.includes('Ringkasan isi informasi 0:')).toBe(false);
  });

  it('keeps earlier published versions readable and never shows a draft', async () => {
    const archive = await text(`/dip?versi=${v1.version}`);
    expect(archive.includes(`arsip versi ${v1.version}`)).toBe(true);
    expect(rowIdsOn(archive)).toEqual(rowIdsOn(v1Page));
    expect(rowIdsOn(archive)).toContain(v1Rows[1]!.id);
    // The version in force has one address: /dip.
    const current = await s.request(`/dip?versi=${v2.version}&kategori=berkala`);
    expect(current.status).toBe(302);
    expect(current.headers.get('location')).toBe('/dip?kategori=berkala');
    const v1Json = (await (await s.request(`/dip.json?versi=${v1.version}`)).json()) as { version: number };
    expect(v1Json.version).toBe(v1.version);

    const draft = await pushRows(s, [{ ...sampleRows(1)[0]!, title: 'DRAF-BELUM-TERBIT' }]);
    for (const path of ['/dip', '/dip?q=DRAF', '/riwayat', '/dip.json']) expect((await text(path)).includes('DRAF-BELUM-TERBIT'), path).toBe(false);
    const missing = await s.request(`/dip?versi=${draft.version}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await missing.text()).includes('tidak pernah diterbitkan')).toBe(true);
    expect((await s.request(`/dip.csv?versi=${draft.version}`)).status).toBe(404);
  });
});
