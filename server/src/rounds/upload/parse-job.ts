/** What the parse worker runs for one upload: the workbook's grids, or the refusal as plain data. */
import { AppError } from '../../http/errors.js';
import type { UploadLimits } from './limits.js';
import { readXlsxGrids, type SheetGrid } from './xlsx-read.js';

export interface ParseJob {
  bytes: Uint8Array;
  limits: UploadLimits;
}

export type ParseReply =
  | { ok: true; grids: SheetGrid[] }
  | { ok: false; error: { status: number; code: string; message: string; messageEn: string | undefined; details: unknown } };

export async function runParseJob(job: ParseJob): Promise<ParseReply> {
  try {
    return { ok: true, grids: await readXlsxGrids(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), job.limits) };
  } catch (err) {
    if (err instanceof AppError) {
      return { ok: false, error: { status: err.status, code: err.code, message: err.message, messageEn: err.messageEn, details: err.details } };
    }
    return { ok: false, error: { status: 422, code: 'unreadable_xlsx', message: 'Isi berkas .xlsx tidak dapat dibaca.', messageEn: 'The .xlsx content could not be read.', details: undefined } };
  }
}
