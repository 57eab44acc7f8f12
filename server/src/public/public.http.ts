/**
 * HTTP details of the public site: strong ETags from (version, content hash, query), 304s, gzip done once per
 * cached body, cache lifetimes, and the security headers (strict CSP, no framing) that apply to these routes only —
 * the task pane, served by the same app, must stay frameable by Office on the web.
 */
import type { Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { gzipSync } from 'node:zlib';
import { nodeSha256 } from '../crypto.js';
import { acceptsGzip } from '../http/encoding.js';
import { ifNoneMatchHits } from '../http/etag.js';

/** Bump when the pages or the export files change shape, so caches holding an old rendering revalidate to 200. */
export const RENDER_REV = 'r3';

export interface Rendered {
  body: Buffer;
  /** The gzip of `body` when worth it (computed once: bodies are cached per version and query). */
  gzip: Buffer | null;
  contentType: string;
  /** Strong ETag of the identity body; the gzip body's tag is derived from it. */
  etag: string;
  headers?: Record<string, string>;
}

const GZIP_MIN_BYTES = 1024;

export function rendered(body: string | Buffer, contentType: string, etag: string, headers?: Record<string, string>): Rendered {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  // XLSX is already a zip: compressing it again costs time and saves nothing.
  const compressible = !contentType.includes('spreadsheetml') && buf.length >= GZIP_MIN_BYTES;
  return { body: buf, gzip: compressible ? gzipSync(buf, { level: 6 }) : null, contentType, etag, ...(headers ? { headers } : {}) };
}

export const renderedSize = (r: Rendered) => r.body.length + (r.gzip?.length ?? 0);

/**
 * `"<kind>-v<version>-<hash16>-<digest>"`: the version and content hash say which published list, the digest covers
 * the canonical query and the rendering revision. Equal inputs → equal tag on every instance.
 */
export function strongEtag(kind: string, version: { version: number; content_hash: string } | null, query = ''): string {
  const digest = nodeSha256(`${RENDER_REV}\n${kind}\n${query}`).slice(0, 12);
  return version ? `"${kind}-v${version.version}-${version.content_hash.slice(0, 16)}-${digest}"` : `"${kind}-none-${digest}"`;
}

const gzipTag = (etag: string) => `${etag.slice(0, -1)}-gz"`;


export const CACHE_CURRENT = 'public, max-age=60';
export const CACHE_ARCHIVE = 'public, max-age=3600';
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * A 304 when the client already holds this ETag (either encoding), before anything is loaded or rendered;
 * null otherwise.
 */
export function notModified(c: Context, etag: string, cacheControl: string): Response | null {
  if (!ifNoneMatchHits(c.req.header('if-none-match'), [etag, gzipTag(etag)])) return null;
  const gz = acceptsGzip(c.req.header('accept-encoding'));
  return c.body(null, 304, { ETag: gz ? gzipTag(etag) : etag, 'Cache-Control': cacheControl, Vary: 'Accept-Encoding' });
}

/** Sends a rendered body: 304 when the client has it, gzip when the client takes it. */
export function send(c: Context, r: Rendered, cacheControl: string, status: 200 | 404 = 200): Response {
  const gz = r.gzip !== null && acceptsGzip(c.req.header('accept-encoding'));
  const tag = gz ? gzipTag(r.etag) : r.etag;
  const common: Record<string, string> = { ETag: tag, 'Cache-Control': cacheControl, Vary: 'Accept-Encoding', ...r.headers };
  if (status === 200 && ifNoneMatchHits(c.req.header('if-none-match'), [r.etag, gzipTag(r.etag)])) return c.body(null, 304, common);
  const body = gz ? r.gzip! : r.body;
  // A Buffer's backing store is typed ArrayBufferLike (it could be shared); ours never is.
  return c.body(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), status, {
    ...common,
    'Content-Type': r.contentType,
    'Content-Length': String(body.length),
    ...(gz ? { 'Content-Encoding': 'gzip' } : {}),
  });
}

const CSP = {
  defaultSrc: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};

/** For the pages and downloads: no script may run, nothing may frame them. */
export const publicSecurity = secureHeaders({ contentSecurityPolicy: CSP, xFrameOptions: 'DENY' });

/** For /dip.json: the same, but other sites may read it (open data): CORS and CORP allow any origin. */
export const openDataSecurity = secureHeaders({ contentSecurityPolicy: CSP, xFrameOptions: 'DENY', crossOriginResourcePolicy: 'cross-origin' });
