/**
 * The sheet layout of the DIP: one column per field, Indonesian headers first (English for the setting),
 * the row id in a hidden first column, and the uji konsekuensi split over four columns.
 */
export type ColumnKey =
  | 'id'
  | 'category'
  | 'title'
  | 'summary'
  | 'owningUnit'
  | 'responsible'
  | 'createdWhen'
  | 'createdWhere'
  | 'formats'
  | 'retention'
  | 'link'
  | 'exemption.basis'
  | 'exemption.consequence'
  | 'exemption.publicInterest'
  | 'exemption.period'
  | 'notes';

export interface DipColumn {
  key: ColumnKey;
  header: { id: string; en: string };
  /** Width in Excel character units, for a sheet people can read without resizing. */
  width: number;
  hidden?: boolean;
}

export const DIP_COLUMNS: readonly DipColumn[] = [
  { key: 'id', header: { id: 'ID', en: 'ID' }, width: 10, hidden: true },
  { key: 'category', header: { id: 'Kategori', en: 'Category' }, width: 16 },
  { key: 'title', header: { id: 'Judul Informasi', en: 'Title' }, width: 40 },
  { key: 'summary', header: { id: 'Ringkasan Isi Informasi', en: 'Summary' }, width: 50 },
  { key: 'owningUnit', header: { id: 'Pejabat/Unit yang Menguasai Informasi', en: 'Owning official/unit' }, width: 28 },
  { key: 'responsible', header: { id: 'Penanggung Jawab Pembuatan/Penerbitan', en: 'Responsible for creation/issue' }, width: 28 },
  { key: 'createdWhen', header: { id: 'Waktu Pembuatan', en: 'When created' }, width: 16 },
  { key: 'createdWhere', header: { id: 'Tempat Pembuatan', en: 'Where created' }, width: 18 },
  { key: 'formats', header: { id: 'Bentuk Informasi', en: 'Form' }, width: 20 },
  { key: 'retention', header: { id: 'Jangka Waktu Penyimpanan / Retensi', en: 'Retention' }, width: 20 },
  { key: 'link', header: { id: 'Tautan / Jenis Media', en: 'Link / media' }, width: 30 },
  { key: 'exemption.basis', header: { id: 'Dasar Hukum Pengecualian', en: 'Legal basis for exclusion' }, width: 26 },
  { key: 'exemption.consequence', header: { id: 'Konsekuensi', en: 'Consequence' }, width: 30 },
  { key: 'exemption.publicInterest', header: { id: 'Pertimbangan Kepentingan Publik', en: 'Public-interest weighing' }, width: 30 },
  { key: 'exemption.period', header: { id: 'Jangka Waktu Pengecualian', en: 'Exclusion period' }, width: 18 },
  { key: 'notes', header: { id: 'Catatan', en: 'Notes' }, width: 24 },
];

/** The header row as it stands in the sheet (always Indonesian: the sheet is the legal record's working copy). */
export const DIP_HEADERS: readonly string[] = DIP_COLUMNS.map((c) => c.header.id);

export const columnIndex = (key: ColumnKey): number => DIP_COLUMNS.findIndex((c) => c.key === key);

/** Sheet labels of the enumerations, for drop-down lists and for writing rows. */
export const CATEGORY_LABELS = {
  berkala: 'Berkala',
  serta_merta: 'Serta Merta',
  setiap_saat: 'Setiap Saat',
  dikecualikan: 'Dikecualikan',
} as const;

export const FORMAT_LABELS = {
  hardcopy: 'Hardcopy',
  softcopy: 'Softcopy',
  both: 'Hardcopy & Softcopy',
} as const;
