/**
 * Compressed bodies on the API, both ways. A push of 10,000 rows is ~4 MB of JSON and pulling a version more; gzip
 * makes real DIP JSON several times smaller, and a PPID office on a slow line waits on bytes, not on the server
 * (which spends a few ms per MB on it).
 *
 * Requests: a body sent with `Content-Encoding: gzip` is decoded here, before any route, into the body the route
 * reads; the routes' own limits then apply to the decoded size (the push's 16 MB, the small default elsewhere).
 * Reading and decoding stop at the largest of them, so a small gzip bomb is a 413 and never fills memory. Any other
 * coding is a 415; either way nothing is read further and nothing changes.
 * Responses: hono/compress, for clients that ask (every browser does). It turns a strong ETag weak (the bytes differ
 * from the identity body's); `If-Match` and `If-None-Match` here compare the tag without its `W/`, since an API tag
 * names a register version, not a byte string (register.service.ts `sameTag`).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { AppError, badRequest } from './errors.js';
import type { AppEnv } from './env.js';

const gunzipAsync = promisify(gunzip);

const tooLarge = () => new AppError(413, 'payload_too_large', 'Isi permintaan terlalu besar.', 'Request body too large.');

const unsupportedEncoding = (coding: string) =>
  new AppError(
    415,
    'unsupported_content_encoding',
    `Content-Encoding "${coding.slice(0, 40)}" tidak didukung: kirim tanpa kompresi atau dengan gzip.`,
    `Content-Encoding "${coding.slice(0, 40)}" is not supported: send the body uncompressed or as gzip.`,
  );

const brokenGzip = () =>
  badRequest('malformed_request', 'Isi permintaan gzip rusak atau terpotong.', 'The gzip request body is broken or cut short.');

/** Decodes gzip request bodies (see above); `maxBytes` bounds both the bytes read and the bytes decoded. */
export function decodeRequestBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  return async (c, next) => {
    const coding = c.req.header('content-encoding')?.trim().toLowerCase();
    if (!coding || coding === 'identity') return next();
    if (coding !== 'gzip' && coding !== 'x-gzip') throw unsupportedEncoding(coding);
    let wire: ArrayBuffer | undefined;
    await limit(c, async () => {
      wire = await c.req.arrayBuffer();
    });
    let body: Buffer;
    try {
      body = await gunzipAsync(new Uint8Array(wire!), { maxOutputLength: maxBytes });
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
      throw brokenGzip();
    }
    // The routes read the decoded body as if it had been sent so; its length is what their limits see.
    const headers = new Headers(c.req.raw.headers);
    headers.delete('content-encoding');
    headers.set('content-length', String(body.length));
    c.req.raw = new Request(c.req.raw.url, { method: c.req.method, headers, body: new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), signal: c.req.raw.signal });
    c.req.bodyCache = {};
    return next();
  };
}
