/**
 * Compressed bodies on the API, both ways. A push of 10,000 rows is ~4 MB of JSON and pulling a version more; gzip
 * makes real DIP JSON several times smaller, and a PPID office on a slow line waits on bytes, not on the server
 * (which spends a few ms per MB on it).
 *
 * Requests: a body sent with `Content-Encoding: gzip` reaches the routes decoded, as a stream that is only
 * decompressed as a route reads it — after its sign-in check, inside the push's slots — and through the route's own
 * body cap, which counts the decoded bytes as they come (the push's 16 MB, uploads' 10 MB, 1 MB elsewhere). A gzip
 * bomb is therefore a 413 once it has inflated past that cap, never a server out of memory, and a request that is
 * refused before its body is read costs no decompressing at all. Any other coding is a 415; a broken gzip body a
 * 400. Either way nothing changes.
 * Responses: hono/compress, for clients that ask (every browser does). It turns a strong ETag weak (the bytes differ
 * from the identity body's); `If-Match` and `If-None-Match` here compare the tag without its `W/`, since an API tag
 * names a register version, not a byte string (register.service.ts `checkPrecondition`, http/etag.ts).
 */
import type { MiddlewareHandler } from 'hono';
import { AppError, badRequest } from './errors.js';
import type { AppEnv } from './env.js';

const unsupportedEncoding = (coding: string) =>
  new AppError(
    415,
    'unsupported_content_encoding',
    `Content-Encoding "${coding.slice(0, 40)}" tidak didukung: kirim tanpa kompresi atau dengan gzip.`,
    `Content-Encoding "${coding.slice(0, 40)}" is not supported: send the body uncompressed or as gzip.`,
  );

const brokenGzip = () =>
  badRequest('malformed_request', 'Isi permintaan gzip rusak atau terpotong.', 'The gzip request body is broken or cut short.');

/** `body` decompressed as it is read; a broken stream fails the read with the contract's 400. */
function gunzipped(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  // DOM typings give the stream's writable side BufferSource, wider than the body's chunks: same stream, narrower name.
  const gunzip = new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
  const reader = body.pipeThrough(gunzip).getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch {
        controller.error(brokenGzip());
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** Decodes gzip request bodies for the routes (see above). */
export function decodeRequestBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const coding = c.req.header('content-encoding')?.trim().toLowerCase();
    if (!coding || coding === 'identity') return next();
    if (coding !== 'gzip' && coding !== 'x-gzip') throw unsupportedEncoding(coding);
    const raw = c.req.raw;
    if (raw.body) {
      const headers = new Headers(raw.headers);
      headers.delete('content-encoding');
      // The decoded length is known only once read: without a length, the routes' caps count the bytes as they stream.
      headers.delete('content-length');
      c.req.raw = new Request(raw.url, { method: raw.method, headers, body: gunzipped(raw.body), duplex: 'half', signal: raw.signal } as RequestInit);
    }
    return next();
  };
}
