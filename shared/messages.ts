/**
 * The catalogue of validation and import messages, keyed by issue code, in Bahasa Indonesia (`id`, the default)
 * and English (`en`). The task pane keys on the code; people read the message. Placeholders are `{name}`.
 */
import type { Lang } from './issues.js';

interface Message {
  id: string;
  en: string;
}

const MESSAGES = {
  // Row rules (validate.ts)
  category_missing: {
    id: 'Kategori belum diisi: baris ini belum diklasifikasi (Berkala, Serta Merta, Setiap Saat, atau Dikecualikan).',
    en: 'Category is empty: this row is not classified yet (Berkala, Serta Merta, Setiap Saat or Dikecualikan).',
  },
  required: { id: '{label} wajib diisi.', en: '{label} is required.' },
  title_too_long: {
    id: 'Judul Informasi terlalu panjang: {length} karakter (maksimal {max}).',
    en: 'Title is too long: {length} characters (at most {max}).',
  },
  unknown_unit: {
    id: 'Unit "{unit}" tidak ada dalam daftar unit yang dikenal.',
    en: 'Unit "{unit}" is not in the list of known units.',
  },
  formats_missing: {
    id: 'Bentuk Informasi wajib diisi: Hardcopy, Softcopy, atau Hardcopy & Softcopy.',
    en: 'Form is required: Hardcopy, Softcopy, or Hardcopy & Softcopy.',
  },
  unrecognised_retention: {
    id: 'Jangka waktu penyimpanan "{value}" tidak dikenali; tulis misalnya "5 tahun", "Selama berlaku", "Permanen" atau "Sesuai JRA".',
    en: 'Retention "{value}" is not recognised; write e.g. "5 tahun", "Selama berlaku", "Permanen" or "Sesuai JRA".',
  },
  invalid_link: {
    id: 'Tautan "{value}" bukan alamat web yang sah (harus diawali http:// atau https://).',
    en: 'Link "{value}" is not a valid web address (it must start with http:// or https://).',
  },
  exemption_missing: {
    id: 'Informasi yang dikecualikan wajib dilengkapi uji konsekuensi: dasar hukum, konsekuensi, pertimbangan kepentingan publik, dan jangka waktu pengecualian.',
    en: 'Excluded information needs a consequence test: legal basis, consequence, public-interest weighing and exclusion period.',
  },
  exemption_not_allowed: {
    id: 'Uji konsekuensi hanya untuk informasi yang dikecualikan, tetapi kategori baris ini {category}.',
    en: 'A consequence test belongs only to excluded information, but this row is {category}.',
  },
  exemption_basis_missing: {
    id: 'Dasar hukum pengecualian wajib diisi: Pasal 17 huruf a–j UU 14/2008 atau undang-undang lain.',
    en: 'Legal basis for the exclusion is required: Pasal 17 huruf a–j of Law 14/2008 or another law.',
  },
  exemption_consequence_missing: {
    id: 'Konsekuensi (akibat bila informasi dibuka) wajib diisi.',
    en: 'Consequence (the harm if the information were opened) is required.',
  },
  exemption_public_interest_missing: {
    id: 'Pertimbangan kepentingan publik wajib diisi.',
    en: 'Public-interest weighing is required.',
  },
  exemption_period_missing: {
    id: 'Jangka waktu pengecualian wajib diisi.',
    en: 'Exclusion period is required.',
  },
  permanent_exclusion: {
    id: 'Pengecualian berdasarkan Pasal 17 huruf {letter} tidak boleh permanen (Pasal 20 ayat (1) UU 14/2008); jangka waktu tertulis "{period}".',
    en: 'An exclusion under Pasal 17 huruf {letter} cannot be permanent (Article 20(1) of Law 14/2008); the period reads "{period}".',
  },
  duplicate_row: {
    id: 'Judul dan unit sama dengan baris {row}: kemungkinan baris ganda.',
    en: 'Same title and unit as row {row}: probably a duplicate.',
  },
  duplicate_id: {
    id: 'ID baris sama dengan baris {row}; setiap baris harus punya ID sendiri.',
    en: 'Same row ID as row {row}; every row needs its own ID.',
  },

  // Reading a sheet (grid.ts / normalize.ts)
  header_not_found: {
    id: 'Baris judul kolom DIP tidak ditemukan di 10 baris pertama (misalnya "Judul Informasi", "Ringkasan Isi Informasi", "Kategori").',
    en: 'No DIP header row found in the first 10 rows (e.g. "Judul Informasi", "Ringkasan Isi Informasi", "Kategori").',
  },
  missing_column: {
    id: 'Kolom "{header}" tidak ditemukan; isinya dianggap kosong.',
    en: 'Column "{header}" was not found; its values are taken as empty.',
  },
  unknown_column: {
    id: 'Kolom "{header}" tidak dikenali dan tidak dibaca.',
    en: 'Column "{header}" is not recognised and was not read.',
  },
  duplicate_column: {
    id: 'Kolom "{header}" muncul lebih dari sekali; hanya kolom pertama yang dibaca.',
    en: 'Column "{header}" appears more than once; only the first one was read.',
  },
  unrecognised_category: {
    id: 'Kategori "{value}" tidak dikenali; pilih Berkala, Serta Merta, Setiap Saat, atau Dikecualikan.',
    en: 'Category "{value}" is not recognised; choose Berkala, Serta Merta, Setiap Saat or Dikecualikan.',
  },
  unrecognised_format: {
    id: 'Bentuk informasi "{value}" tidak (seluruhnya) dikenali; dibaca sebagai "{read}".',
    en: 'Form "{value}" is not (fully) recognised; read as "{read}".',
  },
  unrecognised_basis: {
    id: 'Dasar hukum "{value}" menyebut Pasal 17 tetapi hurufnya (a–j) tidak terbaca; disimpan sebagai dasar hukum lain.',
    en: 'Legal basis "{value}" cites Pasal 17 but its letter (a–j) could not be read; kept as another legal basis.',
  },
  unsplit_when_where: {
    id: 'Waktu dan tempat pembuatan "{value}" tidak dapat dipisahkan; seluruhnya dibaca sebagai waktu pembuatan.',
    en: 'Time and place of creation "{value}" could not be split; all of it was read as the time of creation.',
  },
  closing_block_skipped: {
    id: '{count} baris di bawah daftar (mis. blok tanda tangan), mulai dari "{first}", tidak diimpor.',
    en: 'Lines under the list (e.g. a signature block) were not imported: {count}, starting with "{first}".',
  },
  invalid_id: {
    id: 'ID "{value}" bukan ID yang sah; baris ini dibaca sebagai baris baru.',
    en: 'ID "{value}" is not a valid ID; this row is read as a new row.',
  },
  value_too_long: {
    id: '{label} terlalu panjang ({length} karakter) dan dipotong menjadi {max} karakter.',
    en: '{label} is too long ({length} characters) and was cut to {max} characters.',
  },
} as const satisfies Record<string, Message>;

export type IssueCode = keyof typeof MESSAGES;
export const ISSUE_CODES = Object.keys(MESSAGES) as IssueCode[];

export type MessageParams = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The raw template of a code in a language, placeholders included (for tests and catalogue tooling). */
export function issueTemplate(code: IssueCode, lang: Lang = 'id'): string {
  return MESSAGES[code][lang];
}

/**
 * The message for an issue code in the requested language, with `{placeholder}`s filled from `params`.
 * A placeholder without a value stays visible rather than silently turning into an empty string.
 *
 * @example issueMessage('required', 'id', { label: 'Judul Informasi' }) // 'Judul Informasi wajib diisi.'
 */
export function issueMessage(code: IssueCode, lang: Lang = 'id', params: MessageParams = {}): string {
  return MESSAGES[code][lang].replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Shortens a cell value quoted inside a message so one huge cell cannot flood the issue list. */
export function quoteValue(value: string, max = 60): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
