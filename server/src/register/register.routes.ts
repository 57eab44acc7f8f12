import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { pushEnvelopeSchema } from '../../../shared/api.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { requireAuth } from '../auth/auth.middleware.js';
import { AppError } from '../http/errors.js';
import { ifNoneMatchHits } from '../http/etag.js';
import { createSlots } from '../http/slots.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { checkedBody, isJsonContentType, malformedRequest, unsupportedContentType, validate } from '../http/validation.js';
import { parseIdempotencyKey, requestHash } from '../idempotency/idempotency.service.js';
import { asFetchText, parsePushBody } from './push-body.js';
import { pushVersion } from './register.push.js';
import * as register from './register.service.js';

const tooLarge = () => {
  throw new AppError(413, 'payload_too_large', 'Isi permintaan terlalu besar.', 'Request body too large.');
};

const diffQuery = z.strictObject({
  from: z.string().regex(/^(0|[1-9][0-9]{0,8}|head|published)$/).optional(),
  to: z.string().regex(/^([1-9][0-9]{0,8}|head|published)$/),
});

/** The parsed body; broken JSON is the contract's 400. */
function readPushBody(bytes: Buffer) {
  try {
    return parsePushBody(bytes);
  } catch (err) {
    if (err instanceof SyntaxError) throw malformedRequest();
    throw err;
  }
}

export function registerRoutes({ db, config }: AppDeps) {
  const readers = requireAuth(db, 'ppid', 'approver', 'admin');

  // A push holds its whole body and parsed rows in memory (~5 MB text, several times that parsed for 10,000 rows):
  // a few at once per instance, a short line, and 503 beyond it keep a burst of large pushes from exhausting memory.
  const pushSlots = createSlots({ concurrency: config.pushConcurrency, maxQueued: config.pushQueue }, {
    id: 'Server sedang memproses banyak versi; coba kirim lagi sebentar lagi.',
    en: 'The server is processing many versions; try the push again shortly.',
  });
  const inPushSlot = createMiddleware<AppEnv>((_c, next) => pushSlots.run(next));

  return new Hono<AppEnv>()
    .get('/register', readers, async (c) => {
      const info = await register.registerInfo(db);
      c.header('ETag', info.etag);
      return c.json({ head: info.head, published: info.published });
    })
    .get('/register/versions', readers, async (c) => c.json({ versions: (await register.listVersionMetas(db)).map(register.toVersionMeta) }))
    .get('/register/versions/:ref', readers, async (c) => {
      const n = await register.resolveVersion(db, c.req.param('ref'));
      const meta = await register.getVersionMeta(db, n);
      const etag = register.etagOf(meta);
      if (ifNoneMatchHits(c.req.header('if-none-match'), [etag])) return c.body(null, 304, { ETag: etag });
      const { json } = await register.versionJson(db, n);
      return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8', ETag: etag, 'Cache-Control': 'private, no-cache' });
    })
    .post(
      '/register/versions',
      requireAuth(db, 'ppid'),
      inPushSlot,
      bodyLimit({ maxSize: config.pushBodyLimitBytes, onError: tooLarge }),
      async (c) => {
        if (!isJsonContentType(c.req.header('content-type'))) throw unsupportedContentType();
        // Read as bytes: rows that arrive in canonical JSON are stored as the bytes they came in (push-body.ts).
        const bytes = Buffer.from(await c.req.arrayBuffer());
        const idempotencyKey = parseIdempotencyKey(c.req.header('idempotency-key'));
        const body = readPushBody(bytes);
        const stored = await pushVersion(db, c.get('user'), checkedBody(body.value, pushEnvelopeSchema), {
          ifMatch: c.req.header('if-match'),
          ifNoneMatch: c.req.header('if-none-match'),
          idempotencyKey,
          // Bound to the body as sent, hashed only when a key needs it (~10 ms for 5 MB).
          requestHash: idempotencyKey === undefined ? '' : requestHash(c.req.method, c.req.path, asFetchText(bytes)),
          spans: body.spans,
        });
        return c.body(stored.body, stored.status as 201, { 'Content-Type': 'application/json; charset=utf-8', ETag: stored.etag });
      },
    )
    .get('/register/diff', readers, validate('query', diffQuery), async (c) => {
      const q = c.req.valid('query');
      const from = q.from === undefined || q.from === '0' ? null : await register.resolveVersion(db, q.from);
      const to = await register.resolveVersion(db, q.to);
      await register.getVersionMeta(db, to);
      if (from !== null) await register.getVersionMeta(db, from);
      return c.json(await register.diffVersions(db, from, to));
    })
    .get('/audit/verify', readers, async (c) => c.json(await verifyAuditChain(db)));
}
