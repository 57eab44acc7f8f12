import { sql } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * The minimum information a public body publishes periodically (UU 14/2008 Pasal 9 ayat (2); Perki 1/2021 Pasal 11
 * ayat (1) huruf a–k), as the starting checklist of the monev coverage check. It is data: an admin edits it
 * (PUT /api/reports/checklist) when the office words things differently or a regulation changes.
 */
const CHECKLIST: [key: string, title: string, titleEn: string, basis: string, keywords: string[]][] = [
  ['profil', 'Profil badan publik', 'Profile of the public body', 'UU 14/2008 Pasal 9 ayat (2) huruf a; Perki 1/2021 Pasal 11 ayat (1) huruf a',
    ['profil', 'struktur organisasi', 'tugas dan fungsi', 'tupoksi', 'visi misi', 'visi dan misi', 'kedudukan', 'alamat kantor', 'lhkpn', 'harta kekayaan']],
  ['program_kegiatan', 'Ringkasan program dan/atau kegiatan yang sedang dijalankan', 'Summary of current programmes and activities', 'UU 14/2008 Pasal 9 ayat (2) huruf b; Perki 1/2021 Pasal 11 ayat (1) huruf b',
    ['program kerja', 'program dan kegiatan', 'program kegiatan', 'kegiatan yang sedang dijalankan', 'rencana kerja', 'renja', 'renstra', 'rencana strategis', 'dpa', 'rka']],
  ['kinerja', 'Ringkasan informasi tentang kinerja', 'Summary of performance', 'UU 14/2008 Pasal 9 ayat (2) huruf b; Perki 1/2021 Pasal 11 ayat (1) huruf c',
    ['kinerja', 'lakip', 'lkjip', 'sakip', 'lppd', 'perjanjian kinerja', 'indikator kinerja', 'iku']],
  ['laporan_keuangan', 'Ringkasan laporan keuangan', 'Summary of financial reports', 'UU 14/2008 Pasal 9 ayat (2) huruf c; Perki 1/2021 Pasal 11 ayat (1) huruf d',
    ['laporan keuang*', 'realisasi anggaran', 'lra', 'neraca', 'arus kas', 'catatan atas laporan keuangan', 'calk', 'daftar aset', 'apbd', 'apbn']],
  ['laporan_akses', 'Ringkasan laporan akses informasi publik', 'Summary of the public information access report', 'Perki 1/2021 Pasal 11 ayat (1) huruf e',
    ['laporan akses', 'laporan layanan informasi', 'laporan pelayanan informasi', 'laporan ppid', 'permohonan informasi', 'statistik layanan']],
  ['peraturan', 'Peraturan, keputusan, dan/atau kebijakan yang mengikat dan/atau berdampak bagi publik', 'Regulations, decisions and policies binding on or affecting the public', 'Perki 1/2021 Pasal 11 ayat (1) huruf f',
    ['peraturan', 'keputusan', 'kebijakan', 'surat edaran', 'perda', 'perbup', 'perwal', 'pergub', 'jdih', 'rancangan peraturan']],
  ['tata_cara_informasi', 'Hak dan tata cara memperoleh informasi publik, pengajuan keberatan dan penyelesaian sengketa', 'Right to and procedure for requesting information, objections and disputes', 'Perki 1/2021 Pasal 11 ayat (1) huruf g',
    ['tata cara permohonan', 'tata cara memperoleh', 'prosedur permohonan', 'prosedur memperoleh', 'permohonan informasi', 'keberatan', 'sengketa informasi', 'maklumat pelayanan', 'standar layanan informasi']],
  ['pengaduan', 'Tata cara pengaduan penyalahgunaan wewenang atau pelanggaran oleh pejabat badan publik', 'Procedure for complaints about abuse of authority or violations by officials', 'Perki 1/2021 Pasal 11 ayat (1) huruf h',
    ['pengaduan', 'penyalahgunaan wewenang', 'whistleblowing', 'wbs', 'lapor', 'aduan']],
  ['pengadaan', 'Pengumuman pengadaan barang dan jasa', 'Procurement announcements', 'Perki 1/2021 Pasal 11 ayat (1) huruf i',
    ['pengadaan', 'lelang', 'tender', 'rup', 'rencana umum pengadaan', 'lpse', 'sirup', 'e katalog']],
  ['ketenagakerjaan', 'Informasi ketenagakerjaan (penerimaan pegawai)', 'Employment information (recruitment)', 'Perki 1/2021 Pasal 11 ayat (1) huruf j',
    ['ketenagakerjaan', 'penerimaan pegawai', 'penerimaan calon', 'rekrutmen', 'cpns', 'pppk', 'lowongan', 'formasi']],
  ['peringatan_dini', 'Prosedur peringatan dini dan prosedur evakuasi keadaan darurat', 'Early warning and emergency evacuation procedures', 'Perki 1/2021 Pasal 11 ayat (1) huruf k',
    ['peringatan dini', 'evakuasi', 'keadaan darurat', 'tanggap darurat', 'jalur evakuasi', 'titik kumpul', 'kebencanaan', 'mitigasi bencana']],
];

/**
 * SOP time standards (mutu baku waktu) the round progress is measured against, in minutes. Data too: offices run
 * different SOPs (the seeds name 30 minutes to 7 days for the same steps), so an admin sets their own.
 */
const STANDARDS: [key: string, label: string, labelEn: string, minutes: number, source: string][] = [
  ['receive', 'Penerimaan: dari penyampaian pertama sampai keputusan pertama PPID', 'Receipt: first submission to the PPID\'s first decision', 24 * 60,
    'SOP Penetapan dan Pemutakhiran DIP: "Menerima Daftar Informasi Publik" — 1 hari'],
  ['verify', 'Verifikasi: dari penyampaian pertama sampai semua baris diterima', 'Verification: first submission to every row accepted', 7 * 24 * 60,
    'SOP Penetapan dan Pemutakhiran DIP: tahap telaah dan rapat koordinasi — 7 hari (verifikasi bersiklus sampai lengkap, SOP Pengelolaan Informasi Publik langkah 6)'],
];

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('report_checklist')
    .addColumn('key', 'text', (c) => c.primaryKey().check(sql`key ~ '^[a-z0-9_]{1,40}$'`))
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    // JSON array of keyword phrases (shared/coverage.ts).
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('expected_category', 'text', (c) => c.check(sql`expected_category in ('berkala', 'serta_merta', 'setiap_saat', 'dikecualikan')`))
    .execute();
  await db
    .insertInto('report_checklist')
    .values(CHECKLIST.map(([key, title, titleEn, basis, keywords], i) => ({ key, ord: i + 1, title, title_en: titleEn, basis, keywords: JSON.stringify(keywords), expected_category: 'berkala' })))
    .execute();

  await db.schema
    .createTable('report_standards')
    .addColumn('key', 'text', (c) => c.primaryKey().check(sql`key in ('receive', 'verify')`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull().check(sql`minutes > 0`))
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('report_standards')
    .values(STANDARDS.map(([key, label, labelEn, minutes, source]) => ({ key, label, label_en: labelEn, minutes, source })))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['report_standards', 'report_checklist']) await db.schema.dropTable(t).ifExists().execute();
}
