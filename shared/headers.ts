/**
 * Recognising DIP column headers, ours and those of DIPs made in other layouts ("Ringkasan Isi", "Pejabat yang
 * Menguasai Informasi", "Waktu dan Tempat Pembuatan", "Retensi", "No." …), so a published DIP can be imported as is.
 */
import { DIP_COLUMNS, type ColumnKey } from './columns.js';
import type { Lang } from './issues.js';
import { foldForMatch } from './text.js';

/**
 * What a header cell means: a row field's column, the combined time-and-place column, a column to skip quietly
 * ("No."), or a group label spanning sub-headers ("Uji Konsekuensi").
 */
export type HeaderKey = ColumnKey | 'createdWhenWhere' | 'ignore' | 'group';

const has = (re: RegExp) => (h: string) => re.test(h);
const both = (a: RegExp, b: RegExp) => (h: string) => a.test(h) && b.test(h);

// Order matters: the first rule that matches wins, so the specific ones ("Jangka Waktu Pengecualian") come
// before the general ones ("Jangka Waktu …" = retention, "Waktu …" = createdWhen).
const RULES: readonly [HeaderKey, (folded: string) => boolean][] = [
  ['id', has(/^(?:id|row id|id baris|uuid)$/)],
  ['ignore', has(/^(?:no|nomor|no urut|nomor urut|num|number|nr)$/)],
  ['group', has(/^(?:uji konsekuensi|consequence test)$/)],
  ['exemption.period', both(/\b(?:pengecualian|dikecualikan|exclusion)\b/, /\b(?:jangka|masa|lama|waktu|period|periode)\b/)],
  ['exemption.basis', has(/\b(?:dasar hukum|landasan hukum|legal basis|pasal)\b/)],
  ['exemption.consequence', has(/\b(?:konsekuensi|consequence|akibat|bahaya)\b/)],
  ['exemption.publicInterest', has(/\b(?:kepentingan publik|kepentingan umum|public interest|pertimbangan)\b/)],
  ['retention', has(/\b(?:penyimpanan|retensi|retention|disimpan)\b|^jangka waktu$/)],
  ['createdWhenWhere', both(/\b(?:waktu|tanggal|tahun|when)\b/, /\b(?:tempat|lokasi|where)\b/)],
  ['responsible', has(/\b(?:penanggung ?jawab|responsible|pj)\b/)],
  ['owningUnit', has(/\b(?:menguasai|pejabat|unit|owning|satuan kerja|satker|opd|bidang|bagian|penguasa)\b/)],
  ['category', has(/\b(?:kategori|klasifikasi|category|jenis informasi|sifat informasi|golongan informasi)\b/)],
  ['title', has(/\b(?:judul|title|nama informasi)\b|^informasi(?: publik)?$/)],
  ['summary', has(/\b(?:ringkasan|summary|isi informasi|deskripsi|uraian)\b/)],
  ['createdWhen', has(/\b(?:waktu|tanggal|tahun|when)\b/)],
  ['createdWhere', has(/\b(?:tempat|lokasi|where)\b/)],
  ['formats', has(/\b(?:bentuk|format|form)\b/)],
  ['link', has(/\b(?:tautan|link|url|media|website|situs|alamat web)\b/)],
  ['notes', has(/\b(?:catatan|keterangan|notes?|ket)\b/)],
];

/** The meaning of a header cell's text, or null when it is blank or unknown. */
export function headerKey(text: string): HeaderKey | null {
  const folded = foldForMatch(text);
  if (folded === '') return null;
  for (const [key, test] of RULES) if (test(folded)) return key;
  return null;
}

/** Whether a key is a real column (something a row's value is read from). */
export function isFieldColumn(k: HeaderKey | null): k is ColumnKey | 'createdWhenWhere' {
  return k !== null && k !== 'ignore' && k !== 'group';
}

/** The header a person knows a column by, in their language. */
export function columnLabel(key: ColumnKey | 'createdWhenWhere', lang: Lang): string {
  if (key === 'createdWhenWhere') return lang === 'id' ? 'Waktu dan Tempat Pembuatan' : 'Time and place of creation';
  const col = DIP_COLUMNS.find((c) => c.key === key);
  return col ? col.header[lang] : key;
}

/** "A", "B", … "AA": how a person finds a column the header did not name. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
