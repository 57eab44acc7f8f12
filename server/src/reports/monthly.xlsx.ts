/**
 * The monthly report as an .xlsx: a "Keterangan" sheet (title, period, versions, totals), then one sheet per table
 * of report.tables.ts with a styled, frozen header row, widths, numbers stored as numbers, and text through the
 * exports' formula escape. No cell is ever a formula (totals are written as values).
 */
import ExcelJS from 'exceljs';
import type { Lang } from '../../../shared/issues.js';
import { escapeFormula } from '../export/escape.js';
import { dateTimeText, monthText } from './period.js';
import { REPORT_LABELS } from './report.labels.js';
import { monthlyTables, type ReportCell } from './report.tables.js';
import { FIGURE_KEYS, type MonthlyReport } from './reports.contract.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFB4B4B4' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const NUMBER_FORMAT = '#,##0';

const cellValue = (v: ReportCell): string | number => (typeof v === 'number' ? v : escapeFormula(v));

function pageSetup(): Partial<ExcelJS.PageSetup> {
  return { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
}

export async function monthlyXlsx(report: MonthlyReport, lang: Lang = 'id'): Promise<Buffer> {
  const l = REPORT_LABELS[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'DIP Sync';
  wb.title = `${l.monthlyTitle} ${monthText(report.month)}`;
  // The report's own time, so the same report gives the same workbook apart from the zip's timestamps.
  wb.created = new Date(report.generatedAt);
  wb.modified = wb.created;

  const info = wb.addWorksheet(lang === 'id' ? 'Keterangan' : 'About', { pageSetup: { ...pageSetup(), orientation: 'portrait' } });
  info.columns = [{ width: 34 }, { width: 60 }];
  info.addRow([escapeFormula(l.monthlyTitle)]).font = { bold: true, size: 14 };
  const lines: [string, string | number][] = [
    [l.period, monthText(report.month)],
    [l.versionsLabel, l.versions(report.fromVersion, report.toVersion)],
    [l.basisLabel, l.basis[report.basis]],
    [l.generatedAt, dateTimeText(new Date(report.generatedAt))],
  ];
  for (const [k, v] of lines) info.addRow([escapeFormula(k), typeof v === 'string' ? escapeFormula(v) : v]);
  info.addRow([]);
  const head = info.addRow([l.total, '']);
  head.font = { bold: true };
  for (const k of FIGURE_KEYS) {
    const r = info.addRow([l.figures[k], report.totals[k]]);
    r.getCell(2).numFmt = NUMBER_FORMAT;
    r.getCell(2).alignment = { horizontal: 'left' };
  }

  for (const table of monthlyTables(report, lang)) {
    const ws = wb.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: pageSetup() });
    ws.columns = table.widths.map((width) => ({ width }));
    const header = ws.addRow(table.headers.map(escapeFormula));
    header.eachCell((c) => {
      c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      c.fill = HEADER_FILL;
      c.border = BOX;
      c.alignment = { vertical: 'middle', wrapText: true };
    });
    table.rows.forEach((cells, i) => {
      const row = ws.addRow(cells.map(cellValue));
      const isTotal = table.hasTotal && i === table.rows.length - 1;
      row.eachCell({ includeEmpty: true }, (c) => {
        c.border = BOX;
        c.alignment = { vertical: 'top', wrapText: typeof c.value === 'string' };
        if (typeof c.value === 'number') c.numFmt = NUMBER_FORMAT;
        if (isTotal) {
          c.font = { bold: true };
          c.fill = TOTAL_FILL;
        }
      });
    });
    if (table.rows.length === 0) ws.addRow([escapeFormula(l.none)]);
  }
  // exceljs types writeBuffer as its own Buffer interface (an ArrayBuffer); at run time it is a Node Buffer.
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
