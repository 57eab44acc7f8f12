/**
 * Realistic DIP rows for tests and benchmarks (deterministic: row i is always the same).
 */
import { CATEGORIES, type DipRow } from '../row.js';

const UNITS = ['Bagian Umum', 'Bidang Keuangan', 'Bidang Perencanaan', 'Sekretariat', 'Bidang Informasi'];
const TOPICS = ['Rencana Strategis', 'Laporan Keuangan', 'Daftar Aset', 'Standar Pelayanan', 'Rencana Kerja', 'Laporan Kinerja', 'Data Pegawai'];

export function sampleRow(i: number): DipRow {
  const category = CATEGORIES[i % 4]!;
  const row: DipRow = {
    category,
    title: `${TOPICS[i % TOPICS.length]} Tahun ${2015 + (i % 10)} nomor ${i}`,
    summary: `Ringkasan isi informasi ${i}: dokumen yang memuat ${TOPICS[i % TOPICS.length]!.toLowerCase()} beserta lampiran pendukungnya untuk masyarakat.`,
    owningUnit: UNITS[i % UNITS.length]!,
    responsible: `Kepala ${UNITS[i % UNITS.length]}`,
    createdWhen: String(2015 + (i % 10)),
    createdWhere: 'Kota Jambi',
    formats: i % 3 === 0 ? ['hardcopy', 'softcopy'] : i % 3 === 1 ? ['softcopy'] : ['hardcopy'],
    retention: `${1 + (i % 10)} tahun`,
    link: i % 2 === 0 ? `https://ppid.example.go.id/dokumen/${i}` : null,
    notes: null,
  };
  if (category === 'dikecualikan') {
    row.exemption = {
      article17: 'h',
      consequence: 'Membuka informasi ini dapat mengungkap data pribadi pegawai.',
      publicInterest: 'Kepentingan publik lebih besar dilindungi dengan menutup informasi ini.',
      period: '5 tahun',
    };
  }
  return row;
}

export const sampleRows = (n: number, from = 0): DipRow[] => Array.from({ length: n }, (_, i) => sampleRow(from + i));
