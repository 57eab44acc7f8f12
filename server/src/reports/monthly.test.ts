/**
 * The monthly report for March 2025 over a register seeded through the real push and approval routes, with the
 * versions' times moved to known dates (the immutability triggers forbid that to the application; the fixture
 * switches them off for its own update only). Every expected figure below is counted by hand from the rows.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DipRow } from '../../../shared/row.js';
import { expectStatus, workflow } from '../approval/approval.testkit.js';
import type { Db } from '../db/database.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import { FIGURE_KEYS, type MonthlyReport } from './reports.contract.js';

const base = (over: Partial<DipRow>): DipRow => ({
  category: 'berkala',
  title: '',
  summary: 'Ringkasan',
  owningUnit: 'Bagian Umum',
  responsible: 'Kepala Bagian',
  createdWhen: '2024',
  createdWhere: 'Kota Jambi',
  formats: ['hardcopy'],
  retention: '5 tahun',
  link: null,
  ...over,
});

/** Sets a stored time the application may never change (test fixture only: triggers off for this statement). */
async function backdate(db: Db, table: 'register_versions' | 'version_publications', column: 'created_at' | 'published_at', version: number, at: string) {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${new Date(at)} where version = ${version}`.execute(trx);
  });
}

describe.each(testBackends)('monthly report on $name', (backend) => {
  let s: TestServer;
  let ids: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'g', string>;

  beforeAll(async () => {
    s = await startTestServer(backend);
    const wf = workflow(s);
    // v1 (10 Feb, published 12 Feb): a, b, c, d.
    const v1Rows = [
      base({ title: 'Profil Dinas', formats: ['softcopy'], link: 'https://ppid.example.go.id/profil' }),
      base({ title: 'Laporan Keuangan 2018', owningUnit: 'Bidang Keuangan', createdWhen: '2018', retention: '5 Tahun' }),
      base({ category: 'setiap_saat', title: 'SOP Pelayanan', owningUnit: 'UA', formats: ['hardcopy', 'softcopy'], createdWhen: '2020', retention: 'Selama berlaku' }),
      base({ category: 'serta_merta', title: 'Peringatan Banjir', createdWhen: 'Januari 2025' }),
    ];
    const v1 = await wf.approved(v1Rows);
    expectStatus(await wf.publish(v1.version), 200);
    const [a, b, c, d] = v1.ids as [string, string, string, string];
    const rows1 = v1Rows.map((r, i) => ({ ...r, id: v1.ids[i]! }));
    // v2 (25 Feb): c's summary changes (before March: not a March change).
    const rows2 = rows1.map((r) => (r.id === c ? { ...r, summary: 'Ringkasan baru' } : r));
    const v2 = await wf.push(rows2);
    // v3 (10 Mar): a's title changes, d is removed, e (responsible missing) and g (unknown unit, no kategori) are added.
    const v3 = await wf.push([
      ...rows2.filter((r) => r.id !== d).map((r) => (r.id === a ? { ...r, title: 'Profil Dinas Kominfo' } : r)),
      base({ title: 'Rencana Kerja 2025', owningUnit: 'Bidang Keuangan', responsible: '', formats: ['softcopy'], link: 'https://ppid.example.go.id/renja', createdWhen: 'Januari 2025', retention: 'Permanen' }),
      base({ category: null, title: 'Daftar Hadir Rapat', owningUnit: 'Sekretariat', createdWhen: 'Maret 2015', retention: '6 bulan' }),
    ]);
    // v3's rows in push order: a, b, c, e, g.
    ids = { a, b, c, d, e: v3.ids[3]!, g: v3.ids[4]! };
    // v4 (1 Apr 00:30 WIB = 31 Mar 17:30 UTC): after March in office time, so not in the March report.
    const v4 = await wf.push([base({ title: 'Informasi April' })]);
    await backdate(s.db, 'register_versions', 'created_at', v1.version, '2025-02-10T03:00:00Z');
    await backdate(s.db, 'version_publications', 'published_at', v1.version, '2025-02-12T03:00:00Z');
    await backdate(s.db, 'register_versions', 'created_at', v2.version, '2025-02-25T03:00:00Z');
    await backdate(s.db, 'register_versions', 'created_at', v3.version, '2025-03-10T03:00:00Z');
    await backdate(s.db, 'register_versions', 'created_at', v4.version, '2025-03-31T17:30:00Z');
  });
  afterAll(() => s.database.dispose());

  const monthly = async (query: string, token = s.tokens.ppid) => {
    const res = await s.request(`/api/reports/monthly?${query}`, { token });
    return { res, body: res.headers.get('content-type')?.includes('json') ? ((await res.json()) as MonthlyReport) : null };
  };

  it('counts March 2025 per unit and kategori, as counted by hand', async () => {
    const { res, body } = await monthly('month=2025-03');
    expect(res.status).toBe(200);
    const r = body!;
    expect([r.fromVersion, r.toVersion, r.basis]).toEqual([2, 3, 'head']);
    expect([r.periodStart, r.periodEnd]).toEqual(['2025-02-28T17:00:00.000Z', '2025-03-31T17:00:00.000Z']);
    expect(r.groups.map((g) => [g.unitName, g.unitCode, g.category, ...FIGURE_KEYS.map((k) => g[k])])).toEqual([
      //                                      rows link soft add chg rem lapsed missing
      ['Bagian Umum', 'UA', 'berkala', /*    */ 1, 1, 1, 0, 1, 0, 0, 0],
      ['Bagian Umum', 'UA', 'serta_merta', /**/ 0, 0, 0, 0, 0, 1, 0, 0],
      ['Bagian Umum', 'UA', 'setiap_saat', /**/ 1, 0, 1, 0, 0, 0, 0, 0],
      ['Bidang Keuangan', 'UB', 'berkala', /**/ 2, 1, 1, 1, 0, 0, 1, 1],
      ['Sekretariat', null, null, /*         */ 1, 0, 0, 1, 0, 0, 1, 1],
    ]);
    expect(r.totals).toEqual({ rows: 5, withLink: 2, softcopy: 3, added: 2, changed: 1, removed: 1, retentionLapsed: 2, missingRequired: 2 });
    expect(r.units.map((u) => [u.unitName, u.rows, u.removed])).toEqual([
      ['Bagian Umum', 2, 1],
      ['Bidang Keuangan', 2, 0],
      ['Sekretariat', 1, 0],
    ]);
    expect(r.categories.map((c) => [c.category, c.rows])).toEqual([
      ['berkala', 3],
      ['serta_merta', 0],
      ['setiap_saat', 1],
      ['dikecualikan', 0],
      [null, 1],
    ]);
    expect(r.added.map((x) => x.id).sort()).toEqual([ids.e, ids.g].sort());
    expect(r.changed).toEqual([{ id: ids.a, title: 'Profil Dinas Kominfo', unitName: 'Bagian Umum', category: 'berkala', fields: ['title'] }]);
    expect(r.removed.map((x) => [x.id, x.title])).toEqual([[ids.d, 'Peringatan Banjir']]);
    expect(r.lapsed.map((x) => [x.id, x.expiredOn])).toEqual([
      [ids.b, '2023-12-31'],
      [ids.g, '2015-09-30'],
    ]);
    expect(r.incomplete.map((x) => [x.id, x.fields])).toEqual([
      [ids.e, ['responsible']],
      [ids.g, ['category']],
    ]);
  });

  it('a version pushed just after midnight WIB on 1 April belongs to April; a month without versions changes nothing', async () => {
    const april = (await monthly('month=2025-04')).body!;
    expect([april.fromVersion, april.toVersion]).toEqual([3, 4]);
    // v4 holds one new row and none of v3's five.
    expect(april.totals).toMatchObject({ rows: 1, added: 1, changed: 0, removed: 5 });
    const r = (await monthly('month=2025-05')).body!;
    expect([r.fromVersion, r.toVersion]).toEqual([4, 4]);
    expect(r.totals).toMatchObject({ rows: 1, added: 0, changed: 0, removed: 0 });
    const before = (await monthly('month=2025-01')).body!;
    expect([before.fromVersion, before.toVersion, before.totals.rows, before.groups]).toEqual([null, null, 0, []]);
  });

  it('basis=published follows the published line only (v1, published in February)', async () => {
    const r = (await monthly('month=2025-03&basis=published')).body!;
    expect([r.fromVersion, r.toVersion, r.basis]).toEqual([1, 1, 'published']);
    expect(r.totals).toEqual({ rows: 4, withLink: 1, softcopy: 2, added: 0, changed: 0, removed: 0, retentionLapsed: 1, missingRequired: 0 });
    const feb = (await monthly('month=2025-02&basis=published')).body!;
    expect([feb.fromVersion, feb.toVersion, feb.totals.added]).toEqual([null, 1, 4]);
  });

  it('the xlsx opens and holds the same numbers as the JSON, with a frozen, styled header and no formula', async () => {
    const json = (await monthly('month=2025-03')).body!;
    const res = await s.request('/api/reports/monthly?month=2025-03&format=xlsx', { token: s.tokens.approver });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain('laporan-bulanan-2025-03.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Keterangan', 'Unit dan Kategori', 'Per Unit', 'Per Kategori', 'Perubahan', 'Retensi Lewat', 'Belum Lengkap']);

    const ws = wb.getWorksheet('Unit dan Kategori')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBe(32);
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Unit kerja', 'Kategori', 'Jumlah informasi', 'Bertautan', 'Softcopy tersedia', 'Ditambah', 'Diubah', 'Dihapus', 'Retensi lewat', 'Belum lengkap']);
    json.groups.forEach((g, i) => {
      expect(values(i + 2)).toEqual([g.unitName, i === 4 ? 'Belum diklasifikasi' : expect.any(String), ...FIGURE_KEYS.map((k) => g[k])]);
    });
    expect(values(json.groups.length + 2)).toEqual(['Jumlah', '', ...FIGURE_KEYS.map((k) => json.totals[k])]);

    const info = wb.getWorksheet('Keterangan')!;
    const totals = new Map<unknown, unknown>();
    info.eachRow((row) => totals.set(row.getCell(1).value, row.getCell(2).value));
    expect(totals.get('Jumlah informasi')).toBe(json.totals.rows);
    expect(totals.get('Retensi lewat')).toBe(json.totals.retentionLapsed);
    expect(totals.get('Periode')).toBe('Maret 2025');

    const changes = wb.getWorksheet('Perubahan')!;
    expect(changes.rowCount).toBe(1 + json.added.length + json.changed.length + json.removed.length);
    let formulas = 0;
    wb.eachSheet((w) => w.eachRow((row) => row.eachCell((cell) => void (cell.formula ? formulas++ : 0))));
    expect(formulas).toBe(0);
  });

  it('the printable page is A4, Indonesian, scriptless, and carries the same figures', async () => {
    const res = await s.request('/api/reports/monthly?month=2025-03&format=html', { token: s.tokens.admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain('<html lang="id">');
    expect(page).toContain('size: A4');
    expect(page).toContain('Laporan Bulanan Ketersediaan Informasi — Maret 2025');
    expect(page).not.toContain('<script');
    expect(page).toMatch(/<th scope="row">Jumlah informasi<\/th><td class="num">5<\/td>/);
    expect(page).toMatch(/<th scope="row">Retensi lewat<\/th><td class="num">2<\/td>/);
    expect(page).toContain('Daftar Hadir Rapat');
  });

  it('escapes what rows say, in the page and in the workbook', async () => {
    const wf = workflow(s);
    const head = await (await s.request('/api/register/versions/head', { token: s.tokens.ppid })).json() as { rows: DipRow[] };
    await wf.push([...head.rows, base({ title: '=HYPERLINK("http://x","<b>klik</b>")', owningUnit: '<script>alert(1)</script>' })]);
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    const page = await (await s.request(`/api/reports/monthly?month=${month}&format=html`, { token: s.tokens.ppid })).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await s.request(`/api/reports/monthly?month=${month}&format=xlsx`, { token: s.tokens.ppid })).arrayBuffer());
    const titles = (wb.getWorksheet('Perubahan')!.getColumn(2).values as unknown[]).slice(2);
    expect(titles).toContain('\'=HYPERLINK("http://x","<b>klik</b>")');
  });

  it('refuses units (403), anonymous callers (401) and a malformed month (422)', async () => {
    expect((await monthly('month=2025-03', s.tokens.unitA)).res.status).toBe(403);
    expect((await s.request('/api/reports/monthly?month=2025-03')).status).toBe(401);
    for (const q of ['month=2025-13', 'month=2025-3', 'month=2025-03&format=pdf', 'month=2025-03&basis=draft', '']) {
      expect((await monthly(q)).res.status).toBe(422);
    }
  });
});
