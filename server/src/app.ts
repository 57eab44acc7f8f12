/**
 * Wiring: middleware, the API routes under /api, the task pane and Office.js as static files, health.
 * Features live in their own folders; this file only mounts them.
 */
import { Hono } from 'hono';
import { existsSync } from 'node:fs';
import { bodyLimit } from 'hono/body-limit';
import { adminRoutes } from './admin/admin.routes.js';
import { approvalRoutes } from './approval/approval.routes.js';
import { pingDatabase } from './db/database.js';
import { authRoutes } from './auth/auth.routes.js';
import { compressResponses, decodeRequestBody } from './http/encoding.js';
import { CACHE_OFFICE_JS, staticFiles, taskpaneCacheControl } from './http/static-files.js';
import { AppError, errorHandler, notFoundHandler } from './http/errors.js';
import type { AppDeps, AppEnv } from './http/env.js';
import { requestLog } from './http/request-log.js';
import { publicRoutes } from './public/public.routes.js';
import { registerRoutes } from './register/register.routes.js';
import { reportRoutes } from './reports/reports.routes.js';
import { roundsRoutes } from './rounds/rounds.routes.js';
import { signingRoutes } from './signing/signing.routes.js';

export function createApp(deps: AppDeps) {
  const { config } = deps;
  const api = new Hono<AppEnv>()
    // gzip both ways (http/encoding.ts): a request body is decoded as a route reads it, through that route's cap; a
    // response is compressed for a client that asks.
    .use('*', decodeRequestBody())
    .use('*', compressResponses())
    // The push endpoint has its own, larger cap (a 10,000-row DIP is several MB); everything else gets the small one.
    .use('*', async (c, next) => {
      if (c.req.method === 'POST' && c.req.path === '/api/register/versions') return next();
      // Uploads and unit submissions have their own cap (server/src/rounds/upload/limits.ts: 10 MB).
      if (c.req.method === 'POST' && (c.req.path === '/api/import' || /^\/api\/rounds\/[^/]+\/submissions$/.test(c.req.path))) return next();
      return bodyLimit({
        maxSize: config.bodyLimitBytes,
        onError: () => {
          throw new AppError(413, 'payload_too_large', 'Isi permintaan terlalu besar.', 'Request body too large.');
        },
      })(c, next);
    })
    .route('/', authRoutes(deps))
    .route('/', adminRoutes(deps))
    .route('/', registerRoutes(deps))
    .route('/', approvalRoutes(deps))
    .route('/', reportRoutes(deps))
    .route('/', roundsRoutes(deps));

  const app = new Hono<AppEnv>();
  if (config.logRequests) app.use('*', requestLog());
  app.onError(errorHandler);
  app.notFound(notFoundHandler);

  app.get('/healthz', async (c) => {
    await pingDatabase(deps.db);
    return c.json({ ok: true });
  });
  app.route('/api', api);
  app.route('/', signingRoutes(deps));
  app.route('/', publicRoutes(deps)); // public site: before the static catch-all, only its own exact paths

  // Office.js from its npm package: tests and air-gapped offices never reach the CDN.
  app.use('/office-js/*', ...staticFiles(config.officeJsDist, { cacheControl: () => CACHE_OFFICE_JS, rewriteRequestPath: (p) => p.replace(/^\/office-js/, '') }));
  if (existsSync(config.addinDist)) {
    app.use('/*', ...staticFiles(config.addinDist, { cacheControl: taskpaneCacheControl }));
  } else {
    // Middleware like the static handler it stands in for, so the app's endpoints are the same built or not
    // (test/authz.test.ts checks them against its table while another test may be building addin/dist).
    app.use('/taskpane.html', async (c) =>
      c.text('Panel tugas belum dibangun: jalankan `npm run build:addin`. / The task pane is not built: run `npm run build:addin`.', 503),
    );
  }
  return app;
}

export type AppType = ReturnType<typeof createApp>;
