/**
 * Reads the sheets of an uploaded .xlsx as grids of plain values, after xlsx-guard.ts has checked and cut it
 * down. A formula gives its cached value (what the person saw in Excel); a formula with no cached value is
 * refused, because the server will not compute it and guessing would silently change the row.
 */
import ExcelJS from 'exceljs';
import { UPLOAD_LIMITS, type UploadLimits } from './limits.js';
import { UploadRefused } from './refusal.js';
import { checkXlsx } from './xlsx-guard.js';

/** A hyperlink stays an object: parseDipGrid takes the target for the link column and the text elsewhere. */
export type GridCell = string | number | boolean | Date | null | { text: string; hyperlink: string };

export interface SheetGrid {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Non-empty rows only, top to bottom (blank rows are dropped so a far-down stray cell costs nothing). */
  grid: GridCell[][];
  /** The 1-based sheet row of each grid row, for messages that point at the sheet. */
  sheetRows: number[];
  /** Some cells right of `maxColumns` had values and were left out. */
  truncatedColumns: boolean;
}

/** A formula cell as exceljs gives it. */
interface FormulaValue {
  formula?: string;
  sharedFormula?: string;
  result?: unknown;
}

function isFormula(v: unknown): v is FormulaValue {
  return v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);
}

function plain(v: unknown): GridCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v !== 'object') return null;
  const o = v as { richText?: { text?: unknown }[]; text?: unknown; hyperlink?: unknown; error?: unknown };
  if (Array.isArray(o.richText)) return o.richText.map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
  if (typeof o.hyperlink === 'string') {
    const text = plain(o.text);
    return { text: typeof text === 'string' ? text : o.hyperlink, hyperlink: o.hyperlink };
  }
  if (typeof o.text === 'string') return o.text;
  if (typeof o.error === 'string') return o.error;
  return null;
}

/**
 * Every worksheet of the workbook as a grid. Throws UploadRefused (422) for a file that is not a readable
 * .xlsx or that has formulas without a cached value (naming up to 10 of those cells).
 */
export async function readXlsxGrids(upload: Buffer, limits: UploadLimits = UPLOAD_LIMITS): Promise<SheetGrid[]> {
  const clean = await checkXlsx(upload, limits);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs' own Buffer type predates Node's generic Buffer.
    await wb.xlsx.load(clean as unknown as ExcelJS.Buffer);
  } catch {
    throw new UploadRefused(422, 'unreadable_xlsx', 'Isi berkas .xlsx tidak dapat dibaca.', 'The .xlsx content could not be read.');
  }
  const noValue: string[] = [];
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    const out: SheetGrid = { name: ws.name, state: ws.state === 'veryHidden' || ws.state === 'hidden' ? ws.state : 'visible', grid: [], sheetRows: [], truncatedColumns: false };
    ws.eachRow((row, rowNumber) => {
      const cells: GridCell[] = [];
      let filled = false;
      row.eachCell((cell, col) => {
        if (col > limits.maxColumns) {
          out.truncatedColumns ||= cell.value !== null && cell.value !== undefined;
          return;
        }
        let v: unknown = cell.value;
        if (isFormula(v)) {
          if (v.result === undefined) {
            if (noValue.length < 10) noValue.push(`${ws.name}!${cell.address}`);
            return;
          }
          v = v.result;
        }
        const p = plain(v);
        if (p === null || p === '') return;
        while (cells.length < col - 1) cells.push(null);
        cells[col - 1] = p;
        filled = true;
      });
      if (!filled) return;
      out.grid.push(cells);
      out.sheetRows.push(rowNumber);
    });
    sheets.push(out);
  });
  if (noValue.length > 0) {
    throw new UploadRefused(
      422,
      'formula_without_value',
      `Ada rumus tanpa nilai tersimpan (${noValue.join(', ')}). Buka berkas di Excel, biarkan rumus terhitung, simpan, lalu unggah lagi — atau ganti rumus dengan nilainya.`,
      `Some formulas have no saved value (${noValue.join(', ')}). Open the file in Excel, let it calculate, save and upload again — or replace the formulas with values.`,
      { cells: noValue },
    );
  }
  return sheets;
}
