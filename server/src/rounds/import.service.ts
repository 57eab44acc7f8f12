/**
 * Importing a DIP that already exists (last year's workbook, another office's layout): find the sheet with a DIP
 * header, map its columns and normalise its values (shared/grid.ts), validate the rows, and say row by row what
 * could not be understood. Nothing is stored: the PPID reviews the rows in the task pane and pushes them.
 */
import { parseDipGrid, type ParsedGrid } from '../../../shared/grid.js';
import type { ValidationIssue } from '../../../shared/issues.js';
import { summarizeIssues, validateRows } from '../../../shared/validate.js';
import { knownUnitNames } from '../auth/auth.service.js';
import type { Db } from '../db/database.js';
import { unprocessable } from '../http/errors.js';
import type { ImportResponse } from './rounds.contract.js';
import { META_SHEET } from './template-meta.js';
import type { SheetGrid } from './upload/xlsx-read.js';

function pickSheet(sheets: readonly SheetGrid[], wanted: string | undefined): { sheet: SheetGrid; parsed: ParsedGrid } {
  if (wanted !== undefined) {
    const sheet = sheets.find((s) => s.name === wanted);
    if (!sheet) {
      throw unprocessable('sheet_not_found', `Lembar "${wanted}" tidak ada. Lembar yang ada: ${sheets.map((s) => s.name).join(', ')}.`, `Sheet "${wanted}" does not exist. Sheets: ${sheets.map((s) => s.name).join(', ')}.`);
    }
    return { sheet, parsed: parseDipGrid(sheet.grid) };
  }
  const visible = sheets.filter((s) => s.state === 'visible' && s.name !== META_SHEET);
  let first: { sheet: SheetGrid; parsed: ParsedGrid } | undefined;
  for (const sheet of visible) {
    const parsed = parseDipGrid(sheet.grid);
    if (parsed.headerRow >= 0) return { sheet, parsed };
    first ??= { sheet, parsed };
  }
  if (!first) throw unprocessable('no_sheet', 'Berkas tidak memiliki lembar yang terlihat.', 'The file has no visible sheet.');
  return first;
}

export async function importDip(db: Db, sheets: readonly SheetGrid[], fileName: string, wantedSheet?: string): Promise<ImportResponse> {
  const { sheet, parsed } = pickSheet(sheets, wantedSheet);
  const sourceRows = parsed.sourceRows.map((i) => sheet.sheetRows[i]!);
  const knownUnits = await knownUnitNames(db);
  const issues: ValidationIssue[] = [...parsed.issues];
  if (sheet.truncatedColumns) {
    issues.push({
      rowId: null,
      rowIndex: -1,
      field: null,
      severity: 'warning',
      code: 'columns_ignored',
      message: 'Kolom di sebelah kanan kolom ke-64 diabaikan.',
    });
  }
  issues.push(...validateRows(parsed.rows, { knownUnits, rowNumber: (i) => sourceRows[i] ?? i + 2 }));
  return {
    fileName,
    sheet: sheet.name,
    sheets: sheets.filter((s) => s.name !== META_SHEET).map((s) => s.name),
    rows: parsed.rows,
    issues,
    sourceRows,
    summary: summarizeIssues(issues),
  };
}
