/**
 * One error type for the whole server, serialised in one place (`errorHandler`) as the contract's
 * `{ error: { code, message } }`. Messages are Bahasa Indonesia; `messageEn` carries the English.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDatabaseUnavailable, isUnstorableText } from '../db/db-errors.js';

export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly messageEn?: string,
    /** Extra top-level fields of the error body (e.g. the diff on a 412). */
    readonly extra?: Record<string, unknown>,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, id: string, en: string, details?: unknown) => new AppError(400, code, id, en, undefined, details);
export const unauthorized = (id = 'Silakan masuk terlebih dahulu.', en = 'Please sign in first.') => new AppError(401, 'unauthorized', id, en);
export const forbidden = (id = 'Peran Anda tidak diizinkan melakukan ini.', en = 'Your role is not allowed to do this.') =>
  new AppError(403, 'forbidden', id, en);
export const notFound = (what: string, en: string) => new AppError(404, 'not_found', `${what} tidak ditemukan.`, `${en} not found.`);
export const conflict = (code: string, id: string, en: string) => new AppError(409, code, id, en);
export const unprocessable = (code: string, id: string, en: string, details?: unknown) => new AppError(422, code, id, en, undefined, details);

function body(err: AppError) {
  return {
    ...err.extra,
    error: { code: err.code, message: err.message, ...(err.messageEn ? { messageEn: err.messageEn } : {}), ...(err.details !== undefined ? { details: err.details } : {}) },
  };
}

/** Maps anything thrown to a contract error. Unknown errors are 500 with no detail (the log has it). */
export function errorHandler(err: Error, c: Context) {
  if (err instanceof AppError) return c.json(body(err), err.status);
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) return c.json(body(new AppError(413, 'payload_too_large', 'Isi permintaan terlalu besar.', 'Request body too large.')), 413);
    if (status === 400) return c.json(body(badRequest('malformed_request', 'Permintaan tidak dapat dibaca (JSON rusak?).', 'Malformed request (broken JSON?).')), 400);
    return c.json(body(new AppError(status as ContentfulStatusCode, 'http_error', err.message || 'Permintaan ditolak.', err.message)), status as ContentfulStatusCode);
  }
  if (isUnstorableText(err)) {
    return c.json(body(unprocessable('unstorable_text', 'Teks memuat karakter yang tidak dapat disimpan (mis. karakter NUL).', 'The text holds a character that cannot be stored (e.g. NUL).')), 422);
  }
  if (isDatabaseUnavailable(err)) {
    console.error(JSON.stringify({ level: 'error', msg: 'database unavailable', path: c.req.path, err: err.message }));
    c.header('Retry-After', '5');
    return c.json(body(new AppError(503, 'database_unavailable', 'Basis data sedang tidak dapat dihubungi; coba lagi sebentar lagi.', 'The database cannot be reached; try again shortly.')), 503);
  }
  console.error(JSON.stringify({ level: 'error', msg: 'unhandled error', path: c.req.path, err: err.stack ?? String(err) }));
  return c.json(body(new AppError(500, 'internal_error', 'Terjadi kesalahan pada server.', 'Internal server error.')), 500);
}

export function notFoundHandler(c: Context) {
  return c.json(body(notFound('Alamat', 'Route')), 404);
}
