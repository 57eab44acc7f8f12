/**
 * Reads a filled unit template back: checks it is this round's template for this unit, in the current layout and
 * issued after the PPID's latest review, then turns its "DIP" sheet into rows with shared/grid.ts.
 */
import { DIP_COLUMNS, DIP_HEADERS } from '../../../shared/columns.js';
import { parseDipGrid } from '../../../shared/grid.js';
import type { ValidationIssue } from '../../../shared/issues.js';
import { normalizeText } from '../../../shared/normalize.js';
import type { DipRow } from '../../../shared/row.js';
import { unprocessable } from '../http/errors.js';
import { DATA_SHEET, META_SHEET, TEMPLATE_VERSION, readMeta, type TemplateMeta } from './template-meta.js';
import type { SheetGrid } from './upload/xlsx-read.js';

export interface TemplateUpload {
  meta: TemplateMeta;
  rows: DipRow[];
  /** What could not be read, row by row (rowIndex indexes `rows`). */
  issues: ValidationIssue[];
  /** The sheet row of each row. */
  sourceRows: number[];
}

export interface TemplateExpectation {
  roundId: number;
  unitCode: string;
  /** The PPID's latest decision on this unit's rows: a template issued before it misses the comments. */
  lastReviewAt: Date | null;
}

export function readTemplateUpload(sheets: readonly SheetGrid[], expect: TemplateExpectation): TemplateUpload {
  const metaSheet = sheets.find((s) => s.name === META_SHEET);
  const meta = metaSheet ? readMeta(metaSheet.grid) : null;
  if (!meta) {
    throw unprocessable(
      'not_a_template',
      'Berkas ini bukan template putaran DIP Sync. Unduh template unit Anda dari putaran ini; untuk DIP dengan format lain gunakan Impor DIP.',
      'This file is not a DIP Sync round template. Download your unit’s template for this round; for a DIP in another layout use Import.',
    );
  }
  if (meta.templateVersion !== TEMPLATE_VERSION) {
    throw unprocessable('template_outdated', 'Template ini versi lama. Unduh template terbaru lalu pindahkan isian Anda ke sana.', 'This template is an old version. Download the current template and move your entries into it.', { templateVersion: meta.templateVersion, current: TEMPLATE_VERSION });
  }
  if (meta.roundId !== expect.roundId) {
    throw unprocessable('wrong_round', `Template ini untuk putaran ${meta.roundId}, bukan putaran ${expect.roundId}.`, `This template is for round ${meta.roundId}, not round ${expect.roundId}.`, { templateRound: meta.roundId });
  }
  if (meta.unitCode !== expect.unitCode) {
    throw unprocessable('wrong_unit', `Template ini untuk unit ${meta.unitCode}, bukan unit Anda (${expect.unitCode}).`, `This template is for unit ${meta.unitCode}, not your unit (${expect.unitCode}).`, { templateUnit: meta.unitCode });
  }
  if (expect.lastReviewAt && (meta.reviewedThrough === '' || Date.parse(meta.reviewedThrough) < expect.lastReviewAt.getTime())) {
    throw unprocessable(
      'template_stale',
      'Template ini dibuat sebelum PPID memverifikasi kiriman Anda, jadi belum memuat catatan PPID. Unduh template terbaru lalu kirim ulang.',
      'This template was issued before the PPID reviewed your submission and lacks the PPID’s comments. Download the latest template and resubmit.',
      { issuedAt: meta.issuedAt, lastReviewAt: expect.lastReviewAt.toISOString() },
    );
  }

  const sheet = sheets.find((s) => s.name === DATA_SHEET);
  const header = sheet?.grid[0]?.slice(0, DIP_COLUMNS.length).map((c) => normalizeText(c)) ?? [];
  if (!sheet || sheet.sheetRows[0] !== 1 || header.join('\n') !== DIP_HEADERS.join('\n')) {
    throw unprocessable(
      'template_modified',
      `Lembar "${DATA_SHEET}" atau baris judul kolomnya diubah. Gunakan template tanpa mengubah baris judul.`,
      `Sheet "${DATA_SHEET}" or its header row was changed. Use the template without changing the header row.`,
    );
  }
  // Only the DIP columns: "Status Verifikasi" and "Catatan PPID" are for reading, not for sending back.
  const parsed = parseDipGrid(sheet.grid.map((r) => r.slice(0, DIP_COLUMNS.length)));
  return { meta, rows: parsed.rows, issues: parsed.issues, sourceRows: parsed.sourceRows.map((i) => sheet.sheetRows[i]!) };
}
