/**
 * The task pane's files and Office.js, as a slow office line needs them: the bundle's hashed assets cached for a
 * year (a new build has new names), the page and Office.js revalidated by ETag (a 304 costs a round trip, not
 * 2–3 MB), and every text file gzip-compressed for a browser that asks (Office.js for Excel is ~1.3 MB of script,
 * ~4× less compressed). The ETag comes from the file's size and modification time: no file is read to answer a 304.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import { statSync } from 'node:fs';
import { compressResponses } from './encoding.js';

export const CACHE_HASHED = 'public, max-age=31536000, immutable';
/** Office.js changes with a deploy only; a day's staleness after one is harmless (the API does not depend on it). */
export const CACHE_OFFICE_JS = 'public, max-age=86400';
export const CACHE_REVALIDATE = 'no-cache';

/** The file each request was answered with (serveStatic names it after building the response). */
const servedFile = new WeakMap<Context, string>();

/** Tags the file a request was answered with by size and modification time, and says how long it may be kept. */
const tagged =
  (cacheControl: (path: string) => string): MiddlewareHandler =>
  async (c, next) => {
    await next();
    const file = servedFile.get(c);
    if (file === undefined || c.res.status !== 200) return;
    const stats = statSync(file);
    c.res.headers.set('ETag', `"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}"`);
    c.res.headers.set('Cache-Control', cacheControl(file));
  };

/**
 * Middleware for static files under `root` (`rewriteRequestPath` maps the URL path to the file): compressed, tagged
 * and cached. A path with no file goes on to what comes after.
 */
export function staticFiles(root: string, opts: { cacheControl: (path: string) => string; rewriteRequestPath?: (path: string) => string }): MiddlewareHandler[] {
  return [
    // The API's compressor (level 1, thread pool): one mechanism for every answer the server compresses itself.
    compressResponses(),
    etag(),
    tagged(opts.cacheControl),
    serveStatic({
      root,
      onFound: (file, c) => {
        servedFile.set(c, file);
      },
      ...(opts.rewriteRequestPath ? { rewriteRequestPath: opts.rewriteRequestPath } : {}),
    }),
  ];
}

/** Vite's output: `assets/<name>-<hash>.<ext>` never changes under its name; anything else (taskpane.html) may. */
export const taskpaneCacheControl = (path: string) => (/[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.(js|css)$/.test(path) ? CACHE_HASHED : CACHE_REVALIDATE);
