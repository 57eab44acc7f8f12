/**
 * XLSX through exceljs: one sheet per table, every cell written as a string that went through `escapeFormula`
 * (never a `{ formula }` value), a bold frozen header row, and the header repeated on every printed page.
 */
import ExcelJS from 'exceljs';
import { escapeFormula } from './escape.js';
import type { ExportTable } from './table.js';

export interface XlsxOptions {
  /** Workbook properties (title, subject) shown in the file's details. */
  title?: string;
  /** Fixed creation time, so the same content gives the same bytes apart from the zip's own timestamps. */
  created?: Date;
}

export async function toXlsx(tables: readonly ExportTable[], opts: XlsxOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DIP Sync';
  if (opts.title) wb.title = opts.title;
  if (opts.created) {
    wb.created = opts.created;
    wb.modified = opts.created;
  }
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name, {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
    });
    ws.columns = t.headers.map((h, i) => ({ header: escapeFormula(h), width: t.widths?.[i] ?? 20, style: { alignment: { vertical: 'top', wrapText: true } } }));
    ws.getRow(1).font = { bold: true };
    for (const r of t.rows) ws.addRow(r.map(escapeFormula));
  }
  // exceljs types writeBuffer as its own Buffer interface (an ArrayBuffer); at run time it is a Node Buffer.
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
