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
 * Responses: gzip at level 1, for clients that ask (every browser does), in zlib's thread pool. Level 1 because
 * the server may answer many pulls at once on two cores: ~3 ms for a 1 MB pull where hono/compress (level 6,
 * through web streams) takes several times that, for most of the size gain (docs/benchmarks.md). A strong ETag turns weak (the bytes differ from the identity body's); `If-Match` and `If-None-Match` here
 * compare the tag without its `W/`, since an API tag names a register version, not a byte string
 * (register.service.ts `checkPrecondition`, http/etag.ts).
 */
import type { MiddlewareHandler } from 'hono';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { AppError, badRequest } from './errors.js';
import type { AppEnv } from './env.js';

const gzipAsync = promisify(gzip);

/** Smaller answers are not worth a compressor's time or its header bytes. */
const COMPRESS_FROM_BYTES = 1024;
const COMPRESSIBLE = /^(application\/([a-z.+-]*\+)?json|text\/)/i;

/** Whether Accept-Encoding allows gzip (a q of 0 refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** Compresses answers (JSON, text: the API's, the task pane's files) for clients that take gzip (see above). */
export function compressResponses(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!res.body || c.req.method === 'HEAD' || res.headers.has('content-encoding') || !COMPRESSIBLE.test(res.headers.get('content-type') ?? '')) return;
    if (!/\baccept-encoding\b/i.test(res.headers.get('Vary') ?? '')) res.headers.append('Vary', 'Accept-Encoding');
    const declared = res.headers.get('content-length');
    if (!acceptsGzip(c.req.header('accept-encoding')) || (declared !== null && Number(declared) < COMPRESS_FROM_BYTES)) return;
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length < COMPRESS_FROM_BYTES) {
      c.res = new Response(body, res);
      return;
    }
    const packed = await gzipAsync(body, { level: 1 });
    c.res = new Response(new Uint8Array(packed.buffer as ArrayBuffer, packed.byteOffset, packed.byteLength), res);
    // Set after the assignment: Hono's `res` setter copies the old answer's headers over the new one's, and a stale
    // Content-Length would leave the client waiting for bytes that never come.
    c.res.headers.set('Content-Encoding', 'gzip');
    c.res.headers.set('Content-Length', String(packed.length));
    const tag = c.res.headers.get('ETag');
    if (tag && !tag.startsWith('W/')) c.res.headers.set('ETag', `W/${tag}`);
  };
}

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
