/**
 * The public site: pages (/, /dip, /riwayat), downloads (/dip.json, /dip.csv, /dip.csv?pemisah=titik-koma,
 * /dip.xlsx) and its stylesheet.
 * No login. Every body is derived from an immutable published version, so it is cached in memory under a key
 * holding that version's number and content hash, and sent with a strong ETag.
 *
 * Mounted at '/' before the task pane's static files. Security headers are attached per route, never with
 * `use('*')`: a sub-app's wildcard middleware would also wrap /taskpane.html, which Office must be able to frame.
 */
import { Hono, type Context } from 'hono';
import { readFileSync } from 'node:fs';
import { nodeSha256 } from '../crypto.js';
import { notFound } from '../http/errors.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { Lru, singleFlight } from './public.cache.js';
import { dipCsv, dipJson, dipXlsx } from './public.exports.js';
import { filterDip, parseDipQuery, queryString } from './public.filter.js';
import { createDiffCache, publishedHistory } from './public.history.js';
import {
  CACHE_ARCHIVE,
  CACHE_CURRENT,
  CACHE_IMMUTABLE,
  notModified,
  openDataSecurity,
  publicSecurity,
  rendered,
  renderedSize,
  send,
  strongEtag,
  type Rendered,
} from './public.http.js';
import { createDipCache, listPublished, loadPublished, resolvePublished, type PublishedDip } from './public.service.js';
import { dipPage, versionNotFoundPage } from './views/dip.view.js';
import { riwayatPage } from './views/riwayat.view.js';

const CSS = readFileSync(new URL('./assets/publik.css', import.meta.url), 'utf8');
const CSS_HASH = nodeSha256(CSS).slice(0, 16);
const CSS_HREF = `/static/publik.css?v=${CSS_HASH}`;
const HTML = 'text/html; charset=utf-8';
const CSS_BODY = rendered(CSS, 'text/css; charset=utf-8', `"css-${CSS_HASH}"`);

const CSV = 'text/csv; charset=utf-8';
/** Keyed by the ETag's kind: each download is its own resource, with its own tag and cache entry. */
const DOWNLOADS = {
  json: { type: 'application/json; charset=utf-8', file: null, make: (d: PublishedDip) => dipJson(d) },
  csv: { type: CSV, file: (v: number) => `dip-versi-${v}.csv`, make: (d: PublishedDip) => dipCsv(d, ',') },
  'csv-titik-koma': { type: CSV, file: (v: number) => `dip-versi-${v}-titik-koma.csv`, make: (d: PublishedDip) => dipCsv(d, ';') },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', file: (v: number) => `dip-versi-${v}.xlsx`, make: (d: PublishedDip) => dipXlsx(d) },
} as const;
type DownloadKind = keyof typeof DOWNLOADS;

/**
 * `/dip.csv?pemisah=titik-koma` is the semicolon file for Excel set to Indonesian. A query parameter rather than a
 * path of its own: /dip.csv stays the one CSV address, and any other value (or none) is the comma file that
 * scripts read, as the site ignores a parameter it cannot read rather than refusing it.
 */
const csvKind = (c: Context<AppEnv>): DownloadKind => (c.req.query('pemisah') === 'titik-koma' ? 'csv-titik-koma' : 'csv');

export function publicRoutes({ db }: AppDeps) {
  const dips = createDipCache();
  const diffs = createDiffCache();
  // Rendered pages and files by ETag: the four downloads of a 5,000-row version are a few MB together.
  const bodies = new Lru<Rendered>(512, 96 * 1024 * 1024, renderedSize);
  const currentPublished = singleFlight(() => resolvePublished(db, null));
  const published = (versi: number | null) => (versi === null ? currentPublished() : resolvePublished(db, versi));

  async function dipHandler(c: Context<AppEnv>) {
    const q = parseDipQuery((name) => c.req.query(name));
    const current = await published(q.versi);
    // The version in force is read at /dip: an archive link to it is sent there (and says nothing of "arsip").
    if (q.versi !== null && current && (await currentPublished())?.version === q.versi) {
      return c.redirect(`/dip${queryString({ ...q, versi: null })}`, 302);
    }
    if (q.versi !== null && !current) {
      return send(c, rendered(String(versionNotFoundPage(CSS_HREF, q.versi)), HTML, strongEtag('dip-404', null, String(q.versi))), CACHE_CURRENT, 404);
    }
    const etag = strongEtag('dip', current, queryString(q));
    const cacheControl = q.versi !== null ? CACHE_ARCHIVE : CACHE_CURRENT;
    const fresh = notModified(c, etag, cacheControl);
    if (fresh) return fresh;
    const body = await bodies.getOrLoad(etag, async () => {
      const dip = current ? await loadPublished(db, dips, current) : null;
      const page = dipPage({ dip, query: q, result: dip ? filterDip(dip, q) : null, cssHref: CSS_HREF });
      return rendered(String(page), HTML, etag);
    });
    return send(c, body, cacheControl);
  }

  function download(kindOf: (c: Context<AppEnv>) => DownloadKind) {
    return async (c: Context<AppEnv>) => {
      const kind = kindOf(c);
      const { versi } = parseDipQuery((name) => c.req.query(name));
      const current = await published(versi);
      if (!current) throw notFound(versi === null ? 'DIP yang diterbitkan' : `Versi terbit ${versi}`, versi === null ? 'Published DIP' : `Published version ${versi}`);
      const etag = strongEtag(kind, current);
      const cacheControl = versi !== null ? CACHE_ARCHIVE : CACHE_CURRENT;
      const fresh = notModified(c, etag, cacheControl);
      if (fresh) return fresh;
      const spec = DOWNLOADS[kind];
      const body = await bodies.getOrLoad(etag, async () => {
        const dip = await loadPublished(db, dips, current);
        const headers: Record<string, string> = spec.file ? { 'Content-Disposition': `attachment; filename="${spec.file(dip.version)}"` } : {};
        if (kind === 'json') headers['Access-Control-Allow-Origin'] = '*';
        return rendered(await spec.make(dip), spec.type, etag, headers);
      });
      return send(c, body, cacheControl);
    };
  }

  return new Hono<AppEnv>()
    .get('/', publicSecurity, dipHandler)
    .get('/dip', publicSecurity, dipHandler)
    .get('/riwayat', publicSecurity, async (c) => {
      const [versions, current] = await Promise.all([listPublished(db), currentPublished()]);
      const etag = strongEtag('riwayat', current, versions.map((v) => `${v.version}:${v.content_hash}`).join(','));
      const fresh = notModified(c, etag, CACHE_CURRENT);
      if (fresh) return fresh;
      const body = await bodies.getOrLoad(etag, async () =>
        rendered(String(riwayatPage(await publishedHistory(db, dips, diffs, versions), current?.version ?? null, CSS_HREF)), HTML, etag),
      );
      return send(c, body, CACHE_CURRENT);
    })
    .get('/dip.json', openDataSecurity, download(() => 'json'))
    .get('/dip.csv', publicSecurity, download(csvKind))
    .get('/dip.xlsx', publicSecurity, download(() => 'xlsx'))
    .get('/static/publik.css', publicSecurity, (c) =>
      send(c, CSS_BODY, c.req.query('v') === CSS_HASH ? CACHE_IMMUTABLE : CACHE_CURRENT),
    );
}
