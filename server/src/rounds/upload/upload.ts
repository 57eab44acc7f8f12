/**
 * The edge of every file upload: take the `file` part of a multipart body (the body's size is capped by the
 * route's bodyLimit before this runs), tell .xlsx from .csv by content, and read it into grids under a small
 * per-instance limit on parses running at once, so a burst of large uploads queues instead of exhausting memory.
 */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError, badRequest } from '../../http/errors.js';
import { createSlots } from '../../http/slots.js';
import { decodeText, parseCsv } from './csv.js';
import { UPLOAD_LIMITS, type UploadLimits } from './limits.js';
import { UploadRefused } from './refusal.js';
import { assertZip } from './xlsx-guard.js';
import { parseXlsxInWorker } from './parse-pool.js';
import type { SheetGrid } from './xlsx-read.js';

export interface UploadedFile {
  name: string;
  bytes: Buffer;
  kind: 'xlsx' | 'csv';
}

export const isMultipart = (c: Context) => /^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '');

/** Route middleware: bodies over the upload cap are refused with 413 while they stream in. */
export const uploadBodyLimit = (limits: UploadLimits = UPLOAD_LIMITS) =>
  bodyLimit({
    maxSize: limits.maxBytes,
    onError: () => {
      throw new UploadRefused(
        413,
        'payload_too_large',
        `Berkas terlalu besar (maks. ${Math.round(limits.maxBytes / 1048576)} MB).`,
        `File too large (max ${Math.round(limits.maxBytes / 1048576)} MB).`,
      );
    },
  });

/** The uploaded file from the multipart field `file`. */
export async function readUploadedFile(c: Context): Promise<UploadedFile> {
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw badRequest('malformed_multipart', 'Isi multipart tidak dapat dibaca.', 'The multipart body could not be read.');
  }
  const file = body.file;
  if (!(file instanceof File)) {
    throw badRequest('file_missing', 'Sertakan berkas pada kolom "file".', 'Send the file in the form field "file".');
  }
  const bytes = Buffer.from(await file.arrayBuffer());
  if (bytes.length === 0) throw new UploadRefused(422, 'empty_file', 'Berkas kosong.', 'The file is empty.');
  const name = file.name.slice(0, 200);
  const magic = bytes.length >= 4 ? bytes.readUInt32BE(0) : 0;
  if (magic === 0x504b0304 || magic === 0xd0cf11e0) {
    assertZip(bytes);
    return { name, bytes, kind: 'xlsx' };
  }
  if (/\.(csv|txt)$/i.test(name) || /^text\/(csv|plain)\b/i.test(file.type)) return { name, bytes, kind: 'csv' };
  throw new UploadRefused(415, 'unsupported_file_type', 'Jenis berkas tidak didukung: unggah .xlsx atau .csv.', 'Unsupported file type: upload an .xlsx or a .csv.');
}

const parseSlots = createSlots(
  { concurrency: UPLOAD_LIMITS.concurrentParses, maxQueued: UPLOAD_LIMITS.maxQueued },
  { id: 'Server sedang memproses banyak berkas; coba lagi sebentar lagi.', en: 'The server is processing many files; try again shortly.' },
);

/** Runs `fn` when a parse slot is free; refuses with 503 when the line is already long. */
export function withParseSlot<T>(fn: () => Promise<T>, limits: UploadLimits = UPLOAD_LIMITS): Promise<T> {
  return parseSlots.run(fn, { concurrency: limits.concurrentParses, maxQueued: limits.maxQueued });
}

/** The file's sheets as grids (a CSV is one sheet named after the file). */
export async function readGrids(file: UploadedFile, limits: UploadLimits = UPLOAD_LIMITS): Promise<SheetGrid[]> {
  return withParseSlot(async () => {
    if (file.kind === 'xlsx') return parseXlsxInWorker(file.bytes, limits);
    const rows = parseCsv(decodeText(file.bytes), limits.maxRows, limits.maxColumns);
    return [{ name: file.name, state: 'visible', grid: rows, sheetRows: rows.map((_, i) => i + 1), truncatedColumns: false }];
  }, limits);
}
