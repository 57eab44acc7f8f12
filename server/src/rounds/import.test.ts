/** POST /api/import: an existing DIP in another layout (.xlsx or .csv) read into rows with issues, nothing stored. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import type { ImportResponse } from './rounds.contract.js';
import { errorCode, json, upload } from './rounds.testkit.js';
import { withPart, XXE_DOCTYPE, zipBomb } from './upload/hostile-files.js';

/** Last year's DIP as offices publish it: title lines, "No." column, merged time-and-place, section rows, typos. */
async function lastYearsDip(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Catatan').addRow(['Lembar ini bukan DIP']);
  const ws = wb.addWorksheet('DIP 2024');
  ws.addRow(['DAFTAR INFORMASI PUBLIK']);
  ws.addRow(['DINAS KOMUNIKASI DAN INFORMATIKA TAHUN 2024']);
  ws.addRow(['No.', 'Ringkasan Isi Informasi', 'Judul Informasi', 'Pejabat yang Menguasai Informasi', 'Penanggung Jawab', 'Waktu dan Tempat Pembuatan', 'Bentuk Informasi', 'Jangka Waktu Penyimpanan', 'Keterangan']);
  ws.addRow(['A. INFORMASI BERKALA']);
  ws.addRow([1, 'Rencana strategis lima tahunan', 'Renstra 2021-2026', 'Bagian Umum', 'Kepala Bagian Umum', '2021, Jambi', 'Hard & Soft File', 'Selama Beralku', '']);
  ws.addRow([2, 'Laporan kinerja tahunan', 'LKjIP 2023', 'Bidang Keuangan', 'Kepala Bidang', '2024, Jambi', 'kertas', '5 thn', '']);
  ws.addRow(['B. INFORMASI SETIAP SAAT']);
  ws.addRow([3, 'Daftar aset', 'Daftar Aset 2023', 'Bagian Umum', 'Kepala Bagian Umum', '2023, Jambi', 'Softcopy', 'Permanen', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(testBackends)('DIP import on $name', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
  });
  afterAll(() => s.database.dispose());

  const auditEntries = async () => (await json<{ entries: number }>(await s.request('/api/audit/verify', { token: s.tokens.ppid }), 200)).entries;

  it('reads an .xlsx in another layout: finds the DIP sheet, maps columns, normalises, reports row by row; stores nothing', async () => {
    const before = await auditEntries();
    const res = await json<ImportResponse>(await upload(s, '/api/import', s.tokens.ppid, await lastYearsDip(), 'dip-2024.xlsx'), 200);
    expect(res.sheet).toBe('DIP 2024');
    expect(res.sheets).toEqual(['Catatan', 'DIP 2024']);
    expect(res.rows.map((r) => [r.title, r.category, r.formats, r.createdWhen, r.createdWhere])).toEqual([
      ['Renstra 2021-2026', 'berkala', ['hardcopy', 'softcopy'], '2021', 'Jambi'],
      ['LKjIP 2023', 'berkala', ['hardcopy'], '2024', 'Jambi'],
      ['Daftar Aset 2023', 'setiap_saat', ['softcopy'], '2023', 'Jambi'],
    ]);
    expect(res.rows[0]!.retention).toBe('Selama berlaku');
    expect(res.sourceRows).toEqual([5, 6, 8]);
    expect(res.rows.every((r) => r.id === undefined)).toBe(true);
    expect(res.summary.errors + res.summary.warnings).toBe(res.issues.length);
    expect(res.issues.filter((i) => i.rowIndex >= 0).every((i) => i.message.length > 0)).toBe(true);
    // Nothing was written: no version, no audit entry.
    expect((await json<{ head: number | null }>(await s.request('/api/register', { token: s.tokens.ppid }), 200)).head).toBeNull();
    expect(await auditEntries()).toBe(before);
  });

  it('reads a semicolon CSV (Windows-1252 or UTF-8) and a named sheet; says so when a sheet is missing', async () => {
    const csv = Buffer.from('Judul Informasi;Kategori;Ringkasan;Pejabat yang Menguasai Informasi;Bentuk Informasi\n"Profil PPID; 2024";Setiap Saat;Profil;Sekretariat;Softcopy\n', 'latin1');
    const res = await json<ImportResponse>(await upload(s, '/api/import', s.tokens.ppid, csv, 'dip.csv'), 200);
    expect(res.rows).toMatchObject([{ title: 'Profil PPID; 2024', category: 'setiap_saat', owningUnit: 'Sekretariat', formats: ['softcopy'] }]);
    expect(res.issues.some((i) => i.code === 'missing_column')).toBe(true);
    const named = await json<ImportResponse>(await upload(s, '/api/import?sheet=Catatan', s.tokens.ppid, await lastYearsDip(), 'dip.xlsx'), 200);
    expect([named.sheet, named.rows.length, named.issues[0]?.code]).toEqual(['Catatan', 0, 'header_not_found']);
    const missing = await upload(s, '/api/import?sheet=Tidak%20Ada', s.tokens.ppid, await lastYearsDip(), 'dip.xlsx');
    expect([missing.status, await errorCode(missing)]).toEqual([422, 'sheet_not_found']);
  });

  it('is for the PPID only, takes files only, and applies the same upload guards', async () => {
    expect((await upload(s, '/api/import', s.tokens.unitA, await lastYearsDip(), 'dip.xlsx')).status).toBe(403);
    expect((await s.request('/api/import', { method: 'POST', token: s.tokens.ppid, json: { rows: [] } })).status).toBe(415);
    expect((await upload(s, '/api/import', s.tokens.ppid, Buffer.from([0, 1, 2, 3, 4]), 'x.bin')).status).toBe(415);
    expect((await upload(s, '/api/import', s.tokens.ppid, zipBomb({ lie: true }), 'x.xlsx')).status).toBe(422);
    const xxe = await withPart(await lastYearsDip(), 'xl/sharedStrings.xml', (xml) => xml.replace(/^<\?xml[^>]*\?>/, XXE_DOCTYPE));
    const r = await upload(s, '/api/import', s.tokens.ppid, xxe, 'x.xlsx');
    expect([r.status, await errorCode(r)]).toEqual([422, 'xml_dtd_refused']);
    expect((await upload(s, '/api/import', s.tokens.ppid, Buffer.alloc(11 * 1024 * 1024), 'x.csv')).status).toBe(413);
    const form = new FormData();
    form.append('other', 'x');
    const noFile = await s.request('/api/import', { method: 'POST', token: s.tokens.ppid, body: form });
    expect([noFile.status, await errorCode(noFile)]).toEqual([400, 'file_missing']);
  });
});
