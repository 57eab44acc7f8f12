/**
 * The unit template: an .xlsx a unit fills in Excel (or through the add-in) and sends back. Sheets:
 * "Petunjuk" (how to fill it, Bahasa Indonesia first), "DIP" (the DIP columns, the unit's rows prefilled, drop-downs
 * for Kategori and Bentuk, the row id in a hidden column, the PPID's verdict and comment beside returned rows, the
 * header protected) and a very hidden "_dipsync" sheet recording round, unit and template version.
 */
import ExcelJS from 'exceljs';
import { CATEGORY_LABELS, DIP_COLUMNS, FORMAT_LABELS, columnIndex } from '../../../shared/columns.js';
import { toDipGrid } from '../../../shared/grid.js';
import { columnLetter } from '../../../shared/headers.js';
import type { StoredDipRow } from '../../../shared/row.js';
import { escapeFormula } from '../export/escape.js';
import { DATA_SHEET, EXTRA_HEADERS, INFO_SHEET, META_SHEET, metaGrid, type TemplateMeta } from './template-meta.js';

export interface TemplateRow {
  row: StoredDipRow;
  status: 'pending' | 'accepted' | 'returned' | null;
  comment: string | null;
}

export interface TemplateInput {
  meta: TemplateMeta;
  roundTitle: string;
  dueDate: string;
  unitName: string;
  rows: readonly TemplateRow[];
}

const STATUS_LABEL = { pending: 'Menunggu verifikasi', accepted: 'Diterima', returned: 'Dikembalikan — perbaiki' } as const;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const RETURNED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
/** Drop-downs and unlocked cells reach this far below the rows at least (bounded ranges: STACK.md, exceljs#2820). */
const SPARE_ROWS = 1000;
const MIN_RANGE_ROWS = 5000;

function instructions(wb: ExcelJS.Workbook, input: TemplateInput) {
  const ws = wb.addWorksheet(INFO_SHEET, { properties: { tabColor: { argb: 'FF1F4E79' } } });
  ws.getColumn(1).width = 110;
  const lines: [string, boolean?][] = [
    [`Template Pemutakhiran Daftar Informasi Publik (DIP)`, true],
    [`Putaran: ${input.roundTitle} (nomor ${input.meta.roundId})`],
    [`Unit kerja: ${input.unitName} (${input.meta.unitCode})`],
    [`Batas waktu pengiriman: ${input.dueDate}`],
    [`Dibuat: ${input.meta.issuedAt}${input.meta.baseVersion === null ? '' : ` dari DIP versi ${input.meta.baseVersion}`}`],
    [''],
    ['Cara mengisi', true],
    ['1. Buka lembar "DIP". Baris yang sudah ada adalah informasi unit Anda dari DIP yang berlaku: perbarui isinya, jangan ketik ulang.'],
    ['2. Tambahkan informasi baru di baris kosong di bawahnya. Kolom ID tersembunyi diisi oleh server; jangan diubah.'],
    ['3. Informasi yang tidak lagi dikuasai unit: hapus barisnya (klik kanan nomor baris → Hapus). PPID akan memverifikasi penghapusan.'],
    [`4. Kategori: pilih dari daftar (${Object.values(CATEGORY_LABELS).join(', ')}).`],
    [`5. Bentuk Informasi: pilih dari daftar (${Object.values(FORMAT_LABELS).join(', ')}).`],
    ['6. Untuk kategori Dikecualikan isi juga Dasar Hukum Pengecualian (Pasal 17 huruf a–j UU 14/2008 atau undang-undang lain), Konsekuensi, Pertimbangan Kepentingan Publik, dan Jangka Waktu Pengecualian (uji konsekuensi).'],
    ['7. Baris berwarna jingga dikembalikan oleh PPID: baca kolom "Catatan PPID", perbaiki, lalu kirim ulang. Kolom Status Verifikasi dan Catatan PPID diabaikan saat diunggah.'],
    ['8. Simpan sebagai .xlsx (jangan ubah baris judul kolom) lalu unggah melalui add-in DIP Sync atau halaman putaran. Anda menerima tanda terima untuk setiap kiriman.'],
    ['9. Rumus boleh dipakai, tetapi yang dikirim adalah nilai yang tampil; simpan berkas di Excel sebelum mengunggah.'],
    [''],
    ['English', true],
    ['Update the rows on sheet "DIP" (they are your unit\'s rows from the current DIP), add new rows below, delete rows your unit no longer holds, fix rows marked orange (see "Catatan PPID"), save as .xlsx and upload it. Do not edit the header row or the hidden ID column.'],
  ];
  for (const [text, bold] of lines) {
    const row = ws.addRow([text]);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    if (bold) row.getCell(1).font = { bold: true, size: 13 };
  }
}

function dataSheet(wb: ExcelJS.Workbook, input: TemplateInput) {
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const width = DIP_COLUMNS.length + EXTRA_HEADERS.length;
  DIP_COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  ws.getColumn(DIP_COLUMNS.length + 1).width = 22;
  ws.getColumn(DIP_COLUMNS.length + 2).width = 50;
  // Everything editable, then the header locked: protection guards the header (and the layout the upload
  // relies on) against slips, not against a determined user; the server checks every upload anyway.
  for (let i = 1; i <= width; i++) ws.getColumn(i).protection = { locked: false };

  // A template is an export: text that Excel would run as a formula is escaped (parseDipGrid undoes it on upload).
  const grid = toDipGrid(input.rows.map((r) => r.row)).map((line) => line.map(escapeFormula));
  const header = ws.addRow([...grid[0]!, ...EXTRA_HEADERS]);
  header.height = 45;
  header.eachCell((cell) => {
    cell.protection = { locked: true };
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });

  input.rows.forEach((r, i) => {
    // Absent values stay blank cells, not empty strings (which Excel counts as filled).
    const cells = [...grid[i + 1]!, r.status ? STATUS_LABEL[r.status] : '', escapeFormula(r.comment ?? '')].map((v) => (v === '' ? null : v));
    const row = ws.addRow(cells);
    if (r.status !== 'returned') return;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.fill = RETURNED_FILL;
    });
    row.getCell(columnIndex('title') + 1).note = `Catatan PPID: ${r.comment ?? ''}`;
  });

  const last = Math.max(MIN_RANGE_ROWS, input.rows.length + SPARE_ROWS);
  const letter = (key: Parameters<typeof columnIndex>[0]) => columnLetter(columnIndex(key));
  const list = (values: readonly string[]) => ({
    type: 'list' as const,
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning' as const,
    errorTitle: 'Nilai tidak ada dalam daftar',
    error: 'Pilih salah satu nilai dari daftar. / Pick one value from the list.',
  });
  // exceljs 4.4 has no typings for the range form; the per-cell API writes overlapping ranges (exceljs#2820).
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations;
  validations.add(`${letter('category')}2:${letter('category')}${last}`, list(Object.values(CATEGORY_LABELS)));
  validations.add(`${letter('formats')}2:${letter('formats')}${last}`, list(Object.values(FORMAT_LABELS)));
  ws.autoFilter = { from: { row: 1, column: 2 }, to: { row: 1, column: width } };
  return ws;
}

/** The template workbook as .xlsx bytes. */
export async function buildTemplate(input: TemplateInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DIP Sync';
  wb.title = `Template DIP — ${input.roundTitle} — ${input.meta.unitCode}`;
  instructions(wb, input);
  const ws = dataSheet(wb, input);
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  for (const kv of metaGrid(input.meta)) meta.addRow(kv);
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    deleteRows: true,
    insertHyperlinks: true,
    autoFilter: true,
  });
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
