/** Bahasa Indonesia for the unit's mode (Kiriman unit) and for importing an existing DIP (Impor DIP lama). */
import { DIP_COLUMNS, type ColumnKey } from '../../../shared/columns.js';
import { columnLetter } from '../../../shared/headers.js';
import type { Lang } from '../../../shared/issues.js';
const n = (x: number) => x.toLocaleString('id-ID');

export const idUnitMode = {
  roundTitle: 'Putaran',
  loading: 'Memuat putaran…',
  reload: 'Muat ulang',
  none: 'Unit Anda belum diminta mengirim data pada putaran mana pun.',
  round: 'Putaran',
  roundOption: (title: string, due: string, closed: boolean) => `${title} (batas ${due}${closed ? ', ditutup' : ''})`,
  statusLine: (status: string, due: string) => `Status unit Anda: ${status} · batas ${due}`,
  fillTitle: 'Isi lembar unit',
  fillDescription:
    'Ambil baris unit Anda (dari DIP terbit, atau dari kiriman terakhir beserta catatan PPID) ke lembar DIP, perbarui, lalu kirim.',
  fetch: 'Ambil baris unit ke lembar…',
  fetching: 'Mengambil baris unit…',
  fetchPreview: (rows: number, returned: number) => `${n(rows)} baris akan ditulis ke lembar; ${n(returned)} di antaranya dikembalikan PPID.`,
  overwriteWarning: (rows: number) => `Lembar DIP sekarang berisi ${n(rows)} baris yang akan diganti.`,
  confirmOverwrite: 'Saya mengerti: ganti isi lembar',
  write: 'Tulis ke lembar',
  writing: 'Menulis ke lembar…',
  written: (rows: number) => `${n(rows)} baris unit ditulis ke lembar.`,
  submitTitle: 'Kirim ke PPID',
  check: 'Periksa & kirim…',
  checking: 'Membaca dan memeriksa lembar…',
  summary: (rows: number, errors: number, warnings: number) => `${n(rows)} baris siap dikirim: ${n(errors)} kesalahan, ${n(warnings)} peringatan (sudah ditandai di lembar).`,
  errorsNote: 'Masih ada kesalahan. Sebaiknya perbaiki dulu; bila tetap dikirim, PPID akan melihat temuan ini.',
  submit: (rows: number) => `Kirim ${n(rows)} baris`,
  submitting: 'Mengirim…',
  submitted: (receipt: string) => `Terkirim. Nomor tanda terima: ${receipt}.`,
  carriedOver: (count: number) => `${n(count)} baris yang tidak berubah tetap berstatus diterima.`,
  closedRound: 'Putaran ini sudah ditutup: kiriman tidak diterima lagi.',
  receiptsTitle: 'Tanda terima',
  receiptsNone: 'Belum ada kiriman pada putaran ini.',
  receiptLine: (when: string, rows: number, removed: number) => `${when} · ${n(rows)} baris · ${n(removed)} usulan hapus`,
  receiptValidation: (errors: number, warnings: number) => `${n(errors)} kesalahan, ${n(warnings)} peringatan`,
  receiptHash: (hash: string) => `Hash isi ${hash}`,
  returnedTitle: (count: number) => `Baris dikembalikan PPID (${n(count)})`,
  returnedNone: 'Tidak ada baris yang dikembalikan.',
  returnedRemoval: 'Usulan hapus dikembalikan',
  returnedComment: (comment: string) => `Catatan PPID: ${comment}`,
  markReturned: 'Tandai di lembar',
  marking: 'Menandai sel…',
  marked: (cells: number, missing: number) =>
    missing > 0 ? `${n(cells)} sel ditandai; ${n(missing)} baris tidak ada di lembar (ambil ulang baris unit).` : `${n(cells)} sel ditandai.`,
  markText: (comment: string) => `Dikembalikan PPID: ${comment}`,
};

export const idImportDip = {
  title: 'Impor DIP lama',
  description:
    'Untuk DIP yang sudah ada dalam tata letak lain. DIP lama dibaca dari lembar "DIP" apa adanya, baris judul di atas judul kolom boleh ada; setelah pembacaan pertama Anda dapat memilih lembar lain. Kolom dikenali dari judulnya, nilai dirapikan, dan hasilnya ditulis ke lembar "DIP".',
  read: 'Baca DIP lama',
  reading: 'Membaca lembar…',
  source: 'Lembar yang dibaca',
  sheetMissing: (sheet: string) =>
    `Lembar "${sheet}" tidak ada di buku kerja ini. Pilih lembar yang berisi DIP lama pada "Lembar yang dibaca", lalu klik "Baca DIP lama" lagi — atau ganti nama lembar itu menjadi "DIP".`,
  sourceKept: (sheet: string) => `Lembar "${sheet}" tidak diubah; hasil impor ditulis ke lembar "DIP".`,
  headerMissing: 'Baris judul kolom DIP tidak ditemukan di 10 baris teratas lembar.',
  summary: (rows: number, problems: number) => `${n(rows)} baris terbaca; ${n(problems)} baris perlu perhatian.`,
  columnsFound: (columns: string) => `Kolom dikenali: ${columns}.`,
  sheetIssues: 'Tentang lembar',
  rowsTitle: 'Yang tidak dapat dipahami, baris demi baris',
  rowLine: (sheetRow: number) => `Baris ${n(sheetRow)} di lembar asal`,
  more: (count: number) => `… dan ${n(count)} baris lainnya.`,
  /** Reading "DIP" itself: the old DIP the import took (ImportPreview.taken) is what the write replaces. */
  replacesOld: (rows: number, cols: number) =>
    `Yang diganti: DIP lama di baris 1–${n(rows)}, kolom A–${columnLetter(cols - 1)} lembar ini (baris judul, judul kolom, dan baris datanya).`,
  /** …and what else the sheet holds outside it stays. */
  keptOutside: 'Isi lain lembar ini di luar DIP lama itu (mis. blok tanda tangan atau catatan di bawahnya) tetap ada.',
  /** Reading another sheet: the rows go into the DIP table, and nothing around it on "DIP" is cleared. */
  keepsAround:
    'Di lembar "DIP" hanya baris tabel DIP yang diganti; isi di luar tabel (mis. blok tanda tangan di bawahnya) tetap ada dan bergeser mengikuti panjang tabel.',
  confirm: (rows: number) => `Ganti DIP di lembar "DIP" dengan ${n(rows)} baris hasil impor`,
  write: 'Tulis ke lembar DIP',
  writing: 'Menulis hasil impor…',
  written: (rows: number, marked: number) => `${n(rows)} baris diimpor ke lembar DIP; ${n(marked)} sel ditandai untuk diperiksa.`,
  nothing: 'Tidak ada baris yang dapat diimpor.',
  /** A recognised column by its DIP header (the combined "waktu dan tempat" column of some layouts by its own name). */
  columnName: (key: ColumnKey | 'createdWhenWhere', lang: Lang) =>
    key === 'createdWhenWhere' ? (lang === 'id' ? 'Waktu dan Tempat Pembuatan' : 'When and where created') : (DIP_COLUMNS.find((c) => c.key === key)?.header[lang] ?? key),
};
