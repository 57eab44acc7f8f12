/**
 * DIP-like sheet rows for the adapter's tests and benchmark: Indonesian text of realistic length (a title of a
 * few dozen characters, a summary of a couple of sentences), different on every row.
 */
import { CATEGORY_LABELS, DIP_HEADERS, FORMAT_LABELS } from '../../../../shared/columns.js';

const UNITS = ['Sekretariat', 'Bidang Perencanaan', 'Bagian Hukum', 'Bidang Keuangan', 'Dinas Kominfo'];
const CATEGORIES = Object.values(CATEGORY_LABELS);
const FORMS = Object.values(FORMAT_LABELS);

/** One sheet row in DIP column order (the ID column blank, as for rows not pushed yet). */
export function sampleRow(i: number): string[] {
  const category = CATEGORIES[i % CATEGORIES.length] ?? '';
  const excluded = category === CATEGORY_LABELS.dikecualikan;
  return [
    '',
    category,
    `Laporan Kegiatan Nomor ${i + 1} Tahun ${2015 + (i % 10)}`,
    `Ringkasan laporan ${i + 1}: capaian program, realisasi anggaran dan kendala pelaksanaan kegiatan selama satu tahun anggaran.`,
    UNITS[i % UNITS.length] ?? '',
    `Kepala ${UNITS[(i + 1) % UNITS.length] ?? ''}`,
    String(2015 + (i % 10)),
    'Kota Bandung',
    FORMS[i % FORMS.length] ?? '',
    '5 tahun',
    i % 3 === 0 ? `https://ppid.example.go.id/dip/${i + 1}` : '',
    excluded ? 'Pasal 17 huruf b' : '',
    excluded ? 'Dapat mengganggu proses penegakan hukum.' : '',
    excluded ? 'Kepentingan publik lebih kecil daripada akibat yang timbul.' : '',
    excluded ? '5 tahun' : '',
    '',
  ];
}

/** The header row and `n` rows: what toDipGrid hands the adapter. */
export function sampleGrid(n: number): string[][] {
  return [[...DIP_HEADERS], ...Array.from({ length: n }, (_, i) => sampleRow(i))];
}
