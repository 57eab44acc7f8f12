/**
 * The monev coverage check against the checklist the migration seeds (UU 14/2008 Pasal 9, Perki 1/2021 Pasal 11),
 * over a DIP that covers some items, misclassifies one and misses the rest; and the checklist as admin-edited data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DipRow } from '../../../shared/row.js';
import { expectStatus, workflow } from '../approval/approval.testkit.js';
import { testBackends } from '../testing/backends.js';
import { startTestServer, type TestServer } from '../testing/server.js';
import type { ChecklistItem, CoverageReport } from './reports.contract.js';

const row = (title: string, category: DipRow['category'], summary = 'Ringkasan informasi.'): DipRow => ({
  category,
  title,
  summary,
  owningUnit: 'Bagian Umum',
  responsible: 'Kepala Bagian Umum',
  createdWhen: '2024',
  createdWhere: 'Kota Jambi',
  formats: ['softcopy'],
  retention: '5 tahun',
  link: null,
  ...(category === 'dikecualikan'
    ? { exemption: { article17: 'b' as const, consequence: 'Mengganggu proses pengadaan.', publicInterest: 'Menjaga persaingan usaha yang sehat.', period: 'Sampai kontrak ditandatangani' } }
    : {}),
});

const SEEDED_KEYS = [
  'profil', 'program_kegiatan', 'kinerja', 'laporan_keuangan', 'laporan_akses', 'peraturan',
  'tata_cara_informasi', 'pengaduan', 'pengadaan', 'ketenagakerjaan', 'peringatan_dini',
];

describe.each(testBackends)('coverage on $name', (backend) => {
  let s: TestServer;
  let published: string[];

  beforeAll(async () => {
    s = await startTestServer(backend);
    const wf = workflow(s);
    const v = await wf.approved([
      row('Profil dan Struktur Organisasi Dinas', 'berkala'),
      row('Laporan Realisasi Anggaran 2024', 'berkala', 'Ringkasan laporan keuangan tahun anggaran 2024.'),
      row('Laporan Kinerja Instansi Pemerintah (LKjIP) 2024', 'berkala'),
      // Present, but filed under the wrong kategori.
      row('Rencana Umum Pengadaan 2025', 'setiap_saat'),
      // Excluded information never covers an obligation.
      row('Dokumen evaluasi penawaran lelang', 'dikecualikan'),
      row('Daftar Inventaris Kendaraan', 'setiap_saat'),
    ]);
    expectStatus(await wf.publish(v.version), 200);
    published = v.ids;
    // A later draft that is not published: the default report must not look at it.
    await wf.push([row('Prosedur Evakuasi Keadaan Darurat', 'berkala')]);
  });
  afterAll(() => s.database.dispose());

  const coverage = async (query = '', token = s.tokens.ppid) => {
    const res = await s.request(`/api/reports/coverage${query}`, { token });
    return { status: res.status, body: (await res.json()) as CoverageReport };
  };

  it('checks the published DIP against the seeded checklist: present, other kategori, missing, with the covering rows', async () => {
    const { status, body } = await coverage();
    expect(status).toBe(200);
    expect([body.version, body.basis]).toEqual([1, 'published']);
    expect(body.items.map((i) => i.key)).toEqual(SEEDED_KEYS);
    const byKey = new Map(body.items.map((i) => [i.key, i]));
    expect(Object.fromEntries(body.items.map((i) => [i.key, i.status]))).toEqual({
      profil: 'present',
      program_kegiatan: 'missing',
      kinerja: 'present',
      laporan_keuangan: 'present',
      laporan_akses: 'missing',
      peraturan: 'missing',
      tata_cara_informasi: 'missing',
      pengaduan: 'missing',
      pengadaan: 'other_category',
      ketenagakerjaan: 'missing',
      peringatan_dini: 'missing',
    });
    expect(body.summary).toEqual({ total: 11, present: 3, otherCategory: 1, missing: 7 });
    expect(byKey.get('pengadaan')!.rows.map((r) => [r.id, r.category])).toEqual([[published[3], 'setiap_saat']]);
    expect(byKey.get('laporan_keuangan')!.rows.map((r) => [r.title, r.keyword])).toEqual([['Laporan Realisasi Anggaran 2024', 'laporan keuang*']]);
    expect(byKey.get('profil')).toMatchObject({ title: 'Profil badan publik', expectedCategory: 'berkala', basis: expect.stringContaining('Pasal 11') });
  });

  it('can look at the head (the unpublished draft) or a version by number instead', async () => {
    const head = (await coverage('?version=head')).body;
    expect([head.version, head.basis]).toEqual([2, 'head']);
    expect(head.items.find((i) => i.key === 'peringatan_dini')!.status).toBe('present');
    expect(head.summary.present).toBe(1);
    expect((await coverage('?version=1')).body.summary).toEqual({ total: 11, present: 3, otherCategory: 1, missing: 7 });
    expect((await coverage('?version=9')).status).toBe(404);
    expect((await coverage('?version=abc')).status).toBe(422);
  });

  it('the checklist is data: an admin replaces it, the check follows, and the change is audited', async () => {
    const before = (await (await s.request('/api/reports/checklist', { token: s.tokens.approver })).json()) as { items: ChecklistItem[] };
    expect(before.items).toHaveLength(11);
    const items: ChecklistItem[] = [
      { ...before.items.find((i) => i.key === 'pengadaan')!, expectedCategory: null },
      { key: 'inventaris', title: 'Daftar inventaris', titleEn: 'Inventory', basis: 'Kebijakan internal', keywords: ['inventaris'], expectedCategory: 'setiap_saat' },
    ];
    const put = (token: string, json: unknown) => s.request('/api/reports/checklist', { method: 'PUT', token, json });
    expect((await put(s.tokens.ppid, { items })).status).toBe(403);
    expect((await put(s.tokens.admin, { items: [items[0], items[0]] })).status).toBe(422);
    expect((await put(s.tokens.admin, { items: [{ ...items[1], key: 'Bukan Kunci' }] })).status).toBe(422);
    const res = await put(s.tokens.admin, { items });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: ChecklistItem[] }).items.map((i) => i.key)).toEqual(['pengadaan', 'inventaris']);

    const after = (await coverage()).body;
    // With no expected kategori the procurement row counts; the new item finds the inventory row.
    expect(after.items.map((i) => [i.key, i.status])).toEqual([
      ['pengadaan', 'present'],
      ['inventaris', 'present'],
    ]);
    const audit = await s.db.selectFrom('audit_log').select(['actor', 'action', 'details']).where('action', '=', 'report.checklist.update').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('admin');
    expect(JSON.parse(audit[0]!.details)).toEqual({ before: SEEDED_KEYS, after: ['pengadaan', 'inventaris'] });
  });

  it('is for ppid, approver and admin only', async () => {
    expect((await coverage('', s.tokens.unitA)).status).toBe(403);
    expect((await s.request('/api/reports/checklist', { token: s.tokens.unitB })).status).toBe(403);
    expect((await s.request('/api/reports/coverage')).status).toBe(401);
  });
});

describe.each(testBackends)('coverage of an empty register on $name', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
  });
  afterAll(() => s.database.dispose());

  it('misses every item', async () => {
    const body = (await (await s.request('/api/reports/coverage', { token: s.tokens.ppid })).json()) as CoverageReport;
    expect([body.version, body.basis]).toEqual([null, 'head']);
    expect(body.summary).toEqual({ total: 11, present: 0, otherCategory: 0, missing: 11 });
  });
});
