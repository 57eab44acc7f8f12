/**
 * The words of the reports, Bahasa Indonesia first and English second: one vocabulary for the XLSX, the printable
 * page, and the task pane's Laporan pane and the sheet it writes, so the three always name a figure the same way.
 * Pure (no server imports): the task pane imports it.
 */
import type { Lang } from '../../../shared/issues.js';
import type { CoverageStatus } from '../../../shared/coverage.js';
import type { Category } from '../../../shared/row.js';
import type { MonthlyFigures, ReviewState, SubmissionTiming } from './reports.contract.js';

export interface ReportLabels {
  monthlyTitle: string;
  coverageTitle: string;
  progressTitle: string;
  figures: Record<keyof MonthlyFigures, string>;
  /** Column and field names. */
  unit: string;
  category: string;
  title: string;
  total: string;
  summary: string;
  fields: string;
  createdWhen: string;
  retention: string;
  expiredOn: string;
  change: string;
  period: string;
  versionsLabel: string;
  versions: (from: number | null, to: number | null) => string;
  basisLabel: string;
  basis: { head: string; published: string };
  generatedAt: string;
  categories: Record<Category | 'none', string>;
  changeKinds: { added: string; changed: string; removed: string };
  timing: Record<SubmissionTiming, string>;
  review: Record<ReviewState, string>;
  coverage: Record<CoverageStatus, string>;
  sections: { byUnitCategory: string; byUnit: string; byCategory: string; changes: string; lapsed: string; incomplete: string; progress: string };
  progress: { timing: string; daysLate: string; review: string; returnedRows: string };
  none: string;
  /** The task pane's Laporan pane. */
  pane: {
    tab: string;
    monthly: string;
    month: string;
    reload: string;
    loading: string;
    perCategory: string;
    perUnit: string;
    write: string;
    writing: string;
    written: (sheet: string) => string;
    sheetName: (month: string) => string;
    noRows: string;
    noRound: string;
    due: (date: string) => string;
    lateDays: (n: number) => string;
    returned: (n: number) => string;
    coverageSummary: (present: number, total: number) => string;
    missingItems: string;
    otherCategoryItems: string;
  };
}

const v = (n: number | null) => (n === null ? '–' : `v${n}`);

export const REPORT_LABELS: Record<Lang, ReportLabels> = {
  id: {
    monthlyTitle: 'Laporan Bulanan Ketersediaan Informasi',
    coverageTitle: 'Cakupan Informasi Berkala (Monev)',
    progressTitle: 'Kemajuan Pemutakhiran DIP',
    figures: {
      rows: 'Jumlah informasi',
      withLink: 'Bertautan',
      softcopy: 'Softcopy tersedia',
      added: 'Ditambah',
      changed: 'Diubah',
      removed: 'Dihapus',
      retentionLapsed: 'Retensi lewat',
      missingRequired: 'Belum lengkap',
    },
    unit: 'Unit kerja',
    category: 'Kategori',
    title: 'Judul informasi',
    total: 'Jumlah',
    summary: 'Ringkasan',
    fields: 'Kolom yang kosong',
    createdWhen: 'Waktu pembuatan',
    retention: 'Retensi',
    expiredOn: 'Retensi berakhir',
    change: 'Perubahan',
    period: 'Periode',
    versionsLabel: 'Versi',
    basisLabel: 'Dasar perhitungan',
    versions: (from, to) => `Versi awal bulan ${v(from)}, versi akhir bulan ${v(to)}`,
    basis: { head: 'semua versi yang disimpan', published: 'versi yang diterbitkan' },
    generatedAt: 'Dibuat',
    categories: { berkala: 'Berkala', serta_merta: 'Serta Merta', setiap_saat: 'Setiap Saat', dikecualikan: 'Dikecualikan', none: 'Belum diklasifikasi' },
    changeKinds: { added: 'Ditambah', changed: 'Diubah', removed: 'Dihapus' },
    timing: { on_time: 'Tepat waktu', late: 'Terlambat', missing: 'Belum menyampaikan', not_yet_due: 'Belum jatuh tempo' },
    review: { not_started: 'Belum ada kiriman', submitted: 'Menunggu verifikasi', returned: 'Dikembalikan', accepted: 'Diterima' },
    coverage: { present: 'Ada', other_category: 'Ada, kategori lain', missing: 'Belum ada' },
    sections: {
      byUnitCategory: 'Per unit kerja dan kategori',
      byUnit: 'Per unit kerja',
      byCategory: 'Per kategori',
      changes: 'Perubahan bulan ini',
      lapsed: 'Retensi sudah lewat',
      incomplete: 'Kolom wajib belum lengkap',
      progress: 'Kemajuan putaran pemutakhiran',
    },
    progress: { timing: 'Penyampaian', daysLate: 'Hari terlambat', review: 'Verifikasi', returnedRows: 'Baris dikembalikan' },
    none: 'Tidak ada.',
    pane: {
      tab: 'Laporan',
      monthly: 'Laporan bulanan',
      month: 'Bulan',
      reload: 'Muat ulang',
      loading: 'Memuat laporan…',
      perCategory: 'Jumlah informasi per kategori',
      perUnit: 'Jumlah informasi per unit kerja',
      write: 'Tulis ke lembar baru',
      writing: 'Menulis laporan ke lembar baru…',
      written: (sheet) => `Laporan ditulis ke lembar "${sheet}", lengkap dengan grafiknya.`,
      sheetName: (month) => `Laporan ${month}`,
      noRows: 'Belum ada informasi pada akhir bulan ini.',
      noRound: 'Belum ada putaran pemutakhiran.',
      due: (date) => `Batas waktu ${date}`,
      lateDays: (n) => `terlambat ${n} hari`,
      returned: (n) => `${n} baris dikembalikan`,
      coverageSummary: (present, total) => `${present} dari ${total} butir informasi berkala sudah ada di DIP.`,
      missingItems: 'Belum ada',
      otherCategoryItems: 'Ada, tetapi bukan kategori Berkala',
    },
  },
  en: {
    monthlyTitle: 'Monthly Information Availability Report',
    coverageTitle: 'Coverage of Periodic Information (Monev)',
    progressTitle: 'DIP Update Round Progress',
    figures: {
      rows: 'Entries',
      withLink: 'With link',
      softcopy: 'Softcopy available',
      added: 'Added',
      changed: 'Changed',
      removed: 'Removed',
      retentionLapsed: 'Retention lapsed',
      missingRequired: 'Incomplete',
    },
    unit: 'Unit',
    category: 'Category',
    title: 'Title',
    total: 'Total',
    summary: 'Summary',
    fields: 'Empty fields',
    createdWhen: 'When created',
    retention: 'Retention',
    expiredOn: 'Retention ended',
    change: 'Change',
    period: 'Period',
    versionsLabel: 'Versions',
    basisLabel: 'Counted from',
    versions: (from, to) => `Version at month start ${v(from)}, at month end ${v(to)}`,
    basis: { head: 'all stored versions', published: 'published versions' },
    generatedAt: 'Generated',
    categories: { berkala: 'Periodic', serta_merta: 'Immediate', setiap_saat: 'Any time', dikecualikan: 'Excluded', none: 'Not classified' },
    changeKinds: { added: 'Added', changed: 'Changed', removed: 'Removed' },
    timing: { on_time: 'On time', late: 'Late', missing: 'Not submitted', not_yet_due: 'Not yet due' },
    review: { not_started: 'Nothing submitted', submitted: 'Awaiting verification', returned: 'Returned', accepted: 'Accepted' },
    coverage: { present: 'Present', other_category: 'Present, other category', missing: 'Missing' },
    sections: {
      byUnitCategory: 'By unit and category',
      byUnit: 'By unit',
      byCategory: 'By category',
      changes: 'Changes this month',
      lapsed: 'Retention lapsed',
      incomplete: 'Required fields missing',
      progress: 'Update round progress',
    },
    progress: { timing: 'Submission', daysLate: 'Days late', review: 'Verification', returnedRows: 'Rows returned' },
    none: 'None.',
    pane: {
      tab: 'Reports',
      monthly: 'Monthly report',
      month: 'Month',
      reload: 'Reload',
      loading: 'Loading the report…',
      perCategory: 'Entries per category',
      perUnit: 'Entries per unit',
      write: 'Write to a new sheet',
      writing: 'Writing the report to a new sheet…',
      written: (sheet) => `The report was written to the sheet "${sheet}", with its chart.`,
      sheetName: (month) => `Report ${month}`,
      noRows: 'No entries at the end of this month yet.',
      noRound: 'There is no update round yet.',
      due: (date) => `Due ${date}`,
      lateDays: (n) => `${n} days late`,
      returned: (n) => `${n} rows returned`,
      coverageSummary: (present, total) => `${present} of ${total} periodic information items are in the DIP.`,
      missingItems: 'Missing',
      otherCategoryItems: 'Present, but not as Periodic',
    },
  },
};

export const categoryText = (l: ReportLabels, c: Category | null): string => l.categories[c ?? 'none'];
