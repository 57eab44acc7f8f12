import { describe, expect, it } from 'vitest';
import { checkCoverage, keywordMatcher, type CoverageItem } from './coverage.js';
import type { Category } from './row.js';

const item = (key: string, keywords: string[], expectedCategory: Category | null = 'berkala'): CoverageItem => ({
  key,
  title: key,
  titleEn: key,
  basis: 'uji',
  keywords,
  expectedCategory,
});

const row = (id: string, title: string, category: Category | null, summary = '') => ({ id, title, summary, category, owningUnit: 'Bagian Umum' });

describe('keywordMatcher', () => {
  it('matches whole words in order, ignoring case and punctuation', () => {
    const m = keywordMatcher('Laporan Keuangan')!;
    expect(m('ringkasan laporan keuangan 2024')).toBe(true);
    expect(m('laporan keuangannya')).toBe(false); // not a whole word
    expect(m('keuangan laporan')).toBe(false); // order counts
    expect(m('laporan')).toBe(false);
  });

  it('a trailing * matches a word prefix', () => {
    const m = keywordMatcher('pengadaan barang*')!;
    expect(m('pengumuman pengadaan barangbarang')).toBe(true);
    expect(m('pengadaan barang dan jasa')).toBe(true);
    expect(m('pengadaan jasa')).toBe(false);
  });

  it('folds the keyword like the text ("Tugas & Fungsi" is "tugas fungsi")', () => {
    expect(keywordMatcher('Tugas & Fungsi')!('tugas fungsi bagian umum')).toBe(true);
  });

  it('refuses a keyword without letters or digits, and escapes what it is given', () => {
    expect(keywordMatcher('  ')).toBeNull();
    expect(keywordMatcher('***')).toBeNull();
    // Regex characters in a keyword are folded away, never run as a pattern.
    expect(keywordMatcher('(.*)')).toBeNull();
    expect(keywordMatcher('a.b')!('a b')).toBe(true);
  });
});

describe('checkCoverage', () => {
  const items = [
    item('profil', ['profil badan publik', 'struktur organisasi']),
    item('keuangan', ['laporan keuang*', 'neraca']),
    item('pengadaan', ['pengadaan barang*']),
    item('evakuasi', ['evakuasi', 'peringatan dini']),
    item('peraturan', ['peraturan'], null),
  ];
  const rows = [
    row('r1', 'Struktur Organisasi Dinas', 'berkala'),
    row('r2', 'Laporan Realisasi Anggaran', 'setiap_saat', 'Ringkasan laporan keuangan triwulan'),
    row('r3', 'Neraca 2024', 'berkala'),
    row('r4', 'Dokumen pengadaan barang yang masih dievaluasi', 'dikecualikan'),
    row('r5', 'Rencana Umum Pengadaan Barang/Jasa', 'setiap_saat'),
    row('r6', 'Peraturan Bupati tentang PPID', 'setiap_saat'),
  ];

  it('finds present, misclassified and missing items and lists the covering rows with the keyword that matched', () => {
    const result = checkCoverage(items, rows);
    expect(result.map((r) => [r.key, r.status, r.rows.map((x) => x.id)])).toEqual([
      ['profil', 'present', ['r1']],
      // r2 matches in its summary but is setiap_saat; r3 is berkala: present.
      ['keuangan', 'present', ['r2', 'r3']],
      // r4 is excluded information and never covers; r5 matches but sits in another kategori.
      ['pengadaan', 'other_category', ['r5']],
      ['evakuasi', 'missing', []],
      // No expected kategori: any published one does.
      ['peraturan', 'present', ['r6']],
    ]);
    expect(result[1]!.rows.map((r) => r.keyword)).toEqual(['laporan keuang*', 'neraca']);
    expect(result[0]!.rows[0]).toEqual({ id: 'r1', title: 'Struktur Organisasi Dinas', category: 'berkala', owningUnit: 'Bagian Umum', keyword: 'struktur organisasi' });
  });

  it('an empty DIP misses everything; an item without usable keywords never matches', () => {
    expect(checkCoverage(items, []).every((r) => r.status === 'missing')).toBe(true);
    expect(checkCoverage([item('kosong', ['  ', '*'])], rows)[0]!.status).toBe('missing');
  });
});
